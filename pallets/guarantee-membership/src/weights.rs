//! Weights for `pallet_guarantee_membership`.
//!
//! Placeholder until the pallet joins the runtime: `scripts/benchmark.sh` then overwrites this
//! file with the measured weights (template `scripts/templates/pallet-weights.hbs`). Until
//! then only mocks use it, with zero weights.

#![allow(missing_docs)]

use frame_support::weights::Weight;

/// Weight functions needed for `pallet_guarantee_membership`.
pub trait WeightInfo {
	fn set_class() -> Weight;
	fn remove_class() -> Weight;
	fn propose() -> Weight;
	fn guarantee_application() -> Weight;
	fn guarantee_member() -> Weight;
	fn accept() -> Weight;
	fn decline() -> Weight;
	fn revoke() -> Weight;
	fn expire_application() -> Weight;
	fn end_grace() -> Weight;
	fn continue_departure(n: u32) -> Weight;
	fn on_initialize(d: u32, e: u32) -> Weight;
}

impl WeightInfo for () {
	fn set_class() -> Weight {
		Weight::zero()
	}
	fn remove_class() -> Weight {
		Weight::zero()
	}
	fn propose() -> Weight {
		Weight::zero()
	}
	fn guarantee_application() -> Weight {
		Weight::zero()
	}
	fn guarantee_member() -> Weight {
		Weight::zero()
	}
	fn accept() -> Weight {
		Weight::zero()
	}
	fn decline() -> Weight {
		Weight::zero()
	}
	fn revoke() -> Weight {
		Weight::zero()
	}
	fn expire_application() -> Weight {
		Weight::zero()
	}
	fn end_grace() -> Weight {
		Weight::zero()
	}
	fn continue_departure(_n: u32) -> Weight {
		Weight::zero()
	}
	fn on_initialize(_d: u32, _e: u32) -> Weight {
		Weight::zero()
	}
}
