//! A mock runtime: System, Balances and this pallet, with a membership stand-in whose members
//! and guarantors a test sets, and a complaints stand-in that blocks whom a test says.

use crate as pallet_deposit_escrow;
use core::cell::RefCell;
use frame_support::{
	derive_impl,
	traits::{ConstU32, ConstU64, Hooks},
};
use sp_runtime::BuildStorage;
use std::collections::{BTreeMap, BTreeSet};
use synergy_primitives::{GuaranteeEscrow, MembershipInspect};

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
	pub type Escrow = pallet_deposit_escrow;
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

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;
/// Not a member.
pub const EVE: AccountId = 5;

pub const QUANTUM: Balance = 100;
pub const DEAL_PERIOD: u64 = 5;
pub const TOP_UP_PERIOD: u64 = 10;
pub const SETTLED_PERIOD: u64 = 3;
pub const MAX_DEALS: u32 = 3;

thread_local! {
	static GUARANTORS: RefCell<BTreeMap<AccountId, Vec<AccountId>>> = const { RefCell::new(BTreeMap::new()) };
	static BLOCKED: RefCell<BTreeSet<AccountId>> = const { RefCell::new(BTreeSet::new()) };
	static MISSED: RefCell<Vec<(AccountId, AccountId)>> = const { RefCell::new(Vec::new()) };
}

pub struct Members;
impl MembershipInspect<AccountId> for Members {
	fn is_member(who: &AccountId) -> bool {
		GUARANTORS.with(|g| g.borrow().contains_key(who))
	}
	fn is_in_good_standing(who: &AccountId) -> bool {
		Self::is_member(who) && !Complaints::is_blocked_now(who)
	}
	fn class_of(_: &AccountId) -> Option<u16> {
		Some(0)
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

pub struct Complaints;
impl Complaints {
	fn is_blocked_now(who: &AccountId) -> bool {
		BLOCKED.with(|b| b.borrow().contains(who))
	}
}
impl synergy_primitives::BlockedInspect<AccountId> for Complaints {
	fn is_blocked(who: &AccountId) -> bool {
		Self::is_blocked_now(who)
	}

	fn is_under_review(_: &AccountId, _: &AccountId) -> bool {
		false
	}
}

pub struct RecordMissed;
impl synergy_primitives::OnTopUpMissed<AccountId> for RecordMissed {
	fn top_up_missed(guarantor: &AccountId, protege: &AccountId) {
		MISSED.with(|m| m.borrow_mut().push((*guarantor, *protege)));
	}
}

/// The top-ups the membership stand-in was told were missed.
pub fn missed_top_ups() -> Vec<(AccountId, AccountId)> {
	MISSED.with(|m| m.borrow().clone())
}

/// Lifts every block.
pub fn unblock_all() {
	BLOCKED.with(|b| b.borrow_mut().clear());
}

/// Blocks an account, as an open complaint would.
pub fn block(who: AccountId) {
	BLOCKED.with(|b| b.borrow_mut().insert(who));
}

impl pallet_deposit_escrow::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Membership = Members;
	type Blocked = Complaints;
	type OnTopUpMissed = RecordMissed;
	type OnDealEnded = ();
	type DefaultDealPeriod = ConstU64<DEAL_PERIOD>;
	type DefaultSettledPeriod = ConstU64<SETTLED_PERIOD>;
	type DefaultTopUpPeriod = ConstU64<TOP_UP_PERIOD>;
	type MaxDealsPerMember = ConstU32<MAX_DEALS>;
	type MaxGuarantors = ConstU32<4>;
	type DeadlinePageSize = ConstU32<3>;
	type DeadlinePagesPerBlock = ConstU32<2>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MakeMember;
}

#[cfg(feature = "runtime-benchmarks")]
pub struct MakeMember;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for MakeMember {
	fn make_member(who: &AccountId) {
		GUARANTORS.with(|g| {
			g.borrow_mut().entry(*who).or_default();
		});
	}
}

/// ALICE, BOB, CHARLIE and DAVE are members in a ring: each guaranteed by the next two, one
/// quantum each (so 200 behind every member, insured quantum 100). EVE is not a member.
pub fn new_test_ext() -> sp_io::TestExternalities {
	new_test_ext_with_periods(0, 0, 0)
}

/// [`new_test_ext`] with the deal, settled and top-up periods set at genesis (zero keeps the
/// configured default).
pub fn new_test_ext_with_periods(
	deal_period: u64,
	settled_period: u64,
	top_up_period: u64,
) -> sp_io::TestExternalities {
	GUARANTORS.with(|g| g.borrow_mut().clear());
	BLOCKED.with(|b| b.borrow_mut().clear());
	MISSED.with(|m| m.borrow_mut().clear());
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(ALICE, 10_000),
			(BOB, 10_000),
			(CHARLIE, 10_000),
			(DAVE, 10_000),
			(EVE, 10_000),
		],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_deposit_escrow::GenesisConfig::<Test> { deal_period, settled_period, top_up_period }
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		let ring = [ALICE, BOB, CHARLIE, DAVE];
		for (i, member) in ring.iter().enumerate() {
			let guarantors = vec![ring[(i + 1) % 4], ring[(i + 2) % 4]];
			for g in &guarantors {
				Escrow::lock(g, member, QUANTUM).unwrap();
			}
			GUARANTORS.with(|m| m.borrow_mut().insert(*member, guarantors));
		}
		System::reset_events();
	});
	ext
}

/// Runs a test, then checks the pallet's invariants.
pub fn test(body: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		body();
		Escrow::do_try_state().expect("invariants hold");
	});
}

/// Moves to block `n`, running the pallet's hooks on the way.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Escrow::on_initialize(next);
	}
}
