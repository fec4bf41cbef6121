//! Genesis presets: the initial state of each network the node can start.
//!
//! - `development`: one validator (Alice), Alice holds the development-only sudo key;
//! - `local_testnet`: four validators (Alice, Bob, Charlie, Dave), no sudo key;
//! - `production`: the regulation's own periods, the seed's classes and complaint bonds, no
//!   sudo key, and nobody: no founders, validators or money. It is the base a real
//!   cooperative's founders file is laid over (`synergy-node launch`, docs/launch.md); alone it
//!   starts no chain, for nobody could author a block.
//!
//! The development presets found the cooperative with the seed's three classes and four founders who guarantee
//! each other; every other development account (Eve, Ferdie, …) holds money but is not a
//! member.
//!
//! Validators enter through `pallet_session`, which hands their Aura and GRANDPA keys to
//! consensus; Aura's and GRANDPA's own genesis authority lists stay empty. The same accounts
//! are the validator set the members' general meeting changes afterwards.
//!
//! The common fund starts with an endowment. Every period of the regulation is a few blocks
//! (six seconds each) instead of days, so that each lifecycle, expiry included, can be watched
//! on a development chain and tested on the local network; the table is in docs/operator.md.

use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use crate::{
	configs::governance::DefaultFundParameters, currency::UNITS, AccountId, Balance,
	BalancesConfig, BoardConfig, ComplaintsConfig, EscrowConfig, FundConfig, MembershipConfig,
	RuntimeGenesisConfig, SessionConfig, SessionKeys, SudoConfig, ValidatorSetConfig,
};

/// On development networks an application stays open a hundred blocks (ten minutes), not a
/// week.
const DEV_APPLICATION_PERIOD: u32 = 100;

/// On development networks a member short of guarantors has fifty blocks (five minutes) to find
/// another, not a week.
const DEV_GRACE_PERIOD: u32 = 50;

/// On development networks an open deal completes on its own after a hundred blocks (ten
/// minutes), not thirty days.
const DEV_DEAL_PERIOD: u32 = 100;

/// On development networks a completed deal stays open to complaints for fifty blocks, not a
/// week.
const DEV_SETTLED_PERIOD: u32 = 50;

/// On development networks a guarantor has fifty blocks to top up escrow paid out in a
/// compensation, not a week.
const DEV_TOP_UP_PERIOD: u32 = 50;

/// On development networks a complaint climbs a level after ten blocks (a minute), not a day.
const DEV_ESCALATION_PERIOD: u32 = 10;

/// On development networks a session lasts ten blocks: a validator the members add authors
/// blocks within two minutes.
const DEV_SESSION_LENGTH: u32 = 10;

/// On development networks the safeguards against sock puppets count in periods of twenty
/// blocks: three guarantees a member and half the membership (at least ten) a period, and a
/// new member votes twenty blocks (two minutes) after admission, not thirty days.
const DEV_SAFEGUARDS: pallet_guarantee_membership::Safeguards<u32> =
	pallet_guarantee_membership::Safeguards {
		period: 20,
		per_guarantor: 3,
		growth: sp_runtime::Perbill::from_percent(50),
		growth_floor: 10,
		voting_age: 20,
	};

/// On development networks the general vote has sixty blocks (six minutes) to decide a
/// complaint that reached it — a motion's twenty blocks of vote and five of grace fit — not a
/// fortnight.
const DEV_GENERAL_VOTE_PERIOD: u32 = 60;

/// On development networks upheld complaints and strikes count towards a ban over two hundred
/// blocks (twenty minutes), and a ban lasts as long, not half a year.
const DEV_RECORD_WINDOW: u32 = 200;

/// On development networks an expelled account may be proposed again after a hundred blocks
/// (ten minutes), not a year.
const DEV_READMISSION_BAR: u32 = 100;

/// The complaint bond of each class: small beside its quantum — one SYN for managers
/// (quantum 2 100 SYN) and the middle tier (100 SYN), nothing for pensioners (10 SYN), whom a
/// bond would price out of complaining. A counter-complaint holds its complaint's bond.
fn complaint_bonds() -> Vec<(u16, Balance)> {
	vec![(0, UNITS), (1, UNITS), (2, 0)]
}

/// What the common fund holds at genesis.
const FUND_ENDOWMENT: Balance = 100_000 * UNITS;

/// The general meeting's parameters on development networks: the defaults, with a vote of
/// twenty blocks and a grace of five, so that a proposal is decided in two and a half minutes.
fn dev_fund_parameters() -> pallet_fund_voting::Parameters<Balance, u32> {
	pallet_fund_voting::Parameters {
		voting_period: 20,
		grace_period: 5,
		budget_period: 1_000,
		..DefaultFundParameters::get()
	}
}

/// Every endowed development account starts with this balance.
const ENDOWMENT: Balance = 1_000_000 * UNITS;

/// The admission fee of the two upper classes.
const ADMISSION_FEE: Balance = 10 * UNITS;

/// The class table with the seed's proportions: the guarantee each guarantor escrows, and the
/// admission fee.
fn classes() -> Vec<(u16, alloc::string::String, Balance, Balance)> {
	vec![
		(0, "managers and business people".into(), 2_100 * UNITS, ADMISSION_FEE),
		(1, "middle tier".into(), 100 * UNITS, ADMISSION_FEE),
		// "Everyone who came in was admitted free of charge": the pensioners pay nothing.
		(2, "pensioners and low-income members".into(), 10 * UNITS, 0),
	]
}

/// The founding core: Alice, Bob, Charlie and Dave, managers, each guaranteed by the next two
/// (Alice by Bob and Charlie, …, Dave by Alice and Bob), with real escrow held at genesis.
fn founders() -> Vec<(AccountId, u16, Vec<AccountId>)> {
	let ring =
		[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie, Sr25519Keyring::Dave]
			.map(|k| k.to_account_id());
	(0..ring.len())
		.map(|i| {
			let guarantors =
				vec![ring[(i + 1) % ring.len()].clone(), ring[(i + 2) % ring.len()].clone()];
			(ring[i].clone(), 0, guarantors)
		})
		.collect()
}

/// A genesis validator: its account (also its validator id) and its session keys.
struct Validator {
	account: AccountId,
	aura: AuraId,
	grandpa: GrandpaId,
}

impl Validator {
	fn session_keys(self) -> (AccountId, AccountId, SessionKeys) {
		(self.account.clone(), self.account, SessionKeys { aura: self.aura, grandpa: self.grandpa })
	}
}

/// A development validator whose keys derive from a well-known seed (`//Alice`, …): sr25519 for
/// the account and Aura, ed25519 for GRANDPA — the keys `--alice` and zombienet insert.
fn dev_validator((account, grandpa): (Sr25519Keyring, Ed25519Keyring)) -> Validator {
	Validator {
		account: account.to_account_id(),
		aura: account.public().into(),
		grandpa: grandpa.public().into(),
	}
}

fn genesis(validators: Vec<Validator>, endowed: Vec<AccountId>, sudo: Option<AccountId>) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed.into_iter().map(|account| (account, ENDOWMENT)).collect::<Vec<_>>(),
		},
		validator_set: ValidatorSetConfig {
			validators: validators.iter().map(|v| v.account.clone()).collect::<Vec<_>>(),
			session_length: Some(DEV_SESSION_LENGTH),
		},
		session: SessionConfig {
			keys: validators.into_iter().map(Validator::session_keys).collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: sudo },
		membership: MembershipConfig {
			classes: classes(),
			founders: founders(),
			application_period: DEV_APPLICATION_PERIOD,
			grace_period: DEV_GRACE_PERIOD,
			safeguards: Some(DEV_SAFEGUARDS),
			readmission_bar: DEV_READMISSION_BAR,
		},
		escrow: EscrowConfig {
			deal_period: DEV_DEAL_PERIOD,
			settled_period: DEV_SETTLED_PERIOD,
			top_up_period: DEV_TOP_UP_PERIOD,
		},
		complaints: ComplaintsConfig {
			escalation_period: DEV_ESCALATION_PERIOD,
			record_window: DEV_RECORD_WINDOW,
			general_vote_period: DEV_GENERAL_VOTE_PERIOD,
			complaint_bonds: complaint_bonds(),
		},
		fund: FundConfig { parameters: Some(dev_fund_parameters()), endowment: FUND_ENDOWMENT },
		board: BoardConfig { categories: crate::configs::board::starter_categories() },
	})
}

/// One validator, Alice, who also holds the development sudo key.
pub fn development_config_genesis() -> Value {
	genesis(
		vec![dev_validator((Sr25519Keyring::Alice, Ed25519Keyring::Alice))],
		Sr25519Keyring::iter().map(|k| k.to_account_id()).collect(),
		Some(Sr25519Keyring::Alice.to_account_id()),
	)
}

/// Four validators, so that GRANDPA keeps finalizing when one of them is lost; no sudo key.
pub fn local_testnet_genesis() -> Value {
	genesis(
		vec![
			dev_validator((Sr25519Keyring::Alice, Ed25519Keyring::Alice)),
			dev_validator((Sr25519Keyring::Bob, Ed25519Keyring::Bob)),
			dev_validator((Sr25519Keyring::Charlie, Ed25519Keyring::Charlie)),
			dev_validator((Sr25519Keyring::Dave, Ed25519Keyring::Dave)),
		],
		Sr25519Keyring::iter().map(|k| k.to_account_id()).collect(),
		None,
	)
}

/// The name of the preset a real cooperative's chain is launched from.
pub const PRODUCTION_PRESET: &str = "production";

/// The regulation's parameters with nobody in them: every period at its pallet's default (the
/// regulation's: a week to apply, thirty days for a deal, …), the general meeting's default
/// parameters, the seed's classes and complaint bonds, and no sudo key.
pub fn production_genesis() -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		sudo: SudoConfig { key: None },
		membership: MembershipConfig { classes: classes() },
		complaints: ComplaintsConfig { complaint_bonds: complaint_bonds() },
	})
}

/// The JSON of the preset `id`, if the runtime has one by that name.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_testnet_genesis(),
		PRODUCTION_PRESET => production_genesis(),
		_ => return None,
	};
	Some(serde_json::to_string(&patch).ok()?.into_bytes())
}

/// The names of the presets this runtime ships.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(PRODUCTION_PRESET),
	]
}
