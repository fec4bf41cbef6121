//! What the cooperative asks of each account (`SynergyDutiesApi::duties`), on the real runtime:
//! each duty appears when the regulation asks it, with its deadline, and leaves when it is done.

// A test fails loudly, with the reason, where the runtime and node never may.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use crate::common::{accounts, ext_from_preset, initialize_block};
use frame_support::assert_ok;
use pallet_complaints::{PanelVoteDue, Verdict};
use pallet_deposit_escrow::{DealAction, DealDue, TopUpDue};
use pallet_fund_voting::{Vote, VoteDue};
use sp_core::H256;
use sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET;
use synergy_runtime::{
	currency::UNITS,
	duties::{duties, Duties},
	AccountId, Complaints, Escrow, Fund, Membership, Runtime, RuntimeOrigin,
};

const QUANTUM: u128 = 2_100 * UNITS;

/// Alice opens a deal of a quantum with Bob, who accepts, and she complains about it: case 0.
fn alice_complains_about_bob() {
	let [alice, bob, ..] = accounts();
	assert_ok!(Escrow::open_deal(signed(&alice), bob.clone().into(), QUANTUM, [1; 32].into()));
	assert_ok!(Escrow::accept_deal(signed(&bob), 0));
	assert_ok!(Complaints::file(signed(&alice), 0, None));
}

fn signed(who: &AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.clone())
}

#[test]
fn a_quiet_chain_asks_nothing_of_its_founders() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		initialize_block(1);
		let [alice, bob, .., ferdie] = accounts();
		for who in [alice, bob, ferdie] {
			let asked = duties(&who);
			assert!(asked.is_empty(), "{who}: {asked:?}");
			assert_eq!(asked, Duties { at: 1, ..Default::default() });
		}
	});
}

#[test]
fn a_deal_asks_its_counterparty_to_accept_then_both_to_confirm() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, bob, ..] = accounts();
		initialize_block(1);
		let period = pallet_deposit_escrow::DealPeriod::<Runtime>::get();
		assert_ok!(Escrow::open_deal(signed(&alice), bob.clone().into(), UNITS, [1; 32].into()));
		let accept = DealDue {
			deal: 0,
			action: DealAction::Accept,
			with: alice.clone(),
			amount: UNITS,
			by: 1 + period,
		};
		assert_eq!(duties(&bob).deals, vec![accept]);
		assert!(duties(&alice).deals.is_empty(), "the initiator waits: nothing to do");

		initialize_block(2);
		assert_ok!(Escrow::accept_deal(signed(&bob), 0));
		let confirm = |with: &AccountId| DealDue {
			deal: 0,
			action: DealAction::Confirm,
			with: with.clone(),
			amount: UNITS,
			by: 2 + period,
		};
		assert_eq!(duties(&alice).deals, vec![confirm(&bob)]);
		assert_eq!(duties(&bob).deals, vec![confirm(&alice)]);
		assert_ok!(Escrow::confirm_deal(signed(&alice), 0));
		assert!(duties(&alice).deals.is_empty());
		assert_eq!(duties(&bob).deals, vec![confirm(&alice)]);
		assert_ok!(Escrow::confirm_deal(signed(&bob), 0));
		assert!(duties(&bob).deals.is_empty());
	});
}

/// A complaint asks the accused's guarantors for their votes by the level's deadline; the
/// compensation they decide asks each to top up the escrow it took, by the top-up deadline.
#[test]
fn a_complaint_asks_the_panel_to_vote_and_its_compensation_asks_for_top_ups() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [_, bob, charlie, dave, ..] = accounts();
		initialize_block(1);
		alice_complains_about_bob();
		let deadline = 1 + pallet_complaints::EscalationPeriod::<Runtime>::get();
		// Both sit for Bob, whom they guarantee.
		let seat = PanelVoteDue {
			case: 0,
			side: 0,
			level: 0,
			accused: bob.clone(),
			sits_for: bob.clone(),
			deadline,
		};
		assert_eq!(duties(&charlie).panel_votes, vec![seat.clone()]);
		assert_eq!(duties(&dave).panel_votes, vec![seat.clone()]);
		assert!(duties(&bob).panel_votes.is_empty(), "the accused sits on no panel");

		let amount = 500 * UNITS;
		assert_ok!(Complaints::vote(signed(&charlie), 0, 0, Verdict::Compensate(amount)));
		assert!(duties(&charlie).panel_votes.is_empty(), "voted");
		assert_eq!(duties(&dave).panel_votes, vec![seat]);
		assert!(duties(&charlie).top_ups.is_empty(), "nothing is paid before the panel decides");
		assert_ok!(Complaints::vote(signed(&dave), 0, 0, Verdict::Compensate(amount)));
		assert!(duties(&dave).panel_votes.is_empty(), "the case closed");

		// Each paid half, and owes it back behind Bob by the top-up deadline.
		for guarantor in [&charlie, &dave] {
			let escrow = pallet_deposit_escrow::Escrows::<Runtime>::get(&bob, guarantor).unwrap();
			let by = escrow.top_up_by;
			assert!(by.is_some_and(|by| by > 1), "{escrow:?}");
			let owed = TopUpDue { protege: bob.clone(), owed: amount / 2, by, paused_left: None };
			assert_eq!(duties(guarantor).top_ups, vec![owed]);
			assert_ok!(Escrow::top_up(signed(guarantor), bob.clone().into()));
			assert!(duties(guarantor).top_ups.is_empty(), "topped up");
		}
		synergy_runtime::invariants::check().unwrap();
	});
}

/// A split panel asks nothing more of its members; the level above, once the case climbs, is
/// asked instead: Eve, who guarantees Charlie, sits for him.
#[test]
fn a_case_that_climbs_asks_the_level_above() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [_, bob, charlie, dave, ..] = accounts();
		let eve = crate::common::eve_guarantees_charlie();
		initialize_block(1);
		alice_complains_about_bob();
		assert_ok!(Complaints::vote(signed(&charlie), 0, 0, Verdict::Dismiss));
		assert_ok!(Complaints::vote(signed(&dave), 0, 0, Verdict::Compensate(UNITS)));
		assert!(duties(&charlie).panel_votes.is_empty() && duties(&dave).panel_votes.is_empty());
		assert!(duties(&eve).panel_votes.is_empty(), "level 1 is not drawn yet");
		let period = pallet_complaints::EscalationPeriod::<Runtime>::get();
		for n in 2..=1 + period {
			initialize_block(n);
		}
		let seat = PanelVoteDue {
			case: 0,
			side: 0,
			level: 1,
			accused: bob.clone(),
			sits_for: charlie.clone(),
			deadline: 1 + 2 * period,
		};
		assert_eq!(duties(&eve).panel_votes, vec![seat]);
		assert!(duties(&dave).panel_votes.is_empty(), "one seat a case");
	});
}

#[test]
fn a_candidate_is_told_what_the_application_misses_and_a_member_what_to_consent_to() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, bob, charlie, _, eve, _] = accounts();
		initialize_block(1);
		assert_ok!(Membership::propose(signed(&alice), eve.clone().into(), 2));
		let application = duties(&eve).application.expect("Eve's application");
		assert_eq!((application.guarantees_missing, application.accepted), (1, false));
		assert_ok!(Membership::guarantee(signed(&bob), eve.clone().into()));
		assert_ok!(Membership::accept(signed(&eve)));
		assert_eq!(duties(&eve).application, None, "admitted");

		// A member offered a guarantee is asked for consent until they give it.
		assert_ok!(Membership::guarantee(signed(&eve), charlie.clone().into()));
		assert_eq!(duties(&charlie).guarantees_offered, vec![eve.clone()]);
		assert_ok!(Membership::accept_guarantee(signed(&charlie), eve.clone().into()));
		assert!(duties(&charlie).guarantees_offered.is_empty());
	});
}

#[test]
fn a_proposal_asks_every_elector_for_a_vote_until_they_cast_it() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, bob, charlie, _, eve, _] = accounts();
		initialize_block(1);
		assert_ok!(Fund::propose_spend(signed(&alice), charlie.clone(), UNITS, H256::zero()));
		let ends = match pallet_fund_voting::Proposals::<Runtime>::get(0).unwrap().status {
			pallet_fund_voting::Status::Voting { ends } => ends,
			other => panic!("not voting: {other:?}"),
		};
		let due = VoteDue { proposal: 0, motion: false, ends };
		assert_eq!(duties(&bob).votes, vec![due.clone()]);
		assert!(duties(&charlie).votes.is_empty(), "the beneficiary is recused");
		assert!(duties(&eve).votes.is_empty(), "no member, no vote");
		assert_ok!(Fund::vote(signed(&bob), 0, Vote::Aye));
		assert!(duties(&bob).votes.is_empty(), "voted");
		assert_eq!(duties(&alice).votes, vec![due]);
	});
}
