//! A mock runtime: System, Balances and this pallet, with a membership stand-in whose members the
//! tests set, and a common fund that keeps what it is paid on its own account, by source.

use crate as pallet_contributions;
use crate::{Equation, EquationOf, Kind, ProjectId};
use core::cell::RefCell;
use frame_support::{
	assert_ok, derive_impl, parameter_types,
	traits::{fungible::Mutate, tokens::Preservation, ConstU32, Hooks},
	PalletId,
};
use sp_core::H256;
use sp_runtime::{BuildStorage, DispatchResult, Perbill};
use std::collections::{BTreeMap, BTreeSet};
use synergy_primitives::Inflow;

pub type AccountId = u64;
pub type Balance = u128;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type Accounting = pallet_contributions;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = frame_system::mocking::MockBlock<Test>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = frame_support::traits::ConstU128<ED>;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

/// The sausage cycle: members.
pub const FARMER: AccountId = 1;
pub const WORKSHOP: AccountId = 2;
pub const FEED: AccountId = 3;
pub const TRANSPORT: AccountId = 4;
pub const BUTCHER: AccountId = 5;
/// Not a member.
pub const BUYER: AccountId = 6;
/// Holds nothing.
pub const PAUPER: AccountId = 7;
/// The common fund's account.
pub const FUND: AccountId = 100;

pub const ED: Balance = 5;
pub const WEALTH: Balance = 1_000_000_000;
pub const CHALLENGE: u64 = 10;
pub const VOTING: u64 = 5;
pub const MAX_PARTICIPANTS: u32 = 6;
pub const MAX_ORGANISERS: u32 = 3;
pub const DEADLINE_PAGE_SIZE: u32 = 3;
pub const DEADLINE_PAGES_PER_BLOCK: u32 = 1;
pub const MAX_PENDING: u32 = 4;
pub const MAX_OPEN_MOTIONS: u32 = 2;

thread_local! {
	static MEMBERS: RefCell<BTreeSet<AccountId>> = const { RefCell::new(BTreeSet::new()) };
	static BLOCKED: RefCell<BTreeSet<AccountId>> = const { RefCell::new(BTreeSet::new()) };
	static INFLOWS: RefCell<BTreeMap<u8, Balance>> = const { RefCell::new(BTreeMap::new()) };
}

/// Makes `who` a member.
pub fn admit(who: AccountId) {
	MEMBERS.with(|m| m.borrow_mut().insert(who));
}

/// Ends the membership of `who`.
pub fn depart(who: AccountId) {
	MEMBERS.with(|m| m.borrow_mut().remove(&who));
}

/// Blocks `who`, as an open complaint would.
pub fn block(who: AccountId) {
	BLOCKED.with(|b| b.borrow_mut().insert(who));
}

pub struct Members;
impl synergy_primitives::MembershipInspect<AccountId> for Members {
	fn is_member(who: &AccountId) -> bool {
		MEMBERS.with(|m| m.borrow().contains(who))
	}
	fn is_in_good_standing(who: &AccountId) -> bool {
		Self::is_member(who) && !BLOCKED.with(|b| b.borrow().contains(who))
	}
	fn class_of(_: &AccountId) -> Option<synergy_primitives::ClassId> {
		None
	}
	fn guarantors_of(_: &AccountId) -> Vec<AccountId> {
		Vec::new()
	}
	fn member_count() -> u32 {
		MEMBERS.with(|m| m.borrow().len() as u32)
	}
	fn membership_number(_: &AccountId) -> Option<u32> {
		None
	}
	fn next_membership_number() -> u32 {
		0
	}
}

/// The common fund: what it is paid goes to [`FUND`], counted by source.
pub struct Fund;
impl synergy_primitives::CommonFund<AccountId, Balance> for Fund {
	fn pay_in(from: &AccountId, amount: Balance, source: Inflow) -> DispatchResult {
		if amount == 0 {
			return Ok(());
		}
		Balances::transfer(from, &FUND, amount, Preservation::Expendable)?;
		INFLOWS.with(|i| *i.borrow_mut().entry(source as u8).or_default() += amount);
		Ok(())
	}
}

/// What the fund received from `source`.
pub fn inflow(source: Inflow) -> Balance {
	INFLOWS.with(|i| i.borrow().get(&(source as u8)).copied().unwrap_or_default())
}

parameter_types! {
	pub const ContributionsPalletId: PalletId = PalletId(*b"syn/cont");
	/// Half of a challenge's electorate must vote.
	pub const ChallengeQuorum: Perbill = Perbill::from_percent(50);
	pub const DefaultMinFundShare: Perbill = Perbill::from_percent(5);
	pub const MaxMinFundShare: Perbill = Perbill::from_percent(50);
}

impl pallet_contributions::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Members = Members;
	type Fund = Fund;
	type PalletId = ContributionsPalletId;
	type MaxParticipants = ConstU32<MAX_PARTICIPANTS>;
	type MaxOrganisers = ConstU32<MAX_ORGANISERS>;
	type MaxCustomKinds = ConstU32<2>;
	type DeadlinePageSize = ConstU32<DEADLINE_PAGE_SIZE>;
	type DeadlinePagesPerBlock = ConstU32<DEADLINE_PAGES_PER_BLOCK>;
	type MaxPendingPerParticipant = ConstU32<MAX_PENDING>;
	type MaxOpenMotions = ConstU32<MAX_OPEN_MOTIONS>;
	type ChallengeQuorum = ChallengeQuorum;
	type DefaultMinFundShare = DefaultMinFundShare;
	type MaxMinFundShare = MaxMinFundShare;
	type ParameterOrigin = frame_system::EnsureRoot<AccountId>;
	type MaxListed = ConstU32<16>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Admit;
}

/// Admits members for the benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct Admit;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for Admit {
	fn make_member(who: &AccountId) {
		admit(*who);
	}
}

/// FARMER, WORKSHOP, FEED, TRANSPORT and BUTCHER are members; everyone but PAUPER holds
/// [`WEALTH`]; the block is 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	MEMBERS.with(|m| *m.borrow_mut() = [FARMER, WORKSHOP, FEED, TRANSPORT, BUTCHER].into());
	BLOCKED.with(|b| b.borrow_mut().clear());
	INFLOWS.with(|i| i.borrow_mut().clear());
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: [FARMER, WORKSHOP, FEED, TRANSPORT, BUTCHER, BUYER, FUND]
			.map(|who| (who, WEALTH))
			.to_vec(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_contributions::GenesisConfig::<Test>::default()
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs a test and then checks the pallet's invariants.
pub fn test(body: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		body();
		Accounting::do_try_state().expect("invariants hold");
	});
}

/// Moves to block `n`, running the pallet's hook on the way.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Accounting::on_initialize(next);
	}
}

/// Moves on `n` blocks.
pub fn advance(n: u64) {
	run_to_block(System::block_number() + n);
}

pub fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

pub fn hash(byte: u8) -> H256 {
	H256::repeat_byte(byte)
}

/// The test equation: time 10 points an hour, money 1 a unit, materials 2 a unit, no
/// introductions; 10 % to the fund, 10 % to the organisers; two approvals.
pub fn equation() -> EquationOf<Test> {
	Equation { time: 10, materials: 2, introductions: 0, ..Equation::customary(CHALLENGE, VOTING) }
}

/// Everyone the tests may make a participant.
pub const EVERYONE: [AccountId; 8] = [FARMER, WORKSHOP, FEED, TRANSPORT, BUTCHER, PAUPER, 10, 11];

/// FARMER creates a project with [`equation`] and, while its only participant (so that their aye
/// is the majority), admits WORKSHOP, FEED and TRANSPORT, who accept; the block moves on by one.
/// Returns the project.
pub fn sausage_project() -> ProjectId {
	let project = crate::NextProjectId::<Test>::get();
	assert_ok!(Accounting::create_project(signed(FARMER), hash(1), equation()));
	for who in [WORKSHOP, FEED, TRANSPORT] {
		assert_ok!(Accounting::invite(signed(FARMER), project, who));
	}
	for who in [WORKSHOP, FEED, TRANSPORT] {
		assert_ok!(Accounting::join(signed(who), project));
	}
	advance(1);
	project
}

/// Every participant who may votes aye on the motion about `candidate` until it passes.
pub fn carry(project: ProjectId, candidate: AccountId) {
	for who in EVERYONE {
		if !crate::Motions::<Test>::contains_key(project, candidate) {
			break;
		}
		let _ = Accounting::vote_on_motion(signed(who), project, candidate, true);
	}
	assert!(!crate::Motions::<Test>::contains_key(project, candidate), "the motion passed");
}

/// The first participant proposes to admit `who` (with `admit` if they asked to join), the
/// participants carry it and `who` joins.
pub fn admitted(project: ProjectId, who: AccountId) {
	let proposer = first_participant(project, who);
	if crate::Requests::<Test>::contains_key(project, who) {
		assert_ok!(Accounting::admit(signed(proposer), project, who));
	} else {
		assert_ok!(Accounting::invite(signed(proposer), project, who));
	}
	carry(project, who);
	if crate::Invitations::<Test>::contains_key(project, who) {
		assert_ok!(Accounting::join(signed(who), project));
	}
	assert!(Accounting::participates(project, &who));
}

/// The first participant proposes to appoint `who` organiser and the participants carry it.
pub fn appointed(project: ProjectId, who: AccountId) {
	assert_ok!(Accounting::appoint_organiser(
		signed(first_participant(project, who)),
		project,
		who
	));
	carry(project, who);
}

fn first_participant(project: ProjectId, but: AccountId) -> AccountId {
	EVERYONE
		.into_iter()
		.find(|p| *p != but && Accounting::participates(project, p))
		.expect("a participant")
}

/// `who` records `quantity` of `kind`; returns its number.
pub fn record(project: ProjectId, who: AccountId, kind: Kind, quantity: u64) -> u64 {
	let id = crate::NextContributionId::<Test>::get();
	assert_ok!(Accounting::record(signed(who), project, kind, quantity, hash(9)));
	id
}

/// Records a contribution, has two other participants approve it and lets its window pass, so
/// that it is validated; returns its number.
pub fn validated(project: ProjectId, who: AccountId, kind: Kind, quantity: u64) -> u64 {
	let id = record(project, who, kind, quantity);
	let peers: Vec<AccountId> = EVERYONE
		.into_iter()
		.filter(|peer| *peer != who && Accounting::participates(project, peer))
		.take(2)
		.collect();
	for peer in peers {
		assert_ok!(Accounting::approve(signed(peer), id));
	}
	advance(CHALLENGE);
	assert!(matches!(
		crate::Contributions::<Test>::get(id).map(|c| c.status),
		Some(crate::Status::Validated { .. })
	));
	id
}

/// The pallet's events so far, oldest first.
pub fn events() -> Vec<pallet_contributions::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Accounting(e) => Some(e),
			_ => None,
		})
		.collect()
}
