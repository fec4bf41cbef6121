//! The offer and request board: listings by category, matched by trust, answered with insured
//! deals.

use super::governance::MeetingOrRoot;
use crate::{
	currency::UNITS, time::DAYS, Balance, Balances, BlockNumber, Complaints, Escrow, Membership,
	Runtime, RuntimeHoldReason,
};
use alloc::vec::Vec;
use frame_support::{parameter_types, traits::ConstU32};
use pallet_board::CategoryId;

/// The starter categories, drawn from the seed's bulletin board: each a name and the number of
/// its parent (categories are numbered in this order from 0).
pub const STARTER_CATEGORIES: [(&str, Option<CategoryId>); 16] = [
	("food", None),
	("meat", Some(0)),
	("dairy", Some(0)),
	("sausage", Some(0)),
	("grain", Some(0)),
	("feed and fuel", None),
	("medicine", None),
	("services", None),
	("medical", Some(7)),
	("repair", Some(7)),
	("teaching", Some(7)),
	("transport", Some(7)),
	("work", None),
	("housing", None),
	("introductions", None),
	("money and loans", None),
];

/// [`STARTER_CATEGORIES`] as the pallet's genesis and migration take them.
pub fn starter_categories() -> Vec<(Vec<u8>, Option<CategoryId>)> {
	STARTER_CATEGORIES.iter().map(|(name, parent)| (name.as_bytes().to_vec(), *parent)).collect()
}

parameter_types! {
	/// A listing holds one SYN while it is on the board: posting many costs money held, and
	/// every listing leaves by its expiry.
	pub const ListingDeposit: Balance = UNITS;
	/// A listing stays at most a season.
	pub const MaxListingPeriod: BlockNumber = 90 * DAYS;
	/// The starter categories, for a chain that had no board.
	pub StarterCategories: Vec<(Vec<u8>, Option<CategoryId>)> = starter_categories();
}

impl pallet_board::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Membership = Membership;
	type Blocked = Complaints;
	type Conduct = Complaints;
	type Deals = Escrow;
	type CategoryOrigin = MeetingOrRoot;
	type ListingDeposit = ListingDeposit;
	type MaxListingPeriod = MaxListingPeriod;
	type MaxListingsPerMember = ConstU32<16>;
	type MaxTitleLen = ConstU32<64>;
	type MaxCategoryNameLen = ConstU32<32>;
	type MaxCategories = ConstU32<256>;
	type MaxCategoryDepth = ConstU32<4>;
	type DeadlinePageSize = ConstU32<64>;
	type DeadlinePagesPerBlock = ConstU32<2>;
	type WeightInfo = pallet_board::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BoardForBenchmarks;
}

/// Makes insured members for the board's benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct BoardForBenchmarks;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_board::BenchmarkHelper<crate::AccountId, Balance> for BoardForBenchmarks {
	fn insured_member(who: &crate::AccountId) -> Balance {
		// Guarantors of their own, so that no guarantor's protégés reach their bound.
		let bytes: &[u8] = who.as_ref();
		let seed = bytes.iter().take(4).fold(0u32, |seed, byte| seed << 8 | u32::from(*byte));
		let guarantors: Vec<crate::AccountId> = (0..super::cooperative::MAX_GUARANTORS)
			.map(|i| frame_benchmarking::account("board-guarantor", i, seed))
			.collect();
		Membership::insert_guaranteed_member_for_benchmarks(who, &guarantors);
		Escrow::insured_quantum(who)
	}

	fn member_guaranteed_by(who: &crate::AccountId, guarantors: &[crate::AccountId]) {
		Membership::insert_guaranteed_member_for_benchmarks(who, guarantors);
	}
}
