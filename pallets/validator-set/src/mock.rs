//! A mock runtime: System and this pallet, with stand-ins for membership and session keys.

use crate as pallet_validator_set;
use core::cell::RefCell;
use frame_support::{derive_impl, traits::ConstU32};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;
use std::collections::BTreeSet;

pub type AccountId = u64;

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
	pub type ValidatorSet = pallet_validator_set;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = frame_system::mocking::MockBlock<Test>;
}

pub const MIN_VALIDATORS: u32 = 2;
pub const MAX_VALIDATORS: u32 = 4;

thread_local! {
	static MEMBERS: RefCell<BTreeSet<AccountId>> = const { RefCell::new(BTreeSet::new()) };
	static BLOCKED: RefCell<BTreeSet<AccountId>> = const { RefCell::new(BTreeSet::new()) };
	static KEYS: RefCell<BTreeSet<AccountId>> = const { RefCell::new(BTreeSet::new()) };
}

/// Makes `who` a member with session keys.
pub fn candidate(who: AccountId) {
	MEMBERS.with(|m| m.borrow_mut().insert(who));
	KEYS.with(|k| k.borrow_mut().insert(who));
}

/// Forgets the session keys of `who`, as `session.purge_keys` would.
pub fn purge_keys(who: AccountId) {
	KEYS.with(|k| k.borrow_mut().remove(&who));
}

/// Ends the membership of `who`.
pub fn depart(who: AccountId) {
	MEMBERS.with(|m| m.borrow_mut().remove(&who));
}

/// Makes `who` a member without session keys.
pub fn member_without_keys(who: AccountId) {
	MEMBERS.with(|m| m.borrow_mut().insert(who));
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

pub struct Keys;
impl frame_support::traits::ValidatorRegistration<AccountId> for Keys {
	fn is_registered(who: &AccountId) -> bool {
		KEYS.with(|k| k.borrow().contains(who))
	}
}

impl pallet_validator_set::Config for Test {
	type Members = Members;
	type Keys = Keys;
	type SetOrigin = EnsureRoot<AccountId>;
	type DefaultSessionLength = frame_support::traits::ConstU64<600>;
	type MaxSessionLength = frame_support::traits::ConstU64<6_000>;
	type MinValidators = ConstU32<MIN_VALIDATORS>;
	type MaxValidators = ConstU32<MAX_VALIDATORS>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Candidates;
}

#[cfg(feature = "runtime-benchmarks")]
pub struct Candidates;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for Candidates {
	fn make_candidate(who: &AccountId) {
		candidate(*who);
	}
}

/// Validators 1, 2 and 3, all members with keys; sessions of 10 blocks.
pub fn new_test_ext() -> sp_io::TestExternalities {
	MEMBERS.with(|m| m.borrow_mut().clear());
	BLOCKED.with(|b| b.borrow_mut().clear());
	KEYS.with(|k| k.borrow_mut().clear());
	for who in [1, 2, 3] {
		candidate(who);
	}
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_validator_set::GenesisConfig::<Test> {
		validators: vec![1, 2, 3],
		session_length: Some(10),
	}
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
		ValidatorSet::do_try_state().expect("invariants hold");
	});
}
