//! A mock runtime: System, Balances and this pallet, with a membership stand-in whose members,
//! numbers and blocks the tests set.

use crate as pallet_fund_voting;
use crate::{Parameters, Vote};
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, Hooks},
	weights::Weight,
	PalletId,
};
use sp_core::H256;
use sp_runtime::{BuildStorage, Perbill};
use std::collections::{BTreeMap, BTreeSet};

pub type AccountId = u64;
pub type Balance = u64;

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
	pub type Fund = pallet_fund_voting;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = frame_system::mocking::MockBlock<Test>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = frame_support::traits::ConstU64<ED>;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

/// Members, admitted in this order (numbers 0, 1, 2, 3).
pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;
/// Not members.
pub const EVE: AccountId = 5;
pub const FERDIE: AccountId = 6;
/// Holds nothing.
pub const PAUPER: AccountId = 7;

/// The existential deposit: a spend below it to an empty account cannot be paid.
pub const ED: Balance = 5;
pub const ENDOWMENT: Balance = 10_000;
pub const DEPOSIT: Balance = 50;
pub const VOTING: u64 = 10;
pub const GRACE: u64 = 5;
pub const RESERVE: Balance = 1_000;
pub const BUDGET: Balance = 5_000;
pub const BUDGET_PERIOD: u64 = 100;
pub const FEE: Balance = 20;
pub const MAX_DEADLINES_PER_BLOCK: u32 = 2;
pub const MAX_OPEN_PER_MEMBER: u32 = 2;

thread_local! {
	static MEMBERS: RefCell<BTreeMap<AccountId, u32>> = const { RefCell::new(BTreeMap::new()) };
	static NEXT_NUMBER: RefCell<u32> = const { RefCell::new(0) };
	static BLOCKED: RefCell<BTreeSet<AccountId>> = const { RefCell::new(BTreeSet::new()) };
	static OF_AGE_BELOW: RefCell<Option<u32>> = const { RefCell::new(None) };
}

/// From now on only the members admitted so far are of voting age (until [`all_of_age`]).
pub fn freeze_voting_age() {
	let next = NEXT_NUMBER.with(|n| *n.borrow());
	OF_AGE_BELOW.with(|b| *b.borrow_mut() = Some(next));
}

/// Every member is of voting age again.
pub fn all_of_age() {
	OF_AGE_BELOW.with(|b| *b.borrow_mut() = None);
}

/// Admits `who` with the next membership number.
pub fn admit(who: AccountId) {
	let number = NEXT_NUMBER.with(|n| {
		let number = *n.borrow();
		*n.borrow_mut() += 1;
		number
	});
	MEMBERS.with(|m| m.borrow_mut().insert(who, number));
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
		MEMBERS.with(|m| m.borrow().contains_key(who))
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
	fn membership_number(who: &AccountId) -> Option<u32> {
		MEMBERS.with(|m| m.borrow().get(who).copied())
	}
	fn next_membership_number() -> u32 {
		NEXT_NUMBER.with(|n| *n.borrow())
	}
	fn electorate() -> synergy_primitives::Electorate {
		let below =
			OF_AGE_BELOW.with(|b| *b.borrow()).unwrap_or_else(|| NEXT_NUMBER.with(|n| *n.borrow()));
		let count = MEMBERS.with(|m| m.borrow().values().filter(|n| **n < below).count() as u32);
		synergy_primitives::Electorate { below, count }
	}
}

/// Motions may carry System remarks and this pallet's calls; `remark_with_event` is critical;
/// a `remark`'s bytes name the accounts it concerns.
pub struct Motions;
impl crate::MotionRules<AccountId, RuntimeCall> for Motions {
	fn allowed(call: &RuntimeCall) -> bool {
		matches!(call, RuntimeCall::System(_) | RuntimeCall::Fund(_))
	}
	fn critical(call: &RuntimeCall) -> bool {
		matches!(call, RuntimeCall::System(frame_system::Call::remark_with_event { .. }))
	}
	fn parties(call: &RuntimeCall) -> Vec<AccountId> {
		match call {
			RuntimeCall::System(frame_system::Call::remark { remark }) => {
				remark.iter().map(|b| *b as AccountId).collect()
			},
			_ => Vec::new(),
		}
	}
	fn as_root(call: &RuntimeCall) -> bool {
		matches!(call, RuntimeCall::System(frame_system::Call::authorize_upgrade { .. }))
	}
}

/// The parameters of the tests: quorum a half, approval a half, super approval 70 %.
pub fn parameters() -> Parameters<Balance, u64> {
	Parameters {
		proposal_deposit: DEPOSIT,
		voting_period: VOTING,
		grace_period: GRACE,
		quorum: Perbill::from_percent(50),
		approval: Perbill::from_percent(50),
		super_approval: Perbill::from_percent(70),
		large_spend: Perbill::from_percent(10),
		objection: Perbill::from_percent(75),
		spam: Perbill::from_percent(90),
		reserve: RESERVE,
		budget: BUDGET,
		budget_period: BUDGET_PERIOD,
	}
}

/// The bounds of the tests: thresholds between 10 % and 90 %, periods between one block and a
/// thousand, amounts up to a million.
pub fn limits() -> crate::ParameterLimits<Balance, u64> {
	let percent = Perbill::from_percent;
	crate::ParameterLimits {
		min: Parameters {
			proposal_deposit: 0,
			voting_period: 1,
			grace_period: 1,
			quorum: percent(10),
			approval: percent(50),
			super_approval: percent(50),
			large_spend: percent(1),
			objection: percent(10),
			spam: percent(50),
			reserve: 0,
			budget: 0,
			budget_period: 1,
		},
		max: Parameters {
			proposal_deposit: 1_000_000,
			voting_period: 1_000,
			grace_period: 1_000,
			quorum: percent(90),
			approval: percent(90),
			super_approval: percent(90),
			large_spend: percent(100),
			objection: percent(100),
			spam: percent(100),
			reserve: 1_000_000,
			budget: 1_000_000,
			budget_period: 1_000,
		},
	}
}

parameter_types! {
	pub const FundPalletId: PalletId = PalletId(*b"syn/fund");
	pub MockParameters: Parameters<Balance, u64> = parameters();
	pub MockLimits: crate::ParameterLimits<Balance, u64> = limits();
	pub MaxMotionWeight: Weight = Weight::from_parts(1_000_000_000_000, 1_000_000);
}

impl pallet_fund_voting::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Members = Members;
	type Motions = Motions;
	type MeetingOrigin = crate::EnsureGeneralMeeting;
	type PalletId = FundPalletId;
	type DefaultParameters = MockParameters;
	type Limits = MockLimits;
	type MaxCallLen = ConstU32<256>;
	type MaxMotionWeight = MaxMotionWeight;
	type MaxOpenPerMember = ConstU32<MAX_OPEN_PER_MEMBER>;
	type MaxDeadlinesPerBlock = ConstU32<MAX_DEADLINES_PER_BLOCK>;
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

/// ALICE, BOB, CHARLIE and DAVE are members; everyone but PAUPER holds 100 000; the fund holds
/// its endowment.
pub fn new_test_ext() -> sp_io::TestExternalities {
	MEMBERS.with(|m| m.borrow_mut().clear());
	NEXT_NUMBER.with(|n| *n.borrow_mut() = 0);
	BLOCKED.with(|b| b.borrow_mut().clear());
	all_of_age();
	for who in [ALICE, BOB, CHARLIE, DAVE] {
		admit(who);
	}
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: [ALICE, BOB, CHARLIE, DAVE, EVE, FERDIE].map(|who| (who, 100_000)).to_vec(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_fund_voting::GenesisConfig::<Test> { parameters: None, endowment: ENDOWMENT }
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
		Fund::do_try_state().expect("invariants hold");
	});
}

/// Moves to block `n`, running the pallet's hook on the way.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Fund::on_initialize(next);
	}
}

pub fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

pub fn rationale() -> H256 {
	H256::repeat_byte(7)
}

/// Casts `vote` from each of `voters` on proposal `id`.
pub fn votes(id: crate::ProposalId, voters: &[AccountId], vote: Vote) {
	for voter in voters {
		frame_support::assert_ok!(Fund::vote(signed(*voter), id, vote));
	}
}

/// The pallet's events so far, oldest first.
pub fn fund_events() -> Vec<pallet_fund_voting::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Fund(e) => Some(e),
			_ => None,
		})
		.collect()
}
