//! # `synergy_` RPC methods of the general meeting
//!
//! Readable JSON over the runtime API [`GeneralMeetingRuntimeApi`]: accounts in SS58, balances
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

pub use pallet_fund_voting_runtime_api::{
	FundView, GeneralMeetingApi as GeneralMeetingRuntimeApi, ProposalId, ProposalView,
	ValidatorSetView, VoteView,
};

/// The error code of an answer the runtime could not give.
pub const RUNTIME_ERROR: i32 = 1;

/// The general meeting's methods.
#[rpc(client, server)]
pub trait GeneralMeetingApi<BlockHash, AccountId, Balance: Display + FromStr, BlockNumber> {
	/// The fund's statement.
	#[method(name = "synergy_fund")]
	fn fund(&self, at: Option<BlockHash>) -> RpcResult<FundView<AccountId, Balance>>;

	/// A proposal with its live tally, turnout and time left; `null` if there is none by that
	/// number.
	#[method(name = "synergy_proposal")]
	fn proposal(
		&self,
		id: ProposalId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<ProposalView<AccountId, Balance, BlockNumber>>>;

	/// The newest proposals, newest first; only the open ones when `openOnly` is true.
	#[method(name = "synergy_proposals")]
	fn proposals(
		&self,
		open_only: bool,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<ProposalView<AccountId, Balance, BlockNumber>>>;

	/// The votes and objections of an account, newest proposal first.
	#[method(name = "synergy_votesOf")]
	fn votes_of(&self, who: AccountId, at: Option<BlockHash>) -> RpcResult<Vec<VoteView>>;

	/// The validators of the current session, of the next, and the set the members decided.
	#[method(name = "synergy_validators")]
	fn validators(
		&self,
		at: Option<BlockHash>,
	) -> RpcResult<ValidatorSetView<AccountId, BlockNumber>>;
}

/// The methods' implementation over a client.
pub struct GeneralMeeting<C, Block> {
	client: Arc<C>,
	_block: std::marker::PhantomData<Block>,
}

impl<C, Block> GeneralMeeting<C, Block> {
	/// Serves the methods from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _block: Default::default() }
	}
}

fn runtime_error(error: impl ToString) -> ErrorObjectOwned {
	ErrorObject::owned(RUNTIME_ERROR, "the runtime could not answer", Some(error.to_string()))
}

impl<C, Block, AccountId, Balance, BlockNumber>
	GeneralMeetingApiServer<Block::Hash, AccountId, Balance, BlockNumber> for GeneralMeeting<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: GeneralMeetingRuntimeApi<Block, AccountId, Balance, BlockNumber>,
	AccountId: Codec + Send + Sync + 'static,
	Balance: Codec + Display + FromStr + Send + Sync + 'static,
	BlockNumber: Codec + Send + Sync + 'static,
{
	fn fund(&self, at: Option<Block::Hash>) -> RpcResult<FundView<AccountId, Balance>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().fund(at).map_err(runtime_error)
	}

	fn proposal(
		&self,
		id: ProposalId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<ProposalView<AccountId, Balance, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().proposal(at, id).map_err(runtime_error)
	}

	fn proposals(
		&self,
		open_only: bool,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<ProposalView<AccountId, Balance, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().proposals(at, open_only).map_err(runtime_error)
	}

	fn votes_of(&self, who: AccountId, at: Option<Block::Hash>) -> RpcResult<Vec<VoteView>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().votes_of(at, who).map_err(runtime_error)
	}

	fn validators(
		&self,
		at: Option<Block::Hash>,
	) -> RpcResult<ValidatorSetView<AccountId, BlockNumber>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().validators(at).map_err(runtime_error)
	}
}
