//! `synergy-try-upgrade`: try-runtime's checks of this build's runtime upgrade, run against the
//! state of a live chain.
//!
//! It downloads the whole state of a block from a node's RPC, as try-runtime's state loader
//! does (`state_getKeysPaged`, `state_queryStorageAt`), checks that it is the block's state (its
//! root is the header's `state_root`), then runs this build's runtime, natively with the
//! `try-runtime` feature, over it as the upgrade would:
//!
//! 1. every migration with its `pre_upgrade` and `post_upgrade` checks, then every pallet's
//!    storage at the version its code expects (no migration missing);
//! 2. the entire state decodes with the new types;
//! 3. every pallet's `try_state` invariants (`do_try_state`) hold after the upgrade;
//! 4. the migrations' weight fits in a block;
//! 5. running the migrations a second time changes nothing (they are idempotent).
//!
//! Exit status 0 when all hold, 1 with the first that does not. The test command runs it in the
//! `upgrade` network scenario against the launched cooperative's state before it upgrades
//! (zombienet/js/upgrade.js); an operator runs it against their own chain before proposing an
//! upgrade (docs/governance.md#runtime-upgrades).
//!
//!     synergy-try-upgrade --uri ws://127.0.0.1:9944 [--at 0x<block hash>]

use std::process::ExitCode;

use clap::Parser;
use frame_try_runtime::UpgradeCheckSelect;
use jsonrpsee::{
	core::client::ClientT,
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use sp_core::{
	storage::{StateVersion, Storage, StorageChangeSet, StorageData, StorageKey},
	Bytes, H256,
};
use sp_io::TestExternalities;
use synergy_runtime::{configs::RuntimeBlockWeights, Executive, Header, Runtime, VERSION};

/// Keys asked for in one request.
const PAGE: u32 = 1_000;

#[derive(Debug, Parser)]
#[command(version, about = "try-runtime's checks of this build's runtime upgrade on a live chain")]
struct Cli {
	/// The WebSocket RPC endpoint of a node of the chain.
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	uri: String,

	/// The block whose state to upgrade (0x-hex hash); the finalized head when omitted.
	#[arg(long)]
	at: Option<H256>,
}

#[tokio::main]
async fn main() -> ExitCode {
	match run(Cli::parse()).await {
		Ok(report) => {
			println!("{report}");
			ExitCode::SUCCESS
		},
		Err(error) => {
			eprintln!("synergy-try-upgrade: {error}");
			ExitCode::FAILURE
		},
	}
}

/// The whole state of block `at` (the finalized head when `None`), with its header.
async fn load(client: &WsClient, at: Option<H256>) -> Result<(Header, Storage), String> {
	let rpc = |e: jsonrpsee::core::ClientError| e.to_string();
	let at = match at {
		Some(at) => at,
		None => client.request("chain_getFinalizedHead", rpc_params![]).await.map_err(rpc)?,
	};
	let header: Header = client
		.request::<Option<Header>, _>("chain_getHeader", rpc_params![at])
		.await
		.map_err(rpc)?
		.ok_or_else(|| format!("the node has no block {at:?}"))?;
	let mut storage = Storage::default();
	let mut start: Option<Bytes> = None;
	loop {
		let keys: Vec<StorageKey> = client
			.request("state_getKeysPaged", rpc_params![Bytes(Vec::new()), PAGE, start.clone(), at])
			.await
			.map_err(rpc)?;
		let Some(last) = keys.last() else { break };
		start = Some(Bytes(last.0.clone()));
		let full = keys.len() == PAGE as usize;
		let sets: Vec<StorageChangeSet<H256>> =
			client.request("state_queryStorageAt", rpc_params![keys, at]).await.map_err(rpc)?;
		for (key, value) in sets.into_iter().flat_map(|set| set.changes) {
			if let Some(StorageData(value)) = value {
				storage.top.insert(key.0, value);
			}
		}
		if !full {
			break;
		}
	}
	Ok((header, storage))
}

async fn run(cli: Cli) -> Result<String, String> {
	let client = WsClientBuilder::default()
		.max_response_size(u32::MAX)
		.build(&cli.uri)
		.await
		.map_err(|e| format!("cannot connect to {}: {e}", cli.uri))?;
	let (header, mut storage) = load(&client, cli.at).await?;
	let number = header.number;
	let keys = storage.top.len();
	let code = storage.top.remove(sp_core::storage::well_known_keys::CODE).unwrap_or_default();
	let mut ext = TestExternalities::new_with_code_and_state(&code, storage, StateVersion::V1);
	if *ext.as_backend().root() != header.state_root {
		return Err(format!(
			"the {keys} keys loaded at #{number} are not the block's state (another root)"
		));
	}

	let (from, weight) = ext.execute_with(|| {
		let from = frame_system::LastRuntimeUpgrade::<Runtime>::get()
			.map(|last| format!("spec {}", u32::from(last.spec_version)))
			.unwrap_or_else(|| "genesis".into());
		(from, Executive::try_runtime_upgrade(UpgradeCheckSelect::All))
	});
	let weight = weight.map_err(|e| format!("the upgrade's checks failed at #{number}: {e:?}"))?;

	let max = RuntimeBlockWeights::get().max_block;
	if weight.any_gt(max) {
		return Err(format!("the migrations weigh {weight:?}, more than a block's {max:?}"));
	}

	ext.commit_all().map_err(|e| format!("cannot commit the upgraded state: {e}"))?;
	let upgraded = *ext.as_backend().root();
	ext.execute_with(|| Executive::try_runtime_upgrade(UpgradeCheckSelect::None))
		.map_err(|e| format!("the migrations failed when run a second time: {e:?}"))?;
	ext.commit_all().map_err(|e| format!("cannot commit the upgraded state: {e}"))?;
	if *ext.as_backend().root() != upgraded {
		return Err("running the migrations a second time changed the state again".into());
	}

	Ok(format!(
		"try-runtime at #{number} ({keys} keys, the block's state root): {from} -> spec {}: migrations with their pre- and \
		 post-upgrade checks, storage versions, the decoded state, every pallet's invariants, \
		 a block's weight ({}% of ref time), idempotence: all checks passed",
		VERSION.spec_version,
		weight.ref_time().saturating_mul(100) / max.ref_time().max(1),
	))
}
