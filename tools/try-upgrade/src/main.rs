//! `synergy-try-upgrade`: try-runtime's checks of this build's runtime upgrade, run against the
//! state of a live chain.
//!
//! It downloads the whole state of a block from a node's RPC (`frame-remote-externalities`,
//! the state loader of try-runtime), then runs this build's runtime, natively with the
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
use frame_remote_externalities::{Builder, Mode, OnlineConfig};
use frame_try_runtime::UpgradeCheckSelect;
use sp_core::H256;
use sp_runtime::traits::Header as _;
use synergy_runtime::{configs::RuntimeBlockWeights, Block, Executive, Runtime, VERSION};

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

async fn run(cli: Cli) -> Result<String, String> {
	let mut ext = Builder::<Block>::new()
		.mode(Mode::Online(OnlineConfig {
			transport_uris: vec![cli.uri.clone()],
			at: cli.at,
			..Default::default()
		}))
		.build()
		.await
		.map_err(|e| format!("cannot load the state from {}: {e}", cli.uri))?;
	let number = *ext.header.number();

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
		"try-runtime at #{number}: {from} -> spec {}: migrations with their pre- and \
		 post-upgrade checks, storage versions, the decoded state, every pallet's invariants, \
		 a block's weight ({}% of ref time), idempotence: all checks passed",
		VERSION.spec_version,
		weight.ref_time().saturating_mul(100) / max.ref_time().max(1),
	))
}
