//! The Synergy node: a validator or full node of the Synergy chain.

// `sc_cli::Error`, the error type every sc-cli runner and command returns, is large; boxing it
// here would only hide the framework's own type.
#![allow(clippy::result_large_err)]

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod launch;
mod machine;
mod metrics;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
