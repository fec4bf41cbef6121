//! The genesis presets build a working chain on the real runtime.

// A test fails loudly, with the reason, where the runtime and node never may.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use crate::common;

use common::ext_from_preset;
use sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
use sp_runtime::BuildStorage;
use synergy_runtime::{genesis_config_presets, Runtime};

fn aura_authorities() -> Vec<sp_consensus_aura::sr25519::AuthorityId> {
	pallet_aura::Authorities::<Runtime>::get().into_inner()
}

fn grandpa_authorities() -> Vec<sp_consensus_grandpa::AuthorityId> {
	pallet_grandpa::Pallet::<Runtime>::grandpa_authorities()
		.into_iter()
		.map(|(id, _weight)| id)
		.collect()
}

#[test]
fn the_runtime_lists_exactly_the_development_local_and_production_presets() {
	let names: Vec<String> = genesis_config_presets::preset_names()
		.into_iter()
		.map(|id: sp_genesis_builder::PresetId| {
			let bytes: &[u8] = id.as_ref();
			String::from_utf8(bytes.to_vec()).expect("utf8")
		})
		.collect();
	assert_eq!(
		names,
		vec![
			DEV_RUNTIME_PRESET,
			LOCAL_TESTNET_RUNTIME_PRESET,
			genesis_config_presets::PRODUCTION_PRESET
		]
	);
}

#[test]
fn development_preset_has_one_validator_and_a_sudo_key() {
	ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(aura_authorities(), vec![Sr25519Keyring::Alice.public().into()]);
		assert_eq!(grandpa_authorities(), vec![Ed25519Keyring::Alice.public().into()]);
		assert_eq!(
			pallet_session::Validators::<Runtime>::get(),
			vec![Sr25519Keyring::Alice.to_account_id()]
		);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(Sr25519Keyring::Alice.to_account_id()));
	});
}

#[test]
fn local_testnet_preset_has_four_session_validators_and_no_sudo() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let validators = [
			(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
			(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
		];
		assert_eq!(
			aura_authorities(),
			validators.iter().map(|(sr, _)| sr.public().into()).collect::<Vec<_>>()
		);
		assert_eq!(
			grandpa_authorities(),
			validators.iter().map(|(_, ed)| ed.public().into()).collect::<Vec<_>>()
		);
		assert_eq!(
			pallet_session::Validators::<Runtime>::get(),
			validators.iter().map(|(sr, _)| sr.to_account_id()).collect::<Vec<_>>()
		);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
	});
}

#[test]
fn an_unknown_preset_is_refused() {
	assert!(genesis_config_presets::get_preset(&"mainnet".into()).is_none());
}

/// The regulation's periods as each network sees them: (application, grace, deal, settled,
/// top-up, escalation, voting, grace of a passed proposal, session length).
fn periods() -> [u32; 9] {
	let fund = pallet_fund_voting::CurrentParameters::<Runtime>::get();
	[
		pallet_guarantee_membership::ApplicationPeriod::<Runtime>::get(),
		pallet_guarantee_membership::GracePeriod::<Runtime>::get(),
		pallet_deposit_escrow::DealPeriod::<Runtime>::get(),
		pallet_deposit_escrow::SettledPeriod::<Runtime>::get(),
		pallet_deposit_escrow::TopUpPeriod::<Runtime>::get(),
		pallet_complaints::EscalationPeriod::<Runtime>::get(),
		fund.voting_period,
		fund.grace_period,
		pallet_validator_set::SessionLength::<Runtime>::get(),
	]
}

#[test]
fn every_period_is_a_few_blocks_on_development_networks_and_as_the_regulation_says_elsewhere() {
	// The table in docs/operator.md.
	let development = [100, 50, 100, 50, 50, 10, 20, 5, 10];
	for preset in [DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET] {
		ext_from_preset(preset).execute_with(|| assert_eq!(periods(), development, "{preset}"));
	}
	// A genesis that sets none, and the production preset, keep the regulation's periods, in
	// days.
	use synergy_runtime::time::{DAYS, HOURS};
	let regulation =
		[7 * DAYS, 7 * DAYS, 30 * DAYS, 7 * DAYS, 7 * DAYS, DAYS, 7 * DAYS, 2 * DAYS, HOURS];
	sp_io::TestExternalities::new(
		synergy_runtime::RuntimeGenesisConfig::default().build_storage().expect("builds"),
	)
	.execute_with(|| assert_eq!(periods(), regulation));
	ext_from_preset(genesis_config_presets::PRODUCTION_PRESET)
		.execute_with(|| assert_eq!(periods(), regulation));
}

#[test]
fn the_production_preset_has_the_seeds_classes_and_nobody_in_it() {
	ext_from_preset(genesis_config_presets::PRODUCTION_PRESET).execute_with(|| {
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
		assert_eq!(pallet_guarantee_membership::Members::<Runtime>::count(), 0);
		assert_eq!(pallet_guarantee_membership::Classes::<Runtime>::count(), 3);
		assert!(pallet_session::Validators::<Runtime>::get().is_empty());
		// No money but the existential deposits that keep the pallets' own accounts alive.
		let issuance = pallet_balances::TotalIssuance::<Runtime>::get();
		assert!(issuance < synergy_runtime::currency::UNITS, "{issuance}");
	});
	// The classes and bonds are the development presets' too: only people and periods differ
	// between a test network and a real one.
	let production = ext_from_preset(genesis_config_presets::PRODUCTION_PRESET)
		.execute_with(|| (classes(), bonds()));
	let local = ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| (classes(), bonds()));
	assert_eq!(production, local);
}

fn classes() -> Vec<(u16, pallet_guarantee_membership::ClassOf<Runtime>)> {
	pallet_guarantee_membership::Classes::<Runtime>::iter()
		.collect::<std::collections::BTreeMap<_, _>>()
		.into_iter()
		.collect()
}

fn bonds() -> Vec<(u16, synergy_runtime::Balance)> {
	(0..3).map(|class| (class, pallet_complaints::ComplaintBonds::<Runtime>::get(class))).collect()
}
