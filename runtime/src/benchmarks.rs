//! The pallets whose weights the node's `benchmark pallet` command measures.

pub use frame_benchmarking::baseline::Pallet as BaselineBench;
pub use frame_system_benchmarking::Pallet as SystemBench;

use crate::*;

impl frame_benchmarking::baseline::Config for Runtime {}
impl frame_system_benchmarking::Config for Runtime {}

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_sudo, Sudo]
	[pallet_guarantee_membership, Membership]
	[pallet_deposit_escrow, Escrow]
	[pallet_complaints, Complaints]
	[pallet_fund_voting, Fund]
	[pallet_contributions, Contributions]
	[pallet_board, Board]
	[pallet_validator_set, ValidatorSet]
);
