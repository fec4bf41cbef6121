//! Weights for `pallet_complaints`.
//!
//! Placeholder until the pallet joins the runtime: `scripts/benchmark.sh` then overwrites this
//! file with the measured weights (template `scripts/templates/pallet-weights.hbs`). Until
//! then only mocks use it, with zero weights.

#![allow(missing_docs)]

use frame_support::weights::Weight;

/// Weight functions needed for `pallet_complaints`.
pub trait WeightInfo {
	fn file() -> Weight;
	fn vote() -> Weight;
	fn withdraw() -> Weight;
	fn escalate() -> Weight;
	fn decide() -> Weight;
	fn set_escalation_period() -> Weight;
	fn on_initialize(n: u32) -> Weight;
}

impl WeightInfo for () {
	fn file() -> Weight {
		Weight::zero()
	}
	fn vote() -> Weight {
		Weight::zero()
	}
	fn withdraw() -> Weight {
		Weight::zero()
	}
	fn escalate() -> Weight {
		Weight::zero()
	}
	fn decide() -> Weight {
		Weight::zero()
	}
	fn set_escalation_period() -> Weight {
		Weight::zero()
	}
	fn on_initialize(_: u32) -> Weight {
		Weight::zero()
	}
}
