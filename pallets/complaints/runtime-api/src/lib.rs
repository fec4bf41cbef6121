//! # Runtime API of complaints
//!
//! What auditors read about complaint cases, reachable with `state_call` by any client, and as
//! readable JSON through the node's `synergy_` RPC methods (`pallet-complaints-rpc`).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_complaints::{
	Ban, BanReason, BlockReason, BlockView, CaseId, CaseView, FilingBar, LevelView, Outcome,
	Record, RecordView, SeatView, SideView, Stage, Verdict, MAX_BLOCKS_LISTED,
};

sp_api::decl_runtime_apis! {
	/// Cases, records and blocks.
	#[api_version(1)]
	pub trait ComplaintsApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// Case `id` with its sides, current panels, votes, deadlines and outcomes.
		fn case(id: CaseId) -> Option<CaseView<AccountId, Balance, BlockNumber>>;
		/// The recent cases of `who` as a party, open and closed, newest first.
		fn cases_of(who: AccountId) -> Vec<CaseView<AccountId, Balance, BlockNumber>>;
		/// The record of `who`: complaints filed, received, upheld, dismissed; panels sat on,
		/// strikes, dissents; complaints upheld against their protégés; and the ban from
		/// guaranteeing and the bar from filing in force, if any.
		fn record(who: AccountId) -> RecordView<BlockNumber>;
		/// Who is blocked and why: for `who`, or for everyone (at most `MAX_BLOCKS_LISTED`).
		fn blocks(who: Option<AccountId>) -> Vec<BlockView<AccountId>>;
	}
}
