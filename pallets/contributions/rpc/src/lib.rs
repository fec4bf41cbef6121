//! # `synergy_` RPC methods of contribution accounting
//!
//! Readable JSON over the runtime API [`ContributionsRuntimeApi`]: accounts in SS58, amounts and
//! points as decimal strings, every method answering at the best block unless given a block
//! hash. See `docs/contributions.md`.

use std::sync::Arc;

use codec::Codec;
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{ErrorObject, ErrorObjectOwned},
};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

pub use pallet_contributions_runtime_api::{
	Amount, ClaimableView, ContributionView, ContributionsApi as ContributionsRuntimeApi,
	ProjectId, ProjectView, SplitPreview,
};

/// The error code of an answer the runtime could not give.
pub const RUNTIME_ERROR: i32 = 1;
/// The error code of an amount that is not a decimal number of units.
pub const INVALID_AMOUNT: i32 = 2;

/// Contribution accounting's methods.
#[rpc(client, server)]
pub trait ContributionsApi<BlockHash, AccountId, BlockNumber> {
	/// A project with its equation versions, participants, points and totals; `null` if there
	/// is none by that number.
	#[method(name = "synergy_project")]
	fn project(
		&self,
		id: ProjectId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<ProjectView<AccountId, BlockNumber>>>;

	/// The contributions of an account, newest first, with their status.
	#[method(name = "synergy_contributionsOf")]
	fn contributions_of(
		&self,
		who: AccountId,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<ContributionView<AccountId, BlockNumber>>>;

	/// What an account may claim, by project.
	#[method(name = "synergy_claimable")]
	fn claimable(&self, who: AccountId, at: Option<BlockHash>) -> RpcResult<Vec<ClaimableView>>;

	/// What paying `revenue` (a decimal string of the smallest unit) into a project now would
	/// give to the common fund and to each organiser and participant; `null` if there is no
	/// such project.
	#[method(name = "synergy_splitPreview")]
	fn split_preview(
		&self,
		project: ProjectId,
		revenue: String,
		at: Option<BlockHash>,
	) -> RpcResult<Option<SplitPreview<AccountId>>>;
}

/// The methods' implementation over a client.
pub struct Contributions<C, Block> {
	client: Arc<C>,
	_block: std::marker::PhantomData<Block>,
}

impl<C, Block> Contributions<C, Block> {
	/// Serves the methods from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _block: Default::default() }
	}
}

fn runtime_error(error: impl ToString) -> ErrorObjectOwned {
	ErrorObject::owned(RUNTIME_ERROR, "the runtime could not answer", Some(error.to_string()))
}

impl<C, Block, AccountId, BlockNumber> ContributionsApiServer<Block::Hash, AccountId, BlockNumber>
	for Contributions<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: ContributionsRuntimeApi<Block, AccountId, BlockNumber>,
	AccountId: Codec + Send + Sync + 'static,
	BlockNumber: Codec + Send + Sync + 'static,
{
	fn project(
		&self,
		id: ProjectId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<ProjectView<AccountId, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().project(at, id).map_err(runtime_error)
	}

	fn contributions_of(
		&self,
		who: AccountId,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<ContributionView<AccountId, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().contributions_of(at, who).map_err(runtime_error)
	}

	fn claimable(&self, who: AccountId, at: Option<Block::Hash>) -> RpcResult<Vec<ClaimableView>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().claimable(at, who).map_err(runtime_error)
	}

	fn split_preview(
		&self,
		project: ProjectId,
		revenue: String,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<SplitPreview<AccountId>>> {
		let revenue: Amount = revenue.trim().parse().map_err(|_| {
			ErrorObject::owned(INVALID_AMOUNT, "revenue is not a decimal amount", Some(revenue))
		})?;
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().split_preview(at, project, revenue).map_err(runtime_error)
	}
}
