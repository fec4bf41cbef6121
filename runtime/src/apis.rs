//! The runtime APIs: what the node, wallets and auditors may ask the runtime.

use alloc::vec::Vec;
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	weights::Weight,
};
use pallet_grandpa::AuthorityId as GrandpaId;
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult, ExtrinsicInclusionMode,
};
use sp_version::RuntimeVersion;

use crate::{Board, Contributions, Fund, Session};
use pallet_complaints_runtime_api::{BlockView, CaseId, CaseView};
use pallet_deposit_escrow_runtime_api::{Deal, DealId, DealView, EscrowView};
use pallet_guarantee_membership_runtime_api::{
	ApplicationView, ClassView, GuarantorGraph, MemberView,
};

use super::{
	genesis_config_presets, AccountId, Aura, Balance, Block, BlockNumber, Complaints, Escrow,
	Executive, Grandpa, InherentDataExt, Membership, Nonce, Runtime, RuntimeCall,
	RuntimeGenesisConfig, SessionKeys, System, TransactionPayment, VERSION,
};

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
		fn execute_view_function(
			id: frame_support::view_functions::ViewFunctionId,
			input: Vec<u8>,
		) -> Result<Vec<u8>, frame_support::view_functions::ViewFunctionDispatchError> {
			Runtime::execute_view_function(id, input)
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			// `KeyOwnerProof` is `Void`: equivocations are not reported on chain.
			None
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_guarantee_membership_runtime_api::GuaranteeMembershipApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn member(who: AccountId) -> Option<MemberView<AccountId, Balance, BlockNumber>> {
			Membership::member_view(&who)
		}
		fn application(candidate: AccountId) -> Option<ApplicationView<AccountId, Balance, BlockNumber>> {
			Membership::application_view(&candidate)
		}
		fn classes() -> Vec<ClassView<Balance>> {
			Membership::class_views()
		}
		fn guarantor_graph(who: AccountId, depth: u32) -> GuarantorGraph<AccountId> {
			Membership::guarantor_graph(&who, depth)
		}
	}

	impl pallet_deposit_escrow_runtime_api::DepositEscrowApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn escrow(who: AccountId) -> EscrowView<AccountId, Balance, BlockNumber> {
			Escrow::escrow_view(&who)
		}
		fn deal(id: DealId) -> Option<Deal<AccountId, Balance, BlockNumber>> {
			pallet_deposit_escrow::Deals::<Runtime>::get(id)
		}
		fn deals_of(who: AccountId) -> Vec<DealView<AccountId, Balance, BlockNumber>> {
			Escrow::deals_of(&who)
		}
	}

	impl pallet_complaints_runtime_api::ComplaintsApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn case(id: CaseId) -> Option<CaseView<AccountId, Balance, BlockNumber>> {
			Complaints::case_view(id)
		}
		fn cases_of(who: AccountId) -> Vec<CaseView<AccountId, Balance, BlockNumber>> {
			Complaints::cases_of(&who)
		}
		fn record(who: AccountId) -> pallet_complaints::RecordView<BlockNumber> {
			Complaints::record_of(&who)
		}
		fn blocks(who: Option<AccountId>) -> Vec<BlockView<AccountId>> {
			Complaints::blocks(who)
		}
	}

	impl pallet_fund_voting_runtime_api::GeneralMeetingApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn fund() -> pallet_fund_voting::FundView<AccountId, Balance> {
			Fund::fund_view()
		}
		fn proposal(
			id: pallet_fund_voting::ProposalId,
		) -> Option<pallet_fund_voting::ProposalView<AccountId, Balance, BlockNumber>> {
			Fund::proposal_view(id)
		}
		fn proposals(
			open_only: bool,
		) -> Vec<pallet_fund_voting::ProposalView<AccountId, Balance, BlockNumber>> {
			Fund::proposals_view(open_only)
		}
		fn votes_of(who: AccountId) -> Vec<pallet_fund_voting::VoteView> {
			Fund::votes_view(&who)
		}
		fn validators() -> pallet_validator_set::ValidatorSetView<AccountId, BlockNumber> {
			pallet_validator_set::ValidatorSetView {
				session: Session::current_index(),
				current: Session::validators(),
				next: Session::queued_keys().into_iter().map(|(who, _)| who).collect(),
				decided: pallet_validator_set::Validators::<Runtime>::get().into_inner(),
				session_length: pallet_validator_set::SessionLength::<Runtime>::get(),
			}
		}
	}

	impl pallet_contributions_runtime_api::ContributionsApi<Block, AccountId, BlockNumber> for Runtime {
		fn project(
			id: pallet_contributions::ProjectId,
		) -> Option<pallet_contributions::ProjectView<AccountId, BlockNumber>> {
			Contributions::project_view(id)
		}
		fn contributions_of(
			who: AccountId,
		) -> Vec<pallet_contributions::ContributionView<AccountId, BlockNumber>> {
			Contributions::contributions_view(&who)
		}
		fn claimable(who: AccountId) -> Vec<pallet_contributions::ClaimableView> {
			Contributions::claimable_view(&who)
		}
		fn split_preview(
			project: pallet_contributions::ProjectId,
			revenue: Balance,
		) -> Option<pallet_contributions::SplitPreview<AccountId>> {
			Contributions::split_preview(project, revenue)
		}
	}

	impl pallet_board_runtime_api::BoardApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn categories() -> Vec<pallet_board::CategoryView> {
			Board::categories_view()
		}
		fn board(
			category: pallet_board::CategoryId,
			side: Option<pallet_board::Side>,
			region: Option<pallet_board::Region>,
			page: u32,
		) -> pallet_board::BoardPage<AccountId, Balance, BlockNumber> {
			Board::board_view(category, side, region, page)
		}
		fn listing(
			id: pallet_board::ListingId,
		) -> Option<pallet_board::ListingView<AccountId, Balance, BlockNumber>> {
			Board::listing_view(id)
		}
		fn matches(
			of: pallet_board::MatchFor<AccountId>,
			limit: u32,
		) -> Vec<pallet_board::MatchView<AccountId, Balance, BlockNumber>> {
			Board::matches_view(of, limit)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}
		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}
		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::BenchmarkList;
			use frame_support::traits::StorageInfoTrait;
			use crate::{benchmarks::*, *};

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);

			let storage_info = crate::AllPalletsWithSystem::storage_info();
			(list, storage_info)
		}

		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::BenchmarkBatch;
			use frame_support::traits::WhitelistedStorageKeys;
			use crate::{benchmarks::*, *};

			let whitelist = crate::AllPalletsWithSystem::whitelisted_storage_keys();
			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);
			Ok(batches)
		}
	}

	impl crate::invariants::SynergyInvariantsApi<Block> for Runtime {
		fn check() -> Result<(), alloc::string::String> {
			crate::invariants::report()
		}
	}

	impl crate::duties::SynergyDutiesApi<Block> for Runtime {
		fn duties(who: AccountId) -> crate::duties::Duties {
			crate::duties::duties(&who)
		}
	}

	impl crate::figures::SynergyFiguresApi<Block> for Runtime {
		fn figures() -> crate::figures::Figures {
			crate::figures::figures()
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			// try-runtime is an off-chain tool: a failed check must stop it loudly, with the
			// reason, so the panic here is the intended report.
			#[allow(clippy::expect_used)]
			let weight = Executive::try_runtime_upgrade(checks).expect("try_runtime_upgrade failed");
			(weight, crate::configs::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect,
		) -> Weight {
			#[allow(clippy::expect_used)]
			Executive::try_execute_block(block, state_root_check, signature_check, select)
				.expect("try_execute_block failed")
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			genesis_config_presets::preset_names()
		}
	}
}
