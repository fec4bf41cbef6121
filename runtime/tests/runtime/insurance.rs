//! The insurance holds under attack, on the real runtime: each attack of the adversarial review
//! as the sequence that worked on the chain before, now refused or paid in full. The founders of
//! the local testnet preset: Alice guaranteed by Bob and Charlie, Bob by Charlie and Dave,
//! Charlie by Dave and Alice, Dave by Alice and Bob, each with the managers' 2 100 SYN.

// A test fails loudly, with the reason, where the runtime and node never may.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use crate::common;

use common::{ext_from_preset, founders, initialize_block};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use pallet_complaints::{Stage, Verdict};
use pallet_guarantee_membership::MemberStatus;
use sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET;
use synergy_runtime::{
	currency::UNITS, AccountId, Balances, Complaints, Escrow, Membership, Runtime, RuntimeEvent,
	RuntimeHoldReason, RuntimeOrigin, System,
};

const QUANTUM: u128 = 2_100 * UNITS;
/// The local testnet's periods, in blocks.
const GRACE: u32 = 50;
const ESCALATION: u32 = 10;
const DEAL_PERIOD: u32 = 100;
const SETTLED: u32 = 50;
const TOP_UP: u32 = 50;

type ComplaintsError = pallet_complaints::Error<Runtime>;
type EscrowError = pallet_deposit_escrow::Error<Runtime>;
type MembershipError = pallet_guarantee_membership::Error<Runtime>;

fn signed(who: &AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.clone())
}

fn escrow_held(who: &AccountId) -> u128 {
	Balances::balance_on_hold(
		&RuntimeHoldReason::Escrow(pallet_deposit_escrow::HoldReason::Guarantee),
		who,
	)
}

/// The complaint bond a founder's complaint holds (they are managers, class 0).
fn founders_bond() -> u128 {
	pallet_complaints::ComplaintBonds::<Runtime>::get(0)
}

fn behind(who: &AccountId) -> u128 {
	pallet_deposit_escrow::Behind::<Runtime>::get(who)
}

/// Every invariant of the cooperative.
fn check_invariants() {
	synergy_runtime::invariants::check().unwrap();
}

/// Runs the blocks after the current one up to `to`, checking the invariants after each.
fn run_to(to: u32) {
	for n in System::block_number() + 1..=to {
		initialize_block(n);
		check_invariants();
	}
}

/// `initiator` opens a deal of `amount` with `counterparty`, who accepts; returns its number.
fn deal(initiator: &AccountId, counterparty: &AccountId, amount: u128) -> u64 {
	let id = pallet_deposit_escrow::NextDealId::<Runtime>::get();
	assert_ok!(Escrow::open_deal(
		signed(initiator),
		counterparty.clone().into(),
		amount,
		[1; 32].into()
	));
	assert_ok!(Escrow::accept_deal(signed(counterparty), id));
	id
}

/// Both parties confirm deal `id`: it completes, open to complaints for the settled period.
fn complete(id: u64, a: &AccountId, b: &AccountId) {
	assert_ok!(Escrow::confirm_deal(signed(a), id));
	assert_ok!(Escrow::confirm_deal(signed(b), id));
}

/// The number the next case gets.
fn next_case() -> u32 {
	pallet_complaints::NextCaseId::<Runtime>::get()
}

/// What side 0 of `case` paid, once done.
fn paid(case: u32) -> u128 {
	let case = pallet_complaints::Cases::<Runtime>::get(case).unwrap();
	assert_eq!(case.sides[0].stage, Stage::Done);
	case.sides[0].paid
}

fn stage(case: u32, side: usize) -> Stage<u32> {
	pallet_complaints::Cases::<Runtime>::get(case).unwrap().sides[side].stage
}

fn status(who: &AccountId) -> Option<MemberStatus<u32>> {
	pallet_guarantee_membership::Members::<Runtime>::get(who).map(|m| m.status)
}

fn has_event(event: impl Into<RuntimeEvent>) -> bool {
	let event = event.into();
	System::events().iter().any(|r| r.event == event)
}

/// Attack 2: an accused member in grace let their membership lapse, and the escrow behind them
/// went home before the case paid (0 of 2 100 SYN).
#[test]
fn an_accused_member_in_grace_cannot_lapse_out_of_a_case() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, bob, charlie, dave] = founders();
		initialize_block(1);
		// Charlie leaves Bob: Bob in grace until block 51, Dave alone behind him.
		assert_ok!(Membership::revoke(signed(&charlie), bob.clone().into()));
		assert_eq!(status(&bob), Some(MemberStatus::Grace { until: 1 + GRACE }));
		let id = deal(&alice, &bob, QUANTUM);
		complete(id, &alice, &bob);
		let case = next_case();
		assert_ok!(Complaints::file(signed(&alice), id, None));
		// The grace clock stands still while Bob is accused.
		assert_eq!(status(&bob), Some(MemberStatus::GracePaused { left: GRACE }));
		run_to(1 + GRACE + 10);
		assert_eq!(status(&bob), Some(MemberStatus::GracePaused { left: GRACE }));
		assert_eq!(behind(&bob), QUANTUM);
		// Nobody above Dave: the general meeting decides, and the escrow pays in full.
		assert!(matches!(stage(case, 0), Stage::GeneralVote { .. }));
		let before = Balances::free_balance(&alice);
		assert_ok!(Complaints::decide(
			RuntimeOrigin::root(),
			case,
			0,
			Verdict::Compensate(QUANTUM)
		));
		assert_eq!(paid(case), QUANTUM);
		// The upheld complaint gives its bond back too.
		assert_eq!(Balances::free_balance(&alice), before + QUANTUM + founders_bond());
		assert_eq!(escrow_held(&dave), 2 * QUANTUM - QUANTUM);
		// Cleared, Bob's grace runs on from where it stopped.
		let now = System::block_number();
		assert_eq!(status(&bob), Some(MemberStatus::Grace { until: now + GRACE }));
		check_invariants();
	});
}

/// Attack 2: guarantors who had paid part of one case skipped their top-up during a second, so
/// that their guarantees lapsed and their escrow went home before the second case paid.
#[test]
fn guarantors_cannot_skip_a_top_up_to_escape_a_later_case() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, bob, charlie, dave] = founders();
		initialize_block(1);
		let first = deal(&alice, &bob, 1_000 * UNITS);
		let second = deal(&alice, &bob, 1_000 * UNITS);
		complete(first, &alice, &bob);
		complete(second, &alice, &bob);
		let case = next_case();
		assert_ok!(Complaints::file(signed(&alice), first, None));
		for guarantor in [&charlie, &dave] {
			assert_ok!(Complaints::vote(
				signed(guarantor),
				case,
				0,
				Verdict::Compensate(1_000 * UNITS)
			));
		}
		assert_eq!(paid(case), 1_000 * UNITS);
		// Their top-up clocks run; then Alice complains about the second deal.
		run_to(10);
		assert_ok!(Complaints::file(signed(&alice), second, None));
		let record = pallet_deposit_escrow::Escrows::<Runtime>::get(&bob, &charlie).unwrap();
		assert_eq!((record.top_up_by, record.top_up_paused), (None, Some(1 + TOP_UP - 10)));
		// The top-up deadline passes untopped: the guarantees stand, the escrow stays.
		run_to(1 + TOP_UP + 5);
		assert_eq!(
			pallet_guarantee_membership::Members::<Runtime>::get(&bob).unwrap().guarantors.len(),
			2
		);
		let left = behind(&bob);
		assert_eq!(left, 2 * QUANTUM - 1_000 * UNITS);
		// Undecided by the guarantor graph, the case reached the general meeting meanwhile.
		assert!(matches!(stage(case + 1, 0), Stage::GeneralVote { .. }));
		assert_ok!(Complaints::decide(
			RuntimeOrigin::root(),
			case + 1,
			0,
			Verdict::Compensate(1_000 * UNITS)
		));
		assert_eq!(paid(case + 1), 1_000 * UNITS);
		check_invariants();
	});
}

/// Attack 2: a member expelled by one case while another accuses them was proposed again, and
/// the new guarantors' escrow would have paid the old case.
#[test]
fn an_accused_account_is_not_proposed_again_and_its_old_escrow_pays_its_old_case() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, bob, charlie, dave] = founders();
		initialize_block(1);
		let first = deal(&alice, &bob, 1_000 * UNITS);
		let second = deal(&alice, &bob, 1_000 * UNITS);
		complete(first, &alice, &bob);
		complete(second, &alice, &bob);
		let case = next_case();
		assert_ok!(Complaints::file(signed(&alice), first, None));
		assert_ok!(Complaints::file(signed(&alice), second, None));
		// The first case expels Bob; the second still accuses him.
		for guarantor in [&charlie, &dave] {
			assert_ok!(Complaints::vote(signed(guarantor), case, 0, Verdict::Revoke(500 * UNITS)));
		}
		assert!(status(&bob).is_none(), "expelled");
		assert_eq!(behind(&bob), 2 * QUANTUM - 500 * UNITS, "the escrow stays behind him");
		assert_noop!(
			Membership::propose(signed(&alice), bob.clone().into(), 0),
			MembershipError::Blocked
		);
		// His former guarantors decide the second case, paid from the escrow of his old
		// membership.
		for guarantor in [&charlie, &dave] {
			assert_ok!(Complaints::vote(
				signed(guarantor),
				case + 1,
				0,
				Verdict::Compensate(1_000 * UNITS)
			));
		}
		assert_eq!(paid(case + 1), 1_000 * UNITS);
		// Expelled, he is barred from a new membership; readmitted by the meeting, he is still
		// not proposed again until the old deals' time for complaints has passed.
		assert_noop!(
			Membership::propose(signed(&alice), bob.clone().into(), 0),
			MembershipError::ExpulsionBar
		);
		assert_ok!(Membership::readmit(synergy_runtime::RuntimeOrigin::root(), bob.clone().into()));
		run_to(3);
		assert_noop!(
			Membership::propose(signed(&alice), bob.clone().into(), 0),
			MembershipError::FormerMembershipSettling
		);
		run_to(1 + SETTLED);
		assert_eq!(behind(&bob), 0);
		assert_ok!(Membership::propose(signed(&alice), bob.into(), 0));
		check_invariants();
	});
}

/// Attack 3: a case about an open deal closed the deal first, which released the retained
/// escrow, and then paid from what was left (decided 2 100 SYN, paid 0).
#[test]
fn a_compensation_is_paid_before_the_disputed_deal_closes() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, bob, charlie, dave] = founders();
		initialize_block(1);
		assert_ok!(Membership::revoke(signed(&charlie), bob.clone().into()));
		let id = deal(&alice, &bob, QUANTUM);
		// Bob lapses with the deal open: Dave's escrow is retained for it.
		run_to(1 + GRACE);
		assert!(status(&bob).is_none());
		assert_eq!(behind(&bob), QUANTUM);
		let case = next_case();
		assert_ok!(Complaints::file(signed(&alice), id, None));
		assert!(matches!(stage(case, 0), Stage::GeneralVote { .. }));
		let before = Balances::free_balance(&alice);
		assert_ok!(Complaints::decide(
			RuntimeOrigin::root(),
			case,
			0,
			Verdict::Compensate(QUANTUM)
		));
		assert_eq!(paid(case), QUANTUM);
		// The upheld complaint gives its bond back too.
		assert_eq!(Balances::free_balance(&alice), before + QUANTUM + founders_bond());
		assert!(pallet_deposit_escrow::Deals::<Runtime>::get(id).is_none(), "then the deal closed");
		assert_eq!(escrow_held(&dave), 2 * QUANTUM - QUANTUM);
		check_invariants();
	});
}

/// Attack 4: a completed deal left exposure at once, so its guarantors revoked between the
/// completion and the complaint (paid 0).
#[test]
fn a_completed_deal_stays_insured_until_its_time_for_complaints_has_passed() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, bob, charlie, dave] = founders();
		initialize_block(1);
		let id = deal(&alice, &bob, QUANTUM);
		complete(id, &alice, &bob);
		// Settled deals do not count against exposure: Bob deals a quantum again at once.
		let again = deal(&bob, &charlie, QUANTUM);
		complete(again, &bob, &charlie);
		// Both guarantors walk away before the complaint.
		assert_ok!(Membership::revoke(signed(&charlie), bob.clone().into()));
		assert_ok!(Membership::revoke(signed(&dave), bob.clone().into()));
		assert_eq!(behind(&bob), 2 * QUANTUM, "what insured the two deals stays held");
		let case = next_case();
		assert_ok!(Complaints::file(signed(&alice), id, None));
		assert_ok!(Complaints::decide(
			RuntimeOrigin::root(),
			case,
			0,
			Verdict::Compensate(QUANTUM)
		));
		assert_eq!(paid(case), QUANTUM);
		// The deals' time for complaints passes: the rest goes home.
		run_to(1 + SETTLED);
		assert_eq!(behind(&bob), 0);
		// Charlie and Dave hold only their guarantees of Alice and Charlie again.
		assert_eq!(escrow_held(&charlie) + escrow_held(&dave), 2 * QUANTUM);
		check_invariants();
	});
}

/// Attack 5: closing a case cleared the deal's case link, so the same deal was complained about
/// and compensated again (4 200 SYN on one 2 100 SYN deal), and file-and-withdraw re-blocked the
/// accused at will.
#[test]
fn a_deal_is_paid_once_and_a_complaint_is_never_filed_twice() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, bob, charlie, dave] = founders();
		initialize_block(1);
		let id = deal(&alice, &bob, QUANTUM);
		complete(id, &alice, &bob);
		let case = next_case();
		assert_ok!(Complaints::file(signed(&alice), id, None));
		for guarantor in [&charlie, &dave] {
			assert_ok!(Complaints::vote(signed(guarantor), case, 0, Verdict::Compensate(QUANTUM)));
		}
		assert_eq!(paid(case), QUANTUM);
		assert_noop!(
			Complaints::file(signed(&alice), id, None),
			ComplaintsError::AlreadyComplained
		);
		// Filed and withdrawn counts as the complaint.
		let other = deal(&alice, &charlie, 10 * UNITS);
		assert_ok!(Complaints::file(signed(&alice), other, None));
		assert_ok!(Complaints::withdraw(signed(&alice), case + 1));
		assert_noop!(
			Complaints::file(signed(&alice), other, None),
			ComplaintsError::AlreadyComplained
		);
		assert_eq!(pallet_complaints::Records::<Runtime>::get(&charlie).received, 1);
		check_invariants();
	});
}

/// Attack 6: a sock opened 64 deals of 1 planck with a victim, who could then neither open nor
/// receive a deal, forever.
#[test]
fn proposals_nobody_accepts_squat_no_slots_and_expire() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, bob, charlie, dave] = founders();
		initialize_block(1);
		for _ in 0..64 {
			assert_ok!(Escrow::open_deal(signed(&alice), bob.clone().into(), 1, [2; 32].into()));
		}
		// Bob opens and receives deals as ever.
		let with_charlie = deal(&bob, &charlie, UNITS);
		let from_dave = deal(&dave, &bob, UNITS);
		assert!(pallet_deposit_escrow::DealsOf::<Runtime>::get(&bob).len() == 2);
		assert_eq!(Escrow::deals_of(&bob).len(), 2 + 64, "he sees the proposals to him");
		// Unanswered, the proposals expire after the deal period.
		run_to(1 + DEAL_PERIOD);
		assert!(has_event(pallet_deposit_escrow::Event::<Runtime>::DealExpired { deal: 0 }));
		run_to(1 + DEAL_PERIOD + 2);
		assert!(pallet_deposit_escrow::DealsOf::<Runtime>::get(&alice).is_empty());
		assert_eq!(pallet_deposit_escrow::Exposure::<Runtime>::get(&alice), 0);
		assert!(pallet_deposit_escrow::ProposalsTo::<Runtime>::iter_prefix(&bob).next().is_none());
		assert!(with_charlie != from_dave);
		check_invariants();
	});
}

/// Attack 7: a compensation that failed (the complainant's account could not receive it) was
/// recorded as paid 0 and the case closed.
#[test]
fn a_compensation_that_cannot_be_paid_yet_is_paid_later() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, bob, charlie, dave] = founders();
		initialize_block(1);
		let id = deal(&alice, &bob, QUANTUM);
		let case = next_case();
		// Without a bond: a bond held would keep Alice's account alive, and one planck paid.
		assert_ok!(Complaints::set_complaint_bond(RuntimeOrigin::root(), 0, 0));
		assert_ok!(Complaints::file(signed(&alice), id, None));
		// Alice's free balance is gone: one planck would leave her below the existential
		// deposit, so the payment fails.
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), alice.clone().into(), 0));
		for guarantor in [&charlie, &dave] {
			assert_ok!(Complaints::vote(signed(guarantor), case, 0, Verdict::Compensate(1)));
		}
		assert_eq!(stage(case, 0), Stage::Paying { retry_at: 1 + ESCALATION });
		assert!(pallet_complaints::AccusedIn::<Runtime>::get(&bob) == 1, "Bob stays accused");
		assert!(pallet_deposit_escrow::Deals::<Runtime>::get(id).is_some(), "the deal stays");
		// Alice can receive again: the retry pays.
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), alice.clone().into(), UNITS));
		run_to(1 + ESCALATION);
		assert_eq!(paid(case), 1);
		assert_eq!(Balances::free_balance(&alice), UNITS + 1);
		assert!(pallet_complaints::Cases::<Runtime>::get(case).unwrap().closed_at.is_some());
		check_invariants();
	});
}

/// Attack 7: an escalation step whose next deadline queue was full dropped out of every queue,
/// leaving the accused blocked with nothing to move the case on. Now no queue is ever full: the
/// step files its deadline at its block, on an overflow page.
#[test]
fn an_escalation_files_its_next_deadline_however_full_that_block_is() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, bob, ..] = founders();
		crate::common::eve_guarantees_charlie();
		initialize_block(1);
		let id = deal(&alice, &bob, QUANTUM);
		let case = next_case();
		assert_ok!(Complaints::file(signed(&alice), id, None));
		let due = 1 + ESCALATION;
		let next = due + ESCALATION;
		for _ in 0..8 {
			pallet_complaints::EscalationQueue::<Runtime>::file(1, next, (999, 0));
		}
		run_to(due);
		assert_eq!(stage(case, 0), Stage::Panel { level: 1, deadline: next });
		assert_eq!(pallet_complaints::DeadlinePages::<Runtime>::get(next), 1);
		check_invariants();
	});
}

/// Attack 7: `accept_deal` did not check again the initiator, accused since proposing.
#[test]
fn acceptance_checks_both_parties_again() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, bob, _, dave] = founders();
		initialize_block(1);
		let proposal = pallet_deposit_escrow::NextDealId::<Runtime>::get();
		assert_ok!(Escrow::open_deal(signed(&alice), bob.clone().into(), UNITS, [3; 32].into()));
		let other = deal(&dave, &alice, UNITS);
		assert_ok!(Complaints::file(signed(&dave), other, None));
		assert_noop!(Escrow::accept_deal(signed(&bob), proposal), EscrowError::Blocked);
		check_invariants();
	});
}

/// Attack 7: an outcome decided on one side waited for an undecided counter-complaint.
#[test]
fn each_side_of_a_case_is_applied_when_it_is_decided() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, bob, charlie, dave] = founders();
		initialize_block(1);
		let id = deal(&alice, &bob, QUANTUM);
		let case = next_case();
		assert_ok!(Complaints::file(signed(&alice), id, None));
		assert_ok!(Complaints::file(signed(&bob), id, None));
		let before = Balances::free_balance(&alice);
		for guarantor in [&charlie, &dave] {
			assert_ok!(Complaints::vote(
				signed(guarantor),
				case,
				0,
				Verdict::Compensate(500 * UNITS)
			));
		}
		assert_eq!(Balances::free_balance(&alice), before + 500 * UNITS + founders_bond());
		// Bob is free again while Alice's side waits for her guarantors.
		assert_eq!(pallet_complaints::AccusedIn::<Runtime>::get(&bob), 0);
		assert_ok!(Escrow::open_deal(signed(&bob), dave.clone().into(), UNITS, [4; 32].into()));
		assert_eq!(pallet_complaints::AccusedIn::<Runtime>::get(&alice), 1);
		assert!(pallet_complaints::Cases::<Runtime>::get(case).unwrap().closed_at.is_none());
		check_invariants();
	});
}
