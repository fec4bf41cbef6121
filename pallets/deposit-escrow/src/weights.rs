//! Weights for `pallet_deposit_escrow`.
//!
//! Placeholder until the pallet joins the runtime: `scripts/benchmark.sh` then overwrites this
//! file with the measured weights (template `scripts/templates/pallet-weights.hbs`). Until
//! then only mocks use it, with zero weights.

#![allow(missing_docs)]

use frame_support::weights::Weight;

/// Weight functions needed for `pallet_deposit_escrow`.
pub trait WeightInfo {
	fn open_deal() -> Weight;
	fn accept_deal() -> Weight;
	fn cancel_deal() -> Weight;
	fn confirm_deal() -> Weight;
	fn complete_due_deal() -> Weight;
	fn top_up() -> Weight;
	fn on_initialize(d: u32, t: u32) -> Weight;
}

impl WeightInfo for () {
	fn open_deal() -> Weight {
		Weight::zero()
	}
	fn accept_deal() -> Weight {
		Weight::zero()
	}
	fn cancel_deal() -> Weight {
		Weight::zero()
	}
	fn confirm_deal() -> Weight {
		Weight::zero()
	}
	fn complete_due_deal() -> Weight {
		Weight::zero()
	}
	fn top_up() -> Weight {
		Weight::zero()
	}
	fn on_initialize(_d: u32, _t: u32) -> Weight {
		Weight::zero()
	}
}
