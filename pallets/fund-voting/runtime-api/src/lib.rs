//! # Runtime API of the general meeting
//!
//! What auditors read about the common fund, the proposals and the validator set, reachable
//! with `state_call` by any client, and as readable JSON through the node's `synergy_` RPC
//! methods (`pallet-fund-voting-rpc`).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_fund_voting::{
	FundView, KindView, ProposalId, ProposalView, Statement, Status, Tally, Vote, VoteView,
};
pub use pallet_validator_set::ValidatorSetView;

sp_api::decl_runtime_apis! {
	/// The fund, the proposals, the votes and the validator set.
	#[api_version(1)]
	pub trait GeneralMeetingApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// The fund's statement: balance, in by source, out, committed, reserve, what may still
		/// be committed and the budget left this period.
		fn fund() -> FundView<AccountId, Balance>;
		/// Proposal `id` with its live tally, turnout and time left.
		fn proposal(id: ProposalId) -> Option<ProposalView<AccountId, Balance, BlockNumber>>;
		/// The newest proposals, newest first; only the open ones when `open_only`.
		fn proposals(open_only: bool) -> Vec<ProposalView<AccountId, Balance, BlockNumber>>;
		/// The votes and objections of `who`, newest proposal first.
		fn votes_of(who: AccountId) -> Vec<VoteView>;
		/// The validators of the current session, of the next, and the set the members decided.
		fn validators() -> ValidatorSetView<AccountId, BlockNumber>;
	}
}
