//! # Runtime API of the offer and request board
//!
//! What members and auditors read of the board, reachable with `state_call` by any client, and
//! as readable JSON through the node's `synergy_` RPC methods (`pallet-board-rpc`). Every answer
//! is bounded: a page of [`PAGE_SIZE`] listings, at most [`MAX_MATCHES`] matches, at most
//! [`MAX_SCANNED`] index entries read by one query.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_board::{
	BoardPage, CategoryId, CategoryView, ListingId, ListingView, MatchFor, MatchView, Region,
	Score, Side, MAX_MATCHES, MAX_SCANNED, PAGE_SIZE,
};

sp_api::decl_runtime_apis! {
	/// The board: categories, pages, listings, matches.
	#[api_version(1)]
	pub trait BoardApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// Every category, in number order.
		fn categories() -> Vec<CategoryView>;
		/// Page `page` of the listings of `category` and below it, of `side` (both with
		/// `None`), in `region` (every region with `None`; with a region, those serving every
		/// region too), newest first.
		fn board(
			category: CategoryId,
			side: Option<Side>,
			region: Option<Region>,
			page: u32,
		) -> BoardPage<AccountId, Balance, BlockNumber>;
		/// Listing `id`, if it is on the board.
		fn listing(id: ListingId) -> Option<ListingView<AccountId, Balance, BlockNumber>>;
		/// The matches of a listing or of an account's open listings, best first, at most
		/// `limit`.
		fn matches(of: MatchFor<AccountId>, limit: u32) -> Vec<MatchView<AccountId, Balance, BlockNumber>>;
	}
}
