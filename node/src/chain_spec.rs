//! The networks this node knows by name. Their genesis state lives in the runtime's presets;
//! this file only names them and adds what wallets read from the chain properties.

use sc_service::ChainType;
use std::path::Path;
use synergy_runtime::{SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL, WASM_BINARY};

/// A chain spec of this node: no extensions.
pub type ChainSpec = sc_service::GenericChainSpec;

/// The `--chain` values this node accepts besides a path to a chain-spec JSON file.
pub const KNOWN_CHAINS: &[&str] = &["dev", "development", "local", "local_testnet"];

/// The token's symbol, decimals and address format, shown by polkadot.js and other wallets.
pub(crate) fn properties() -> sc_chain_spec::Properties {
	let mut properties = sc_chain_spec::Properties::new();
	properties.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), SS58_PREFIX.into());
	properties
}

fn from_preset(
	name: &str,
	id: &str,
	chain_type: ChainType,
	preset: &str,
) -> Result<ChainSpec, String> {
	let wasm = WASM_BINARY.ok_or_else(|| {
		"the runtime Wasm is not embedded in this binary; rebuild without SKIP_WASM_BUILD"
			.to_string()
	})?;
	Ok(ChainSpec::builder(wasm, None)
		.with_name(name)
		.with_id(id)
		.with_protocol_id("synergy")
		.with_chain_type(chain_type)
		.with_genesis_config_preset_name(preset)
		.with_properties(properties())
		.build())
}

/// A one-validator chain for development (Alice), with a development sudo key.
pub fn development() -> Result<ChainSpec, String> {
	from_preset(
		"Synergy Development",
		"synergy_dev",
		ChainType::Development,
		sp_genesis_builder::DEV_RUNTIME_PRESET,
	)
}

/// A four-validator local network (Alice, Bob, Charlie, Dave), without sudo.
pub fn local_testnet() -> Result<ChainSpec, String> {
	from_preset(
		"Synergy Local Testnet",
		"synergy_local_testnet",
		ChainType::Local,
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET,
	)
}

/// Resolves a `--chain` value: a known network name, or a path to a chain-spec JSON file.
pub fn load(id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
	Ok(match id {
		"dev" | "development" => Box::new(development()?),
		// No `--chain` at all means the local testnet.
		"" | "local" | "local_testnet" => Box::new(local_testnet()?),
		path if Path::new(path).is_file() => Box::new(ChainSpec::from_json_file(path.into())?),
		unknown => {
			return Err(format!(
				"unknown chain '{unknown}': expected one of {} or the path to a chain-spec JSON file",
				KNOWN_CHAINS.join(", ")
			))
		},
	})
}
