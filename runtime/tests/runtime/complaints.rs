//! Complaints on the real runtime: filing blocks the accused and holds the complaint bond, the
//! guarantors compensate from escrow to the unit, a disagreement climbs a level on its own when
//! the period passes, and a baseless complaint costs its bond.

// A test fails loudly, with the reason, where the runtime and node never may.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use crate::common;

use common::{ext_from_preset, founders, initialize_block};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use pallet_complaints::{Stage, Verdict};
use sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring;
use synergy_runtime::{
	currency::UNITS, AccountId, Balances, Complaints, Escrow, Runtime, RuntimeHoldReason,
	RuntimeOrigin,
};

const QUANTUM: u128 = 2_100 * UNITS;

fn escrow_held(who: &AccountId) -> u128 {
	Balances::balance_on_hold(
		&RuntimeHoldReason::Escrow(pallet_deposit_escrow::HoldReason::Guarantee),
		who,
	)
}

fn bond_held(who: &AccountId) -> u128 {
	Balances::balance_on_hold(
		&RuntimeHoldReason::Complaints(pallet_complaints::HoldReason::ComplaintBond),
		who,
	)
}

/// Every pallet's invariants and the cooperative's across them (escrow frozen exactly for the
/// accused of open cases, …).
fn check_invariants() {
	synergy_runtime::invariants::check().unwrap();
}

/// Alice opens a deal of one quantum with Bob, who accepts; returns its number.
fn alice_deals_with_bob() -> u64 {
	let [alice, bob, ..] = founders();
	let id = pallet_deposit_escrow::NextDealId::<Runtime>::get();
	assert_ok!(Escrow::open_deal(
		RuntimeOrigin::signed(alice),
		bob.clone().into(),
		QUANTUM,
		[1; 32].into()
	));
	assert_ok!(Escrow::accept_deal(RuntimeOrigin::signed(bob), id));
	id
}

/// Case 0's level 0 splits — Charlie dismisses, Dave compensates a unit — and the blocks to
/// its deadline pass: it climbs to level 1.
fn level_zero_splits_and_climbs(period: u32) {
	let [_, _, charlie, dave] = founders();
	assert_ok!(Complaints::vote(RuntimeOrigin::signed(charlie), 0, 0, Verdict::Dismiss));
	assert_ok!(Complaints::vote(RuntimeOrigin::signed(dave), 0, 0, Verdict::Compensate(UNITS)));
	for n in 2..=1 + period {
		initialize_block(n);
	}
}

#[test]
fn the_guarantors_compensate_exactly_from_the_escrow_behind_the_accused() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, bob, charlie, dave] = founders();
		initialize_block(1);
		let deal = alice_deals_with_bob();
		assert_ok!(Complaints::file(RuntimeOrigin::signed(alice.clone()), deal, None));

		// Bob is blocked: his new deal is refused, his escrow frozen.
		assert_noop!(
			Escrow::open_deal(
				RuntimeOrigin::signed(bob.clone()),
				dave.clone().into(),
				1,
				[2; 32].into()
			),
			pallet_deposit_escrow::Error::<Runtime>::Blocked
		);
		assert!(pallet_deposit_escrow::Frozen::<Runtime>::contains_key(&bob));
		check_invariants();

		// Alice's complaint holds a manager's bond, which the upheld complaint gives back.
		let bond = pallet_complaints::ComplaintBonds::<Runtime>::get(0);
		assert_eq!(bond_held(&alice), bond);
		// His guarantors, Charlie and Dave, agree: 500 SYN to Alice.
		let amount = 500 * UNITS;
		let (alice_free, behind_bob) =
			(Balances::free_balance(&alice), pallet_deposit_escrow::Behind::<Runtime>::get(&bob));
		let held = [escrow_held(&charlie), escrow_held(&dave)];
		for guarantor in [&charlie, &dave] {
			assert_ok!(Complaints::vote(
				RuntimeOrigin::signed(guarantor.clone()),
				0,
				0,
				Verdict::Compensate(amount)
			));
		}
		assert_eq!(Balances::free_balance(&alice), alice_free + amount + bond);
		assert_eq!(bond_held(&alice), 0);
		assert_eq!(pallet_deposit_escrow::Behind::<Runtime>::get(&bob), behind_bob - amount);
		assert_eq!(escrow_held(&charlie), held[0] - amount / 2);
		assert_eq!(escrow_held(&dave), held[1] - amount / 2);
		assert!(!pallet_deposit_escrow::Frozen::<Runtime>::contains_key(&bob));
		assert!(pallet_complaints::Cases::<Runtime>::get(0).unwrap().closed_at.is_some());
		assert_eq!(pallet_complaints::Records::<Runtime>::get(&bob).upheld, 1);
		check_invariants();
	});
}

#[test]
fn a_disagreement_climbs_a_level_on_its_own() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, _, charlie, dave] = founders();
		let eve = common::eve_guarantees_charlie();
		initialize_block(1);
		let deal = alice_deals_with_bob();
		assert_ok!(Complaints::file(RuntimeOrigin::signed(alice), deal, None));
		let period = pallet_complaints::EscalationPeriod::<Runtime>::get();
		assert_eq!(period, 10, "development networks escalate after ten blocks");
		level_zero_splits_and_climbs(period);
		// Level 1: the guarantors of Charlie and Dave, without the parties and without Dave,
		// who sat at level 0 (one seat a case): Eve, for Charlie.
		let case = pallet_complaints::Cases::<Runtime>::get(0).unwrap();
		assert_eq!(case.sides[0].stage, Stage::Panel { level: 1, deadline: 1 + 2 * period });
		assert_eq!(case.sides[0].panel.to_vec(), vec![(eve.clone(), charlie.clone())]);
		// Eve may not revoke the guarantee she now sits for, Charlie's, while the case is open.
		assert_noop!(
			synergy_runtime::Membership::revoke(RuntimeOrigin::signed(eve.clone()), charlie.into()),
			pallet_guarantee_membership::Error::<Runtime>::UnderReview
		);
		assert_noop!(
			Complaints::vote(RuntimeOrigin::signed(dave), 0, 0, Verdict::Dismiss),
			pallet_complaints::Error::<Runtime>::NotOnPanel
		);
		check_invariants();
		assert_ok!(Complaints::vote(RuntimeOrigin::signed(eve), 0, 0, Verdict::Dismiss));
		assert!(pallet_complaints::Cases::<Runtime>::get(0).unwrap().closed_at.is_some());
		check_invariants();
	});
}

/// The chain of guarantors answers: Charlie refuses to answer for Bob at level 0, Dave answers;
/// the case climbs, and Eve, Charlie's guarantor, upholds it at level 1. Charlie's escrow behind
/// Bob pays first and his guarantee of Bob ends; Dave's stands and pays nothing.
#[test]
fn an_upholding_level_one_ends_the_guarantee_of_who_refused_below_and_makes_them_pay_first() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, bob, charlie, dave] = founders();
		let eve = common::eve_guarantees_charlie();
		initialize_block(1);
		let deal = alice_deals_with_bob();
		assert_ok!(Complaints::file(RuntimeOrigin::signed(alice.clone()), deal, None));
		let period = pallet_complaints::EscalationPeriod::<Runtime>::get();
		level_zero_splits_and_climbs(period);
		let behind = |g: &AccountId| {
			pallet_deposit_escrow::Escrows::<Runtime>::get(&bob, g).map(|r| r.held).unwrap_or(0)
		};
		let (charlie_behind, dave_behind) = (behind(&charlie), behind(&dave));
		let (charlie_free, alice_free) =
			(Balances::free_balance(&charlie), Balances::free_balance(&alice));
		let amount = 500 * UNITS;
		assert!(charlie_behind > amount);
		assert_ok!(Complaints::vote(RuntimeOrigin::signed(eve), 0, 0, Verdict::Compensate(amount)));

		let bond = pallet_complaints::ComplaintBonds::<Runtime>::get(0);
		assert_eq!(Balances::free_balance(&alice), alice_free + amount + bond);
		// Charlie paid all of it, and the rest of his escrow behind Bob came home with the end
		// of his guarantee (the disputed deal closed, nothing else needs it); Dave paid nothing.
		assert_eq!(behind(&charlie), 0);
		assert_eq!(Balances::free_balance(&charlie), charlie_free + charlie_behind - amount);
		assert_eq!(behind(&dave), dave_behind);
		let member = pallet_guarantee_membership::Members::<Runtime>::get(&bob).unwrap();
		assert_eq!(member.guarantors.to_vec(), vec![dave.clone()]);
		assert!(pallet_guarantee_membership::Proteges::<Runtime>::get(&charlie, &bob).is_none());
		let events: Vec<_> =
			frame_system::Pallet::<Runtime>::events().into_iter().map(|r| r.event).collect();
		assert!(events.contains(&synergy_runtime::RuntimeEvent::Complaints(
			pallet_complaints::Event::GuaranteeForfeited {
				case: 0,
				side: 0,
				level: 0,
				guarantor: charlie.clone(),
				protege: bob.clone(),
			}
		)));
		assert!(events.contains(&synergy_runtime::RuntimeEvent::Membership(
			pallet_guarantee_membership::Event::GuaranteeForfeited {
				guarantor: charlie,
				protege: bob.clone(),
			}
		)));
		// Bob, one guarantor short, must find another.
		assert!(matches!(member.status, pallet_guarantee_membership::MemberStatus::Grace { .. }));
		check_invariants();
	});
}

/// The review's attack on panels, both ways: a party's sock guarantees one of the accused's
/// guarantors once the deal has gone wrong, to sit at level 1 — to acquit the fraudster, or to
/// order the victim's guarantors to pay. A guarantee younger than the disputed deal sits on none
/// of its panels, even one the guarantor accepted; and nobody sits twice in a case.
#[test]
fn a_sock_placed_after_the_deal_sits_on_none_of_its_panels() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, _, charlie, dave] = founders();
		let sock = Sr25519Keyring::Ferdie.to_account_id();
		initialize_block(1);
		let deal = alice_deals_with_bob();
		initialize_block(2);
		// The sock joins and, with Charlie's consent, guarantees Charlie: after the deal.
		let signed = |who: &AccountId| RuntimeOrigin::signed(who.clone());
		assert_ok!(synergy_runtime::Membership::propose(signed(&alice), sock.clone().into(), 2));
		assert_ok!(synergy_runtime::Membership::guarantee(signed(&dave), sock.clone().into()));
		assert_ok!(synergy_runtime::Membership::accept(signed(&sock)));
		assert_ok!(synergy_runtime::Membership::guarantee(signed(&sock), charlie.clone().into()));
		assert_ok!(synergy_runtime::Membership::accept_guarantee(
			signed(&charlie),
			sock.clone().into()
		));
		assert_ok!(Complaints::file(signed(&alice), deal, None));
		assert_ok!(Complaints::vote(signed(&charlie), 0, 0, Verdict::Dismiss));
		assert_ok!(Complaints::vote(signed(&dave), 0, 0, Verdict::Compensate(UNITS)));
		let period = pallet_complaints::EscalationPeriod::<Runtime>::get();
		for n in 3..=2 + period {
			initialize_block(n);
		}
		// Level 1 would be the sock alone; it is nobody: the side goes to the general vote.
		let case = pallet_complaints::Cases::<Runtime>::get(0).unwrap();
		assert!(matches!(case.sides[0].stage, Stage::GeneralVote { .. }));
		assert!(!pallet_complaints::Blocks::<Runtime>::contains_key(&sock, 0));
		assert_noop!(
			Complaints::vote(signed(&sock), 0, 0, Verdict::Dismiss),
			pallet_complaints::Error::<Runtime>::AtGeneralVote
		);
		check_invariants();
	});
}

/// "Once, twice, three times — the same guarantor — and boom": three upheld complaints against
/// Bob within the record window ban his guarantors, Charlie and Dave, from guaranteeing; what
/// they already guarantee stands, and the meeting may lift the ban.
#[test]
fn a_guarantor_is_banned_after_three_upheld_complaints_against_a_protege() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, _, charlie, dave] = founders();
		initialize_block(1);
		let signed = |who: &AccountId| RuntimeOrigin::signed(who.clone());
		let bob = Sr25519Keyring::Bob.to_account_id();
		for case in 0..3 {
			let deal = pallet_deposit_escrow::NextDealId::<Runtime>::get();
			assert_ok!(Escrow::open_deal(
				signed(&alice),
				bob.clone().into(),
				10 * UNITS,
				[1; 32].into()
			));
			assert_ok!(Escrow::accept_deal(signed(&bob), deal));
			assert_ok!(Complaints::file(signed(&alice), deal, None));
			for guarantor in [&charlie, &dave] {
				assert_ok!(Complaints::vote(
					signed(guarantor),
					case,
					0,
					Verdict::Compensate(UNITS)
				));
			}
		}
		let record = Complaints::record_of(&charlie);
		assert_eq!(record.record.proteges_upheld, 3);
		assert!(record.ban.is_some());
		assert_eq!(
			synergy_runtime::Membership::member_view(&charlie).map(|m| m.banned),
			Some(true)
		);
		let eve = Sr25519Keyring::Eve.to_account_id();
		assert_noop!(
			synergy_runtime::Membership::propose(signed(&charlie), eve.clone().into(), 2),
			pallet_guarantee_membership::Error::<Runtime>::BannedFromGuaranteeing
		);
		assert!(pallet_guarantee_membership::Proteges::<Runtime>::contains_key(&charlie, &alice));
		assert_ok!(Complaints::lift_ban(RuntimeOrigin::root(), charlie.clone()));
		assert_ok!(synergy_runtime::Membership::propose(signed(&charlie), eve.into(), 2));
		check_invariants();
	});
}

/// Escalation stops somewhere, and within a deadline: a side at the general vote that no motion
/// decides by the general vote's period is dismissed, and its accused is free again.
#[test]
fn a_side_the_general_vote_does_not_decide_in_time_is_dismissed() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, bob, ..] = founders();
		initialize_block(1);
		let deal = alice_deals_with_bob();
		assert_ok!(Complaints::file(RuntimeOrigin::signed(alice.clone()), deal, None));
		let period = pallet_complaints::EscalationPeriod::<Runtime>::get();
		for n in 2..=1 + period {
			initialize_block(n);
		}
		// Nobody above level 0 may sit: the general vote, with its deadline.
		let top = pallet_complaints::GeneralVotePeriod::<Runtime>::get();
		assert_eq!(top, 60, "development networks give the general vote sixty blocks");
		let until = 1 + period + top;
		let case = pallet_complaints::Cases::<Runtime>::get(0).unwrap();
		assert_eq!(case.sides[0].stage, Stage::GeneralVote { until });
		for n in 2 + period..until {
			initialize_block(n);
		}
		assert!(pallet_complaints::AccusedIn::<Runtime>::contains_key(&bob));
		initialize_block(until);
		let case = pallet_complaints::Cases::<Runtime>::get(0).unwrap();
		assert!(case.closed_at.is_some());
		assert!(!pallet_complaints::AccusedIn::<Runtime>::contains_key(&bob));
		assert!(!pallet_deposit_escrow::Frozen::<Runtime>::contains_key(&bob));
		assert_eq!(pallet_complaints::Records::<Runtime>::get(&alice).dismissed, 1);
		check_invariants();
	});
}

/// Complaints cost the baseless: a manager's complaint holds one SYN; dismissed, the SYN goes to
/// the accused; upheld, it comes back. The bond is small beside the quantum, a pensioner's none.
#[test]
fn a_baseless_complaint_pays_its_bond_to_the_accused_and_an_upheld_one_returns_it() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, bob, charlie, dave] = founders();
		initialize_block(1);
		let bond = pallet_complaints::ComplaintBonds::<Runtime>::get(0);
		assert_eq!(bond, UNITS, "a manager's complaint holds one SYN");
		assert_eq!(pallet_complaints::ComplaintBonds::<Runtime>::get(2), 0, "a pensioner's none");
		let signed = |who: &AccountId| RuntimeOrigin::signed(who.clone());

		// Baseless: Bob's guarantors dismiss it, and Bob gets Alice's bond.
		let deal = alice_deals_with_bob();
		let (alice_free, bob_free) = (Balances::free_balance(&alice), Balances::free_balance(&bob));
		assert_ok!(Complaints::file(signed(&alice), deal, None));
		assert_eq!(bond_held(&alice), bond);
		assert_eq!(Balances::free_balance(&alice), alice_free - bond);
		assert_eq!(pallet_complaints::Cases::<Runtime>::get(0).unwrap().sides[0].bond, bond);
		check_invariants();
		for guarantor in [&charlie, &dave] {
			assert_ok!(Complaints::vote(signed(guarantor), 0, 0, Verdict::Dismiss));
		}
		assert_eq!(bond_held(&alice), 0);
		assert_eq!(Balances::free_balance(&alice), alice_free - bond);
		assert_eq!(Balances::free_balance(&bob), bob_free + bond);
		assert_eq!(pallet_complaints::Records::<Runtime>::get(&alice).dismissed, 1);
		check_invariants();

		// Founded: the guarantors compensate, and Alice's bond comes back with the compensation.
		let deal = alice_deals_with_bob();
		let alice_free = Balances::free_balance(&alice);
		assert_ok!(Complaints::file(signed(&alice), deal, None));
		assert_eq!(bond_held(&alice), bond);
		for guarantor in [&charlie, &dave] {
			assert_ok!(Complaints::vote(signed(guarantor), 1, 0, Verdict::Compensate(UNITS)));
		}
		assert_eq!(bond_held(&alice), 0);
		assert_eq!(Balances::free_balance(&alice), alice_free + UNITS);
		check_invariants();
	});
}

/// The general meeting sets a class's bond by motion, within the runtime's maximum.
#[test]
fn the_meeting_sets_a_complaint_bond_within_the_maximum() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		initialize_block(1);
		let most = <Runtime as pallet_complaints::Config>::MaxComplaintBond::get();
		assert_noop!(
			Complaints::set_complaint_bond(RuntimeOrigin::root(), 2, most + 1),
			pallet_complaints::Error::<Runtime>::BondTooLarge
		);
		assert_ok!(Complaints::set_complaint_bond(RuntimeOrigin::root(), 2, most));
		assert_eq!(pallet_complaints::ComplaintBonds::<Runtime>::get(2), most);
		check_invariants();
	});
}

#[test]
fn the_figures_operators_monitor_count_members_cases_and_money_held() {
	use synergy_runtime::figures::{figures, Figures};
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, ..] = founders();
		initialize_block(1);
		let fund = pallet_fund_voting::Pallet::<Runtime>::fund_balance();
		let founded = Figures {
			members: 4,
			validators: 4,
			fund,
			// Four founders, each guaranteed by two others with a manager's quantum.
			escrow_held: 8 * QUANTUM,
			total_issuance: Balances::total_issuance(),
			..Default::default()
		};
		assert_eq!(figures(), founded);

		let deal = alice_deals_with_bob();
		assert_ok!(Complaints::file(RuntimeOrigin::signed(alice.clone()), deal, None));
		assert_eq!(
			figures(),
			Figures {
				open_cases: 1,
				accused: 1,
				deals: 1,
				bonds_held: bond_held(&alice),
				total_issuance: Balances::total_issuance(),
				..founded
			}
		);
		assert!(bond_held(&alice) > 0);
	});
}

/// The review's attack on level 0: one sock among the accused's guarantors refused, and level
/// 0, which needed every guarantor, could never decide — the case had to climb to where a ring
/// could pack the panel. Now a strict majority decides once two thirds have voted, and the
/// refusal stays on the sock's record.
#[test]
fn one_refusing_guarantor_does_not_stop_level_zero_from_deciding() {
	use synergy_runtime::Membership;
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, bob, charlie, dave] = founders();
		let sock = Sr25519Keyring::Eve.to_account_id();
		let signed = |who: &AccountId| RuntimeOrigin::signed(who.clone());
		initialize_block(1);
		// Eve joins through Alice and Charlie and, with Bob's consent, guarantees him: a third
		// guarantor on his level 0, older than the deal.
		assert_ok!(Membership::propose(signed(&alice), sock.clone().into(), 2));
		assert_ok!(Membership::guarantee(signed(&charlie), sock.clone().into()));
		assert_ok!(Membership::accept(signed(&sock)));
		assert_ok!(Membership::guarantee(signed(&sock), bob.clone().into()));
		assert_ok!(Membership::accept_guarantee(signed(&bob), sock.clone().into()));
		initialize_block(2);
		let deal = alice_deals_with_bob();
		assert_ok!(Complaints::file(signed(&alice), deal, None));
		let panel: Vec<AccountId> = pallet_complaints::Cases::<Runtime>::get(0).unwrap().sides[0]
			.panel
			.iter()
			.map(|(g, _)| g.clone())
			.collect();
		assert_eq!(panel.len(), 3);
		assert!(panel.contains(&sock));
		// The sock refuses; the other two compensate: two of three is a majority, and voted.
		let amount = 300 * UNITS;
		assert_ok!(Complaints::vote(signed(&sock), 0, 0, Verdict::Dismiss));
		assert_ok!(Complaints::vote(signed(&charlie), 0, 0, Verdict::Compensate(amount)));
		assert!(matches!(
			pallet_complaints::Cases::<Runtime>::get(0).unwrap().sides[0].stage,
			Stage::Panel { level: 0, .. }
		));
		assert_ok!(Complaints::vote(signed(&dave), 0, 0, Verdict::Compensate(amount)));
		let case = pallet_complaints::Cases::<Runtime>::get(0).unwrap();
		assert_eq!(case.sides[0].stage, Stage::Done);
		assert_eq!(case.sides[0].paid, amount);
		assert_eq!(pallet_complaints::Records::<Runtime>::get(&sock).dissents, 1);
		assert_eq!(pallet_complaints::Records::<Runtime>::get(&charlie).dissents, 0);
		check_invariants();
	});
}
