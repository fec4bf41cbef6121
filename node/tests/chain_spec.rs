//! The chain specs committed in `chain-specs/` are exactly what this node exports, and an
//! unknown `--chain` is refused with the accepted values.

// A test fails loudly, with the reason, where the runtime and node never may.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::process::Command;

const NODE: &str = env!("CARGO_BIN_EXE_synergy-node");

fn export(args: &[&str]) -> serde_json::Value {
	let output = Command::new(NODE)
		.arg("export-chain-spec")
		.args(args)
		.output()
		.expect("the node binary runs");
	assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
	serde_json::from_slice(&output.stdout).expect("the export is JSON")
}

fn committed(file: &str) -> serde_json::Value {
	let path = format!("{}/../chain-specs/{file}", env!("CARGO_MANIFEST_DIR"));
	let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
	serde_json::from_str(&text).expect("the committed spec is JSON")
}

const REGENERATE: &str =
	"the committed spec drifted from the runtime: run scripts/generate-chain-specs.sh";

#[test]
fn committed_plain_local_testnet_spec_matches_the_node() {
	assert!(export(&["--chain", "local"]) == committed("local-testnet.json"), "{REGENERATE}");
}

#[test]
fn committed_raw_local_testnet_spec_matches_the_node() {
	assert!(
		export(&["--chain", "local", "--raw"]) == committed("local-testnet-raw.json"),
		"{REGENERATE}"
	);
}

#[test]
fn chain_properties_tell_wallets_the_token() {
	let spec = export(&["--chain", "dev"]);
	assert_eq!(spec["properties"]["tokenSymbol"], "SYN");
	assert_eq!(spec["properties"]["tokenDecimals"], 12);
	assert_eq!(spec["properties"]["ss58Format"], 42);
	assert_eq!(spec["chainType"], "Development");
}

#[test]
fn an_unknown_chain_is_refused_naming_the_accepted_values() {
	let output = Command::new(NODE)
		.args(["export-chain-spec", "--chain", "mainnet"])
		.output()
		.expect("the node binary runs");
	assert!(!output.status.success());
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(
		stderr.contains("unknown chain 'mainnet'")
			&& stderr.contains("dev, development, local, local_testnet")
			&& stderr.contains("chain-spec JSON file"),
		"unexpected error: {stderr}"
	);
}

#[test]
fn a_chain_spec_file_is_accepted_by_path() {
	let path = format!("{}/../chain-specs/local-testnet-raw.json", env!("CARGO_MANIFEST_DIR"));
	let spec = export(&["--chain", &path]);
	assert_eq!(spec["id"], "synergy_local_testnet");
}
