//! A mock runtime: System, Balances (which holds the complaint bonds) and this pallet, with
//! stand-ins for the membership and escrow pallets whose guarantor graph, classes, deals and
//! escrow a test sets and reads.

use crate as pallet_complaints;
use core::cell::RefCell;
use frame_support::{
	derive_impl,
	traits::{ConstU32, ConstU64, Hooks},
};
use sp_runtime::{BuildStorage, DispatchError, DispatchResult};
use std::collections::{BTreeMap, BTreeSet};
use synergy_primitives::{DealId, DealSummary};

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
	pub type Complaints = pallet_complaints;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = frame_system::mocking::MockBlock<Test>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

/// The two parties of the deals.
pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
/// Not a member.
pub const EVE: AccountId = 5;
/// ALICE's guarantors.
pub const A1: AccountId = 10;
pub const A2: AccountId = 11;
/// BOB's guarantors.
pub const B1: AccountId = 12;
pub const B2: AccountId = 13;
/// The guarantors of BOB's guarantors.
pub const B11: AccountId = 20;
pub const B12: AccountId = 21;
pub const B21: AccountId = 22;

/// The open deal between ALICE and BOB, and one completed recently.
pub const DEAL: DealId = 7;
pub const DONE_DEAL: DealId = 8;
pub const DEAL_AMOUNT: Balance = 100;

pub const ESCALATION_PERIOD: u64 = 3;
pub const MAX_DEPTH: u32 = 8;
pub const MAX_PANEL: u32 = 4;
pub const BAN_THRESHOLD: u32 = 3;
pub const STRIKE_LIMIT: u32 = 2;
pub const RECORD_WINDOW: u64 = 100;
pub const GENERAL_VOTE_PERIOD: u64 = 30;
pub const MAX_OPEN_FILED: u32 = 2;
pub const DISMISSED_LIMIT: u32 = 3;
/// The complaint bond of class 0, every member's unless a test sets another class; class 1's is
/// twice as much, class 2's (the pensioners') nothing.
pub const BOND: Balance = 5;
pub const MAX_BOND: Balance = 50;
/// What every named account holds at genesis.
pub const ENDOWMENT: Balance = 1_000;

thread_local! {
	static GUARANTORS: RefCell<BTreeMap<AccountId, Vec<AccountId>>> = const { RefCell::new(BTreeMap::new()) };
	static EXPELLED: RefCell<Vec<AccountId>> = const { RefCell::new(Vec::new()) };
	static DEALS: RefCell<BTreeMap<DealId, DealSummary<AccountId, Balance, u64>>> = const { RefCell::new(BTreeMap::new()) };
	static DISPUTED: RefCell<Vec<DealId>> = const { RefCell::new(Vec::new()) };
	static FROZEN: RefCell<BTreeSet<AccountId>> = const { RefCell::new(BTreeSet::new()) };
	static HEADROOM: RefCell<BTreeMap<AccountId, Balance>> = const { RefCell::new(BTreeMap::new()) };
	static PAID: RefCell<Vec<(AccountId, AccountId, Balance)>> = const { RefCell::new(Vec::new()) };
	static FIRST: RefCell<Vec<Vec<AccountId>>> = const { RefCell::new(Vec::new()) };
	static FORFEITED: RefCell<Vec<(AccountId, AccountId)>> = const { RefCell::new(Vec::new()) };
	static REFERRED: RefCell<Vec<(u32, u8)>> = const { RefCell::new(Vec::new()) };
	static OPTIONS: RefCell<Vec<Vec<RuntimeCall>>> = const { RefCell::new(Vec::new()) };
	static PAYMENTS_FAIL: RefCell<bool> = const { RefCell::new(false) };
	static CLOCKS: RefCell<Vec<(AccountId, bool)>> = const { RefCell::new(Vec::new()) };
	static SINCE: RefCell<BTreeMap<(AccountId, AccountId), u64>> = const { RefCell::new(BTreeMap::new()) };
	static SEED: RefCell<u64> = const { RefCell::new(0) };
	static CLASSES: RefCell<BTreeMap<AccountId, u16>> = const { RefCell::new(BTreeMap::new()) };
}

/// Puts member `who` in class `class` (every member is in class 0 otherwise).
pub fn set_class(who: AccountId, class: u16) {
	CLASSES.with(|c| c.borrow_mut().insert(who, class));
}

/// Makes every compensation fail (the complainant's account cannot receive it) or succeed.
pub fn payments_fail(fail: bool) {
	PAYMENTS_FAIL.with(|f| *f.borrow_mut() = fail);
}

/// What the membership pallet was told: (member, accused) — `true` when their first open case
/// stopped their clocks, `false` when their last one closed.
pub fn clocks() -> Vec<(AccountId, bool)> {
	CLOCKS.with(|c| c.borrow().clone())
}

pub struct Clocks;
impl synergy_primitives::OnAccusation<AccountId> for Clocks {
	fn accused(who: &AccountId) {
		CLOCKS.with(|c| c.borrow_mut().push((*who, true)));
	}
	fn cleared(who: &AccountId) {
		CLOCKS.with(|c| c.borrow_mut().push((*who, false)));
	}
}

/// Makes `who` a member guaranteed by `guarantors` (who become members too).
pub fn guarantee(who: AccountId, guarantors: &[AccountId]) {
	GUARANTORS.with(|g| {
		let mut g = g.borrow_mut();
		g.insert(who, guarantors.to_vec());
		for guarantor in guarantors {
			g.entry(*guarantor).or_default();
		}
	});
}

/// Adds an open deal between `initiator` and `counterparty`.
pub fn add_deal(id: DealId, initiator: AccountId, counterparty: AccountId, amount: Balance) {
	let deal = DealSummary { initiator, counterparty, amount, opened_at: 1, completed_at: None };
	DEALS.with(|d| d.borrow_mut().insert(id, deal));
}

/// Sets the escrow behind `who` that a compensation may use.
pub fn set_compensable(who: AccountId, amount: Balance) {
	HEADROOM.with(|h| h.borrow_mut().insert(who, amount));
}

/// The compensations paid: (accused, injured, amount).
pub fn paid() -> Vec<(AccountId, AccountId, Balance)> {
	PAID.with(|p| p.borrow().clone())
}

/// The guarantors named to pay first, for each compensation paid.
pub fn paid_first() -> Vec<Vec<AccountId>> {
	FIRST.with(|f| f.borrow().clone())
}

/// The guarantees forfeited: (guarantor, protégé).
pub fn forfeited() -> Vec<(AccountId, AccountId)> {
	FORFEITED.with(|f| f.borrow().clone())
}

/// The deals closed as disputed.
pub fn disputed() -> Vec<DealId> {
	DISPUTED.with(|d| d.borrow().clone())
}

/// The members expelled.
pub fn expelled() -> Vec<AccountId> {
	EXPELLED.with(|e| e.borrow().clone())
}

/// The sides referred to the general vote.
pub fn referred() -> Vec<(u32, u8)> {
	REFERRED.with(|r| r.borrow().clone())
}

/// The options of each side referred to the general meeting so far.
pub fn referred_options() -> Vec<Vec<RuntimeCall>> {
	OPTIONS.with(|o| o.borrow().clone())
}

/// Whether the escrow behind `who` is frozen.
pub fn frozen(who: AccountId) -> bool {
	FROZEN.with(|f| f.borrow().contains(&who))
}

pub struct Members;
impl synergy_primitives::MembershipInspect<AccountId> for Members {
	fn is_member(who: &AccountId) -> bool {
		GUARANTORS.with(|g| g.borrow().contains_key(who))
	}
	fn is_in_good_standing(who: &AccountId) -> bool {
		Self::is_member(who) && !Complaints::is_blocked(who)
	}
	fn class_of(who: &AccountId) -> Option<u16> {
		Self::is_member(who).then(|| CLASSES.with(|c| c.borrow().get(who).copied().unwrap_or(0)))
	}
	fn guarantors_of(who: &AccountId) -> Vec<AccountId> {
		GUARANTORS.with(|g| g.borrow().get(who).cloned().unwrap_or_default())
	}
	fn member_count() -> u32 {
		GUARANTORS.with(|g| g.borrow().len() as u32)
	}
	fn membership_number(_: &AccountId) -> Option<u32> {
		None
	}
	fn next_membership_number() -> u32 {
		0
	}
}
impl synergy_primitives::GuaranteeAges<AccountId, u64> for Members {
	fn guarantors_before(who: &AccountId, before: u64) -> Vec<AccountId> {
		<Self as synergy_primitives::MembershipInspect<_>>::guarantors_of(who)
			.into_iter()
			.filter(|g| SINCE.with(|s| s.borrow().get(&(*g, *who)).copied().unwrap_or(0)) < before)
			.collect()
	}
}

/// Says that `guarantor`'s guarantee of `protege` began at block `at` (every other began at 0).
pub fn guarantee_since(guarantor: AccountId, protege: AccountId, at: u64) {
	SINCE.with(|s| s.borrow_mut().insert((guarantor, protege), at));
}

/// Draws the same for every subject unless a test sets a seed: a fixed, known order.
pub struct TestRandomness;
impl frame_support::traits::Randomness<sp_core::H256, u64> for TestRandomness {
	fn random(subject: &[u8]) -> (sp_core::H256, u64) {
		let seed = SEED.with(|s| *s.borrow());
		(
			<sp_runtime::traits::BlakeTwo256 as sp_runtime::traits::Hash>::hash_of(&(
				seed, subject,
			)),
			0,
		)
	}
}

/// Sets the seed the panel draws use.
pub fn set_seed(seed: u64) {
	SEED.with(|s| *s.borrow_mut() = seed);
}

impl synergy_primitives::Expel<AccountId> for Members {
	fn expel(who: &AccountId) -> DispatchResult {
		GUARANTORS.with(|g| g.borrow_mut().remove(who)).ok_or(DispatchError::Other("NotMember"))?;
		EXPELLED.with(|e| e.borrow_mut().push(*who));
		Ok(())
	}

	fn forfeit_guarantee(guarantor: &AccountId, protege: &AccountId) -> DispatchResult {
		GUARANTORS.with(|g| {
			let mut g = g.borrow_mut();
			let list = g.get_mut(protege).ok_or(DispatchError::Other("NotMember"))?;
			let before = list.len();
			list.retain(|x| x != guarantor);
			if list.len() == before {
				return Err(DispatchError::Other("NotGuarantor"));
			}
			Ok(())
		})?;
		FORFEITED.with(|f| f.borrow_mut().push((*guarantor, *protege)));
		Ok(())
	}
}

use synergy_primitives::BlockedInspect as _;

pub struct Escrow;
impl synergy_primitives::DisputeEscrow<AccountId, Balance, u64> for Escrow {
	fn deal(id: DealId) -> Option<DealSummary<AccountId, Balance, u64>> {
		DEALS.with(|d| d.borrow().get(&id).cloned())
	}
	fn close_disputed(id: DealId) {
		DISPUTED.with(|d| d.borrow_mut().push(id));
	}
	fn freeze(who: &AccountId) {
		FROZEN.with(|f| f.borrow_mut().insert(*who));
	}
	fn unfreeze(who: &AccountId) {
		FROZEN.with(|f| f.borrow_mut().remove(who));
	}
	fn is_frozen(who: &AccountId) -> bool {
		frozen(*who)
	}
	fn compensable(who: &AccountId, _: DealId) -> Balance {
		HEADROOM.with(|h| h.borrow().get(who).copied().unwrap_or(1_000))
	}
	fn compensate(accused: &AccountId, injured: &AccountId, amount: Balance) -> DispatchResult {
		Self::compensate_first(accused, injured, amount, &[])
	}
	fn compensate_first(
		accused: &AccountId,
		injured: &AccountId,
		amount: Balance,
		first: &[AccountId],
	) -> DispatchResult {
		if PAYMENTS_FAIL.with(|f| *f.borrow()) {
			return Err(sp_runtime::TokenError::BelowMinimum.into());
		}
		PAID.with(|p| p.borrow_mut().push((*accused, *injured, amount)));
		FIRST.with(|f| f.borrow_mut().push(first.to_vec()));
		HEADROOM.with(|h| {
			let mut h = h.borrow_mut();
			let left = h.get(accused).copied().unwrap_or(1_000).saturating_sub(amount);
			h.insert(*accused, left);
		});
		Ok(())
	}
}

/// The general meeting: records each referral and its options, and "opens" motion 7 for each.
pub struct GeneralMeeting;
impl synergy_primitives::ReferToMeeting<RuntimeCall> for GeneralMeeting {
	fn refer(case: u32, side: u8, options: Vec<RuntimeCall>) -> Vec<u32> {
		REFERRED.with(|r| r.borrow_mut().push((case, side)));
		let motions = options.iter().map(|_| 7).collect();
		OPTIONS.with(|o| o.borrow_mut().push(options));
		motions
	}
}

impl pallet_complaints::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Members = Members;
	type Randomness = TestRandomness;
	type Escrow = Escrow;
	type RuntimeCall = RuntimeCall;
	type GeneralVote = GeneralMeeting;
	type OnAccusation = Clocks;
	type TopOrigin = frame_system::EnsureRoot<AccountId>;
	type DefaultEscalationPeriod = ConstU64<ESCALATION_PERIOD>;
	type DefaultGeneralVotePeriod = ConstU64<GENERAL_VOTE_PERIOD>;
	type MaxEscalationPeriod = ConstU64<100>;
	type MaxEscalationDepth = ConstU32<MAX_DEPTH>;
	type MaxPanel = ConstU32<MAX_PANEL>;
	type MaxOpenFiled = ConstU32<MAX_OPEN_FILED>;
	type MaxCasesListed = ConstU32<4>;
	type DeadlinePageSize = ConstU32<4>;
	type DeadlinePagesPerBlock = ConstU32<1>;
	type BanThreshold = ConstU32<BAN_THRESHOLD>;
	type StrikeLimit = ConstU32<STRIKE_LIMIT>;
	type DefaultRecordWindow = ConstU64<RECORD_WINDOW>;
	type DismissedLimit = ConstU32<DISMISSED_LIMIT>;
	type MaxComplaintBond = ConstU64<MAX_BOND>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkGraph;
}

#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkGraph;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_complaints::BenchmarkHelper<AccountId> for BenchmarkGraph {
	fn max_guarantors() -> u32 {
		4
	}
	fn guarantee(who: &AccountId, guarantors: &[AccountId]) {
		guarantee(*who, guarantors);
	}
	fn deal(initiator: &AccountId, counterparty: &AccountId) -> DealId {
		let id = DEALS.with(|d| d.borrow().keys().last().copied().unwrap_or_default() + 1);
		add_deal(id, *initiator, *counterparty, DEAL_AMOUNT);
		id
	}
	fn add_members(count: u32) {
		for i in 0..u64::from(count) {
			guarantee(1_000_000 + i, &[]);
		}
	}
}

/// ALICE and BOB have an open deal (`DEAL`) and a recently completed one (`DONE_DEAL`); ALICE is
/// guaranteed by A1 and A2, BOB by B1 and B2; B1 by B11 and B12, B2 by B12 and B21; those are
/// founders guaranteed by nobody. EVE is not a member. Every one of them holds `ENDOWMENT`;
/// complaints by class 0 hold a bond of `BOND`, by class 1 twice that, by class 2 nothing.
pub fn new_test_ext() -> sp_io::TestExternalities {
	GUARANTORS.with(|g| g.borrow_mut().clear());
	EXPELLED.with(|e| e.borrow_mut().clear());
	DEALS.with(|d| d.borrow_mut().clear());
	DISPUTED.with(|d| d.borrow_mut().clear());
	FROZEN.with(|f| f.borrow_mut().clear());
	HEADROOM.with(|h| h.borrow_mut().clear());
	PAID.with(|p| p.borrow_mut().clear());
	FIRST.with(|f| f.borrow_mut().clear());
	FORFEITED.with(|f| f.borrow_mut().clear());
	REFERRED.with(|r| r.borrow_mut().clear());
	OPTIONS.with(|o| o.borrow_mut().clear());
	PAYMENTS_FAIL.with(|f| *f.borrow_mut() = false);
	CLOCKS.with(|c| c.borrow_mut().clear());
	SINCE.with(|s| s.borrow_mut().clear());
	CLASSES.with(|c| c.borrow_mut().clear());
	set_seed(0);
	guarantee(ALICE, &[A1, A2]);
	guarantee(BOB, &[B1, B2]);
	guarantee(B1, &[B11, B12]);
	guarantee(B2, &[B12, B21]);
	add_deal(DEAL, ALICE, BOB, DEAL_AMOUNT);
	add_deal(DONE_DEAL, BOB, ALICE, DEAL_AMOUNT);
	DEALS.with(|d| {
		if let Some(deal) = d.borrow_mut().get_mut(&DONE_DEAL) {
			deal.completed_at = Some(0);
		}
	});
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: [ALICE, BOB, EVE, A1, A2, B1, B2, B11, B12, B21]
			.into_iter()
			.map(|who| (who, ENDOWMENT))
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_complaints::GenesisConfig::<Test> {
		complaint_bonds: vec![(0, BOND), (1, 2 * BOND), (2, 0)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs a test, then checks the pallet's invariants.
pub fn test(body: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		body();
		Complaints::do_try_state().expect("invariants hold");
	});
}

/// Moves to block `n`, running the pallet's hooks on the way.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Complaints::on_initialize(next);
	}
}
