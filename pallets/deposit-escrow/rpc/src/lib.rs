//! # `synergy_` RPC methods of escrowed deposit quanta
//!
//! Readable JSON over the runtime API [`DepositEscrowRuntimeApi`]: accounts in SS58, balances
//! as decimal strings, every method answering at the best block unless given a block hash. See
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

pub use pallet_deposit_escrow_runtime_api::{
	Deal, DealId, DealView, DepositEscrowApi as DepositEscrowRuntimeApi, EscrowView,
};

/// The error code of an answer the runtime could not give.
pub const RUNTIME_ERROR: i32 = 1;

/// The escrow methods.
#[rpc(client, server)]
pub trait DepositEscrowApi<BlockHash, AccountId, Balance: Display + FromStr, BlockNumber> {
	/// The escrow behind an account, guarantor by guarantor, with its totals (behind, exposure,
	/// headroom, insured quantum, frozen) and the numbers of its deals.
	#[method(name = "synergy_escrow")]
	fn escrow(
		&self,
		who: AccountId,
		at: Option<BlockHash>,
	) -> RpcResult<EscrowView<AccountId, Balance, BlockNumber>>;

	/// A proposed, open or recently completed deal; `null` if there is none by that number
	/// (older deals live in the events).
	#[method(name = "synergy_deal")]
	fn deal(
		&self,
		id: DealId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<Deal<AccountId, Balance, BlockNumber>>>;

	/// The proposed and open deals of an account.
	#[method(name = "synergy_dealsOf")]
	fn deals_of(
		&self,
		who: AccountId,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<DealView<AccountId, Balance, BlockNumber>>>;
}

/// The methods' implementation over a client.
pub struct DepositEscrow<C, Block> {
	client: Arc<C>,
	_block: std::marker::PhantomData<Block>,
}

impl<C, Block> DepositEscrow<C, Block> {
	/// Serves the methods from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _block: Default::default() }
	}
}

fn runtime_error(error: impl ToString) -> ErrorObjectOwned {
	ErrorObject::owned(RUNTIME_ERROR, "the runtime could not answer", Some(error.to_string()))
}

impl<C, Block, AccountId, Balance, BlockNumber>
	DepositEscrowApiServer<Block::Hash, AccountId, Balance, BlockNumber> for DepositEscrow<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: DepositEscrowRuntimeApi<Block, AccountId, Balance, BlockNumber>,
	AccountId: Codec + Send + Sync + 'static,
	Balance: Codec + Display + FromStr + Send + Sync + 'static,
	BlockNumber: Codec + Send + Sync + 'static,
{
	fn escrow(
		&self,
		who: AccountId,
		at: Option<Block::Hash>,
	) -> RpcResult<EscrowView<AccountId, Balance, BlockNumber>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().escrow(at, who).map_err(runtime_error)
	}

	fn deal(
		&self,
		id: DealId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<Deal<AccountId, Balance, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().deal(at, id).map_err(runtime_error)
	}

	fn deals_of(
		&self,
		who: AccountId,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<DealView<AccountId, Balance, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().deals_of(at, who).map_err(runtime_error)
	}
}
