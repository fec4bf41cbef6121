//! Building the real runtime's state from a genesis preset, and signing extrinsics as a wallet.

#![allow(dead_code)]

use frame_support::traits::Get;
use sp_core::sr25519;
use sp_genesis_builder::PresetId;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{generic::Era, traits::Header as _, BuildStorage};
use synergy_runtime::{
	genesis_config_presets, Executive, Header, Nonce, Runtime, RuntimeCall, RuntimeGenesisConfig,
	System, UncheckedExtrinsic,
};

/// Alice, Bob, Charlie and Dave: the founders of the presets.
pub fn founders() -> [synergy_runtime::AccountId; 4] {
	[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie, Sr25519Keyring::Dave]
		.map(|k| k.to_account_id())
}

/// The founders, then Eve and Ferdie.
pub fn accounts() -> [synergy_runtime::AccountId; 6] {
	let [alice, bob, charlie, dave] = founders();
	[
		alice,
		bob,
		charlie,
		dave,
		Sr25519Keyring::Eve.to_account_id(),
		Sr25519Keyring::Ferdie.to_account_id(),
	]
}

/// The state of a fresh chain started from the runtime preset `name`.
pub fn ext_from_preset(name: &str) -> sp_io::TestExternalities {
	let json = genesis_config_presets::get_preset(&PresetId::from(name))
		.unwrap_or_else(|| panic!("the runtime has no preset {name}"));
	let patch: serde_json::Value = serde_json::from_slice(&json).expect("preset is JSON");
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).expect("serializes");
	merge(&mut config, patch);
	let config: RuntimeGenesisConfig = serde_json::from_value(config).expect("preset is a config");
	let storage = config.build_storage().expect("preset builds");
	sp_io::TestExternalities::new(storage)
}

fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(serde_json::Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}

/// Starts block `number` as a block author would.
pub fn initialize_block(number: u32) {
	let header = Header::new(
		number,
		Default::default(),
		Default::default(),
		System::parent_hash(),
		Default::default(),
	);
	Executive::initialize_block(&header);
}

/// `call` signed by `signer` with every transaction extension, as polkadot.js signs it.
pub fn signed(call: RuntimeCall, signer: Sr25519Keyring, nonce: Nonce) -> UncheckedExtrinsic {
	signed_by(call, &signer.pair(), nonce)
}

/// `call` signed by the key `pair`.
pub fn signed_by(call: RuntimeCall, pair: &sr25519::Pair, nonce: Nonce) -> UncheckedExtrinsic {
	signed_with_tip(call, pair, nonce, 0)
}

/// `call` signed by the key `pair`, offering `tip` on top of the fee.
pub fn signed_with_tip(
	call: RuntimeCall,
	pair: &sr25519::Pair,
	nonce: Nonce,
	tip: synergy_runtime::Balance,
) -> UncheckedExtrinsic {
	let genesis = System::block_hash(0);
	synergy_runtime::signing::sign(call, pair, nonce, tip, Era::Immortal, genesis, genesis)
}

/// The existential deposit, as the runtime configures it.
pub fn existential_deposit() -> synergy_runtime::Balance {
	<Runtime as pallet_balances::Config>::ExistentialDeposit::get()
}

/// Admits Eve (a pensioner, guaranteed by Alice and Bob) and has her guarantee Charlie, with
/// his consent: a member beyond the founding ring, so that a complaint against Bob has somebody
/// to climb to — in the ring itself everyone is a party or seated at level 0 already. Call it
/// in the genesis block, before the disputed deal opens: only older guarantees sit on panels.
pub fn eve_guarantees_charlie() -> synergy_runtime::AccountId {
	use frame_support::assert_ok;
	use synergy_runtime::{Membership, RuntimeOrigin};
	let [alice, bob, charlie, eve] =
		[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie, Sr25519Keyring::Eve]
			.map(|k| k.to_account_id());
	let signed = |who: &synergy_runtime::AccountId| RuntimeOrigin::signed(who.clone());
	assert_ok!(Membership::propose(signed(&alice), eve.clone().into(), 2));
	assert_ok!(Membership::guarantee(signed(&bob), eve.clone().into()));
	assert_ok!(Membership::accept(signed(&eve)));
	assert_ok!(Membership::guarantee(signed(&eve), charlie.clone().into()));
	assert_ok!(Membership::accept_guarantee(signed(&charlie), eve.clone().into()));
	eve
}
