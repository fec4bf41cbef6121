//! Weights for `pallet_fund_voting`: placeholder until `scripts/benchmark.sh` generates them.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_fund_voting`.
pub trait WeightInfo {
	fn donate() -> Weight;
	fn propose_spend() -> Weight;
	fn propose_motion() -> Weight;
	fn vote(m: u32, ) -> Weight;
	fn object() -> Weight;
	fn withdraw_objection() -> Weight;
	fn cancel() -> Weight;
	fn close() -> Weight;
	fn set_parameters() -> Weight;
	fn on_initialize(n: u32, ) -> Weight;
}

impl WeightInfo for () {
	fn donate() -> Weight { Weight::from_parts(100_000_000, 4_000).saturating_add(RocksDbWeight::get().reads_writes(4, 4)) }
	fn propose_spend() -> Weight { Weight::from_parts(100_000_000, 4_000).saturating_add(RocksDbWeight::get().reads_writes(10, 8)) }
	fn propose_motion() -> Weight { Weight::from_parts(100_000_000, 4_000).saturating_add(RocksDbWeight::get().reads_writes(10, 8)) }
	fn vote(_m: u32, ) -> Weight { Weight::from_parts(50_000_000, 4_000).saturating_add(RocksDbWeight::get().reads_writes(4, 2)) }
	fn object() -> Weight { Weight::from_parts(100_000_000, 4_000).saturating_add(RocksDbWeight::get().reads_writes(8, 6)) }
	fn withdraw_objection() -> Weight { Weight::from_parts(50_000_000, 4_000).saturating_add(RocksDbWeight::get().reads_writes(2, 2)) }
	fn cancel() -> Weight { Weight::from_parts(100_000_000, 4_000).saturating_add(RocksDbWeight::get().reads_writes(6, 6)) }
	fn close() -> Weight { Weight::from_parts(100_000_000, 4_000).saturating_add(RocksDbWeight::get().reads_writes(10, 8)) }
	fn set_parameters() -> Weight { Weight::from_parts(10_000_000, 0).saturating_add(RocksDbWeight::get().writes(1)) }
	fn on_initialize(n: u32, ) -> Weight { Weight::from_parts(100_000_000, 4_000).saturating_mul(n.into()).saturating_add(RocksDbWeight::get().reads_writes(10, 8).saturating_mul(n.into())) }
}

/// Placeholder until generated.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn donate() -> Weight { <() as WeightInfo>::donate() }
	fn propose_spend() -> Weight { <() as WeightInfo>::propose_spend() }
	fn propose_motion() -> Weight { <() as WeightInfo>::propose_motion() }
	fn vote(m: u32, ) -> Weight { <() as WeightInfo>::vote(m) }
	fn object() -> Weight { <() as WeightInfo>::object() }
	fn withdraw_objection() -> Weight { <() as WeightInfo>::withdraw_objection() }
	fn cancel() -> Weight { <() as WeightInfo>::cancel() }
	fn close() -> Weight { <() as WeightInfo>::close() }
	fn set_parameters() -> Weight { <() as WeightInfo>::set_parameters() }
	fn on_initialize(n: u32, ) -> Weight { <() as WeightInfo>::on_initialize(n) }
}
