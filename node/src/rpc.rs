//! The node's JSON-RPC methods beyond the standard Substrate set (`chain_*`, `state_*`,
//! `author_*`, `system_*`, which sc-service adds): account nonces and fee estimates, the
//! cooperative's own `synergy_*` methods for auditors (see `docs/auditor.md`), and
//! `synergy_duties`, what the cooperative asks of one account.

use std::sync::Arc;

use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{ErrorObject, ErrorObjectOwned},
	RpcModule,
};
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};
use synergy_runtime::{
	duties::{Duties as DutiesView, SynergyDutiesApi},
	opaque::Block,
	AccountId, Balance, BlockNumber, Nonce,
};

/// What the cooperative asks of an account: read across the pallets by the runtime API
/// [`SynergyDutiesApi`].
#[rpc(server)]
pub trait DutiesApi<BlockHash> {
	/// The panel votes waiting for `who`, the top-ups they owe, the deals waiting for their
	/// answer or confirmation, their application's missing pieces, the guarantees offered to
	/// them and the proposals open to their vote, each with its deadline (a block number; `at`
	/// is the block answered for). At the best block unless given a block hash.
	#[method(name = "synergy_duties")]
	fn duties(&self, who: AccountId, at: Option<BlockHash>) -> RpcResult<DutiesView>;
}

/// `synergy_duties` over a client.
pub struct Duties<C> {
	client: Arc<C>,
}

impl<C> DutiesApiServer<<Block as sp_runtime::traits::Block>::Hash> for Duties<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: SynergyDutiesApi<Block>,
{
	fn duties(
		&self,
		who: AccountId,
		at: Option<<Block as sp_runtime::traits::Block>::Hash>,
	) -> RpcResult<DutiesView> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().duties(at, who).map_err(|error| -> ErrorObjectOwned {
			ErrorObject::owned(1, "the runtime could not answer", Some(error.to_string()))
		})
	}
}

/// What the RPC methods need from the node.
pub struct FullDeps<C, P> {
	/// The client, to call the runtime.
	pub client: Arc<C>,
	/// The transaction pool, for nonces that count pending transactions.
	pub pool: Arc<P>,
}

/// Builds the RPC module with the node's extra methods.
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>
		+ pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>
		+ pallet_guarantee_membership_rpc::GuaranteeMembershipRuntimeApi<
			Block,
			AccountId,
			Balance,
			BlockNumber,
		> + pallet_deposit_escrow_rpc::DepositEscrowRuntimeApi<Block, AccountId, Balance, BlockNumber>
		+ pallet_complaints_rpc::ComplaintsRuntimeApi<Block, AccountId, Balance, BlockNumber>
		+ pallet_fund_voting_rpc::GeneralMeetingRuntimeApi<Block, AccountId, Balance, BlockNumber>
		+ pallet_contributions_rpc::ContributionsRuntimeApi<Block, AccountId, BlockNumber>
		+ pallet_board_rpc::BoardRuntimeApi<Block, AccountId, Balance, BlockNumber>
		+ SynergyDutiesApi<Block>
		+ BlockBuilder<Block>,
	P: TransactionPool + 'static,
{
	use pallet_board_rpc::{Board, BoardApiServer};
	use pallet_complaints_rpc::{Complaints, ComplaintsApiServer};
	use pallet_contributions_rpc::{Contributions, ContributionsApiServer};
	use pallet_deposit_escrow_rpc::{DepositEscrow, DepositEscrowApiServer};
	use pallet_fund_voting_rpc::{GeneralMeeting, GeneralMeetingApiServer};
	use pallet_guarantee_membership_rpc::{GuaranteeMembership, GuaranteeMembershipApiServer};
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool } = deps;

	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(GuaranteeMembership::new(client.clone()).into_rpc())?;
	module.merge(DepositEscrow::new(client.clone()).into_rpc())?;
	module.merge(Complaints::new(client.clone()).into_rpc())?;
	module.merge(GeneralMeeting::new(client.clone()).into_rpc())?;
	module.merge(Contributions::new(client.clone()).into_rpc())?;
	module.merge(Board::new(client.clone()).into_rpc())?;
	module.merge(Duties { client }.into_rpc())?;

	Ok(module)
}
