//! A mock runtime: System, Balances and the board, with the cooperative around it from the
//! shared test doubles ([`synergy_primitives::doubles`]) and an escrow stand-in that opens
//! deals by the escrow's rules of cover and lets the tests end them.

use crate as pallet_board;
use crate::{ListingTerms, Price, Region, Side, TermsOf, Unit};
use core::cell::RefCell;
use frame_support::{
	assert_ok, derive_impl, parameter_types,
	traits::{ConstU32, ConstU64, Hooks},
	BoundedVec,
};
use sp_core::H256;
use sp_runtime::{BuildStorage, DispatchError};
use synergy_primitives::{
	doubles::{self, Doubles},
	DealId, EscrowStanding, InsuredDeals, OnDealEnded,
};

pub use synergy_primitives::doubles::{AccountId, Balance};

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
	pub type Board = pallet_board;
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

/// The seed's cooperative: members.
pub const FARMER: AccountId = 1;
pub const WORKSHOP: AccountId = 2;
pub const PENSIONER: AccountId = 3;
pub const PHARMACY: AccountId = 4;
pub const CLINIC: AccountId = 5;
pub const FOUNDER: AccountId = 6;
/// Not a member.
pub const OUTSIDER: AccountId = 9;
/// A member who holds too little for a deposit.
pub const PAUPER: AccountId = 10;

pub const ED: Balance = 1;
pub const WEALTH: Balance = 1_000_000;
pub const DEPOSIT: Balance = 100;
pub const MAX_PERIOD: u64 = 1_000;
pub const MAX_LISTINGS: u32 = 3;
pub const MAX_CATEGORIES: u32 = 12;
pub const MAX_DEPTH: u32 = 3;
pub const PAGE: u32 = 3;
/// Every member's insured quantum and headroom, unless a test sets them.
pub const INSURED: Balance = 10_000;

/// The starter tree: food (meat, dairy, sausage), medicine, services (repair), housing.
pub const FOOD: u16 = 0;
pub const MEAT: u16 = 1;
pub const DAIRY: u16 = 2;
pub const SAUSAGE: u16 = 3;
pub const MEDICINE: u16 = 4;
pub const SERVICES: u16 = 5;
pub const REPAIR: u16 = 6;
pub const HOUSING: u16 = 7;

pub fn starter() -> Vec<(Vec<u8>, Option<u16>)> {
	[
		("food", None),
		("meat", Some(FOOD)),
		("dairy", Some(FOOD)),
		("sausage", Some(FOOD)),
		("medicine", None),
		("services", None),
		("repair", Some(SERVICES)),
		("housing", None),
	]
	.into_iter()
	.map(|(name, parent)| (name.as_bytes().to_vec(), parent))
	.collect()
}

/// A deal the escrow stand-in opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenedDeal {
	pub initiator: AccountId,
	pub counterparty: AccountId,
	pub amount: Balance,
	pub terms: H256,
}

thread_local! {
	static DEALS: RefCell<Vec<OpenedDeal>> = const { RefCell::new(Vec::new()) };
}

/// The deals opened so far; a deal's number is its place here.
pub fn opened() -> Vec<OpenedDeal> {
	DEALS.with(|d| d.borrow().clone())
}

/// The escrow: a deal opens when both parties are members, neither blocked, and the amount is
/// within both parties' insured quantum and headroom (the escrow's rules of cover).
pub struct Escrow;
impl InsuredDeals<AccountId, Balance> for Escrow {
	fn open(
		initiator: &AccountId,
		counterparty: &AccountId,
		amount: Balance,
		terms: H256,
	) -> Result<DealId, DispatchError> {
		use synergy_primitives::{BlockedInspect, MembershipInspect};
		for party in [initiator, counterparty] {
			if !Doubles::is_member(party) || Doubles::is_blocked(party) {
				return Err(DispatchError::Other("escrow: not a member in good standing"));
			}
			let standing = Self::standing(party);
			if amount > standing.insured_quantum || amount > standing.headroom {
				return Err(DispatchError::Other("escrow: above cover"));
			}
		}
		Ok(DEALS.with(|d| {
			let mut deals = d.borrow_mut();
			deals.push(OpenedDeal {
				initiator: *initiator,
				counterparty: *counterparty,
				amount,
				terms,
			});
			(deals.len() - 1) as DealId
		}))
	}

	fn standing(who: &AccountId) -> EscrowStanding<Balance> {
		doubles::standing(who)
	}
}

/// Completes deal `deal` as the escrow would: the board is told.
pub fn complete(deal: DealId) {
	let d = opened()[deal as usize].clone();
	Board::completed(deal, &d.initiator, &d.counterparty);
}

/// Ends deal `deal` without completing it, as the escrow would.
pub fn close(deal: DealId) {
	Board::closed(deal);
}

parameter_types! {
	pub const ListingDeposit: Balance = DEPOSIT;
}

impl pallet_board::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Membership = Doubles;
	type Blocked = Doubles;
	type Conduct = Doubles;
	type Deals = Escrow;
	type CategoryOrigin = frame_system::EnsureRoot<AccountId>;
	type ListingDeposit = ListingDeposit;
	type MaxListingPeriod = ConstU64<MAX_PERIOD>;
	type MaxListingsPerMember = ConstU32<MAX_LISTINGS>;
	type MaxTitleLen = ConstU32<16>;
	type MaxCategoryNameLen = ConstU32<12>;
	type MaxCategories = ConstU32<MAX_CATEGORIES>;
	type MaxCategoryDepth = ConstU32<MAX_DEPTH>;
	type DeadlinePageSize = ConstU32<PAGE>;
	type DeadlinePagesPerBlock = ConstU32<1>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Admit;
}

/// Admits members for the benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct Admit;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId, Balance> for Admit {
	fn insured_member(who: &AccountId) -> Balance {
		doubles::admit(*who);
		doubles::set_insured(*who, INSURED, INSURED);
		INSURED
	}

	fn member_guaranteed_by(who: &AccountId, guarantors: &[AccountId]) {
		doubles::admit(*who);
		doubles::set_insured(*who, INSURED, INSURED);
		for guarantor in guarantors {
			doubles::guarantee(*guarantor, *who);
		}
	}
}

pub const MEMBERS: [AccountId; 7] =
	[FARMER, WORKSHOP, PENSIONER, PHARMACY, CLINIC, FOUNDER, PAUPER];

/// The members above hold [`WEALTH`] (PAUPER only the existential deposit) and are insured for
/// [`INSURED`]; the tree is [`starter`]; the block is 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	doubles::reset();
	DEALS.with(|d| d.borrow_mut().clear());
	for who in MEMBERS {
		doubles::admit(who);
		doubles::set_insured(who, INSURED, INSURED);
	}
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut balances: Vec<(AccountId, Balance)> =
		[FARMER, WORKSHOP, PENSIONER, PHARMACY, CLINIC, FOUNDER, OUTSIDER]
			.map(|who| (who, WEALTH))
			.to_vec();
	balances.push((PAUPER, ED + 1));
	pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
	pallet_board::GenesisConfig::<Test> { categories: starter(), ..Default::default() }
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
		Board::do_try_state().expect("invariants hold");
	});
}

/// Moves to block `n`, running the pallet's hook on the way.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Board::on_initialize(next);
	}
}

pub fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

pub fn hash(byte: u8) -> H256 {
	H256::repeat_byte(byte)
}

/// Terms of `quantity` kilograms at `price` a unit (in kind with `None`) in `region`, expiring
/// at `expires`.
pub fn terms(
	title: &str,
	quantity: u32,
	price: Option<Balance>,
	region: Region,
	expires: u64,
) -> TermsOf<Test> {
	ListingTerms {
		title: BoundedVec::truncate_from(title.as_bytes().to_vec()),
		details: hash(7),
		quantity,
		unit: Unit::Kilogram,
		price: price.map(Price::PerUnit).unwrap_or(Price::InKind),
		region,
		expires,
	}
}

/// `who` posts a listing; returns its number.
pub fn post(who: AccountId, side: Side, category: u16, terms: TermsOf<Test>) -> u64 {
	let id = crate::NextListingId::<Test>::get();
	assert_ok!(Board::post(signed(who), side, category, terms));
	id
}

/// The pallet's events so far, oldest first.
pub fn events() -> Vec<pallet_board::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Board(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// What `who` holds for listings.
pub fn held(who: AccountId) -> Balance {
	use frame_support::traits::fungible::InspectHold;
	Balances::balance_on_hold(&crate::HoldReason::Listing.into(), &who)
}
