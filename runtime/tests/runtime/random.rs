//! Random sequences of the cooperative's calls against the real runtime, every invariant of
//! [`synergy_runtime::invariants`] checked after every block: membership (propose, guarantee,
//! accept, decline, revoke), deals (open, accept, cancel, confirm), complaints (file, vote,
//! withdraw, escalate, the general meeting's decision), top-ups and the passing of blocks, from
//! eight accounts — the four founders and four outsiders who may become members.
//!
//! The test command runs a short sequence; `scripts/random-calls.sh` runs a long one (100 000
//! calls by default) and reports the count and the time. `SYNERGY_RANDOM_CALLS` sets the
//! length, `SYNERGY_RANDOM_SEED` the seed: a failure prints both, so that it can be replayed.

// A test fails loudly, with the reason, where the runtime and node never may.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use crate::common;

use common::{ext_from_preset, initialize_block};
use frame_support::traits::UnfilteredDispatchable;
use pallet_complaints::Verdict;
use sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring;
use std::collections::BTreeMap;
use synergy_runtime::{
	currency::UNITS, AccountId, Balances, Runtime, RuntimeCall, RuntimeOrigin, System,
};

type MembershipCall = pallet_guarantee_membership::Call<Runtime>;
type EscrowCall = pallet_deposit_escrow::Call<Runtime>;
type ComplaintsCall = pallet_complaints::Call<Runtime>;

/// The calls a short run makes (the test command's).
const SHORT_RUN: u64 = 3_000;

/// A small deterministic generator (xorshift64*): no dependency, and a seed replays a run.
struct Rng(u64);

impl Rng {
	fn next(&mut self) -> u64 {
		self.0 ^= self.0 >> 12;
		self.0 ^= self.0 << 25;
		self.0 ^= self.0 >> 27;
		self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
	}

	fn below(&mut self, n: u64) -> u64 {
		if n == 0 {
			0
		} else {
			self.next() % n
		}
	}

	fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
		&items[self.below(items.len() as u64) as usize]
	}
}

fn env_u64(name: &str) -> Option<u64> {
	std::env::var(name).ok().and_then(|v| v.parse().ok())
}

/// A random item of `items`, if any.
fn any<T: Clone>(rng: &mut Rng, items: Vec<T>) -> Option<T> {
	(!items.is_empty()).then(|| rng.pick(&items).clone())
}

/// One random call: its name (for the tally) and the origin and call to dispatch. Most calls
/// are aimed where they can succeed (a proposal's counterparty accepts it, a panel member
/// votes, a party complains about their deal); the rest are aimed anywhere, to be refused.
fn random_call(
	rng: &mut Rng,
	accounts: &[AccountId],
) -> (&'static str, RuntimeOrigin, RuntimeCall) {
	use pallet_deposit_escrow::DealStatus;
	let mut who = rng.pick(accounts).clone();
	let mut other = rng.pick(accounts).clone();
	let amounts = [1, UNITS, 5 * UNITS, 10 * UNITS, 100 * UNITS, 1_000 * UNITS, 2_100 * UNITS];
	let amount = *rng.pick(&amounts);
	let aimed = rng.below(5) != 0;
	let mut deal =
		pallet_deposit_escrow::NextDealId::<Runtime>::get().saturating_sub(1 + rng.below(6));
	let mut case =
		pallet_complaints::NextCaseId::<Runtime>::get().saturating_sub(1 + rng.below(4) as u32);
	let mut side = rng.below(2) as u8;
	let verdict = match rng.below(8) {
		0 | 1 => Verdict::Dismiss,
		7 => Verdict::Revoke(amount),
		_ => Verdict::Compensate(amount),
	};
	let deals: Vec<_> = pallet_deposit_escrow::Deals::<Runtime>::iter().collect();
	let open_cases: Vec<_> = pallet_complaints::Cases::<Runtime>::iter()
		.filter(|(_, c)| c.closed_at.is_none())
		.collect();
	// Each kind of call, as often as it is listed: more guarantees than revocations, so that
	// the cooperative lives on through the run.
	const KINDS: [u64; 37] = [
		0, 0, 1, 1, 1, 1, 2, 2, 3, 4, 5, 5, 5, 5, 7, 7, 7, 8, 9, 9, 9, 10, 10, 12, 12, 12, 13, 14,
		15, 15, 16, 16, 0, 1, 17, 17, 18,
	];
	let kind = *rng.pick(&KINDS);
	let members: Vec<AccountId> =
		pallet_guarantee_membership::Members::<Runtime>::iter_keys().collect();
	let outsiders: Vec<AccountId> = accounts
		.iter()
		.filter(|a| {
			!members.contains(a)
				&& !pallet_guarantee_membership::Applications::<Runtime>::contains_key(*a)
		})
		.cloned()
		.collect();
	let mut amount = amount;
	if aimed {
		match kind {
			// A member proposes an outsider.
			0 => {
				who = any(rng, members.clone()).unwrap_or(who);
				other = any(rng, outsiders).unwrap_or(other);
			},
			// Two members deal, mostly within the smallest quantum.
			5 => {
				who = any(rng, members.clone()).unwrap_or(who);
				other = any(rng, members.clone()).unwrap_or(other);
				if rng.below(4) != 0 {
					amount = *rng.pick(&[1, UNITS, 5 * UNITS, 10 * UNITS]);
				}
			},
			// A candidate answers, or a member guarantees a candidate.
			// A member guarantees a candidate or a member in grace.
			1 => {
				let in_grace = pallet_guarantee_membership::Members::<Runtime>::iter()
					.filter(|(_, m)| m.status != pallet_guarantee_membership::MemberStatus::Active)
					.map(|(who, _)| who);
				let wanting = pallet_guarantee_membership::Applications::<Runtime>::iter_keys()
					.chain(in_grace)
					.collect();
				other = any(rng, wanting).unwrap_or(other);
				who = any(rng, members.clone()).unwrap_or(who);
			},
			// A candidate answers.
			2 | 3 => {
				let candidates = pallet_guarantee_membership::Applications::<Runtime>::iter_keys();
				who = any(rng, candidates.collect()).unwrap_or(who);
			},
			// A member accepts a guarantee offered to them.
			17 => {
				let offered = pallet_guarantee_membership::Offers::<Runtime>::iter()
					.flat_map(|(member, offers)| {
						offers.into_iter().map(move |g| (member.clone(), g))
					})
					.collect();
				if let Some(pair) = any(rng, offered) {
					(who, other) = pair;
				}
			},
			// A protégé drops a guarantor.
			18 => {
				if let Some((guarantor, protege, _)) =
					any(rng, pallet_guarantee_membership::Proteges::<Runtime>::iter().collect())
				{
					(who, other) = (protege, guarantor);
				}
			},
			// A guarantor tops up what a compensation took.
			16 => {
				let short = pallet_deposit_escrow::Escrows::<Runtime>::iter()
					.filter(|(_, _, r)| r.held < r.quantum && !r.ended)
					.map(|(protege, guarantor, _)| (guarantor, protege))
					.collect();
				if let Some(pair) = any(rng, short) {
					(who, other) = pair;
				}
			},
			// A guarantor revokes.
			4 => {
				if let Some((guarantor, protege, _)) =
					any(rng, pallet_guarantee_membership::Proteges::<Runtime>::iter().collect())
				{
					(who, other) = (guarantor, protege);
				}
			},
			// The counterparty answers a proposal, a party confirms or cancels, or complains.
			7..=10 => {
				let wanted = |status: &DealStatus<u32>| match kind {
					7 | 8 => matches!(status, DealStatus::Proposed),
					9 => matches!(status, DealStatus::Open { .. }),
					_ => !matches!(status, DealStatus::Proposed),
				};
				let fitting: Vec<_> =
					deals.iter().filter(|(_, d)| wanted(&d.status)).cloned().collect();
				if let Some((id, d)) = any(rng, fitting) {
					deal = id;
					who = if kind == 7 || rng.below(2) == 0 { d.counterparty } else { d.initiator };
				}
			},
			// A panel member votes, a complainant withdraws, anyone escalates, the meeting
			// decides.
			12..=15 => {
				if let Some((id, c)) = any(rng, open_cases) {
					case = id;
					side = rng.below(c.sides.len() as u64) as u8;
					let s = &c.sides[side as usize];
					who = match kind {
						12 => any(rng, s.panel.iter().map(|(g, _)| g.clone()).collect())
							.unwrap_or(who),
						13 => s.complainant.clone(),
						_ => who,
					};
				}
			},
			_ => {},
		}
	}
	let origin = RuntimeOrigin::signed(who);
	match kind {
		0 => (
			"propose",
			origin,
			MembershipCall::propose { candidate: other.into(), class: rng.below(3) as u16 }.into(),
		),
		1 => ("guarantee", origin, MembershipCall::guarantee { person: other.into() }.into()),
		2 => ("accept", origin, MembershipCall::accept {}.into()),
		3 => ("decline", origin, MembershipCall::decline {}.into()),
		4 => ("revoke", origin, MembershipCall::revoke { protege: other.into() }.into()),
		5 => (
			"open_deal",
			origin,
			EscrowCall::open_deal { counterparty: other.into(), amount, terms: [9; 32].into() }
				.into(),
		),
		7 => ("accept_deal", origin, EscrowCall::accept_deal { deal }.into()),
		8 => ("cancel_deal", origin, EscrowCall::cancel_deal { deal }.into()),
		9 => ("confirm_deal", origin, EscrowCall::confirm_deal { deal }.into()),
		10 => ("file", origin, ComplaintsCall::file { deal, evidence: None }.into()),
		12 => ("vote", origin, ComplaintsCall::vote { case, side, verdict }.into()),
		13 => ("withdraw", origin, ComplaintsCall::withdraw { case }.into()),
		14 => ("escalate", origin, ComplaintsCall::escalate { case, side }.into()),
		15 => {
			("decide", RuntimeOrigin::root(), ComplaintsCall::decide { case, side, verdict }.into())
		},
		17 => (
			"accept_guarantee",
			origin,
			MembershipCall::accept_guarantee { guarantor: other.into() }.into(),
		),
		18 => (
			"drop_guarantor",
			origin,
			MembershipCall::drop_guarantor { guarantor: other.into() }.into(),
		),
		_ => ("top_up", origin, EscrowCall::top_up { protege: other.into() }.into()),
	}
}

#[test]
fn random_sequences_of_calls_keep_every_invariant() {
	let calls = env_u64("SYNERGY_RANDOM_CALLS").unwrap_or(SHORT_RUN);
	let seed = env_u64("SYNERGY_RANDOM_SEED").unwrap_or(2026);
	println!("random calls: {calls}, seed {seed} (SYNERGY_RANDOM_CALLS, SYNERGY_RANDOM_SEED)");
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let accounts: Vec<AccountId> = [
			Sr25519Keyring::Alice,
			Sr25519Keyring::Bob,
			Sr25519Keyring::Charlie,
			Sr25519Keyring::Dave,
			Sr25519Keyring::Eve,
			Sr25519Keyring::Ferdie,
			Sr25519Keyring::One,
			Sr25519Keyring::Two,
		]
		.iter()
		.map(|k| k.to_account_id())
		.collect();
		let mut block = 1;
		initialize_block(block);
		for who in &accounts[4..] {
			Balances::force_set_balance(RuntimeOrigin::root(), who.clone().into(), 100_000 * UNITS)
				.unwrap();
		}
		let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
		let mut tally: BTreeMap<&'static str, (u64, u64)> = BTreeMap::new();
		let started = std::time::Instant::now();
		for n in 0..calls {
			// About a block in ten calls, and now and then a long pause: deadlines come due.
			if rng.below(10) == 0 {
				let most = if rng.below(30) == 0 { 60 } else { 2 };
				for _ in 0..1 + rng.below(most) {
					block += 1;
					initialize_block(block);
					if let Err(error) = synergy_runtime::invariants::check() {
						panic!("block {block}, after call {n} (seed {seed}): {error:?}");
					}
				}
			}
			let (name, origin, call) = random_call(&mut rng, &accounts);
			let ok = call.dispatch_bypass_filter(origin).is_ok();
			let entry = tally.entry(name).or_default();
			entry.0 += 1;
			entry.1 += u64::from(ok);
		}
		if let Err(error) = synergy_runtime::invariants::check() {
			panic!("at the end (seed {seed}): {error:?}");
		}
		let elapsed = started.elapsed();
		let succeeded: u64 = tally.values().map(|(_, ok)| ok).sum();
		println!(
			"{calls} calls ({succeeded} succeeded) over {block} blocks in {:.1} s, {} members, \
			 {} cases at the end; per call (made, succeeded): {tally:?}",
			elapsed.as_secs_f64(),
			pallet_guarantee_membership::Members::<Runtime>::count(),
			pallet_complaints::NextCaseId::<Runtime>::get(),
		);
		// A run that never reaches the complaints tests little.
		for name in
			["propose", "accept", "open_deal", "accept_deal", "confirm_deal", "file", "vote"]
		{
			assert!(tally.get(name).is_some_and(|(_, ok)| *ok > 0), "no {name} succeeded");
		}
		assert!(System::block_number() > 1);
	});
}
