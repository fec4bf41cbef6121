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

/// The storage key of the runtime code (`:code`), in a raw spec.
const CODE_KEY: &str = "0x3a636f6465";

/// Calls `method` of the runtime `code` (compressed or not) and returns its SCALE output.
fn call_runtime(code: &[u8], method: &str) -> Vec<u8> {
	use sp_core::traits::{CallContext, CodeExecutor, RuntimeCode, WrappedRuntimeCode};
	let executor = sc_executor::WasmExecutor::<sp_io::SubstrateHostFunctions>::builder().build();
	let fetcher = WrappedRuntimeCode(code.into());
	let runtime_code = RuntimeCode {
		code_fetcher: &fetcher,
		heap_pages: None,
		hash: sp_io::hashing::blake2_256(code).to_vec(),
	};
	let mut ext = sp_io::TestExternalities::default();
	let mut ext = ext.ext();
	executor.call(&mut ext, &runtime_code, method, &[], CallContext::Offchain).0.expect(method)
}

fn code_of(raw_spec: &serde_json::Value) -> Vec<u8> {
	let hex = raw_spec["genesis"]["raw"]["top"][CODE_KEY].as_str().expect("a raw spec has :code");
	sp_core::bytes::from_hex(hex).expect("hex")
}

/// The runtime a spec carries, as far as anyone can observe it: its version and its full
/// metadata (every call, event, error, storage item, constant and their docs).
///
/// The Wasm bytes themselves are not compared: Cargo's crate hashes of path dependencies
/// include the checkout's absolute location, so a clone elsewhere links an equivalent but
/// differently ordered binary.
fn runtime_identity(code: &[u8]) -> (Vec<u8>, Vec<u8>) {
	(call_runtime(code, "Core_version"), call_runtime(code, "Metadata_metadata"))
}

/// A spec without its code blob.
fn without_code(mut spec: serde_json::Value) -> serde_json::Value {
	if let Some(runtime) = spec["genesis"]["runtimeGenesis"].as_object_mut() {
		runtime.remove("code");
	}
	if let Some(top) = spec["genesis"]["raw"]["top"].as_object_mut() {
		top.remove(CODE_KEY);
	}
	spec
}

#[test]
fn committed_plain_local_testnet_spec_matches_the_node() {
	let (exported, committed) = (export(&["--chain", "local"]), committed("local-testnet.json"));
	assert!(without_code(exported) == without_code(committed), "{REGENERATE}");
}

#[test]
fn committed_raw_local_testnet_spec_matches_the_node() {
	let exported = export(&["--chain", "local", "--raw"]);
	let committed = committed("local-testnet-raw.json");
	assert!(
		runtime_identity(&code_of(&exported)) == runtime_identity(&code_of(&committed)),
		"{REGENERATE}"
	);
	assert!(without_code(exported) == without_code(committed), "{REGENERATE}");
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
