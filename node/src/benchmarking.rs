//! The `benchmark` sub-commands (built with `--features runtime-benchmarks`) and the extrinsic
//! builders the `overhead` and `extrinsic` benchmarks sign with a development key.

use std::{sync::Arc, time::Duration};

use codec::Encode;
use frame_benchmarking_cli::{BenchmarkCmd, ExtrinsicBuilder, ExtrinsicFactory};
use sc_cli::SubstrateCli;
use sc_client_api::UsageProvider;
use sc_service::PartialComponents;
use sp_core::{sr25519, Pair};
use sp_inherents::{InherentData, InherentDataProvider};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{generic, traits::HashingFor, OpaqueExtrinsic, SaturatedConversion};
use synergy_runtime::{
	currency::EXISTENTIAL_DEPOSIT, AccountId, Balance, BalancesCall, Block, Runtime, RuntimeCall,
	SignedPayload, SystemCall, TxExtension, UncheckedExtrinsic, VERSION,
};

use crate::{
	cli::Cli,
	service::{self, FullClient},
};

/// Runs one `benchmark` sub-command.
pub fn run(cli: &Cli, cmd: &BenchmarkCmd) -> sc_cli::Result<()> {
	let runner = cli.create_runner(cmd)?;
	runner.sync_run(|config| match cmd {
		BenchmarkCmd::Pallet(cmd) => {
			cmd.run_with_spec::<HashingFor<Block>, ()>(Some(config.chain_spec))
		},
		BenchmarkCmd::Block(cmd) => {
			let PartialComponents { client, .. } = service::new_partial(&config)?;
			cmd.run(client)
		},
		BenchmarkCmd::Storage(cmd) => {
			let PartialComponents { client, backend, .. } = service::new_partial(&config)?;
			let db = backend.expose_db();
			let storage = backend.expose_storage();
			let shared_trie_cache = backend.expose_shared_trie_cache();
			cmd.run(config, client, db, storage, shared_trie_cache)
		},
		BenchmarkCmd::Overhead(cmd) => {
			let PartialComponents { client, .. } = service::new_partial(&config)?;
			let remark = RemarkBuilder { client: client.clone() };
			cmd.run(
				config.chain_spec.name().into(),
				client,
				inherent_benchmark_data()?,
				Vec::new(),
				&remark,
				false,
			)
		},
		BenchmarkCmd::Extrinsic(cmd) => {
			let PartialComponents { client, .. } = service::new_partial(&config)?;
			let factory = ExtrinsicFactory(vec![
				Box::new(RemarkBuilder { client: client.clone() }),
				Box::new(TransferKeepAliveBuilder {
					client: client.clone(),
					dest: Sr25519Keyring::Bob.to_account_id(),
					value: EXISTENTIAL_DEPOSIT,
				}),
			]);
			cmd.run(client, inherent_benchmark_data()?, Vec::new(), &factory)
		},
		BenchmarkCmd::Machine(cmd) => cmd.run(&config, crate::machine::requirements()),
	})
}

/// Builds `System::remark` extrinsics, signed by Alice.
struct RemarkBuilder {
	client: Arc<FullClient>,
}

impl ExtrinsicBuilder for RemarkBuilder {
	fn pallet(&self) -> &str {
		"system"
	}

	fn extrinsic(&self) -> &str {
		"remark"
	}

	fn build(&self, nonce: u32) -> Result<OpaqueExtrinsic, &'static str> {
		let call = RuntimeCall::System(SystemCall::remark { remark: vec![] });
		Ok(signed_by_alice(&self.client, call, nonce))
	}
}

/// Builds `Balances::transfer_keep_alive` extrinsics from Alice to `dest`.
struct TransferKeepAliveBuilder {
	client: Arc<FullClient>,
	dest: AccountId,
	value: Balance,
}

impl ExtrinsicBuilder for TransferKeepAliveBuilder {
	fn pallet(&self) -> &str {
		"balances"
	}

	fn extrinsic(&self) -> &str {
		"transfer_keep_alive"
	}

	fn build(&self, nonce: u32) -> Result<OpaqueExtrinsic, &'static str> {
		let call = RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
			dest: self.dest.clone().into(),
			value: self.value,
		});
		Ok(signed_by_alice(&self.client, call, nonce))
	}
}

/// Signs `call` as a wallet would: every transaction extension of the runtime, a mortal era
/// anchored at the best block.
fn signed_by_alice(client: &FullClient, call: RuntimeCall, nonce: u32) -> OpaqueExtrinsic {
	let sender: sr25519::Pair = Sr25519Keyring::Alice.pair();
	let genesis_hash = client.usage_info().chain.genesis_hash;
	let best_hash = client.usage_info().chain.best_hash;
	let best_number = client.usage_info().chain.best_number;
	let period = synergy_runtime::configs::BlockHashCount::get()
		.checked_next_power_of_two()
		.map(|c| c / 2)
		.unwrap_or(2) as u64;

	synergy_runtime::signing::sign(
		call,
		&sender,
		nonce,
		0,
		generic::Era::mortal(period, best_number.saturated_into()),
		best_hash,
		genesis_hash,
	)
	.into()
}

/// The inherent data a benchmark block needs: a timestamp.
fn inherent_benchmark_data() -> sc_cli::Result<InherentData> {
	let mut inherent_data = InherentData::new();
	let timestamp = sp_timestamp::InherentDataProvider::new(Duration::ZERO.into());
	futures::executor::block_on(timestamp.provide_inherent_data(&mut inherent_data))
		.map_err(|e| format!("creating the timestamp inherent data: {e:?}"))?;
	Ok(inherent_data)
}
