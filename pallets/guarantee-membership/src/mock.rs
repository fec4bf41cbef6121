//! A mock runtime: System, Balances and this pallet, with an escrow that moves guarantees into
//! a pot account and a complaints stand-in that blocks whom a test says.

use crate as pallet_guarantee_membership;
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{
		fungible::{Inspect, Mutate},
		tokens::Preservation,
		ConstU32, ConstU64, Hooks,
	},
	BoundedVec,
};
use sp_runtime::{BuildStorage, DispatchError, DispatchResult};
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
	pub type Membership = pallet_guarantee_membership;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = frame_system::mocking::MockBlock<Test>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

parameter_types! {
	/// One unit, unless a test raises it.
	pub static ExistentialDeposit: Balance = 1;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type AccountStore = System;
	type ExistentialDeposit = ExistentialDeposit;
}

/// Founders and the quanta of the three seed classes.
pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;
/// Not members.
pub const EVE: AccountId = 5;
pub const FERDIE: AccountId = 6;
/// A candidate who holds nothing.
pub const NEWCOMER: AccountId = 7;
/// Where the mock escrow keeps guarantees.
pub const ESCROW_POT: AccountId = 999;
/// Where the mock fund keeps admission fees.
pub const FUND: AccountId = 998;

pub const MANAGERS: u16 = 0;
pub const MIDDLE: u16 = 1;
pub const PENSIONERS: u16 = 2;
pub const MANAGERS_QUANTUM: Balance = 2_100;
pub const MIDDLE_QUANTUM: Balance = 100;
pub const PENSIONERS_QUANTUM: Balance = 10;

pub const APPLICATION_PERIOD: u64 = 10;
pub const GRACE_PERIOD: u64 = 20;
pub const READMISSION_BAR: u64 = 100;
pub const MAX_PROTEGES: u32 = 4;
pub const MAX_GUARANTORS: u32 = 4;
pub const MAX_DEADLINES_PER_BLOCK: u32 = 3;
pub const DEPARTURE_PAGE_SIZE: u32 = 2;

thread_local! {
	static ESCROW: RefCell<BTreeMap<(AccountId, AccountId), Balance>> = const { RefCell::new(BTreeMap::new()) };
	static COMMITTED: RefCell<BTreeSet<(AccountId, AccountId)>> = const { RefCell::new(BTreeSet::new()) };
	static BLOCKED: RefCell<BTreeSet<AccountId>> = const { RefCell::new(BTreeSet::new()) };
	static UNDER_REVIEW: RefCell<BTreeSet<(AccountId, AccountId)>> = const { RefCell::new(BTreeSet::new()) };
	static COMMITMENTS: RefCell<BTreeSet<AccountId>> = const { RefCell::new(BTreeSet::new()) };
	static BANNED: RefCell<BTreeSet<AccountId>> = const { RefCell::new(BTreeSet::new()) };
}

/// Bans `who` from guaranteeing, as the complaints pallet would.
pub fn ban(who: AccountId) {
	BANNED.with(|b| b.borrow_mut().insert(who));
}

/// Marks `who` as having something of a former membership still settling in escrow.
pub fn leave_commitments(who: AccountId) {
	COMMITMENTS.with(|c| c.borrow_mut().insert(who));
}

/// Lifts an account's block, as the closing of its last case would.
pub fn unblock(who: AccountId) {
	BLOCKED.with(|b| b.borrow_mut().remove(&who));
}

/// Sets every class's admission fee (none unless a test sets one): applications opened
/// afterwards owe it.
pub fn set_admission_fee(fee: Balance) {
	for class in [MANAGERS, MIDDLE, PENSIONERS] {
		crate::Classes::<Test>::mutate(class, |c| {
			if let Some(c) = c {
				c.fee = fee;
			}
		});
	}
}

/// Escrow in a pot account, recorded per (guarantor, protégé).
pub struct PotEscrow;

/// The escrow one guarantee holds, if any.
pub fn escrow_of(guarantor: AccountId, protege: AccountId) -> Option<Balance> {
	ESCROW.with(|e| e.borrow().get(&(guarantor, protege)).copied())
}

/// All escrow held.
pub fn total_escrow() -> Balance {
	ESCROW.with(|e| e.borrow().values().sum())
}

/// Marks the escrow of a guarantee as committed to open deals (not releasable).
pub fn commit_escrow(guarantor: AccountId, protege: AccountId) {
	COMMITTED.with(|c| c.borrow_mut().insert((guarantor, protege)));
}

/// Puts a guarantee under review, as a complaint case whose panel the guarantor sits on would.
pub fn put_under_review(guarantor: AccountId, protege: AccountId) {
	UNDER_REVIEW.with(|r| r.borrow_mut().insert((guarantor, protege)));
}

/// Blocks an account, as an open complaint would.
pub fn block(who: AccountId) {
	BLOCKED.with(|b| b.borrow_mut().insert(who));
}

impl synergy_primitives::GuaranteeEscrow<AccountId, Balance> for PotEscrow {
	fn lock(guarantor: &AccountId, protege: &AccountId, amount: Balance) -> DispatchResult {
		Balances::transfer(guarantor, &ESCROW_POT, amount, Preservation::Preserve)?;
		ESCROW.with(|e| *e.borrow_mut().entry((*guarantor, *protege)).or_default() += amount);
		Ok(())
	}

	fn ensure_releasable(guarantor: &AccountId, protege: &AccountId) -> DispatchResult {
		if COMMITTED.with(|c| c.borrow().contains(&(*guarantor, *protege))) {
			return Err(DispatchError::Other("EscrowCommitted"));
		}
		Ok(())
	}

	fn release(guarantor: &AccountId, protege: &AccountId) -> Result<Balance, DispatchError> {
		let amount = ESCROW
			.with(|e| e.borrow_mut().remove(&(*guarantor, *protege)))
			.ok_or(DispatchError::Other("NoEscrow"))?;
		Balances::transfer(&ESCROW_POT, guarantor, amount, Preservation::Expendable)?;
		Ok(amount)
	}

	fn standing(protege: &AccountId) -> synergy_primitives::EscrowStanding<Balance> {
		let behind = ESCROW
			.with(|e| e.borrow().iter().filter(|((_, p), _)| p == protege).map(|(_, a)| a).sum());
		synergy_primitives::EscrowStanding { behind, headroom: behind, ..Default::default() }
	}

	fn has_commitments(who: &AccountId) -> bool {
		COMMITMENTS.with(|c| c.borrow().contains(who))
	}
}

/// A common fund that takes what is paid in into [`FUND`].
pub struct FeeFund;
impl synergy_primitives::CommonFund<AccountId, Balance> for FeeFund {
	fn pay_in(from: &AccountId, amount: Balance, _: synergy_primitives::Inflow) -> DispatchResult {
		if amount == 0 {
			return Ok(());
		}
		Balances::transfer(from, &FUND, amount, Preservation::Expendable).map(|_| ())
	}
}

pub struct Complaints;
impl synergy_primitives::BlockedInspect<AccountId> for Complaints {
	fn is_blocked(who: &AccountId) -> bool {
		BLOCKED.with(|b| b.borrow().contains(who))
	}

	fn is_under_review(guarantor: &AccountId, protege: &AccountId) -> bool {
		UNDER_REVIEW.with(|r| r.borrow().contains(&(*guarantor, *protege)))
	}

	fn is_banned(who: &AccountId) -> bool {
		BANNED.with(|b| b.borrow().contains(who))
	}
}

pub const ADMISSION_PERIOD: u64 = 50;

/// The runtime's refusals, in miniature: DAVE may not transfer (code 9).
pub struct RefusedToDave;
impl crate::RefusedCalls<AccountId, RuntimeCall> for RefusedToDave {
	fn refused(who: &AccountId, call: &RuntimeCall) -> Option<u8> {
		(*who == DAVE && matches!(call, RuntimeCall::Balances(_))).then_some(9)
	}
}

parameter_types! {
	pub const MinGuarantors: u32 = 2;
	/// Wide open unless a test narrows them: the tests of other rules never meet them.
	pub const DefaultSafeguards: crate::Safeguards<u64> = crate::Safeguards {
		period: ADMISSION_PERIOD,
		per_guarantor: 100,
		growth: sp_runtime::Perbill::one(),
		growth_floor: 100,
		voting_age: 0,
	};
	pub const FeesPalletId: frame_support::PalletId = frame_support::PalletId(*b"syn/fees");
	pub const SafeguardBounds: (crate::Safeguards<u64>, crate::Safeguards<u64>) = (
		crate::Safeguards {
			period: 1,
			per_guarantor: 1,
			growth: sp_runtime::Perbill::zero(),
			growth_floor: 1,
			voting_age: 0,
		},
		crate::Safeguards {
			period: 1_000,
			per_guarantor: 1_000,
			growth: sp_runtime::Perbill::one(),
			growth_floor: 1_000,
			voting_age: 1_000,
		},
	);
}

impl pallet_guarantee_membership::Config for Test {
	type Currency = Balances;
	type Escrow = PotEscrow;
	type Blocked = Complaints;
	type Fund = FeeFund;
	type PalletId = FeesPalletId;
	type MaxAdmissionFee = ConstU64<100_000>;
	type OpenToAll = frame_support::traits::Nothing;
	type Refused = RefusedToDave;
	type ClassOrigin = frame_system::EnsureRoot<AccountId>;
	type MinGuarantors = MinGuarantors;
	type MaxGuarantors = ConstU32<MAX_GUARANTORS>;
	type MaxProteges = ConstU32<MAX_PROTEGES>;
	type MaxClasses = ConstU32<4>;
	type MaxClassNameLen = ConstU32<32>;
	type DefaultApplicationPeriod = ConstU64<APPLICATION_PERIOD>;
	type DefaultGracePeriod = ConstU64<GRACE_PERIOD>;
	type DefaultReadmissionBar = ConstU64<READMISSION_BAR>;
	type MaxDeadlinesPerBlock = ConstU32<MAX_DEADLINES_PER_BLOCK>;
	type DeparturePageSize = ConstU32<DEPARTURE_PAGE_SIZE>;
	type DefaultSafeguards = DefaultSafeguards;
	type SafeguardBounds = SafeguardBounds;
	type WeightInfo = ();
}

/// Four founders in a ring of mutual guarantees (each guaranteed by the next two), all
/// managers; EVE and FERDIE hold money but are not members; NEWCOMER holds nothing.
pub fn new_test_ext() -> sp_io::TestExternalities {
	new_test_ext_with_periods(0, 0)
}

/// [`new_test_ext`] with the application and grace periods set at genesis (zero keeps the
/// configured default).
pub fn new_test_ext_with_periods(
	application_period: u64,
	grace_period: u64,
) -> sp_io::TestExternalities {
	ESCROW.with(|e| e.borrow_mut().clear());
	COMMITTED.with(|c| c.borrow_mut().clear());
	BLOCKED.with(|b| b.borrow_mut().clear());
	UNDER_REVIEW.with(|r| r.borrow_mut().clear());
	COMMITMENTS.with(|c| c.borrow_mut().clear());
	BANNED.with(|b| b.borrow_mut().clear());
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(ALICE, 100_000),
			(BOB, 100_000),
			(CHARLIE, 100_000),
			(DAVE, 100_000),
			(EVE, 100_000),
			(FERDIE, 100_000),
			(ESCROW_POT, 1),
			(FUND, 1),
		],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_guarantee_membership::GenesisConfig::<Test> {
		classes: vec![
			(MANAGERS, "managers and business people".into(), MANAGERS_QUANTUM, 0),
			(MIDDLE, "middle tier".into(), MIDDLE_QUANTUM, 0),
			(PENSIONERS, "pensioners".into(), PENSIONERS_QUANTUM, 0),
		],
		founders: vec![
			(ALICE, MANAGERS, vec![BOB, CHARLIE]),
			(BOB, MANAGERS, vec![CHARLIE, DAVE]),
			(CHARLIE, MANAGERS, vec![DAVE, ALICE]),
			(DAVE, MANAGERS, vec![ALICE, BOB]),
		],
		application_period,
		grace_period,
		safeguards: None,
		readmission_bar: 0,
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs a test and then checks the pallet's invariants and that the escrow pot holds exactly
/// the recorded escrow.
pub fn test(body: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		body();
		Membership::do_try_state().expect("invariants hold");
		assert_eq!(Balances::balance(&ESCROW_POT), 1 + total_escrow(), "escrow pot matches");
	});
}

/// Moves to block `n`, running the pallet's hooks on the way.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Membership::on_initialize(next);
	}
}

pub fn name(text: &str) -> BoundedVec<u8, ConstU32<32>> {
	BoundedVec::try_from(text.as_bytes().to_vec()).unwrap()
}

/// The pallet's events so far, oldest first.
pub fn membership_events() -> Vec<pallet_guarantee_membership::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Membership(e) => Some(e),
			_ => None,
		})
		.collect()
}
