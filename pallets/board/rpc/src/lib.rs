//! # `synergy_` RPC methods of the offer and request board
//!
//! Readable JSON over the runtime API [`BoardRuntimeApi`]: accounts in SS58, amounts as decimal
//! strings, every method answering at the best block unless given a block hash. See
//! `docs/board.md`.

use std::{fmt::Display, str::FromStr, sync::Arc};

use codec::Codec;
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{ErrorObject, ErrorObjectOwned},
};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

pub use pallet_board_runtime_api::{
	BoardApi as BoardRuntimeApi, BoardPage, CategoryId, CategoryView, ListingId, ListingView,
	MatchFor, MatchView, Region, Side, MAX_MATCHES,
};

/// The error code of an answer the runtime could not give.
pub const RUNTIME_ERROR: i32 = 1;

/// What `synergy_matches` matches: a listing's number, or an account.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
#[serde(untagged)]
pub enum MatchTarget<AccountId> {
	/// A listing, by number.
	Listing(ListingId),
	/// Every open listing of an account.
	Account(AccountId),
}

/// The board's methods.
#[rpc(client, server)]
pub trait BoardApi<BlockHash, AccountId, Balance: Display + FromStr, BlockNumber> {
	/// Every category of the board, in number order, with its parent, depth and whether it is
	/// retired.
	#[method(name = "synergy_categories")]
	fn categories(&self, at: Option<BlockHash>) -> RpcResult<Vec<CategoryView>>;

	/// A page of the board: the listings of a category and below it, of a side (`"offer"`,
	/// `"request"`, or `null` for both), in a region (`null` for every region; a region also
	/// shows those serving every region, code 0), newest first, 20 a page from page 0.
	#[method(name = "synergy_board")]
	fn board(
		&self,
		category: CategoryId,
		side: Option<Side>,
		region: Option<Region>,
		page: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<BoardPage<AccountId, Balance, BlockNumber>>;

	/// A listing; `null` if it is not on the board.
	#[method(name = "synergy_listing")]
	fn listing(
		&self,
		id: ListingId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<ListingView<AccountId, Balance, BlockNumber>>>;

	/// The matches of a listing (its number) or of every open listing of an account (its
	/// address), best first, with the parts of each score; at most `limit` (and 50).
	#[method(name = "synergy_matches")]
	fn matches(
		&self,
		of: MatchTarget<AccountId>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<MatchView<AccountId, Balance, BlockNumber>>>;
}

/// The methods' implementation over a client.
pub struct Board<C, Block> {
	client: Arc<C>,
	_block: std::marker::PhantomData<Block>,
}

impl<C, Block> Board<C, Block> {
	/// Serves the methods from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _block: Default::default() }
	}
}

fn runtime_error(error: impl ToString) -> ErrorObjectOwned {
	ErrorObject::owned(RUNTIME_ERROR, "the runtime could not answer", Some(error.to_string()))
}

impl<C, Block, AccountId, Balance, BlockNumber>
	BoardApiServer<Block::Hash, AccountId, Balance, BlockNumber> for Board<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: BoardRuntimeApi<Block, AccountId, Balance, BlockNumber>,
	AccountId: Codec + Send + Sync + 'static,
	Balance: Codec + Display + FromStr + Send + Sync + 'static,
	BlockNumber: Codec + Send + Sync + 'static,
{
	fn categories(&self, at: Option<Block::Hash>) -> RpcResult<Vec<CategoryView>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().categories(at).map_err(runtime_error)
	}

	fn board(
		&self,
		category: CategoryId,
		side: Option<Side>,
		region: Option<Region>,
		page: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<BoardPage<AccountId, Balance, BlockNumber>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client
			.runtime_api()
			.board(at, category, side, region, page.unwrap_or_default())
			.map_err(runtime_error)
	}

	fn listing(
		&self,
		id: ListingId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<ListingView<AccountId, Balance, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().listing(at, id).map_err(runtime_error)
	}

	fn matches(
		&self,
		of: MatchTarget<AccountId>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<MatchView<AccountId, Balance, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let of = match of {
			MatchTarget::Listing(id) => MatchFor::Listing(id),
			MatchTarget::Account(who) => MatchFor::Account(who),
		};
		self.client
			.runtime_api()
			.matches(at, of, limit.unwrap_or(MAX_MATCHES))
			.map_err(runtime_error)
	}
}
