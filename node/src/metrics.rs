//! Prometheus metrics of the cooperative's own state, beside the node's (`--prometheus-port`,
//! 9615 by default): at every finalized block the node reads the runtime's
//! [`SynergyFiguresApi`] and sets
//!
//! | metric | what |
//! |---|---|
//! | `synergy_chain_block` | the finalized block the figures are read at |
//! | `synergy_chain_members` | members, of every class |
//! | `synergy_chain_applications` | applications waiting |
//! | `synergy_chain_open_cases` | complaints open at any level |
//! | `synergy_chain_accused` | members blocked by an open case |
//! | `synergy_chain_deals` | deals on record (proposed, open, or settled and not yet forgotten) |
//! | `synergy_chain_validators` | validators in the current set |
//! | `synergy_chain_money{holding=…}` | tokens (whole units, the chain spec's `tokenDecimals`) in `fund`, `escrow`, `bonds`, `deposits`, `entitlements`, and the `issuance` |
//!
//! A runtime without the API (an older one, before an upgrade) leaves the figures where they
//! were; the node's own metrics say whether it is following the chain.

use crate::service::FullClient;
use futures::StreamExt;
use prometheus_endpoint::{register, Gauge, GaugeVec, Opts, PrometheusError, Registry, F64, U64};
use sc_client_api::{BlockchainEvents, HeaderBackend};
use sp_api::{ApiExt, ProvideRuntimeApi};
use sp_runtime::traits::{Block as BlockT, Header as _};
use std::sync::Arc;
use synergy_runtime::{
	figures::{Figures, SynergyFiguresApi},
	opaque::Block,
	Balance,
};

/// The gauges of the cooperative's figures.
#[derive(Clone)]
pub struct ChainMetrics {
	block: Gauge<U64>,
	members: Gauge<U64>,
	applications: Gauge<U64>,
	open_cases: Gauge<U64>,
	accused: Gauge<U64>,
	deals: Gauge<U64>,
	validators: Gauge<U64>,
	money: GaugeVec<F64>,
	/// One whole token in the smallest unit.
	unit: f64,
}

impl ChainMetrics {
	/// Registers the gauges; `decimals` is the token's, from the chain spec.
	pub fn register(registry: &Registry, decimals: u32) -> Result<Self, PrometheusError> {
		let gauge = |name: &str, help: &str| register(Gauge::new(name, help)?, registry);
		Ok(Self {
			block: gauge("synergy_chain_block", "The finalized block the figures are read at")?,
			members: gauge("synergy_chain_members", "Members of the cooperative, of every class")?,
			applications: gauge("synergy_chain_applications", "Applications waiting")?,
			open_cases: gauge("synergy_chain_open_cases", "Complaints open at any level")?,
			accused: gauge("synergy_chain_accused", "Members blocked by an open complaint")?,
			deals: gauge("synergy_chain_deals", "Deals on record: proposed, open or settled")?,
			validators: gauge("synergy_chain_validators", "Validators in the current set")?,
			money: register(
				GaugeVec::new(
					Opts::new(
						"synergy_chain_money",
						"Tokens in the fund, held as escrow, bonds, deposits and entitlements, \
						 and the total issuance",
					),
					&["holding"],
				)?,
				registry,
			)?,
			unit: 10f64.powi(i32::try_from(decimals).unwrap_or(12)),
		})
	}

	/// Sets every gauge from `figures`, read at block `number`.
	pub fn set(&self, number: u32, figures: &Figures) {
		self.block.set(number.into());
		self.members.set(figures.members.into());
		self.applications.set(figures.applications.into());
		self.open_cases.set(figures.open_cases.into());
		self.accused.set(figures.accused.into());
		self.deals.set(figures.deals.into());
		self.validators.set(figures.validators.into());
		for (holding, amount) in [
			("fund", figures.fund),
			("escrow", figures.escrow_held),
			("bonds", figures.bonds_held),
			("deposits", figures.deposits_held),
			("entitlements", figures.entitlements_held),
			("issuance", figures.total_issuance),
		] {
			self.money.with_label_values(&[holding]).set(self.tokens(amount));
		}
	}

	fn tokens(&self, amount: Balance) -> f64 {
		// Monitoring needs no planck-exact figures: a float of whole tokens is what a
		// dashboard plots.
		#[allow(clippy::cast_precision_loss)]
		let amount = amount as f64;
		amount / self.unit
	}

	/// Reads the figures at every finalized block, for as long as the node runs.
	pub async fn run(self, client: Arc<FullClient>) {
		let mut finalized = client.finality_notification_stream();
		let info = client.info();
		self.update(&client, info.finalized_hash, info.finalized_number);
		while let Some(notification) = finalized.next().await {
			self.update(&client, notification.hash, *notification.header.number());
		}
	}

	fn update(&self, client: &FullClient, hash: <Block as BlockT>::Hash, number: u32) {
		let api = client.runtime_api();
		match api.has_api::<dyn SynergyFiguresApi<Block>>(hash) {
			Ok(true) => {},
			Ok(false) => return,
			Err(error) => {
				log::debug!(target: "synergy", "figures at #{number}: {error}");
				return;
			},
		}
		match api.figures(hash) {
			Ok(figures) => self.set(number, &figures),
			Err(error) => log::warn!(target: "synergy", "figures at #{number}: {error}"),
		}
	}
}

/// The token's decimals from the chain spec's properties (12 where it names none).
pub fn decimals(properties: &sc_chain_spec::Properties) -> u32 {
	properties
		.get("tokenDecimals")
		.and_then(serde_json::Value::as_u64)
		.and_then(|d| u32::try_from(d).ok())
		.unwrap_or(12)
}

#[cfg(test)]
mod tests {
	#![allow(clippy::unwrap_used)]
	use super::*;
	use prometheus_endpoint::prometheus::Encoder;

	#[test]
	fn every_figure_is_exported_under_its_name() {
		let registry = Registry::new();
		let metrics = ChainMetrics::register(&registry, 12).unwrap();
		metrics.set(
			7,
			&Figures {
				members: 4,
				applications: 1,
				open_cases: 2,
				accused: 1,
				deals: 3,
				validators: 4,
				fund: 100_000 * 1_000_000_000_000,
				escrow_held: 8_400 * 1_000_000_000_000,
				bonds_held: 1_500_000_000_000,
				deposits_held: 0,
				entitlements_held: 0,
				total_issuance: 9_000_000 * 1_000_000_000_000,
			},
		);
		let mut text = Vec::new();
		prometheus_endpoint::prometheus::TextEncoder::new()
			.encode(&registry.gather(), &mut text)
			.unwrap();
		let text = String::from_utf8(text).unwrap();
		for line in [
			"synergy_chain_block 7",
			"synergy_chain_members 4",
			"synergy_chain_applications 1",
			"synergy_chain_open_cases 2",
			"synergy_chain_accused 1",
			"synergy_chain_deals 3",
			"synergy_chain_validators 4",
			"synergy_chain_money{holding=\"fund\"} 100000",
			"synergy_chain_money{holding=\"escrow\"} 8400",
			"synergy_chain_money{holding=\"bonds\"} 1.5",
			"synergy_chain_money{holding=\"issuance\"} 9000000",
		] {
			assert!(text.contains(line), "{line} missing from\n{text}");
		}
	}

	#[test]
	fn the_decimals_come_from_the_chain_spec() {
		let mut properties = sc_chain_spec::Properties::new();
		assert_eq!(decimals(&properties), 12);
		properties.insert("tokenDecimals".into(), 10.into());
		assert_eq!(decimals(&properties), 10);
	}
}
