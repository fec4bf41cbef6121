//! Weights for `pallet_validator_set`: placeholder until `scripts/benchmark.sh` generates them.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_validator_set`.
pub trait WeightInfo {
	fn add_validator() -> Weight;
	fn remove_validator() -> Weight;
	fn set_session_length() -> Weight;
}

impl WeightInfo for () {
	fn add_validator() -> Weight { Weight::from_parts(20_000_000, 4_000).saturating_add(RocksDbWeight::get().reads_writes(4, 2)) }
	fn remove_validator() -> Weight { Weight::from_parts(20_000_000, 4_000).saturating_add(RocksDbWeight::get().reads_writes(1, 2)) }
	fn set_session_length() -> Weight { Weight::from_parts(10_000_000, 0).saturating_add(RocksDbWeight::get().writes(1)) }
}

/// Placeholder until generated.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn add_validator() -> Weight { <() as WeightInfo>::add_validator() }
	fn remove_validator() -> Weight { <() as WeightInfo>::remove_validator() }
	fn set_session_length() -> Weight { <() as WeightInfo>::set_session_length() }
}
