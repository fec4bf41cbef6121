//! # `synergy_` RPC methods of membership by guarantee
//!
//! Readable JSON over the runtime API [`GuaranteeMembershipRuntimeApi`]: accounts in SS58,
//! balances as decimal strings, every method answering at the best block unless given a block
//! hash. See `docs/auditor.md`.

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

pub use pallet_guarantee_membership_runtime_api::{
	ApplicationView, ClassView, GuaranteeMembershipApi as GuaranteeMembershipRuntimeApi,
	GuarantorGraph, MemberView, MAX_GRAPH_DEPTH,
};

/// The error code of an answer the runtime could not give.
pub const RUNTIME_ERROR: i32 = 1;

/// The membership methods.
#[rpc(client, server)]
pub trait GuaranteeMembershipApi<BlockHash, AccountId, Balance: Display + FromStr, BlockNumber> {
	/// A member: class, status, guarantors, protégés, escrow behind them, open exposure and
	/// headroom; `null` if the account is not a member.
	#[method(name = "synergy_member")]
	fn member(
		&self,
		who: AccountId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<MemberView<AccountId, Balance, BlockNumber>>>;

	/// An open application; `null` if the account has none.
	#[method(name = "synergy_application")]
	fn application(
		&self,
		candidate: AccountId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<ApplicationView<AccountId, Balance, BlockNumber>>>;

	/// The class table.
	#[method(name = "synergy_classes")]
	fn classes(&self, at: Option<BlockHash>) -> RpcResult<Vec<ClassView<Balance>>>;

	/// The guarantor graph around an account, both ways, to `depth` links (default and most:
	/// `MAX_GRAPH_DEPTH`).
	#[method(name = "synergy_guarantorGraph")]
	fn guarantor_graph(
		&self,
		who: AccountId,
		depth: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<GuarantorGraph<AccountId>>;
}

/// The methods' implementation over a client.
pub struct GuaranteeMembership<C, Block> {
	client: Arc<C>,
	_block: std::marker::PhantomData<Block>,
}

impl<C, Block> GuaranteeMembership<C, Block> {
	/// Serves the methods from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _block: Default::default() }
	}
}

fn runtime_error(error: impl ToString) -> ErrorObjectOwned {
	ErrorObject::owned(RUNTIME_ERROR, "the runtime could not answer", Some(error.to_string()))
}

impl<C, Block, AccountId, Balance, BlockNumber>
	GuaranteeMembershipApiServer<Block::Hash, AccountId, Balance, BlockNumber>
	for GuaranteeMembership<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: GuaranteeMembershipRuntimeApi<Block, AccountId, Balance, BlockNumber>,
	AccountId: Codec + Send + Sync + 'static,
	Balance: Codec + Display + FromStr + Send + Sync + 'static,
	BlockNumber: Codec + Send + Sync + 'static,
{
	fn member(
		&self,
		who: AccountId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<MemberView<AccountId, Balance, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().member(at, who).map_err(runtime_error)
	}

	fn application(
		&self,
		candidate: AccountId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<ApplicationView<AccountId, Balance, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().application(at, candidate).map_err(runtime_error)
	}

	fn classes(&self, at: Option<Block::Hash>) -> RpcResult<Vec<ClassView<Balance>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().classes(at).map_err(runtime_error)
	}

	fn guarantor_graph(
		&self,
		who: AccountId,
		depth: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<GuarantorGraph<AccountId>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client
			.runtime_api()
			.guarantor_graph(at, who, depth.unwrap_or(MAX_GRAPH_DEPTH))
			.map_err(runtime_error)
	}
}
