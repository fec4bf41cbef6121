//! The cooperative's own pallets: membership by guarantee and escrowed deposit quanta.

use frame_support::{parameter_types, traits::ConstU32};
use frame_system::EnsureRoot;

use crate::{
	time::DAYS, AccountId, Balances, BlockNumber, Escrow, Membership, Runtime, RuntimeHoldReason,
};

/// The fewest guarantors a member may have outside grace: the regulation's "two members".
pub const MIN_GUARANTORS: u32 = 2;
/// The most guarantors one member may have (bounds every loop over a member's guarantors).
pub const MAX_GUARANTORS: u32 = 8;

parameter_types! {
	pub const ApplicationPeriod: BlockNumber = 7 * DAYS;
	pub const GracePeriod: BlockNumber = 7 * DAYS;
	pub const DealPeriod: BlockNumber = 30 * DAYS;
	pub const TopUpPeriod: BlockNumber = 7 * DAYS;
}

impl pallet_guarantee_membership::Config for Runtime {
	type Currency = Balances;
	type Escrow = Escrow;
	// No complaints pallet yet: nobody is blocked.
	type Blocked = ();
	// Root until the members' general meeting takes the class table over.
	type ClassOrigin = EnsureRoot<AccountId>;
	type MinGuarantors = ConstU32<MIN_GUARANTORS>;
	type MaxGuarantors = ConstU32<MAX_GUARANTORS>;
	type MaxProteges = ConstU32<32>;
	type MaxClasses = ConstU32<16>;
	type MaxClassNameLen = ConstU32<64>;
	type ApplicationPeriod = ApplicationPeriod;
	type GracePeriod = GracePeriod;
	type MaxDeadlinesPerBlock = ConstU32<32>;
	type DeparturePageSize = ConstU32<16>;
	type WeightInfo = pallet_guarantee_membership::weights::SubstrateWeight<Runtime>;
}

impl pallet_deposit_escrow::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Membership = Membership;
	type Blocked = ();
	type OnTopUpMissed = Membership;
	type DealPeriod = DealPeriod;
	type TopUpPeriod = TopUpPeriod;
	type MaxDealsPerMember = ConstU32<64>;
	type MaxGuarantors = ConstU32<MAX_GUARANTORS>;
	type MaxDeadlinesPerBlock = ConstU32<64>;
	type WeightInfo = pallet_deposit_escrow::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MembershipForBenchmarks;
}

/// Makes accounts members for the escrow pallet's benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct MembershipForBenchmarks;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_deposit_escrow::BenchmarkHelper<AccountId> for MembershipForBenchmarks {
	fn make_member(who: &AccountId) {
		Membership::insert_member_for_benchmarks(who);
	}
}
