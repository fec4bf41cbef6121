//! `synergy-node launch`: a cooperative's own network from its founders file.
//!
//! The founders file (TOML, `docs/launch.md`, an example in `launch/founders.example.toml`)
//! names the cooperative, its classes, its founders with their classes and mutual guarantees,
//! its validators with their session keys, its bootnodes and any parameter that should differ
//! from the runtime's production defaults. The command checks it — every mistake reported at
//! once, by name — and writes the plain chain spec (`<id>.json`, readable, for review) and the
//! raw one (`<id>-raw.json`, what validators start from). No sudo key: the general meeting
//! governs from the first block.

use std::{collections::BTreeSet, fmt, path::PathBuf, str::FromStr};

use frame_support::{build_struct_json_patch, traits::Get};
use sc_network::config::MultiaddrWithPeerId;
use sc_service::ChainType;
use serde::Deserialize;
use sp_core::{
	crypto::{AccountId32, Ss58Codec},
	ed25519, sr25519,
};
use sp_runtime::Perbill;
use synergy_runtime::{
	configs::{
		cooperative::{DefaultSafeguards, SafeguardBounds},
		governance::DefaultFundParameters,
	},
	currency::{EXISTENTIAL_DEPOSIT, UNITS},
	genesis_config_presets::{self, PRODUCTION_PRESET},
	time::MILLI_SECS_PER_BLOCK,
	AccountId, Balance, BalancesConfig, BlockNumber, ComplaintsConfig, EscrowConfig, FundConfig,
	MembershipConfig, Runtime, RuntimeGenesisConfig, SessionConfig, SessionKeys,
	ValidatorSetConfig, SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL, WASM_BINARY,
};

/// Writes a cooperative's chain specs from its founders file.
#[derive(Debug, clap::Parser)]
pub struct LaunchCmd {
	/// The founders file (TOML): see docs/launch.md.
	#[arg(long, value_name = "FILE")]
	pub founders: PathBuf,

	/// Where to write `<id>.json` (plain) and `<id>-raw.json` (raw).
	#[arg(long, value_name = "DIR", default_value = ".")]
	pub out: PathBuf,
}

impl LaunchCmd {
	pub fn run(&self) -> Result<(), String> {
		let text = std::fs::read_to_string(&self.founders)
			.map_err(|e| format!("cannot read {}: {e}", self.founders.display()))?;
		let file: FoundersFile = toml::from_str(&text)
			.map_err(|e| format!("{} is not a founders file: {e}", self.founders.display()))?;
		let launch = file.check().map_err(|report| report.to_string())?;
		for warning in &launch.warnings {
			eprintln!("warning: {warning}");
		}
		let spec = launch.chain_spec()?;
		std::fs::create_dir_all(&self.out)
			.map_err(|e| format!("cannot create {}: {e}", self.out.display()))?;
		for (raw, name) in
			[(false, format!("{}.json", launch.id)), (true, format!("{}-raw.json", launch.id))]
		{
			let json = sc_service::ChainSpec::as_json(&spec, raw)
				.map_err(|e| format!("the runtime refused this genesis: {e}"))?;
			let path = self.out.join(name);
			std::fs::write(&path, json)
				.map_err(|e| format!("cannot write {}: {e}", path.display()))?;
			println!("wrote {}", path.display());
		}
		println!(
			"{}: {} founders, {} validators; give validators {}-raw.json (docs/launch.md)",
			launch.name,
			launch.founders.len(),
			launch.validators.len(),
			launch.id
		);
		Ok(())
	}
}

/// An amount of SYN: a number of whole SYN (`2100`) or a decimal string (`"0.5"`).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Amount {
	Whole(u64),
	Text(String),
}

impl Amount {
	fn planck(&self) -> Result<Balance, String> {
		match self {
			Amount::Whole(n) => {
				Balance::from(*n).checked_mul(UNITS).ok_or_else(|| format!("{n} SYN is too large"))
			},
			Amount::Text(text) => parse_syn(text),
		}
	}
}

/// `"12.5"` SYN in planck (10^-12 SYN).
fn parse_syn(text: &str) -> Result<Balance, String> {
	let bad = || format!("'{text}' is not an amount of SYN (e.g. 2100 or \"0.5\")");
	let (whole, fraction) = text.trim().split_once('.').unwrap_or((text.trim(), ""));
	if whole.is_empty() && fraction.is_empty() {
		return Err(bad());
	}
	if fraction.len() > TOKEN_DECIMALS as usize {
		return Err(format!("'{text}' has more than {TOKEN_DECIMALS} decimals"));
	}
	let whole: Balance = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| bad())? };
	let padded = format!("{fraction:0<width$}", width = TOKEN_DECIMALS as usize);
	let fraction: Balance = padded.parse().map_err(|_| bad())?;
	whole.checked_mul(UNITS).and_then(|w| w.checked_add(fraction)).ok_or_else(bad)
}

/// A period: a number of blocks (`100`) or a duration (`"7d"`, `"12h"`, `"30m"`, `"90s"`).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Period {
	Blocks(u32),
	Duration(String),
}

impl Period {
	fn blocks(&self) -> Result<BlockNumber, String> {
		match self {
			Period::Blocks(n) => Ok(*n),
			Period::Duration(text) => parse_duration(text),
		}
	}
}

fn parse_duration(text: &str) -> Result<BlockNumber, String> {
	let bad = || format!("'{text}' is not a period (blocks, or e.g. \"7d\", \"12h\", \"30m\")");
	let text = text.trim();
	let split = text.find(|c: char| !c.is_ascii_digit()).ok_or_else(bad)?;
	let (number, unit) = text.split_at(split);
	let number: u64 = number.parse().map_err(|_| bad())?;
	let seconds = match unit.trim() {
		"s" => 1,
		"m" => 60,
		"h" => 3_600,
		"d" => 86_400,
		_ => return Err(bad()),
	};
	let blocks = number.saturating_mul(seconds).saturating_mul(1_000) / MILLI_SECS_PER_BLOCK;
	BlockNumber::try_from(blocks).map_err(|_| bad())
}

/// The founders file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FoundersFile {
	/// The cooperative's name, shown by wallets and explorers.
	pub name: String,
	/// The chain's id: lowercase letters, digits and `_`.
	pub id: String,
	/// `live` (the default), `local` or `development`.
	#[serde(default)]
	pub chain_type: Option<String>,
	/// Must be the runtime's (`SYN`, 12, 42): the metadata hash signers check carries them.
	pub token_symbol: String,
	pub token_decimals: u8,
	pub ss58_prefix: u16,
	/// Validators' addresses to start from: `/dns/<host>/tcp/30333/p2p/<peer id>`.
	#[serde(default)]
	pub bootnodes: Vec<String>,
	/// What the common fund holds at genesis.
	pub fund_endowment: Amount,
	/// Accounts holding money at genesis without being founders.
	#[serde(default)]
	pub accounts: Vec<Endowed>,
	#[serde(default)]
	pub periods: Periods,
	#[serde(default)]
	pub safeguards: Option<SafeguardsFile>,
	#[serde(default)]
	pub general_meeting: Option<MeetingFile>,
	pub classes: Vec<ClassFile>,
	pub founders: Vec<FounderFile>,
	pub validators: Vec<ValidatorFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Endowed {
	pub account: String,
	pub balance: Amount,
}

/// The regulation's periods; each left out keeps the runtime's production default.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Periods {
	pub application: Option<Period>,
	pub grace: Option<Period>,
	pub readmission_bar: Option<Period>,
	pub deal: Option<Period>,
	pub settled: Option<Period>,
	pub top_up: Option<Period>,
	pub escalation: Option<Period>,
	pub record_window: Option<Period>,
	pub general_vote: Option<Period>,
	pub session: Option<Period>,
}

/// The safeguards against sock puppets; each left out keeps the runtime's default.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SafeguardsFile {
	pub period: Option<Period>,
	pub per_guarantor: Option<u32>,
	/// Percent of the membership.
	pub growth_percent: Option<u32>,
	pub growth_floor: Option<u32>,
	pub voting_age: Option<Period>,
}

/// The general meeting's parameters; each left out keeps the runtime's default.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingFile {
	pub proposal_deposit: Option<Amount>,
	pub voting_period: Option<Period>,
	pub grace_period: Option<Period>,
	pub quorum_percent: Option<u32>,
	pub approval_percent: Option<u32>,
	pub super_approval_percent: Option<u32>,
	pub large_spend_percent: Option<u32>,
	pub objection_percent: Option<u32>,
	pub spam_percent: Option<u32>,
	pub reserve: Option<Amount>,
	pub budget: Option<Amount>,
	pub budget_period: Option<Period>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassFile {
	pub id: u16,
	pub name: String,
	/// The guarantee each guarantor escrows behind a member of this class.
	pub quantum: Amount,
	/// The admission fee (0: free entry).
	#[serde(default)]
	pub fee: Option<Amount>,
	/// The bond a complaint by a member of this class holds (0: none).
	#[serde(default)]
	pub complaint_bond: Option<Amount>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FounderFile {
	/// The founder's account (SS58 or 0x-hex public key).
	pub account: String,
	pub class: u16,
	/// What the founder holds at genesis, escrow included.
	pub balance: Amount,
	/// The founders who guarantee this one (at least the runtime's `MinGuarantors`).
	pub guarantors: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValidatorFile {
	/// A founder's account: the validator is also a member.
	pub account: String,
	/// The Aura key (sr25519), SS58 or 0x-hex: `key generate --scheme sr25519`.
	pub aura: String,
	/// The GRANDPA key (ed25519), SS58 or 0x-hex: `key generate --scheme ed25519`.
	pub grandpa: String,
}

/// Every mistake found in a founders file.
#[derive(Debug, Default)]
pub struct Report {
	pub errors: Vec<String>,
}

impl fmt::Display for Report {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		writeln!(f, "the founders file has {} mistake(s):", self.errors.len())?;
		for error in &self.errors {
			writeln!(f, "  - {error}")?;
		}
		Ok(())
	}
}

/// A checked founders file, ready to become a chain spec.
#[derive(Debug)]
pub struct Launch {
	pub name: String,
	pub id: String,
	pub chain_type: ChainType,
	pub bootnodes: Vec<MultiaddrWithPeerId>,
	pub balances: Vec<(AccountId, Balance)>,
	pub classes: Vec<(u16, String, Balance, Balance)>,
	pub bonds: Vec<(u16, Balance)>,
	pub founders: Vec<(AccountId, u16, Vec<AccountId>)>,
	pub validators: Vec<(AccountId, SessionKeys)>,
	pub endowment: Balance,
	pub periods: [BlockNumber; 9],
	pub session_length: Option<BlockNumber>,
	pub safeguards: pallet_guarantee_membership::Safeguards<BlockNumber>,
	pub meeting: pallet_fund_voting::Parameters<Balance, BlockNumber>,
	pub warnings: Vec<String>,
}

/// An account from SS58 or 0x-hex: the 32 bytes of its sr25519 public key.
fn account(text: &str) -> Result<AccountId, String> {
	public::<sr25519::Public>(text).map(AccountId32::from)
}

/// A 32-byte public key from SS58 or 0x-hex.
fn public<P: Ss58Codec + From<[u8; 32]>>(text: &str) -> Result<P, String> {
	let text = text.trim();
	if let Some(hex) = text.strip_prefix("0x") {
		let bytes = sp_core::bytes::from_hex(hex).map_err(|_| format!("'{text}' is not hex"))?;
		let raw: [u8; 32] = bytes.try_into().map_err(|_| format!("'{text}' is not 32 bytes"))?;
		return Ok(P::from(raw));
	}
	P::from_ss58check(text).map_err(|_| format!("'{text}' is not a public key"))
}

fn percent(value: u32, what: &str, errors: &mut Vec<String>) -> Perbill {
	if value > 100 {
		errors.push(format!("{what} is {value} %: at most 100"));
	}
	Perbill::from_percent(value.min(100))
}

impl FoundersFile {
	/// Checks the file against the runtime's rules; every mistake at once.
	pub fn check(self) -> Result<Launch, Report> {
		let min_guarantors =
			<<Runtime as pallet_guarantee_membership::Config>::MinGuarantors as Get<u32>>::get();
		let max_guarantors =
			<<Runtime as pallet_guarantee_membership::Config>::MaxGuarantors as Get<u32>>::get();
		let max_name =
			<<Runtime as pallet_guarantee_membership::Config>::MaxClassNameLen as Get<u32>>::get();
		let max_classes =
			<<Runtime as pallet_guarantee_membership::Config>::MaxClasses as Get<u32>>::get();

		let mut errors = Vec::new();
		let mut warnings = Vec::new();
		let amount = |a: &Amount, what: &str, errors: &mut Vec<String>| -> Balance {
			a.planck().unwrap_or_else(|e| {
				errors.push(format!("{what}: {e}"));
				0
			})
		};
		let period = |p: &Option<Period>, what: &str, errors: &mut Vec<String>| -> u32 {
			match p.as_ref().map(Period::blocks) {
				None => 0,
				Some(Ok(0)) => {
					errors.push(format!("{what} is zero blocks"));
					0
				},
				Some(Ok(blocks)) => blocks,
				Some(Err(e)) => {
					errors.push(format!("{what}: {e}"));
					0
				},
			}
		};

		if self.name.trim().is_empty() {
			errors.push("name is empty".into());
		}
		if self.id.is_empty()
			|| !self.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
		{
			errors.push(format!(
				"id '{}' must be lowercase letters, digits and '_' (e.g. almaty_coop)",
				self.id
			));
		}
		let chain_type = match self.chain_type.as_deref().unwrap_or("live") {
			"live" => ChainType::Live,
			"local" => ChainType::Local,
			"development" => ChainType::Development,
			other => {
				errors.push(format!("chain_type '{other}' must be live, local or development"));
				ChainType::Live
			},
		};
		if self.token_symbol != TOKEN_SYMBOL
			|| self.token_decimals != TOKEN_DECIMALS
			|| self.ss58_prefix != SS58_PREFIX
		{
			errors.push(format!(
				"token_symbol, token_decimals and ss58_prefix must be the runtime's ({TOKEN_SYMBOL}, \
				 {TOKEN_DECIMALS}, {SS58_PREFIX}): the metadata hash that signers check carries \
				 them, so another token needs another runtime build"
			));
		}
		let bootnodes = self
			.bootnodes
			.iter()
			.filter_map(|b| {
				MultiaddrWithPeerId::from_str(b)
					.map_err(|e| {
						errors.push(format!(
							"bootnode '{b}' ({e}): expected /dns/<host>/tcp/<port>/p2p/<peer id>"
						))
					})
					.ok()
			})
			.collect::<Vec<_>>();

		// Classes.
		let mut classes = Vec::new();
		let mut bonds = Vec::new();
		let mut class_ids = BTreeSet::new();
		if self.classes.len() as u32 > max_classes {
			errors.push(format!("{} classes: at most {max_classes}", self.classes.len()));
		}
		for class in &self.classes {
			let what = format!("class {}", class.id);
			if !class_ids.insert(class.id) {
				errors.push(format!("{what} is listed twice"));
			}
			if class.name.len() as u32 > max_name {
				errors.push(format!("{what}'s name is longer than {max_name} bytes"));
			}
			let quantum = amount(&class.quantum, &format!("{what}'s quantum"), &mut errors);
			if quantum < EXISTENTIAL_DEPOSIT {
				errors.push(format!(
					"{what}'s quantum is below the existential deposit ({EXISTENTIAL_DEPOSIT} planck)"
				));
			}
			let fee =
				class.fee.as_ref().map_or(0, |f| amount(f, &format!("{what}'s fee"), &mut errors));
			classes.push((class.id, class.name.clone(), quantum, fee));
			if let Some(bond) = &class.complaint_bond {
				bonds.push((
					class.id,
					amount(bond, &format!("{what}'s complaint bond"), &mut errors),
				));
			}
		}

		// Founders and their guarantees.
		let mut founders = Vec::new();
		let mut balances: Vec<(AccountId, Balance)> = Vec::new();
		let mut seen = BTreeSet::new();
		let parsed: Vec<Option<AccountId>> = self
			.founders
			.iter()
			.map(|f| account(&f.account).map_err(|e| errors.push(format!("founder: {e}"))).ok())
			.collect();
		let known: BTreeSet<AccountId> = parsed.iter().flatten().cloned().collect();
		for (founder, who) in self.founders.iter().zip(&parsed) {
			let Some(who) = who else { continue };
			let what = format!("founder {}", founder.account);
			if !seen.insert(who.clone()) {
				errors.push(format!("{what} is listed twice"));
			}
			if !class_ids.contains(&founder.class) {
				errors.push(format!("{what} is of class {}, which is not listed", founder.class));
			}
			let mut guarantors = Vec::new();
			for g in &founder.guarantors {
				match account(g) {
					Ok(g) if &g == who => errors.push(format!("{what} guarantees themselves")),
					Ok(g) if !known.contains(&g) => {
						errors.push(format!("{what} is guaranteed by {g}, who is not a founder"))
					},
					Ok(g) if guarantors.contains(&g) => {
						errors.push(format!("{what} names guarantor {g} twice"))
					},
					Ok(g) => guarantors.push(g),
					Err(e) => errors.push(format!("{what}'s guarantor: {e}")),
				}
			}
			if (guarantors.len() as u32) < min_guarantors {
				errors.push(format!(
					"{what} has {} guarantor(s): every founder needs at least {min_guarantors}",
					guarantors.len()
				));
			}
			if guarantors.len() as u32 > max_guarantors {
				errors.push(format!("{what} has more than {max_guarantors} guarantors"));
			}
			let balance = amount(&founder.balance, &format!("{what}'s balance"), &mut errors);
			balances.push((who.clone(), balance));
			founders.push((who.clone(), founder.class, guarantors));
		}
		if founders.is_empty() {
			errors.push("no founders".into());
		}
		// Each guarantor escrows the protégé's quantum and keeps the existential deposit.
		let quantum_of =
			|class: u16| classes.iter().find(|c| c.0 == class).map(|c| c.2).unwrap_or_default();
		for (who, balance) in &balances {
			let owed = founders
				.iter()
				.filter(|(_, _, gs)| gs.contains(who))
				.map(|(_, class, _)| quantum_of(*class))
				.fold(EXISTENTIAL_DEPOSIT, Balance::saturating_add);
			if *balance < owed {
				errors.push(format!(
					"founder {who} holds {balance} planck but must escrow {} for the founders \
					 they guarantee, existential deposit included",
					owed
				));
			}
		}
		for endowed in &self.accounts {
			match account(&endowed.account) {
				Ok(who) if seen.contains(&who) => errors.push(format!(
					"account {who} is a founder: give their balance in [[founders]]"
				)),
				Ok(who) => {
					seen.insert(who.clone());
					let balance = amount(&endowed.balance, &format!("account {who}"), &mut errors);
					if balance < EXISTENTIAL_DEPOSIT {
						errors
							.push(format!("account {who} holds less than the existential deposit"));
					}
					balances.push((who, balance));
				},
				Err(e) => errors.push(format!("account: {e}")),
			}
		}

		// Validators.
		let mut validators = Vec::new();
		let mut validator_ids = BTreeSet::new();
		for v in &self.validators {
			let what = format!("validator {}", v.account);
			let Ok(who) = account(&v.account).map_err(|e| errors.push(format!("validator: {e}")))
			else {
				continue;
			};
			if !known.contains(&who) {
				errors.push(format!("{what} is not a founder: validators are members"));
			}
			if !validator_ids.insert(who.clone()) {
				errors.push(format!("{what} is listed twice"));
			}
			let aura = public::<sr25519::Public>(&v.aura)
				.map_err(|e| errors.push(format!("{what}'s aura key: {e}")));
			let grandpa = public::<ed25519::Public>(&v.grandpa)
				.map_err(|e| errors.push(format!("{what}'s grandpa key: {e}")));
			if let (Ok(aura), Ok(grandpa)) = (aura, grandpa) {
				validators.push((who, SessionKeys { aura: aura.into(), grandpa: grandpa.into() }));
			}
		}
		let max_validators = synergy_runtime::configs::MAX_AUTHORITIES;
		if self.validators.is_empty() {
			errors.push("no validators".into());
		} else if self.validators.len() as u32 > max_validators {
			errors.push(format!("more than {max_validators} validators"));
		} else if self.validators.len() < 4 {
			warnings.push(format!(
				"{} validator(s): GRANDPA finalizes with more than two thirds of them, so with \
				 fewer than four, losing one stops finality (and the members cannot remove one \
				 below the runtime's minimum of four)",
				self.validators.len()
			));
		}

		// Periods, safeguards and the general meeting.
		let p = &self.periods;
		let periods = [
			period(&p.application, "periods.application", &mut errors),
			period(&p.grace, "periods.grace", &mut errors),
			period(&p.readmission_bar, "periods.readmission_bar", &mut errors),
			period(&p.deal, "periods.deal", &mut errors),
			period(&p.settled, "periods.settled", &mut errors),
			period(&p.top_up, "periods.top_up", &mut errors),
			period(&p.escalation, "periods.escalation", &mut errors),
			period(&p.record_window, "periods.record_window", &mut errors),
			period(&p.general_vote, "periods.general_vote", &mut errors),
		];
		let session_length = match period(&p.session, "periods.session", &mut errors) {
			0 => None,
			blocks => Some(blocks),
		};
		let mut safeguards = DefaultSafeguards::get();
		if let Some(s) = &self.safeguards {
			let blocks = period(&s.period, "safeguards.period", &mut errors);
			if blocks > 0 {
				safeguards.period = blocks;
			}
			let age = period(&s.voting_age, "safeguards.voting_age", &mut errors);
			if age > 0 {
				safeguards.voting_age = age;
			}
			if let Some(n) = s.per_guarantor {
				safeguards.per_guarantor = n;
			}
			if let Some(n) = s.growth_percent {
				safeguards.growth = percent(n, "safeguards.growth_percent", &mut errors);
			}
			if let Some(n) = s.growth_floor {
				safeguards.growth_floor = n;
			}
			let (min, max) = SafeguardBounds::get();
			if !safeguards.within(&min, &max) {
				errors.push(format!(
					"safeguards {safeguards:?} are outside the runtime's bounds {min:?} … {max:?}"
				));
			}
		}
		let mut meeting = DefaultFundParameters::get();
		if let Some(m) = &self.general_meeting {
			let set_period =
				|field: &mut BlockNumber, p: &Option<Period>, what, errors: &mut Vec<String>| {
					let blocks = period(p, what, errors);
					if blocks > 0 {
						*field = blocks;
					}
				};
			set_period(
				&mut meeting.voting_period,
				&m.voting_period,
				"general_meeting.voting_period",
				&mut errors,
			);
			set_period(
				&mut meeting.grace_period,
				&m.grace_period,
				"general_meeting.grace_period",
				&mut errors,
			);
			set_period(
				&mut meeting.budget_period,
				&m.budget_period,
				"general_meeting.budget_period",
				&mut errors,
			);
			for (field, value, what) in [
				(
					&mut meeting.proposal_deposit,
					&m.proposal_deposit,
					"general_meeting.proposal_deposit",
				),
				(&mut meeting.reserve, &m.reserve, "general_meeting.reserve"),
				(&mut meeting.budget, &m.budget, "general_meeting.budget"),
			] {
				if let Some(value) = value {
					*field = amount(value, what, &mut errors);
				}
			}
			for (field, value, what) in [
				(&mut meeting.quorum, m.quorum_percent, "general_meeting.quorum_percent"),
				(&mut meeting.approval, m.approval_percent, "general_meeting.approval_percent"),
				(
					&mut meeting.super_approval,
					m.super_approval_percent,
					"general_meeting.super_approval_percent",
				),
				(
					&mut meeting.large_spend,
					m.large_spend_percent,
					"general_meeting.large_spend_percent",
				),
				(&mut meeting.objection, m.objection_percent, "general_meeting.objection_percent"),
				(&mut meeting.spam, m.spam_percent, "general_meeting.spam_percent"),
			] {
				if let Some(value) = value {
					*field = percent(value, what, &mut errors);
				}
			}
		}
		let endowment = amount(&self.fund_endowment, "fund_endowment", &mut errors);
		if endowment < meeting.reserve {
			errors.push(format!(
				"fund_endowment ({endowment} planck) is below the general meeting's reserve ({} planck)",
				meeting.reserve
			));
		}

		// The development keys are public: on a live chain, anyone could sign with them.
		if chain_type == ChainType::Live {
			let dev_accounts: BTreeSet<AccountId> =
				sp_keyring::Sr25519Keyring::iter().map(|k| k.to_account_id()).collect();
			let dev_grandpa: BTreeSet<ed25519::Public> =
				sp_keyring::Ed25519Keyring::iter().map(|k| k.public()).collect();
			let dev = balances.iter().any(|(who, _)| dev_accounts.contains(who))
				|| validators.iter().any(|(who, keys)| {
					dev_accounts.contains(who)
						|| dev_accounts
							.contains(&AccountId32::from(sr25519::Public::from(keys.aura.clone())))
						|| dev_grandpa.contains(&ed25519::Public::from(keys.grandpa.clone()))
				});
			if dev {
				warnings.push(
					"a live chain with development accounts or keys (Alice, Bob, …), whose secret \
					 seeds are public: generate your own (docs/launch.md)"
						.into(),
				);
			}
		}

		if !errors.is_empty() {
			return Err(Report { errors });
		}
		Ok(Launch {
			name: self.name,
			id: self.id,
			chain_type,
			bootnodes,
			balances,
			classes,
			bonds,
			founders,
			validators,
			endowment,
			periods,
			session_length,
			safeguards,
			meeting,
			warnings,
		})
	}
}

impl Launch {
	/// The genesis patch: the founders file in the runtime's genesis config, nothing else.
	pub fn genesis_patch(&self) -> serde_json::Value {
		let [application, grace, readmission_bar, deal, settled, top_up, escalation, record_window, general_vote] =
			self.periods;
		build_struct_json_patch!(RuntimeGenesisConfig {
			balances: BalancesConfig { balances: self.balances.clone() },
			validator_set: ValidatorSetConfig {
				validators: self.validators.iter().map(|(v, _)| v.clone()).collect::<Vec<_>>(),
				session_length: self.session_length,
			},
			session: SessionConfig {
				keys: self
					.validators
					.iter()
					.map(|(v, keys)| (v.clone(), v.clone(), keys.clone()))
					.collect::<Vec<_>>(),
			},
			membership: MembershipConfig {
				classes: self.classes.clone(),
				founders: self.founders.clone(),
				application_period: application,
				grace_period: grace,
				safeguards: Some(self.safeguards),
				readmission_bar,
			},
			escrow: EscrowConfig {
				deal_period: deal,
				settled_period: settled,
				top_up_period: top_up
			},
			complaints: ComplaintsConfig {
				escalation_period: escalation,
				record_window,
				general_vote_period: general_vote,
				complaint_bonds: self.bonds.clone(),
			},
			fund: FundConfig { parameters: Some(self.meeting.clone()), endowment: self.endowment },
		})
	}

	pub fn chain_spec(&self) -> Result<crate::chain_spec::ChainSpec, String> {
		let wasm = WASM_BINARY
			.ok_or_else(|| "the runtime Wasm is not embedded in this binary".to_string())?;
		// The runtime's production preset (the regulation's parameters, no sudo key), with the
		// founders file over it.
		let preset = genesis_config_presets::get_preset(&PRODUCTION_PRESET.into())
			.ok_or_else(|| "the runtime has no production preset".to_string())?;
		let mut genesis: serde_json::Value = serde_json::from_slice(&preset)
			.map_err(|e| format!("the runtime's production preset is not JSON: {e}"))?;
		sc_chain_spec::json_merge(&mut genesis, self.genesis_patch());
		Ok(crate::chain_spec::ChainSpec::builder(wasm, None)
			.with_name(&self.name)
			.with_id(&self.id)
			.with_protocol_id(&self.id)
			.with_chain_type(self.chain_type.clone())
			.with_boot_nodes(self.bootnodes.clone())
			.with_properties(crate::chain_spec::properties())
			.with_genesis_config_patch(genesis)
			.build())
	}
}

#[cfg(test)]
mod tests {
	#![allow(clippy::unwrap_used, clippy::expect_used)]
	use super::*;

	const EXAMPLE: &str = include_str!("../../launch/founders.example.toml");

	fn example() -> FoundersFile {
		toml::from_str(EXAMPLE).expect("the example parses")
	}

	#[test]
	fn the_example_founders_file_makes_a_chain_spec_the_runtime_accepts() {
		let launch = example().check().expect("the example is valid");
		assert_eq!(launch.founders.len(), 4);
		assert_eq!(launch.validators.len(), 4);
		assert!(launch.warnings.is_empty());
		let spec = launch.chain_spec().unwrap();
		// The raw spec runs the runtime's genesis build: the founders' escrow is held.
		let raw = sc_service::ChainSpec::as_json(&spec, true).expect("the runtime accepts it");
		assert!(raw.contains("\"top\""));
	}

	#[test]
	fn the_plain_spec_is_the_production_preset_with_the_founders_over_it() {
		let spec = example().check().unwrap().chain_spec().unwrap();
		let plain: serde_json::Value =
			serde_json::from_str(&sc_service::ChainSpec::as_json(&spec, false).unwrap()).unwrap();
		let patch = &plain["genesis"]["runtimeGenesis"]["patch"];
		assert_eq!(patch["sudo"]["key"], serde_json::Value::Null);
		assert_eq!(patch["membership"]["founders"].as_array().unwrap().len(), 4);
		assert_eq!(patch["membership"]["classes"].as_array().unwrap().len(), 3);
	}

	#[test]
	fn the_command_names_the_file_it_cannot_read_or_write() {
		let dir = std::env::temp_dir().join(format!("synergy-launch-{}", std::process::id()));
		std::fs::create_dir_all(&dir).unwrap();
		let run = |founders: PathBuf, out: PathBuf| LaunchCmd { founders, out }.run();

		let error = run(dir.join("missing.toml"), dir.clone()).unwrap_err();
		assert!(error.starts_with("cannot read") && error.contains("missing.toml"), "{error}");

		let garbage = dir.join("garbage.toml");
		std::fs::write(&garbage, "name = ").unwrap();
		let error = run(garbage, dir.clone()).unwrap_err();
		assert!(error.contains("garbage.toml is not a founders file"), "{error}");

		let founders = dir.join("founders.toml");
		std::fs::write(&founders, EXAMPLE).unwrap();
		let a_file = dir.join("a-file");
		std::fs::write(&a_file, "").unwrap();
		let error = run(founders.clone(), a_file.join("specs")).unwrap_err();
		assert!(error.starts_with("cannot create"), "{error}");

		run(founders, dir.join("specs")).unwrap();
		let id = example().check().unwrap().id;
		for name in [format!("{id}.json"), format!("{id}-raw.json")] {
			assert!(dir.join("specs").join(name).is_file());
		}
		std::fs::remove_dir_all(&dir).unwrap();
	}

	#[test]
	fn amounts_and_periods_read_as_people_write_them() {
		assert_eq!(parse_syn("2100").unwrap(), 2_100 * UNITS);
		assert_eq!(parse_syn("0.5").unwrap(), UNITS / 2);
		assert_eq!(parse_syn(".001").unwrap(), UNITS / 1_000);
		assert!(parse_syn("1.0000000000001").is_err());
		assert!(parse_syn("ten").is_err());
		assert_eq!(parse_duration("1h").unwrap(), 600);
		assert_eq!(parse_duration("7d").unwrap(), 7 * 14_400);
		assert!(parse_duration("7 weeks").is_err());
	}

	#[test]
	fn every_mistake_is_reported_at_once_by_name() {
		let mut file = example();
		file.token_symbol = "ABC".into();
		file.id = "Almaty Coop".into();
		file.bootnodes.push("not an address".into());
		// One founder guarantees themselves, another names a stranger.
		let first = file.founders[0].account.clone();
		file.founders[0].guarantors = vec![first.clone()];
		file.founders[1].guarantors[0] = "5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL".into();
		file.founders[2].class = 9;
		file.founders[3].balance = Amount::Whole(1);
		file.validators[0].grandpa = "0x1234".into();
		file.validators.truncate(3);
		let report = file.check().expect_err("mistakes");
		let text = report.to_string();
		for expected in [
			"token_symbol, token_decimals and ss58_prefix must be the runtime's",
			"id 'Almaty Coop'",
			"bootnode 'not an address'",
			"guarantees themselves",
			"who is not a founder",
			"class 9, which is not listed",
			"must escrow",
			"grandpa key",
			"every founder needs at least 2",
		] {
			assert!(text.contains(expected), "missing '{expected}' in:\n{text}");
		}
	}

	#[test]
	fn fewer_than_four_validators_is_a_warning_not_a_mistake() {
		let mut file = example();
		file.validators.truncate(3);
		let launch = file.check().expect("valid");
		assert!(launch.warnings.iter().any(|w| w.contains("losing one stops finality")));
	}

	#[test]
	fn unknown_fields_are_refused() {
		let text = format!("{EXAMPLE}\nsudo = \"5Grw\"\n");
		let error = toml::from_str::<FoundersFile>(&text).unwrap_err().to_string();
		assert!(error.contains("unknown field"), "{error}");
	}
}
