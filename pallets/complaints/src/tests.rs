//! Unit tests: every rule, call, error and event; the invariants are checked after each test by
//! `mock::test`.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

type ComplaintsError = crate::Error<Test>;
type ComplaintsEvent = crate::Event<Test>;

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn case(id: CaseId) -> CaseOf<Test> {
	Cases::<Test>::get(id).expect("a case")
}

fn stage(id: CaseId, side: usize) -> Stage<u64> {
	case(id).sides[side].stage
}

/// ALICE complains about `DEAL`: case 0, side 0, against BOB, before B1 and B2.
fn alice_files() {
	assert_ok!(Complaints::file(signed(ALICE), DEAL, None));
}

/// `tied` candidates for the panel at `level` of side `side` of `case`, whose level below fell
/// due at `due`, in the order the draw ranks them.
fn drawn(case: u32, side: u8, level: u32, due: u64, mut tied: Vec<AccountId>) -> Vec<AccountId> {
	use codec::Encode;
	use frame_support::traits::Randomness;
	use sp_runtime::traits::{BlakeTwo256, Hash};
	let anchor = System::block_hash(due - 1);
	let (seed, _) = TestRandomness::random(&(b"synergy/panel", case, side, level, anchor).encode());
	tied.sort_by_key(|who| BlakeTwo256::hash_of(&(seed, who)));
	tied
}

/// The accounts of every `PanelDrawn` event, with their levels.
fn panels_drawn() -> Vec<(u32, Vec<AccountId>)> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Complaints(ComplaintsEvent::PanelDrawn { level, panel, .. }) => {
				Some((level, panel))
			},
			_ => None,
		})
		.collect()
}

/// Whether no block, review or freeze of case 0 is left.
fn nothing_blocked() -> bool {
	Blocks::<Test>::iter().next().is_none()
		&& UnderReview::<Test>::iter().next().is_none()
		&& AccusedIn::<Test>::iter().next().is_none()
		&& !frozen(ALICE)
		&& !frozen(BOB)
}

mod filing {
	use super::*;

	#[test]
	fn a_complaint_blocks_the_accused_and_draws_their_guarantors() {
		test(|| {
			let evidence = Some(H256::repeat_byte(1));
			assert_ok!(Complaints::file(signed(ALICE), DEAL, evidence));
			System::assert_has_event(
				ComplaintsEvent::ComplaintFiled {
					case: 0,
					side: 0,
					deal: DEAL,
					complainant: ALICE,
					accused: BOB,
					evidence,
				}
				.into(),
			);
			System::assert_last_event(
				ComplaintsEvent::PanelDrawn {
					case: 0,
					side: 0,
					level: 0,
					panel: vec![B1, B2],
					deadline: 1 + ESCALATION_PERIOD,
				}
				.into(),
			);
			assert!(Complaints::is_blocked(&BOB));
			assert!(!Complaints::is_blocked(&ALICE));
			assert!(frozen(BOB));
			assert_eq!(Blocks::<Test>::get(BOB, 0), Some(BlockReason::Accused));
			assert_eq!(Blocks::<Test>::get(B1, 0), Some(BlockReason::Panel));
			assert!(Complaints::is_under_review(&B1, &BOB));
			assert!(!Complaints::is_under_review(&B1, &ALICE));
			assert_eq!(CaseOfDeal::<Test>::get(DEAL), Some(0));
			assert_eq!(CasesOf::<Test>::get(ALICE).to_vec(), vec![0]);
			assert_eq!(CasesOf::<Test>::get(BOB).to_vec(), vec![0]);
			assert_eq!(Records::<Test>::get(ALICE).filed, 1);
			assert_eq!(Records::<Test>::get(BOB).received, 1);
			assert_eq!(Records::<Test>::get(B1).panels, 1);
			assert_eq!(stage(0, 0), Stage::Panel { level: 0, deadline: 1 + ESCALATION_PERIOD });
		});
	}

	#[test]
	fn a_recently_completed_deal_may_be_complained_about() {
		test(|| {
			assert_ok!(Complaints::file(signed(ALICE), DONE_DEAL, None));
			assert_eq!(case(0).deal, DONE_DEAL);
		});
	}

	#[test]
	fn filing_errors_change_nothing() {
		test(|| {
			assert_noop!(Complaints::file(signed(EVE), DEAL, None), ComplaintsError::NotMember);
			assert_noop!(Complaints::file(signed(ALICE), 99, None), ComplaintsError::UnknownDeal);
			assert_noop!(Complaints::file(signed(A1), DEAL, None), ComplaintsError::NotParty);
			alice_files();
			assert_noop!(
				Complaints::file(signed(ALICE), DEAL, None),
				ComplaintsError::AlreadyComplained
			);
			assert_ok!(Complaints::file(signed(ALICE), DONE_DEAL, None));
			add_deal(9, ALICE, BOB, 10);
			assert_noop!(
				Complaints::file(signed(ALICE), 9, None),
				ComplaintsError::TooManyOpenComplaints
			);
		});
	}

	#[test]
	fn filing_is_never_refused_however_full_the_deadline_block_is() {
		test(|| {
			let first = 1 + ESCALATION_PERIOD;
			for _ in 0..4 {
				EscalationQueue::<Test>::file(1, first, (99, 0));
			}
			assert_ok!(Complaints::file(signed(ALICE), DEAL, None));
			assert_eq!(stage(0, 0), Stage::Panel { level: 0, deadline: first });
			assert_eq!(DeadlinePages::<Test>::get(first), 1);
			// One page a block (the mock's bound): the side climbs a block late, never early.
			run_to_block(first);
			assert!(matches!(stage(0, 0), Stage::Panel { level: 0, .. }));
			assert_eq!(DeadlineBacklog::<Test>::get(), Some(first));
			run_to_block(first + 1);
			assert!(matches!(stage(0, 0), Stage::Panel { level: 1, .. }));
			// That spent the block's page: its own block waits for the next.
			assert_eq!(DeadlineBacklog::<Test>::get(), Some(first + 1));
			run_to_block(first + 2);
			assert_eq!(DeadlineBacklog::<Test>::get(), None);
		});
	}

	#[test]
	fn the_complainant_does_not_sit_on_the_panel() {
		test(|| {
			guarantee(BOB, &[ALICE, B1]);
			alice_files();
			assert_eq!(case(0).sides[0].panel.to_vec(), vec![(B1, BOB)]);
		});
	}

	#[test]
	fn an_accused_nobody_else_guarantees_goes_to_the_general_vote_at_once() {
		test(|| {
			guarantee(BOB, &[ALICE]);
			alice_files();
			let until = 1 + GENERAL_VOTE_PERIOD;
			assert_eq!(stage(0, 0), Stage::GeneralVote { until });
			assert_eq!(referred(), vec![(0, 0)]);
			System::assert_last_event(
				ComplaintsEvent::ReferredToGeneralVote {
					case: 0,
					side: 0,
					until,
					motions: vec![7, 7, 7],
				}
				.into(),
			);
			// The general meeting gets a motion for each option: compensate or revoke with the
			// deal's amount, or dismiss.
			let amount = case(0).amount;
			let decide = |verdict| {
				RuntimeCall::Complaints(crate::Call::decide { case: 0, side: 0, verdict })
			};
			assert_eq!(
				referred_options(),
				vec![vec![
					decide(Verdict::Compensate(amount)),
					decide(Verdict::Revoke(amount)),
					decide(Verdict::Dismiss),
				]]
			);
		});
	}

	#[test]
	fn a_counter_complaint_is_the_second_side_of_the_same_case() {
		test(|| {
			alice_files();
			assert_ok!(Complaints::file(signed(BOB), DEAL, None));
			let record = case(0);
			assert_eq!(record.sides.len(), 2);
			assert_eq!(record.sides[1].accused, ALICE);
			assert_eq!(record.sides[1].panel.to_vec(), vec![(A1, ALICE), (A2, ALICE)]);
			assert!(Complaints::is_blocked(&ALICE) && Complaints::is_blocked(&BOB));
			assert_eq!(NextCaseId::<Test>::get(), 1);
			// One side decided: it is applied at once — its accused, Bob, is free and the
			// dismissal counts against Alice — while the case stays open for the other side.
			assert_ok!(Complaints::vote(signed(B1), 0, 0, Verdict::Dismiss));
			assert_ok!(Complaints::vote(signed(B2), 0, 0, Verdict::Dismiss));
			assert_eq!(stage(0, 0), Stage::Done);
			assert!(!Complaints::is_blocked(&BOB) && Complaints::is_blocked(&ALICE));
			assert!(!frozen(BOB) && frozen(ALICE));
			assert_eq!(Records::<Test>::get(ALICE).dismissed, 1);
			assert!(case(0).closed_at.is_none());
			assert_noop!(
				Complaints::vote(signed(B1), 0, 0, Verdict::Dismiss),
				ComplaintsError::SideDone
			);
			assert_ok!(Complaints::vote(signed(A1), 0, 1, Verdict::Compensate(30)));
			assert_ok!(Complaints::vote(signed(A2), 0, 1, Verdict::Compensate(30)));
			System::assert_last_event(ComplaintsEvent::CaseClosed { case: 0 }.into());
			assert_eq!(paid(), vec![(ALICE, BOB, 30)]);
			assert_eq!(Records::<Test>::get(ALICE).dismissed, 1);
			assert_eq!(Records::<Test>::get(ALICE).upheld, 1);
			assert!(nothing_blocked());
		});
	}
}

mod level_zero {
	use super::*;

	#[test]
	fn unanimous_guarantors_compensate_and_the_case_closes() {
		test(|| {
			alice_files();
			assert_ok!(Complaints::vote(signed(B1), 0, 0, Verdict::Compensate(40)));
			System::assert_last_event(
				ComplaintsEvent::Voted {
					case: 0,
					side: 0,
					voter: B1,
					verdict: Verdict::Compensate(40),
				}
				.into(),
			);
			assert_eq!(stage(0, 0), Stage::Panel { level: 0, deadline: 1 + ESCALATION_PERIOD });
			assert_ok!(Complaints::vote(signed(B2), 0, 0, Verdict::Compensate(40)));
			System::assert_has_event(
				ComplaintsEvent::SideDecided {
					case: 0,
					side: 0,
					verdict: Verdict::Compensate(40),
					level: Some(0),
				}
				.into(),
			);
			System::assert_has_event(
				ComplaintsEvent::CompensationPaid {
					case: 0,
					side: 0,
					accused: BOB,
					complainant: ALICE,
					decided: 40,
					paid: 40,
				}
				.into(),
			);
			System::assert_last_event(ComplaintsEvent::CaseClosed { case: 0 }.into());
			assert_eq!(disputed(), vec![DEAL]);
			assert_eq!(paid(), vec![(BOB, ALICE, 40)]);
			let record = case(0);
			assert_eq!(record.closed_at, Some(1));
			assert_eq!(record.sides[0].paid, 40);
			assert_eq!(
				record.sides[0].outcome,
				Some(Outcome::Decided { verdict: Verdict::Compensate(40), level: Some(0) })
			);
			assert_eq!(Records::<Test>::get(BOB).upheld, 1);
			assert_eq!(Records::<Test>::get(B1).proteges_upheld, 1);
			assert_eq!(OpenFiled::<Test>::get(ALICE), 0);
			assert_eq!(CaseOfDeal::<Test>::get(DEAL), None);
			assert!(nothing_blocked());
			// The deal is never complained about by Alice again: it cannot be paid twice.
			assert_noop!(
				Complaints::file(signed(ALICE), DEAL, None),
				ComplaintsError::AlreadyComplained
			);
		});
	}

	#[test]
	fn a_vote_that_decides_nothing_is_charged_as_recorded_and_the_deciding_one_in_full() {
		use crate::weights::WeightInfo;
		test(|| {
			alice_files();
			let recorded = Complaints::vote(signed(B1), 0, 0, Verdict::Compensate(40)).unwrap();
			assert_eq!(recorded.actual_weight, Some(<() as WeightInfo>::vote_recorded()));
			let deciding = Complaints::vote(signed(B2), 0, 0, Verdict::Compensate(40)).unwrap();
			assert_eq!(deciding.actual_weight, None);
			assert_eq!(stage(0, 0), Stage::Done);
		});
	}

	#[test]
	fn votes_may_change_until_the_decision() {
		test(|| {
			alice_files();
			assert_ok!(Complaints::vote(signed(B1), 0, 0, Verdict::Dismiss));
			assert_ok!(Complaints::vote(signed(B2), 0, 0, Verdict::Compensate(40)));
			assert_eq!(stage(0, 0), Stage::Panel { level: 0, deadline: 1 + ESCALATION_PERIOD });
			assert_ok!(Complaints::vote(signed(B1), 0, 0, Verdict::Compensate(40)));
			assert_eq!(stage(0, 0), Stage::Done);
		});
	}

	#[test]
	fn revocation_compensates_then_expels() {
		test(|| {
			alice_files();
			assert_ok!(Complaints::vote(signed(B1), 0, 0, Verdict::Revoke(50)));
			assert_ok!(Complaints::vote(signed(B2), 0, 0, Verdict::Revoke(50)));
			assert_eq!(paid(), vec![(BOB, ALICE, 50)]);
			assert_eq!(expelled(), vec![BOB]);
			System::assert_has_event(
				ComplaintsEvent::AccusedExpelled { case: 0, side: 0, accused: BOB }.into(),
			);
			assert!(nothing_blocked());
		});
	}

	#[test]
	fn a_compensation_pays_at_most_the_spare_escrow_and_records_what_it_paid() {
		test(|| {
			set_compensable(BOB, 30);
			alice_files();
			assert_ok!(Complaints::vote(signed(B1), 0, 0, Verdict::Compensate(40)));
			assert_ok!(Complaints::vote(signed(B2), 0, 0, Verdict::Compensate(40)));
			assert_eq!(paid(), vec![(BOB, ALICE, 30)]);
			assert_eq!(case(0).sides[0].paid, 30);
		});
	}

	#[test]
	fn dismissal_counts_against_the_complainant() {
		test(|| {
			alice_files();
			assert_ok!(Complaints::vote(signed(B1), 0, 0, Verdict::Dismiss));
			assert_ok!(Complaints::vote(signed(B2), 0, 0, Verdict::Dismiss));
			assert!(paid().is_empty());
			assert!(disputed().is_empty());
			assert_eq!(Records::<Test>::get(ALICE).dismissed, 1);
			assert_eq!(Records::<Test>::get(BOB).upheld, 0);
			assert!(nothing_blocked());
		});
	}

	#[test]
	fn voting_errors_change_nothing() {
		test(|| {
			assert_noop!(
				Complaints::vote(signed(B1), 0, 0, Verdict::Dismiss),
				ComplaintsError::UnknownCase
			);
			alice_files();
			assert_noop!(
				Complaints::vote(signed(A1), 0, 0, Verdict::Dismiss),
				ComplaintsError::NotOnPanel
			);
			assert_noop!(
				Complaints::vote(signed(B1), 0, 1, Verdict::Dismiss),
				ComplaintsError::UnknownSide
			);
			assert_noop!(
				Complaints::vote(signed(B1), 0, 0, Verdict::Compensate(0)),
				ComplaintsError::ZeroCompensation
			);
			assert_noop!(
				Complaints::vote(signed(B1), 0, 0, Verdict::Compensate(DEAL_AMOUNT + 1)),
				ComplaintsError::AboveDealAmount
			);
			assert_noop!(
				Complaints::vote(signed(B1), 0, 0, Verdict::Revoke(DEAL_AMOUNT + 1)),
				ComplaintsError::AboveDealAmount
			);
			assert_ok!(Complaints::withdraw(signed(ALICE), 0));
			assert_noop!(
				Complaints::vote(signed(B1), 0, 0, Verdict::Dismiss),
				ComplaintsError::CaseClosed
			);
		});
	}
}

mod escalation {
	use super::*;

	#[test]
	fn disagreement_climbs_on_its_own_to_the_guarantors_guarantors() {
		test(|| {
			alice_files();
			assert_ok!(Complaints::vote(signed(B1), 0, 0, Verdict::Compensate(40)));
			assert_ok!(Complaints::vote(signed(B2), 0, 0, Verdict::Dismiss));
			run_to_block(ESCALATION_PERIOD);
			assert_eq!(stage(0, 0), Stage::Panel { level: 0, deadline: 1 + ESCALATION_PERIOD });
			run_to_block(1 + ESCALATION_PERIOD);
			// B12 guarantees both B1 and B2: first; then B11 and B21 in the draw's order.
			let deadline = 1 + 2 * ESCALATION_PERIOD;
			let tied = drawn(0, 0, 1, 1 + ESCALATION_PERIOD, vec![B11, B21]);
			System::assert_last_event(
				ComplaintsEvent::PanelDrawn {
					case: 0,
					side: 0,
					level: 1,
					panel: vec![B12, tied[0], tied[1]],
					deadline,
				}
				.into(),
			);
			assert_eq!(stage(0, 0), Stage::Panel { level: 1, deadline });
			let sits_for = |g| if g == B11 { (B11, B1) } else { (B21, B2) };
			assert_eq!(
				case(0).sides[0].panel.to_vec(),
				vec![(B12, B1), sits_for(tied[0]), sits_for(tied[1])]
			);
			// Level 0 still may not revoke what it sat for, and now neither may level 1.
			assert!(Complaints::is_under_review(&B1, &BOB));
			assert!(Complaints::is_under_review(&B12, &B1));
			assert_eq!(Records::<Test>::get(B1).strikes, 0, "B1 voted");
			// The old panel is out; the new one decides by majority (two of three).
			assert_noop!(
				Complaints::vote(signed(B1), 0, 0, Verdict::Dismiss),
				ComplaintsError::NotOnPanel
			);
			assert_ok!(Complaints::vote(signed(B12), 0, 0, Verdict::Dismiss));
			assert_ok!(Complaints::vote(signed(B11), 0, 0, Verdict::Compensate(10)));
			assert_eq!(stage(0, 0), Stage::Panel { level: 1, deadline });
			assert_ok!(Complaints::vote(signed(B21), 0, 0, Verdict::Dismiss));
			System::assert_has_event(
				ComplaintsEvent::SideDecided {
					case: 0,
					side: 0,
					verdict: Verdict::Dismiss,
					level: Some(1),
				}
				.into(),
			);
			assert!(nothing_blocked());
			// Its deadline, still queued, finds the case closed and does nothing.
			run_to_block(deadline);
			assert_eq!(panels_drawn().len(), 2);
		});
	}

	#[test]
	fn silence_escalates_and_strikes_the_absent() {
		test(|| {
			alice_files();
			run_to_block(1 + ESCALATION_PERIOD);
			System::assert_has_event(
				ComplaintsEvent::Strike { case: 0, side: 0, member: B1 }.into(),
			);
			System::assert_has_event(
				ComplaintsEvent::Strike { case: 0, side: 0, member: B2 }.into(),
			);
			assert_eq!(Records::<Test>::get(B2).strikes, 1);
			assert!(matches!(stage(0, 0), Stage::Panel { level: 1, .. }));
		});
	}

	#[test]
	fn anyone_may_escalate_a_due_side() {
		test(|| {
			alice_files();
			assert_noop!(Complaints::escalate(signed(EVE), 0, 0), ComplaintsError::NotDue);
			assert_noop!(Complaints::escalate(signed(EVE), 0, 1), ComplaintsError::UnknownSide);
			assert_noop!(Complaints::escalate(signed(EVE), 1, 0), ComplaintsError::UnknownCase);
			// The hook did not run (say the block's queue was full): the fallback does it.
			System::set_block_number(1 + ESCALATION_PERIOD);
			assert_ok!(Complaints::escalate(signed(EVE), 0, 0));
			assert!(matches!(stage(0, 0), Stage::Panel { level: 1, .. }));
			// Only once per deadline.
			assert_noop!(Complaints::escalate(signed(EVE), 0, 0), ComplaintsError::NotDue);
			// The queued deadline of level 0 no longer applies.
			run_to_block(2 + ESCALATION_PERIOD);
			assert!(matches!(stage(0, 0), Stage::Panel { level: 1, .. }));
		});
	}

	#[test]
	fn a_step_files_its_next_deadline_however_full_that_block_is() {
		test(|| {
			alice_files();
			let due = 1 + ESCALATION_PERIOD;
			let next = due + ESCALATION_PERIOD;
			for _ in 0..8 {
				EscalationQueue::<Test>::file(1, next, (99, 0));
			}
			run_to_block(due);
			assert_eq!(stage(0, 0), Stage::Panel { level: 1, deadline: next });
			assert_eq!(DeadlinePages::<Test>::get(next), 2);
		});
	}

	#[test]
	fn a_block_with_nothing_due_is_charged_only_the_idle_hook() {
		use crate::weights::WeightInfo;
		test(|| {
			assert_eq!(Complaints::on_initialize(2), <() as WeightInfo>::on_initialize_idle());
			alice_files();
			let due = 1 + ESCALATION_PERIOD;
			System::set_block_number(due);
			assert_eq!(Complaints::on_initialize(due), <() as WeightInfo>::on_initialize(1, 1));
		});
	}

	#[test]
	fn the_upgrade_to_paged_queues_keeps_every_deadline_filed_before_it() {
		use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
		test(|| {
			alice_files();
			StorageVersion::new(0).put::<Complaints>();
			crate::migrations::v1::MigrateV0ToV1::<Test>::on_runtime_upgrade();
			assert_eq!(Complaints::on_chain_storage_version(), StorageVersion::new(1));
			crate::migrations::v1::MigrateV0ToV1::<Test>::on_runtime_upgrade();
			assert_eq!(Complaints::on_chain_storage_version(), StorageVersion::new(1));
			run_to_block(1 + ESCALATION_PERIOD);
			assert!(matches!(stage(0, 0), Stage::Panel { level: 1, .. }));
		});
	}

	/// BOB guaranteed by a binary tree of guarantors `levels` deep; returns the levels.
	fn tree_behind_bob(levels: u32) -> Vec<Vec<AccountId>> {
		let mut next_id = 1_000;
		let mut tiers: Vec<Vec<AccountId>> = Vec::new();
		let mut below = vec![BOB];
		for _ in 0..levels {
			let mut tier = Vec::new();
			for member in &below {
				let guarantors = [next_id, next_id + 1];
				next_id += 2;
				guarantee(*member, &guarantors);
				tier.extend(guarantors);
			}
			tiers.push(tier.clone());
			below = tier;
		}
		tiers
	}

	#[test]
	fn a_case_nobody_decides_climbs_level_by_level_to_the_general_vote() {
		test(|| {
			let tiers = tree_behind_bob(6);
			alice_files();
			for level in 0..6u32 {
				let deadline = 1 + u64::from(level + 1) * ESCALATION_PERIOD;
				assert_eq!(stage(0, 0), Stage::Panel { level, deadline });
				let panel = &case(0).sides[0].panel;
				assert!(panel.len() as u32 <= MAX_PANEL);
				assert!(panel.iter().all(|(g, _)| tiers[level as usize].contains(g)));
				run_to_block(deadline);
			}
			// Above the sixth tier the graph ends.
			assert!(matches!(stage(0, 0), Stage::GeneralVote { .. }));
			assert_eq!(referred(), vec![(0, 0)]);
			assert_eq!(
				panels_drawn().iter().map(|(l, _)| *l).collect::<Vec<_>>(),
				[0, 1, 2, 3, 4, 5]
			);
			assert_noop!(
				Complaints::vote(signed(tiers[5][0]), 0, 0, Verdict::Dismiss),
				ComplaintsError::AtGeneralVote
			);
			// Before the general vote's deadline there is nothing to step.
			assert_noop!(Complaints::escalate(signed(EVE), 0, 0), ComplaintsError::NotDue);
			// The general vote decides.
			assert_noop!(
				Complaints::decide(signed(ALICE), 0, 0, Verdict::Revoke(DEAL_AMOUNT)),
				DispatchError::BadOrigin
			);
			assert_ok!(Complaints::decide(
				RuntimeOrigin::root(),
				0,
				0,
				Verdict::Revoke(DEAL_AMOUNT)
			));
			System::assert_has_event(
				ComplaintsEvent::SideDecided {
					case: 0,
					side: 0,
					verdict: Verdict::Revoke(DEAL_AMOUNT),
					level: None,
				}
				.into(),
			);
			assert_eq!(paid(), vec![(BOB, ALICE, DEAL_AMOUNT)]);
			assert_eq!(expelled(), vec![BOB]);
			assert!(nothing_blocked());
		});
	}

	#[test]
	fn a_case_climbs_at_most_max_escalation_depth_levels() {
		test(|| {
			tree_behind_bob(MAX_DEPTH + 3);
			alice_files();
			run_to_block(1 + u64::from(MAX_DEPTH + 1) * ESCALATION_PERIOD);
			assert!(matches!(stage(0, 0), Stage::GeneralVote { .. }));
			assert_eq!(panels_drawn().last().map(|(l, _)| *l), Some(MAX_DEPTH));
		});
	}

	#[test]
	fn the_general_vote_decides_only_what_reached_it() {
		test(|| {
			alice_files();
			assert_noop!(
				Complaints::decide(RuntimeOrigin::root(), 0, 0, Verdict::Dismiss),
				ComplaintsError::NotAtGeneralVote
			);
			assert_noop!(
				Complaints::decide(RuntimeOrigin::root(), 0, 3, Verdict::Dismiss),
				ComplaintsError::UnknownSide
			);
			assert_noop!(
				Complaints::decide(RuntimeOrigin::root(), 4, 0, Verdict::Dismiss),
				ComplaintsError::UnknownCase
			);
		});
	}
}

mod withdrawal {
	use super::*;

	#[test]
	fn the_complainant_withdraws_and_every_block_lifts() {
		test(|| {
			alice_files();
			assert_noop!(Complaints::withdraw(signed(BOB), 0), ComplaintsError::NotParty);
			assert_noop!(Complaints::withdraw(signed(ALICE), 3), ComplaintsError::UnknownCase);
			assert_ok!(Complaints::withdraw(signed(ALICE), 0));
			System::assert_has_event(
				ComplaintsEvent::ComplaintWithdrawn { case: 0, side: 0 }.into(),
			);
			System::assert_last_event(ComplaintsEvent::CaseClosed { case: 0 }.into());
			assert_eq!(case(0).sides[0].outcome, Some(Outcome::Withdrawn));
			assert!(paid().is_empty());
			assert_eq!(Records::<Test>::get(ALICE).dismissed, 0);
			assert!(nothing_blocked());
			assert_noop!(Complaints::withdraw(signed(ALICE), 0), ComplaintsError::CaseClosed);
		});
	}

	#[test]
	fn a_withdrawn_side_cannot_be_withdrawn_twice_while_the_other_is_open() {
		test(|| {
			alice_files();
			assert_ok!(Complaints::file(signed(BOB), DEAL, None));
			assert_ok!(Complaints::withdraw(signed(ALICE), 0));
			assert_noop!(Complaints::withdraw(signed(ALICE), 0), ComplaintsError::SideDone);
			// The withdrawn side's accused is free at once; the other side still blocks Alice.
			assert!(Complaints::is_blocked(&ALICE) && !Complaints::is_blocked(&BOB));
			assert_ok!(Complaints::withdraw(signed(BOB), 0));
			assert!(nothing_blocked());
		});
	}
}

mod views {
	use super::*;

	#[test]
	fn a_case_reads_with_its_panel_votes_and_blocks() {
		test(|| {
			alice_files();
			assert_ok!(Complaints::vote(signed(B1), 0, 0, Verdict::Compensate(5)));
			let view = Complaints::case_view(0).expect("a case");
			assert_eq!(
				(view.id, view.deal, view.amount, view.closed_at),
				(0, DEAL, DEAL_AMOUNT, None)
			);
			let seats = &view.sides[0].panel;
			assert_eq!(
				seats[0],
				SeatView { member: B1, sits_for: BOB, vote: Some(Verdict::Compensate(5)) }
			);
			assert_eq!(seats[1].vote, None);
			assert_eq!(Complaints::cases_of(&BOB).len(), 1);
			assert_eq!(Complaints::case_view(1), None);
			let mut blocked: Vec<_> =
				Complaints::blocks(None).into_iter().map(|b| (b.account, b.reason)).collect();
			blocked.sort_by_key(|(account, _)| *account);
			assert_eq!(
				blocked,
				vec![
					(BOB, BlockReason::Accused),
					(B1, BlockReason::Panel),
					(B2, BlockReason::Panel)
				]
			);
			assert_eq!(Complaints::blocks(Some(ALICE)), vec![]);
			assert_eq!(Complaints::record_of(&ALICE).record.filed, 1);
			let json = serde_json::to_value(&view).expect("json");
			assert_eq!(json["amount"], serde_json::json!(DEAL_AMOUNT.to_string()));
			assert_eq!(json["sides"][0]["stage"]["panel"]["level"], serde_json::json!(0));
		});
	}

	#[test]
	fn an_accounts_cases_are_listed_newest_first_and_bounded() {
		test(|| {
			for deal in 20..26 {
				add_deal(deal, ALICE, BOB, 10);
				assert_ok!(Complaints::file(signed(ALICE), deal, None));
				assert_ok!(Complaints::withdraw(signed(ALICE), (deal - 20) as CaseId));
			}
			let listed: Vec<_> = Complaints::cases_of(&ALICE).into_iter().map(|c| c.id).collect();
			assert_eq!(listed, vec![5, 4, 3, 2]);
		});
	}

	#[test]
	fn types_read_as_json_with_balances_as_strings() {
		let json = serde_json::to_value(Verdict::<u64>::Compensate(40)).expect("json");
		assert_eq!(json, serde_json::json!({ "compensate": "40" }));
		let json = serde_json::to_value(Stage::Panel { level: 1, deadline: 9u64 }).expect("json");
		assert_eq!(json, serde_json::json!({ "panel": { "level": 1, "deadline": 9 } }));
	}
}

mod parameters {
	use super::*;

	#[test]
	fn the_top_origin_sets_the_escalation_period_for_levels_drawn_after() {
		test(|| {
			alice_files();
			assert_noop!(
				Complaints::set_escalation_period(signed(ALICE), 10),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Complaints::set_escalation_period(RuntimeOrigin::root(), 0),
				ComplaintsError::ZeroPeriod
			);
			assert_noop!(
				Complaints::set_escalation_period(RuntimeOrigin::root(), 101),
				ComplaintsError::PeriodTooLong
			);
			assert_ok!(Complaints::set_escalation_period(RuntimeOrigin::root(), 10));
			System::assert_last_event(ComplaintsEvent::EscalationPeriodSet { period: 10 }.into());
			assert_eq!(stage(0, 0), Stage::Panel { level: 0, deadline: 1 + ESCALATION_PERIOD });
			run_to_block(1 + ESCALATION_PERIOD);
			assert_eq!(stage(0, 0), Stage::Panel { level: 1, deadline: 11 + ESCALATION_PERIOD });
		});
	}
}

/// The attacks of the adversarial review on this pallet, each as the sequence that worked.
mod attacks {
	use super::*;

	#[test]
	fn a_deal_is_complained_about_once_per_party_whatever_became_of_the_complaint() {
		test(|| {
			// Filed and withdrawn: the withdrawal counts as the complaint.
			alice_files();
			assert_ok!(Complaints::withdraw(signed(ALICE), 0));
			assert_noop!(
				Complaints::file(signed(ALICE), DEAL, None),
				ComplaintsError::AlreadyComplained
			);
			assert_eq!(Complained::<Test>::get(DEAL, ALICE), Some(0));
			// Dismissed: never filed again either.
			assert_ok!(Complaints::file(signed(BOB), DONE_DEAL, None));
			for guarantor in [A1, A2] {
				assert_ok!(Complaints::vote(signed(guarantor), 1, 0, Verdict::Dismiss));
			}
			assert_noop!(
				Complaints::file(signed(BOB), DONE_DEAL, None),
				ComplaintsError::AlreadyComplained
			);
			// The other party still has their one complaint about each deal.
			assert_ok!(Complaints::file(signed(BOB), DEAL, None));
			assert_eq!(case(2).sides.len(), 1);
			assert_eq!(Records::<Test>::get(BOB).received, 1);
		});
	}

	#[test]
	fn a_compensation_that_cannot_be_paid_keeps_the_side_open_and_is_tried_again() {
		test(|| {
			alice_files();
			payments_fail(true);
			for guarantor in [B1, B2] {
				assert_ok!(Complaints::vote(signed(guarantor), 0, 0, Verdict::Compensate(40)));
			}
			// Not recorded as paid 0 and closed: the side waits, Bob stays blocked and frozen.
			let retry_at = 1 + ESCALATION_PERIOD;
			assert_eq!(stage(0, 0), Stage::Paying { retry_at });
			assert!(case(0).closed_at.is_none() && paid().is_empty());
			assert!(Complaints::is_blocked(&BOB) && frozen(BOB));
			assert_noop!(
				Complaints::vote(signed(B1), 0, 0, Verdict::Dismiss),
				ComplaintsError::SideDone
			);
			assert_noop!(Complaints::withdraw(signed(ALICE), 0), ComplaintsError::SideDone);
			// Anyone may try again; it still fails, and waits another period.
			assert_ok!(Complaints::escalate(signed(EVE), 0, 0));
			assert!(matches!(stage(0, 0), Stage::Paying { .. }));
			// Once it can be paid, the hook pays it at the retry and the case closes.
			payments_fail(false);
			run_to_block(retry_at);
			assert_eq!(paid(), vec![(BOB, ALICE, 40)]);
			assert_eq!(case(0).sides[0].paid, 40);
			System::assert_has_event(ComplaintsEvent::CaseClosed { case: 0 }.into());
			assert!(nothing_blocked());
		});
	}

	#[test]
	fn each_side_is_applied_when_it_is_decided() {
		test(|| {
			alice_files();
			assert_ok!(Complaints::file(signed(BOB), DEAL, None));
			// Bob's guarantors decide for Alice; Alice's own panel has not voted.
			for guarantor in [B1, B2] {
				assert_ok!(Complaints::vote(signed(guarantor), 0, 0, Verdict::Compensate(40)));
			}
			assert_eq!(paid(), vec![(BOB, ALICE, 40)]);
			assert_eq!(disputed(), vec![DEAL]);
			assert_eq!(Records::<Test>::get(BOB).upheld, 1);
			assert!(!Complaints::is_blocked(&BOB) && Complaints::is_blocked(&ALICE));
			assert!(case(0).closed_at.is_none());
		});
	}

	#[test]
	fn the_membership_is_told_when_a_member_is_first_accused_and_last_cleared() {
		test(|| {
			alice_files();
			assert_ok!(Complaints::file(signed(ALICE), DONE_DEAL, None));
			assert_eq!(clocks(), vec![(BOB, true)]);
			assert_ok!(Complaints::withdraw(signed(ALICE), 0));
			assert_eq!(clocks(), vec![(BOB, true)]);
			assert_ok!(Complaints::withdraw(signed(ALICE), 1));
			assert_eq!(clocks(), vec![(BOB, true), (BOB, false)]);
		});
	}

	#[test]
	fn a_side_records_the_escrow_that_could_pay_it_when_filed() {
		test(|| {
			set_compensable(BOB, 30);
			alice_files();
			assert_eq!(case(0).sides[0].insured, 30);
			for guarantor in [B1, B2] {
				assert_ok!(Complaints::vote(signed(guarantor), 0, 0, Verdict::Compensate(40)));
			}
			assert_eq!(case(0).sides[0].paid, 30);
		});
	}
}

mod packing {
	use super::*;

	#[test]
	fn a_guarantee_younger_than_the_deal_sits_on_no_panel() {
		test(|| {
			// The deal opened in block 1; B2's guarantee of BOB began in block 2.
			guarantee_since(B2, BOB, 2);
			alice_files();
			assert_eq!(case(0).sides[0].panel.to_vec(), vec![(B1, BOB)]);
			// Above, B2's own guarantors do not come in through B2 either: B12 sits for B1.
			guarantee_since(B11, B1, 1);
			run_to_block(1 + ESCALATION_PERIOD);
			assert_eq!(case(0).sides[0].panel.to_vec(), vec![(B12, B1)]);
		});
	}

	#[test]
	fn one_account_holds_one_seat_in_a_case() {
		test(|| {
			// B1 guarantees ALICE too: seated for BOB on the complaint, not again for ALICE on
			// the counter-complaint.
			guarantee(ALICE, &[A1, B1]);
			alice_files();
			assert_ok!(Complaints::file(signed(BOB), DEAL, None));
			assert_eq!(case(0).sides[0].panel.to_vec(), vec![(B1, BOB), (B2, BOB)]);
			assert_eq!(case(0).sides[1].panel.to_vec(), vec![(A1, ALICE)]);
			// Nor at the next level: B1's and B2's guarantors, less anyone seated.
			guarantee(B11, &[A1]);
			run_to_block(1 + ESCALATION_PERIOD);
			let level_one: Vec<_> = case(0).sides[0].panel.iter().map(|(g, _)| *g).collect();
			assert!(!level_one.contains(&A1), "A1 sits on the counter-complaint");
			assert!(level_one.contains(&B12));
		});
	}

	#[test]
	fn level_zero_decides_by_a_majority_once_two_thirds_voted_and_records_the_refusal() {
		test(|| {
			guarantee(BOB, &[B1, B2, B11]);
			alice_files();
			assert_ok!(Complaints::vote(signed(B11), 0, 0, Verdict::Dismiss));
			assert_ok!(Complaints::vote(signed(B1), 0, 0, Verdict::Compensate(40)));
			assert!(matches!(stage(0, 0), Stage::Panel { level: 0, .. }), "one of three each");
			// One sock refusing no longer forces the climb: two of three decide.
			assert_ok!(Complaints::vote(signed(B2), 0, 0, Verdict::Compensate(40)));
			System::assert_has_event(
				ComplaintsEvent::SideDecided {
					case: 0,
					side: 0,
					verdict: Verdict::Compensate(40),
					level: Some(0),
				}
				.into(),
			);
			System::assert_has_event(
				ComplaintsEvent::Dissent { case: 0, side: 0, member: B11 }.into(),
			);
			assert_eq!(Records::<Test>::get(B11).dissents, 1);
			assert_eq!(Records::<Test>::get(B1).dissents, 0);
			assert_eq!(paid(), vec![(BOB, ALICE, 40)]);
		});
	}

	#[test]
	fn two_guarantors_who_disagree_still_climb_as_the_seed_says() {
		test(|| {
			alice_files();
			assert_ok!(Complaints::vote(signed(B1), 0, 0, Verdict::Compensate(40)));
			// One of two is half, not a majority: no decision at level 0.
			assert!(matches!(stage(0, 0), Stage::Panel { level: 0, .. }));
			assert_ok!(Complaints::vote(signed(B2), 0, 0, Verdict::Dismiss));
			assert!(matches!(stage(0, 0), Stage::Panel { level: 0, .. }));
			run_to_block(1 + ESCALATION_PERIOD);
			assert!(matches!(stage(0, 0), Stage::Panel { level: 1, .. }));
		});
	}

	#[test]
	fn ties_are_broken_by_the_draw_not_by_account_ids() {
		for seed in [1, 2, 3, 4, 5] {
			test(|| {
				set_seed(seed);
				alice_files();
				run_to_block(1 + ESCALATION_PERIOD);
				let panel: Vec<_> = case(0).sides[0].panel.iter().map(|(g, _)| *g).collect();
				assert_eq!(panel[0], B12, "the most connected first");
				assert_eq!(
					panel[1..].to_vec(),
					drawn(0, 0, 1, 1 + ESCALATION_PERIOD, vec![B11, B21])
				);
			});
		}
	}

	#[test]
	fn a_late_escalation_draws_what_the_deadline_fixed() {
		// Whichever block the escalation is called in, the draw is the one the hash of the
		// block before the deadline fixed: nobody steers it by choosing when to call.
		let mut panels = Vec::new();
		for late in [0, 1, 7] {
			test(|| {
				set_seed(3);
				alice_files();
				let due = 1 + ESCALATION_PERIOD;
				frame_system::BlockHash::<Test>::insert(due - 1, H256::repeat_byte(9));
				// The hook has not reached it (a burst before it): someone calls it later.
				System::set_block_number(due + late);
				if late > 0 {
					// The parent hash of the block it is called in: not the seed.
					frame_system::BlockHash::<Test>::insert(due + late - 1, H256::repeat_byte(1));
				}
				assert_ok!(Complaints::escalate(signed(EVE), 0, 0));
				let panel: Vec<_> = case(0).sides[0].panel.iter().map(|(g, _)| *g).collect();
				assert_eq!(panel[1..].to_vec(), drawn(0, 0, 1, due, vec![B11, B21]));
				panels.push(panel);
			});
		}
		assert!(panels.windows(2).all(|w| w[0] == w[1]));
	}
}

mod history {
	use super::*;

	#[test]
	fn a_closed_case_shows_who_voted_what_at_each_level() {
		test(|| {
			alice_files();
			assert_ok!(Complaints::vote(signed(B1), 0, 0, Verdict::Compensate(40)));
			assert_ok!(Complaints::vote(signed(B2), 0, 0, Verdict::Dismiss));
			run_to_block(1 + ESCALATION_PERIOD);
			let level_one: Vec<_> = case(0).sides[0].panel.iter().map(|(g, _)| *g).collect();
			for member in &level_one {
				assert_ok!(Complaints::vote(signed(*member), 0, 0, Verdict::Dismiss));
				if case(0).closed_at.is_some() {
					break;
				}
			}
			let view = Complaints::case_view(0).expect("the case");
			assert!(view.closed_at.is_some());
			let levels = &view.sides[0].levels;
			assert_eq!(levels.len(), 2);
			assert_eq!(levels[0].level, 0);
			let votes: Vec<_> = levels[0].panel.iter().map(|s| (s.member, s.vote)).collect();
			assert_eq!(
				votes,
				vec![(B1, Some(Verdict::Compensate(40))), (B2, Some(Verdict::Dismiss))]
			);
			assert_eq!(levels[1].panel.len(), level_one.len());
			assert!(levels[1].panel.iter().any(|s| s.vote == Some(Verdict::Dismiss)));
			// The deciding panel's votes show on the side itself too.
			assert!(view.sides[0].panel.iter().any(|s| s.vote.is_some()));
		});
	}
}

mod chain_answers {
	use super::*;

	/// Level 1 (B12 and B11 for B1, B21 for B2, the draw's order aside) as drawn for case 0.
	fn level_one() -> Vec<(AccountId, AccountId)> {
		case(0).sides[0].panel.to_vec()
	}

	fn forfeit_event(guarantor: AccountId, protege: AccountId, level: u32) -> RuntimeEvent {
		ComplaintsEvent::GuaranteeForfeited { case: 0, side: 0, level, guarantor, protege }.into()
	}

	fn forfeit_events() -> usize {
		System::events()
			.iter()
			.filter(|r| {
				matches!(
					r.event,
					RuntimeEvent::Complaints(ComplaintsEvent::GuaranteeForfeited { .. })
				)
			})
			.count()
	}

	#[test]
	fn an_upholding_level_one_ends_the_level_zero_refusers_guarantees_who_pay_first() {
		test(|| {
			alice_files();
			// B1 votes to dismiss, B2 does not vote: no decision, the side climbs.
			assert_ok!(Complaints::vote(signed(B1), 0, 0, Verdict::Dismiss));
			run_to_block(1 + ESCALATION_PERIOD);
			assert_eq!(level_one().len(), 3);
			for (member, _) in level_one().into_iter().filter(|(g, _)| *g != B12) {
				assert_ok!(Complaints::vote(signed(member), 0, 0, Verdict::Compensate(60)));
			}
			// Both refused: their escrow behind Bob pays first, in the panel's order, and their
			// guarantees of Bob end.
			assert_eq!(paid(), vec![(BOB, ALICE, 60)]);
			assert_eq!(paid_first(), vec![vec![B1, B2]]);
			assert_eq!(forfeited(), vec![(B1, BOB), (B2, BOB)]);
			System::assert_has_event(forfeit_event(B1, BOB, 0));
			System::assert_has_event(forfeit_event(B2, BOB, 0));
			assert!(Members::guarantors_of(&BOB).is_empty());
			// The level-1 member who did not vote keeps what he sat for: only the level right
			// below the deciding panel answers.
			assert_eq!(Members::guarantors_of(&B1), vec![B11, B12]);
			assert!(nothing_blocked());
		});
	}

	#[test]
	fn whoever_voted_to_uphold_below_answered_whatever_the_amount() {
		test(|| {
			alice_files();
			assert_ok!(Complaints::vote(signed(B1), 0, 0, Verdict::Compensate(40)));
			assert_ok!(Complaints::vote(signed(B2), 0, 0, Verdict::Dismiss));
			run_to_block(1 + ESCALATION_PERIOD);
			for (member, _) in level_one().into_iter().take(2) {
				assert_ok!(Complaints::vote(signed(member), 0, 0, Verdict::Revoke(100)));
			}
			System::assert_has_event(
				ComplaintsEvent::SideDecided {
					case: 0,
					side: 0,
					verdict: Verdict::Revoke(100),
					level: Some(1),
				}
				.into(),
			);
			assert_eq!(paid_first(), vec![vec![B2]]);
			assert_eq!(forfeited(), vec![(B2, BOB)]);
			assert_eq!(forfeit_events(), 1);
			assert_eq!(expelled(), vec![BOB]);
		});
	}

	#[test]
	fn a_dismissal_above_level_zero_ends_no_guarantee() {
		test(|| {
			alice_files();
			run_to_block(1 + ESCALATION_PERIOD);
			for (member, _) in level_one().into_iter().take(2) {
				assert_ok!(Complaints::vote(signed(member), 0, 0, Verdict::Dismiss));
			}
			assert!(case(0).closed_at.is_some());
			assert!(forfeited().is_empty() && paid().is_empty());
			assert_eq!(Members::guarantors_of(&BOB), vec![B1, B2]);
		});
	}

	#[test]
	fn a_level_zero_decision_ends_no_guarantee() {
		test(|| {
			alice_files();
			for guarantor in [B1, B2] {
				assert_ok!(Complaints::vote(signed(guarantor), 0, 0, Verdict::Revoke(40)));
			}
			assert_eq!(paid_first(), vec![Vec::<AccountId>::new()]);
			assert!(forfeited().is_empty());
		});
	}

	#[test]
	fn the_general_votes_decision_ends_no_guarantee() {
		test(|| {
			alice_files();
			// Nobody answers at level 0 or 1; level 1's members are founders: the general vote.
			run_to_block(1 + 2 * ESCALATION_PERIOD);
			assert!(matches!(stage(0, 0), Stage::GeneralVote { .. }));
			assert_ok!(Complaints::decide(RuntimeOrigin::root(), 0, 0, Verdict::Compensate(60)));
			assert_eq!(paid_first(), vec![Vec::<AccountId>::new()]);
			assert!(forfeited().is_empty());
			assert_eq!(Members::guarantors_of(&BOB), vec![B1, B2]);
		});
	}

	/// The worked example of the crate documentation, one level higher: a three-level case.
	#[test]
	fn three_levels_the_level_two_panel_ends_the_level_one_refusers_guarantees() {
		test(|| {
			const C1: AccountId = 30;
			const C2: AccountId = 31;
			const C3: AccountId = 32;
			guarantee(B11, &[C1]);
			guarantee(B12, &[C2]);
			guarantee(B21, &[C3]);
			alice_files();
			// Level 0 is silent; level 1 splits: B11 upholds, B12 dismisses, B21 is silent.
			run_to_block(1 + ESCALATION_PERIOD);
			assert_ok!(Complaints::vote(signed(B11), 0, 0, Verdict::Compensate(60)));
			assert_ok!(Complaints::vote(signed(B12), 0, 0, Verdict::Dismiss));
			run_to_block(1 + 2 * ESCALATION_PERIOD);
			assert!(matches!(stage(0, 0), Stage::Panel { level: 2, .. }));
			let mut level_two: Vec<_> = case(0).sides[0].panel.to_vec();
			level_two.sort();
			assert_eq!(level_two, vec![(C1, B11), (C2, B12), (C3, B21)]);
			for member in [C1, C3] {
				assert_ok!(Complaints::vote(signed(member), 0, 0, Verdict::Compensate(60)));
			}
			// The level-1 refusers forfeit the guarantee they sat for; B11 answered and keeps
			// his. Level 0 is two levels below: B1 and B2 keep their guarantees of Bob, and
			// nobody pays first.
			assert_eq!(forfeited(), vec![(B12, B1), (B21, B2)]);
			System::assert_has_event(forfeit_event(B12, B1, 1));
			System::assert_has_event(forfeit_event(B21, B2, 1));
			assert_eq!(forfeit_events(), 2);
			assert_eq!(Members::guarantors_of(&B1), vec![B11]);
			assert_eq!(Members::guarantors_of(&B2), vec![B12]);
			assert_eq!(paid_first(), vec![Vec::<AccountId>::new()]);
			assert_eq!(Members::guarantors_of(&BOB), vec![B1, B2]);
			assert!(nothing_blocked());
		});
	}

	#[test]
	fn the_refusers_forfeit_once_the_compensation_is_paid() {
		test(|| {
			alice_files();
			run_to_block(1 + ESCALATION_PERIOD);
			payments_fail(true);
			for (member, _) in level_one().into_iter().take(2) {
				assert_ok!(Complaints::vote(signed(member), 0, 0, Verdict::Compensate(60)));
			}
			assert!(matches!(stage(0, 0), Stage::Paying { .. }));
			assert!(forfeited().is_empty(), "nothing ends before the payment");
			payments_fail(false);
			assert_ok!(Complaints::escalate(signed(EVE), 0, 0));
			assert_eq!(paid_first(), vec![vec![B1, B2]]);
			assert_eq!(forfeited(), vec![(B1, BOB), (B2, BOB)]);
			assert_eq!(forfeit_events(), 2);
		});
	}

	#[test]
	fn a_guarantee_that_ended_since_has_nothing_to_forfeit() {
		test(|| {
			alice_files();
			run_to_block(1 + ESCALATION_PERIOD);
			// B2's guarantee of Bob ended meanwhile (say B2 left the cooperative).
			guarantee(BOB, &[B1]);
			for (member, _) in level_one().into_iter().take(2) {
				assert_ok!(Complaints::vote(signed(member), 0, 0, Verdict::Compensate(60)));
			}
			assert_eq!(forfeited(), vec![(B1, BOB)]);
			assert_eq!(forfeit_events(), 1);
		});
	}
}

mod bans {
	use super::*;

	/// ALICE complains about deal `id` with BOB, and BOB's guarantors uphold it.
	fn upheld(id: DealId) {
		add_deal(id, ALICE, BOB, DEAL_AMOUNT);
		let case = NextCaseId::<Test>::get();
		assert_ok!(Complaints::file(signed(ALICE), id, None));
		for guarantor in [B1, B2] {
			assert_ok!(Complaints::vote(signed(guarantor), case, 0, Verdict::Compensate(1)));
		}
	}

	#[test]
	fn three_upheld_complaints_against_a_guarantors_proteges_ban_them() {
		test(|| {
			upheld(100);
			upheld(101);
			assert!(!Complaints::is_banned(&B1));
			upheld(102);
			assert!(Complaints::is_banned(&B1) && Complaints::is_banned(&B2));
			System::assert_has_event(
				ComplaintsEvent::Banned {
					member: B1,
					until: 1 + RECORD_WINDOW,
					reason: BanReason::ProtegesUpheld,
				}
				.into(),
			);
			assert!(<Complaints as BlockedInspect<_>>::is_banned(&B1));
			// Shown with the record; over when the window has passed.
			assert_eq!(Bans::<Test>::get(B1).map(|b| b.until), Some(1 + RECORD_WINDOW));
			run_to_block(1 + RECORD_WINDOW);
			assert!(!Complaints::is_banned(&B1));
		});
	}

	#[test]
	fn counts_outside_the_window_do_not_add_up() {
		test(|| {
			upheld(100);
			upheld(101);
			run_to_block(1 + RECORD_WINDOW);
			upheld(102);
			assert!(!Complaints::is_banned(&B1), "a new window began");
			assert_eq!(WindowCounts::<Test>::get(B1).upheld, 1);
		});
	}

	#[test]
	fn strikes_ban_too() {
		test(|| {
			alice_files();
			run_to_block(1 + ESCALATION_PERIOD);
			assert!(!Complaints::is_banned(&B1));
			add_deal(100, ALICE, BOB, DEAL_AMOUNT);
			assert_ok!(Complaints::file(signed(ALICE), 100, None));
			run_to_block(1 + 2 * ESCALATION_PERIOD);
			assert!(Complaints::is_banned(&B1), "two strikes");
			assert_eq!(Bans::<Test>::get(B1).map(|b| b.reason), Some(BanReason::Strikes));
		});
	}

	#[test]
	fn the_general_meeting_lifts_a_ban() {
		test(|| {
			upheld(100);
			upheld(101);
			upheld(102);
			assert_noop!(Complaints::lift_ban(signed(ALICE), B1), DispatchError::BadOrigin);
			assert_noop!(
				Complaints::lift_ban(RuntimeOrigin::root(), A1),
				ComplaintsError::NotBanned
			);
			assert_ok!(Complaints::lift_ban(RuntimeOrigin::root(), B1));
			System::assert_last_event(ComplaintsEvent::BanLifted { member: B1 }.into());
			assert!(!Complaints::is_banned(&B1));
			assert_eq!(WindowCounts::<Test>::get(B1).upheld, 0);
		});
	}
}

mod general_vote {
	use super::*;

	#[test]
	fn a_side_the_general_vote_does_not_decide_by_its_deadline_is_dismissed() {
		test(|| {
			guarantee(BOB, &[ALICE]);
			alice_files();
			let until = 1 + GENERAL_VOTE_PERIOD;
			assert!(Complaints::is_blocked(&BOB));
			assert_noop!(Complaints::escalate(signed(EVE), 0, 0), ComplaintsError::NotDue);
			run_to_block(until - 1);
			assert!(Complaints::is_blocked(&BOB), "blocked until the deadline");
			run_to_block(until);
			System::assert_has_event(
				ComplaintsEvent::GeneralVoteLapsed { case: 0, side: 0 }.into(),
			);
			System::assert_has_event(
				ComplaintsEvent::SideDecided {
					case: 0,
					side: 0,
					verdict: Verdict::Dismiss,
					level: None,
				}
				.into(),
			);
			assert!(!Complaints::is_blocked(&BOB));
			assert!(case(0).closed_at.is_some());
			assert_eq!(Records::<Test>::get(ALICE).dismissed, 1);
			assert!(!frozen(BOB));
		});
	}

	#[test]
	fn a_decision_before_the_deadline_stands_and_the_deadline_then_does_nothing() {
		test(|| {
			guarantee(BOB, &[ALICE]);
			alice_files();
			assert_ok!(Complaints::decide(RuntimeOrigin::root(), 0, 0, Verdict::Compensate(5)));
			assert_eq!(paid(), vec![(BOB, ALICE, 5)]);
			run_to_block(1 + GENERAL_VOTE_PERIOD);
			assert!(!System::events()
				.iter()
				.any(|r| r.event == ComplaintsEvent::GeneralVoteLapsed { case: 0, side: 0 }.into()));
		});
	}
}

/// Rule 6 of the regulation: complaints cost the baseless.
mod bonds {
	use super::*;
	use frame_support::traits::fungible::{InspectHold, Mutate, MutateHold};

	fn held(who: AccountId) -> Balance {
		Balances::balance_on_hold(&HoldReason::ComplaintBond.into(), &who)
	}

	fn free(who: AccountId) -> Balance {
		Balances::free_balance(who)
	}

	/// BOB's guarantors dismiss side `side` of case `case`.
	fn dismissed_by_bobs_guarantors(case: CaseId, side: u8) {
		for guarantor in [B1, B2] {
			assert_ok!(Complaints::vote(signed(guarantor), case, side, Verdict::Dismiss));
		}
	}

	/// ALICE complains about a new deal `id` with BOB, and BOB's guarantors dismiss it.
	fn alice_dismissed(id: DealId) {
		add_deal(id, ALICE, BOB, DEAL_AMOUNT);
		let case = NextCaseId::<Test>::get();
		assert_ok!(Complaints::file(signed(ALICE), id, None));
		dismissed_by_bobs_guarantors(case, 0);
	}

	#[test]
	fn filing_holds_the_bond_of_the_complainants_class() {
		test(|| {
			alice_files();
			System::assert_has_event(
				ComplaintsEvent::BondHeld { case: 0, side: 0, complainant: ALICE, amount: BOND }
					.into(),
			);
			assert_eq!(held(ALICE), BOND);
			assert_eq!(free(ALICE), ENDOWMENT - BOND);
			assert_eq!(case(0).sides[0].bond, BOND);
			assert_eq!(Complaints::case_view(0).map(|c| c.sides[0].bond), Some(BOND));
			// Another class, another bond.
			set_class(BOB, 1);
			assert_ok!(Complaints::file(signed(BOB), DONE_DEAL, None));
			assert_eq!(held(BOB), 2 * BOND);
		});
	}

	#[test]
	fn a_class_without_a_bond_files_for_nothing() {
		test(|| {
			set_class(ALICE, 2);
			alice_files();
			assert_eq!(held(ALICE), 0);
			assert_eq!(free(ALICE), ENDOWMENT);
			assert_eq!(case(0).sides[0].bond, 0);
			assert!(!System::events().iter().any(|r| matches!(
				r.event,
				RuntimeEvent::Complaints(ComplaintsEvent::BondHeld { .. })
			)));
			dismissed_by_bobs_guarantors(0, 0);
			assert_eq!(free(ALICE), ENDOWMENT);
			assert_eq!(free(BOB), ENDOWMENT);
			assert!(!System::events().iter().any(|r| matches!(
				r.event,
				RuntimeEvent::Complaints(
					ComplaintsEvent::BondForfeited { .. } | ComplaintsEvent::BondReturned { .. }
				)
			)));
		});
	}

	#[test]
	fn an_upheld_complaint_returns_the_bond() {
		test(|| {
			alice_files();
			for guarantor in [B1, B2] {
				assert_ok!(Complaints::vote(signed(guarantor), 0, 0, Verdict::Compensate(40)));
			}
			System::assert_has_event(
				ComplaintsEvent::BondReturned {
					case: 0,
					side: 0,
					complainant: ALICE,
					amount: BOND,
				}
				.into(),
			);
			assert_eq!(held(ALICE), 0);
			assert_eq!(free(ALICE), ENDOWMENT);
			assert_eq!(free(BOB), ENDOWMENT);
		});
	}

	#[test]
	fn a_revocation_returns_the_bond_too() {
		test(|| {
			alice_files();
			for guarantor in [B1, B2] {
				assert_ok!(Complaints::vote(signed(guarantor), 0, 0, Verdict::Revoke(0)));
			}
			assert_eq!(expelled(), vec![BOB]);
			assert_eq!((held(ALICE), free(ALICE)), (0, ENDOWMENT));
		});
	}

	#[test]
	fn a_dismissed_complaint_pays_the_bond_to_the_accused() {
		test(|| {
			alice_files();
			dismissed_by_bobs_guarantors(0, 0);
			System::assert_has_event(
				ComplaintsEvent::BondForfeited {
					case: 0,
					side: 0,
					complainant: ALICE,
					accused: BOB,
					amount: BOND,
				}
				.into(),
			);
			System::assert_last_event(ComplaintsEvent::CaseClosed { case: 0 }.into());
			assert_eq!(held(ALICE), 0);
			assert_eq!(free(ALICE), ENDOWMENT - BOND);
			assert_eq!(free(BOB), ENDOWMENT + BOND);
		});
	}

	#[test]
	fn a_dismissal_by_the_general_vote_or_its_lapse_pays_the_bond_to_the_accused() {
		test(|| {
			guarantee(BOB, &[ALICE]);
			alice_files();
			run_to_block(1 + GENERAL_VOTE_PERIOD);
			System::assert_has_event(
				ComplaintsEvent::GeneralVoteLapsed { case: 0, side: 0 }.into(),
			);
			System::assert_has_event(
				ComplaintsEvent::BondForfeited {
					case: 0,
					side: 0,
					complainant: ALICE,
					accused: BOB,
					amount: BOND,
				}
				.into(),
			);
			assert_eq!((free(ALICE), free(BOB)), (ENDOWMENT - BOND, ENDOWMENT + BOND));
			// Decided by the general vote: the same.
			assert_ok!(Complaints::file(signed(ALICE), DONE_DEAL, None));
			assert_ok!(Complaints::decide(RuntimeOrigin::root(), 1, 0, Verdict::Dismiss));
			assert_eq!((free(ALICE), free(BOB)), (ENDOWMENT - 2 * BOND, ENDOWMENT + 2 * BOND));
		});
	}

	#[test]
	fn withdrawing_before_the_first_deadline_returns_the_bond() {
		test(|| {
			alice_files();
			run_to_block(ESCALATION_PERIOD);
			assert_ok!(Complaints::withdraw(signed(ALICE), 0));
			System::assert_has_event(
				ComplaintsEvent::BondReturned {
					case: 0,
					side: 0,
					complainant: ALICE,
					amount: BOND,
				}
				.into(),
			);
			assert_eq!((held(ALICE), free(ALICE), free(BOB)), (0, ENDOWMENT, ENDOWMENT));
		});
	}

	#[test]
	fn withdrawing_after_the_first_deadline_pays_the_bond_to_the_accused() {
		test(|| {
			alice_files();
			run_to_block(1 + ESCALATION_PERIOD);
			assert!(matches!(stage(0, 0), Stage::Panel { level: 1, .. }));
			assert_ok!(Complaints::withdraw(signed(ALICE), 0));
			System::assert_has_event(
				ComplaintsEvent::BondForfeited {
					case: 0,
					side: 0,
					complainant: ALICE,
					accused: BOB,
					amount: BOND,
				}
				.into(),
			);
			assert_eq!((free(ALICE), free(BOB)), (ENDOWMENT - BOND, ENDOWMENT + BOND));
		});
	}

	#[test]
	fn a_side_that_went_to_the_general_vote_at_once_has_the_votes_deadline_as_its_first() {
		test(|| {
			guarantee(BOB, &[ALICE]);
			alice_files();
			run_to_block(GENERAL_VOTE_PERIOD);
			assert_ok!(Complaints::withdraw(signed(ALICE), 0));
			assert_eq!((held(ALICE), free(ALICE), free(BOB)), (0, ENDOWMENT, ENDOWMENT));
		});
	}

	#[test]
	fn a_side_that_climbed_to_the_general_vote_is_past_its_first_deadline() {
		test(|| {
			guarantee(B1, &[]);
			guarantee(B2, &[]);
			alice_files();
			run_to_block(1 + ESCALATION_PERIOD);
			assert!(matches!(stage(0, 0), Stage::GeneralVote { .. }));
			assert_ok!(Complaints::withdraw(signed(ALICE), 0));
			assert_eq!((free(ALICE), free(BOB)), (ENDOWMENT - BOND, ENDOWMENT + BOND));
		});
	}

	#[test]
	fn a_counter_complaint_holds_the_same_bond_as_the_complaint() {
		test(|| {
			// Alice's class stakes twice Bob's: Bob answers at Alice's price.
			set_class(ALICE, 1);
			alice_files();
			assert_ok!(Complaints::file(signed(BOB), DEAL, None));
			System::assert_has_event(
				ComplaintsEvent::BondHeld { case: 0, side: 1, complainant: BOB, amount: 2 * BOND }
					.into(),
			);
			assert_eq!(case(0).sides[1].bond, 2 * BOND);
			assert_eq!((held(ALICE), held(BOB)), (2 * BOND, 2 * BOND));
			// Bob's counter-complaint is dismissed: Alice gets his bond; hers is upheld.
			for guarantor in [A1, A2] {
				assert_ok!(Complaints::vote(signed(guarantor), 0, 1, Verdict::Dismiss));
			}
			for guarantor in [B1, B2] {
				assert_ok!(Complaints::vote(signed(guarantor), 0, 0, Verdict::Compensate(10)));
			}
			assert_eq!((held(ALICE), held(BOB)), (0, 0));
			assert_eq!(free(ALICE), ENDOWMENT + 2 * BOND);
			assert_eq!(free(BOB), ENDOWMENT - 2 * BOND);
		});
	}

	#[test]
	fn a_counter_complaint_to_a_free_complaint_is_free() {
		test(|| {
			set_class(ALICE, 2);
			alice_files();
			assert_ok!(Complaints::file(signed(BOB), DEAL, None));
			assert_eq!((held(ALICE), held(BOB)), (0, 0));
		});
	}

	#[test]
	fn a_bond_the_complainant_cannot_hold_refuses_the_complaint() {
		test(|| {
			Balances::set_balance(&ALICE, BOND);
			assert_noop!(
				Complaints::file(signed(ALICE), DEAL, None),
				ComplaintsError::CannotHoldBond
			);
			// Nor a counter-complaint whose complaint's bond the accused cannot hold.
			Balances::set_balance(&ALICE, ENDOWMENT);
			alice_files();
			Balances::set_balance(&BOB, 2);
			assert_noop!(
				Complaints::file(signed(BOB), DEAL, None),
				ComplaintsError::CannotHoldBond
			);
			assert_eq!(held(BOB), 0);
		});
	}

	#[test]
	fn the_top_origin_sets_a_class_bond_for_complaints_filed_after() {
		test(|| {
			alice_files();
			assert_noop!(
				Complaints::set_complaint_bond(signed(ALICE), 0, 1),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Complaints::set_complaint_bond(RuntimeOrigin::root(), 0, MAX_BOND + 1),
				ComplaintsError::BondTooLarge
			);
			assert_ok!(Complaints::set_complaint_bond(RuntimeOrigin::root(), 0, MAX_BOND));
			System::assert_last_event(
				ComplaintsEvent::ComplaintBondSet { class: 0, amount: MAX_BOND }.into(),
			);
			assert_eq!(ComplaintBonds::<Test>::get(0), MAX_BOND);
			// The complaint already filed keeps its bond; the next one holds the new.
			assert_eq!(case(0).sides[0].bond, BOND);
			assert_ok!(Complaints::file(signed(BOB), DONE_DEAL, None));
			assert_eq!(held(BOB), MAX_BOND);
			// Zero: the class files for nothing, and the entry is gone.
			assert_ok!(Complaints::set_complaint_bond(RuntimeOrigin::root(), 0, 0));
			assert!(!ComplaintBonds::<Test>::contains_key(0));
			add_deal(9, ALICE, B1, 10);
			assert_ok!(Complaints::file(signed(ALICE), 9, None));
			assert_eq!(held(ALICE), BOND);
		});
	}

	#[test]
	fn dismissed_limit_dismissals_in_the_window_bar_filing_for_a_window() {
		test(|| {
			alice_dismissed(100);
			alice_dismissed(101);
			assert!(!Complaints::is_barred_from_filing(&ALICE));
			assert_eq!(Complaints::record_of(&ALICE).filing_bar, None);
			alice_dismissed(102);
			let until = 1 + RECORD_WINDOW;
			System::assert_has_event(ComplaintsEvent::FilingBarred { member: ALICE, until }.into());
			assert!(Complaints::is_barred_from_filing(&ALICE));
			assert_eq!(
				Complaints::record_of(&ALICE).filing_bar,
				Some(FilingBar { from: 1, until })
			);
			assert_eq!(WindowCounts::<Test>::get(ALICE).dismissed, DISMISSED_LIMIT);
			add_deal(103, ALICE, BOB, DEAL_AMOUNT);
			assert_noop!(
				Complaints::file(signed(ALICE), 103, None),
				ComplaintsError::BarredFromFiling
			);
			// Counter-complaints too.
			assert_ok!(Complaints::file(signed(BOB), 103, None));
			assert_noop!(
				Complaints::file(signed(ALICE), 103, None),
				ComplaintsError::BarredFromFiling
			);
			// Not a ban from guaranteeing.
			assert!(!Complaints::is_banned(&ALICE));
			// Over when the window has passed.
			run_to_block(until);
			assert!(!Complaints::is_barred_from_filing(&ALICE));
			assert_eq!(Complaints::record_of(&ALICE).filing_bar, None);
			add_deal(104, ALICE, BOB, DEAL_AMOUNT);
			assert_ok!(Complaints::file(signed(ALICE), 104, None));
		});
	}

	#[test]
	fn dismissals_outside_the_window_do_not_add_up() {
		test(|| {
			alice_dismissed(100);
			alice_dismissed(101);
			run_to_block(1 + RECORD_WINDOW);
			alice_dismissed(102);
			assert!(!Complaints::is_barred_from_filing(&ALICE), "a new window began");
			assert_eq!(WindowCounts::<Test>::get(ALICE).dismissed, 1);
		});
	}

	#[test]
	fn withdrawals_and_upheld_complaints_do_not_count_towards_the_bar() {
		test(|| {
			for id in 100..103 {
				add_deal(id, ALICE, BOB, DEAL_AMOUNT);
				let case = NextCaseId::<Test>::get();
				assert_ok!(Complaints::file(signed(ALICE), id, None));
				if id == 100 {
					assert_ok!(Complaints::withdraw(signed(ALICE), case));
				} else {
					for guarantor in [B1, B2] {
						assert_ok!(Complaints::vote(
							signed(guarantor),
							case,
							0,
							Verdict::Compensate(1)
						));
					}
				}
			}
			alice_dismissed(103);
			assert!(!Complaints::is_barred_from_filing(&ALICE));
			assert_eq!(WindowCounts::<Test>::get(ALICE).dismissed, 1);
		});
	}

	#[test]
	fn lifting_a_ban_leaves_the_dismissals_counting_towards_the_bar() {
		test(|| {
			WindowCounts::<Test>::insert(
				ALICE,
				WindowCount { start: 1, upheld: 3, strikes: 0, dismissed: 2 },
			);
			Bans::<Test>::insert(
				ALICE,
				Ban { from: 1, until: 1 + RECORD_WINDOW, reason: BanReason::ProtegesUpheld },
			);
			assert_ok!(Complaints::lift_ban(RuntimeOrigin::root(), ALICE));
			assert_eq!(
				WindowCounts::<Test>::get(ALICE),
				WindowCount { start: 1, upheld: 0, strikes: 0, dismissed: 2 }
			);
			alice_dismissed(100);
			assert!(Complaints::is_barred_from_filing(&ALICE));
		});
	}

	#[test]
	fn a_side_waiting_to_be_paid_keeps_its_bond_until_paid() {
		test(|| {
			alice_files();
			payments_fail(true);
			for guarantor in [B1, B2] {
				assert_ok!(Complaints::vote(signed(guarantor), 0, 0, Verdict::Compensate(40)));
			}
			assert!(matches!(stage(0, 0), Stage::Paying { .. }));
			assert_eq!(held(ALICE), BOND);
			payments_fail(false);
			assert_ok!(Complaints::escalate(signed(EVE), 0, 0));
			assert_eq!((held(ALICE), free(ALICE)), (0, ENDOWMENT));
		});
	}

	#[test]
	fn the_invariants_catch_a_bond_held_without_its_side() {
		test(|| {
			alice_files();
			assert_ok!(Balances::hold(&HoldReason::ComplaintBond.into(), &ALICE, 1));
			assert!(Complaints::do_try_state().is_err());
			assert_ok!(Balances::release(
				&HoldReason::ComplaintBond.into(),
				&ALICE,
				1,
				frame_support::traits::tokens::Precision::Exact
			));
		});
	}
}
