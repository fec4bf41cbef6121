//! # Synergy runtime
//!
//! The state machine of the Synergy mutual-guarantee cooperative, compiled to Wasm and run by
//! every validator. This file is composition only: the types every part of the chain agrees on,
//! the list of pallets, and the transaction format. Pallet configuration lives in [`configs`],
//! the runtime APIs in [`apis`], and the genesis presets in [`genesis_config_presets`].

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime`/`impl_runtime_apis` expand to large types.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

// First, with `macro_use`: `define_benchmarks!` there defines the `list_benchmarks!` and
// `add_benchmarks!` macros that `apis` expands.
#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benchmarks;

pub mod apis;
pub mod configs;
pub mod duties;
pub mod figures;
pub mod genesis_config_presets;
pub mod invariants;
pub mod migrations;
#[cfg(feature = "std")]
pub mod signing;

use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::{runtime_version, RuntimeVersion};

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// The token's ticker, shown by wallets (chain property `tokenSymbol`).
pub const TOKEN_SYMBOL: &str = "SYN";
/// The token's decimals, shown by wallets (chain property `tokenDecimals`).
pub const TOKEN_DECIMALS: u8 = 12;
/// The SS58 address prefix (42: the generic Substrate prefix every wallet knows).
pub const SS58_PREFIX: u16 = 42;

/// Balance amounts, in the token's smallest unit.
pub mod currency {
	use super::Balance;

	/// One SYN.
	pub const UNITS: Balance = 1_000_000_000_000;
	/// A thousandth of a SYN.
	pub const MILLI_UNITS: Balance = UNITS / 1_000;
	/// A millionth of a SYN.
	pub const MICRO_UNITS: Balance = UNITS / 1_000_000;
	/// The least balance an account must keep to exist.
	pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNITS;
}

/// Block times, in blocks.
pub mod time {
	use super::BlockNumber;

	/// Target block time. Aura's slot duration is derived from it; it cannot change once the
	/// chain has started.
	pub const MILLI_SECS_PER_BLOCK: u64 = 6_000;
	/// Aura slot duration.
	pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

	pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
	pub const HOURS: BlockNumber = MINUTES * 60;
	pub const DAYS: BlockNumber = HOURS * 24;
}

/// Alias to 512-bit hash when used in the context of a transaction signature on the chain.
pub type Signature = MultiSignature;
/// An account: the public key of the signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// A balance, in the token's smallest unit.
pub type Balance = u128;
/// A block number.
pub type BlockNumber = u32;
/// A transaction counter of an account.
pub type Nonce = u32;
/// A hash of some data used by the chain.
pub type Hash = sp_core::H256;

/// Opaque types for the node: it handles blocks and extrinsics without knowing their contents.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as sp_runtime::traits::Hash>::Output;
}

impl_opaque_keys! {
	/// The keys a validator registers with `session.set_keys`: Aura for authoring blocks,
	/// GRANDPA for finality votes.
	pub struct SessionKeys {
		pub aura: Aura,
		pub grandpa: Grandpa,
	}
}

#[runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("synergy"),
	impl_name: alloc::borrow::Cow::Borrowed("synergy-node"),
	authoring_version: 1,
	// Bump on every change of runtime logic; `transaction_version` on every change of a call's
	// encoding (index, arguments) so that signed transactions of the old format are refused.
	spec_version: 121,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 3,
	system_version: 1,
};

/// The address format for describing accounts.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header type as expected by this runtime.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block type as expected by this runtime.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// The transaction extensions: the checks every extrinsic passes before it is dispatched.
pub type TxExtension = (
	frame_system::AuthorizeCall<Runtime>,
	frame_system::CheckNonZeroSender<Runtime>,
	// The permissioned pool: only members (and candidates answering) get in.
	pallet_guarantee_membership::CheckMembership<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	// `pallet_transaction_payment::ChargeTransactionPayment` to wallets; free answers cost
	// nothing and buy no priority.
	configs::fees::ChargeFees,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// The storage migrations this runtime runs when it replaces an older one (each runs only at
/// the storage version it migrates from, so a chain that started with this runtime skips it),
/// and, last, try-runtime's check that none is missing.
pub type Migrations = (
	pallet_guarantee_membership::migrations::v1::MigrateV0ToV1<Runtime>,
	pallet_deposit_escrow::migrations::v1::MigrateV0ToV1<Runtime>,
	pallet_complaints::migrations::v1::MigrateV0ToV1<Runtime>,
	pallet_contributions::migrations::v1::MigrateV0ToV1<Runtime>,
	pallet_board::migrations::v1::MigrateV0ToV1<Runtime, configs::board::StarterCategories>,
	migrations::StorageVersionsMatch,
);

/// Executive: dispatches calls to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

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
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(3)]
	pub type TransactionPayment = pallet_transaction_payment;

	// Consensus. Session comes before Aura and GRANDPA: its genesis hands them their
	// authorities, and its session changes reach them in this order.
	#[runtime::pallet_index(10)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(11)]
	pub type Aura = pallet_aura;
	#[runtime::pallet_index(12)]
	pub type Grandpa = pallet_grandpa;
	#[runtime::pallet_index(13)]
	pub type ValidatorSet = pallet_validator_set;

	// The cooperative's regulation.
	#[runtime::pallet_index(20)]
	pub type Membership = pallet_guarantee_membership;
	#[runtime::pallet_index(21)]
	pub type Escrow = pallet_deposit_escrow;
	#[runtime::pallet_index(22)]
	pub type Complaints = pallet_complaints;
	#[runtime::pallet_index(23)]
	pub type Fund = pallet_fund_voting;
	#[runtime::pallet_index(24)]
	pub type Contributions = pallet_contributions;
	#[runtime::pallet_index(25)]
	pub type Board = pallet_board;

	// Development only: the `development` preset sets a key, every other preset leaves it empty,
	// so no account can use it.
	#[runtime::pallet_index(90)]
	pub type Sudo = pallet_sudo;
}
