//! # Runtime API of membership by guarantee
//!
//! What auditors and wallets read about the cooperative's members, reachable with
//! `state_call` by any client, and as readable JSON through the node's `synergy_` RPC methods
//! (`pallet-guarantee-membership-rpc`).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_guarantee_membership::{
	ApplicationView, ClassId, ClassView, EscrowStanding, GraphNode, GuarantorGraph, MemberStatus,
	MemberView, MAX_GRAPH_DEPTH, MAX_GRAPH_NODES,
};

sp_api::decl_runtime_apis! {
	/// Members, applications, the class table and the guarantor graph.
	#[api_version(1)]
	pub trait GuaranteeMembershipApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// Member `who`: class, status, guarantors, protégés, escrow behind them, open exposure
		/// and headroom; `None` if `who` is not a member.
		fn member(who: AccountId) -> Option<MemberView<AccountId, Balance, BlockNumber>>;
		/// The open application of `candidate`, if any.
		fn application(candidate: AccountId) -> Option<ApplicationView<AccountId, Balance, BlockNumber>>;
		/// The class table.
		fn classes() -> Vec<ClassView<Balance>>;
		/// The guarantor graph within `depth` guarantee links of `who`, in both directions
		/// (at most `MAX_GRAPH_DEPTH` links and `MAX_GRAPH_NODES` accounts).
		fn guarantor_graph(who: AccountId, depth: u32) -> GuarantorGraph<AccountId>;
	}
}
