//! # Runtime API of escrowed deposit quanta
//!
//! What auditors and wallets read about escrow and insured deals, reachable with `state_call`
//! by any client, and as readable JSON through the node's `synergy_` RPC methods
//! (`pallet-deposit-escrow-rpc`).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_deposit_escrow::{
	Deal, DealId, DealStatus, DealView, EscrowRecord, EscrowStanding, EscrowView,
	GuaranteeEscrowView,
};

sp_api::decl_runtime_apis! {
	/// The escrow behind members and the deals it insures.
	#[api_version(1)]
	pub trait DepositEscrowApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// The escrow behind `who`, guarantor by guarantor, with the totals (behind, exposure,
		/// headroom, insured quantum, frozen) and the numbers of their deals.
		fn escrow(who: AccountId) -> EscrowView<AccountId, Balance, BlockNumber>;
		/// Deal `id`, while it is proposed, open, or completed within the settled period (after
		/// that its record lives in the events).
		fn deal(id: DealId) -> Option<Deal<AccountId, Balance, BlockNumber>>;
		/// The proposed and open deals of `who`.
		fn deals_of(who: AccountId) -> Vec<DealView<AccountId, Balance, BlockNumber>>;
	}
}
