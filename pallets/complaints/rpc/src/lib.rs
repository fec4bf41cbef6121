//! # `synergy_` RPC methods of complaints
//!
//! Readable JSON over the runtime API [`ComplaintsRuntimeApi`]: accounts in SS58, balances as
//! decimal strings, every method answering at the best block unless given a block hash. See
//! `docs/auditor.md`.

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

pub use pallet_complaints_runtime_api::{
	BlockView, CaseId, CaseView, ComplaintsApi as ComplaintsRuntimeApi, RecordView,
};

/// The error code of an answer the runtime could not give.
pub const RUNTIME_ERROR: i32 = 1;

/// The complaints methods.
#[rpc(client, server)]
pub trait ComplaintsApi<BlockHash, AccountId, Balance: Display + FromStr, BlockNumber> {
	/// A case with its sides, current panels, votes, deadlines and outcomes; `null` if there is
	/// none by that number.
	#[method(name = "synergy_case")]
	fn case(
		&self,
		id: CaseId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<CaseView<AccountId, Balance, BlockNumber>>>;

	/// The recent cases of an account as a party, open and closed, newest first.
	#[method(name = "synergy_casesOf")]
	fn cases_of(
		&self,
		who: AccountId,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<CaseView<AccountId, Balance, BlockNumber>>>;

	/// The record of an account: the cooperative's rating.
	#[method(name = "synergy_record")]
	fn record(&self, who: AccountId, at: Option<BlockHash>) -> RpcResult<RecordView<BlockNumber>>;

	/// Who is blocked and why: for one account, or (with `null`) for everyone.
	#[method(name = "synergy_blocks")]
	fn blocks(
		&self,
		who: Option<AccountId>,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<BlockView<AccountId>>>;
}

/// The methods' implementation over a client.
pub struct Complaints<C, Block> {
	client: Arc<C>,
	_block: std::marker::PhantomData<Block>,
}

impl<C, Block> Complaints<C, Block> {
	/// Serves the methods from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _block: Default::default() }
	}
}

fn runtime_error(error: impl ToString) -> ErrorObjectOwned {
	ErrorObject::owned(RUNTIME_ERROR, "the runtime could not answer", Some(error.to_string()))
}

impl<C, Block, AccountId, Balance, BlockNumber>
	ComplaintsApiServer<Block::Hash, AccountId, Balance, BlockNumber> for Complaints<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: ComplaintsRuntimeApi<Block, AccountId, Balance, BlockNumber>,
	AccountId: Codec + Send + Sync + 'static,
	Balance: Codec + Display + FromStr + Send + Sync + 'static,
	BlockNumber: Codec + Send + Sync + 'static,
{
	fn case(
		&self,
		id: CaseId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<CaseView<AccountId, Balance, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().case(at, id).map_err(runtime_error)
	}

	fn cases_of(
		&self,
		who: AccountId,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<CaseView<AccountId, Balance, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().cases_of(at, who).map_err(runtime_error)
	}

	fn record(
		&self,
		who: AccountId,
		at: Option<Block::Hash>,
	) -> RpcResult<RecordView<BlockNumber>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().record(at, who).map_err(runtime_error)
	}

	fn blocks(
		&self,
		who: Option<AccountId>,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<BlockView<AccountId>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().blocks(at, who).map_err(runtime_error)
	}
}
