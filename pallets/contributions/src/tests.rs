//! Unit tests: every call's success path, every error (with nothing moved), every event, and
//! property tests of the split's exactness; the invariants are checked after each test by
//! `mock::test`.

use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, Mutate},
	BoundedVec,
};
use sp_runtime::{BuildStorage, DispatchError, Perbill};

type Error = crate::Error<Test>;
type Event = crate::Event<Test>;

fn project_of(project: ProjectId) -> ProjectOf<Test> {
	Projects::<Test>::get(project).expect("a project")
}

fn share(project: ProjectId, who: AccountId) -> Share<u64> {
	Shares::<Test>::get(project, who).expect("a share")
}

fn status(id: ContributionId) -> Status<AccountId, u64> {
	Contributions::<Test>::get(id).expect("a contribution").status
}

fn claimable(project: ProjectId, who: AccountId) -> Balance {
	let record = project_of(project);
	Shares::<Test>::get(project, who).map_or(0, |s| s.claimable(record.reward_per_point))
}

/// Files `count` items that name no record at block `at`, as others' deadlines would.
fn crowd(at: u64, count: u32) {
	for _ in 0..count {
		DueQueue::<Test>::file(System::block_number(), at, Due::Contribution(ContributionId::MAX));
	}
}

fn last_event() -> Event {
	events().pop().expect("an event")
}

/// The worked example of the guide: farmer 10 h (100 points), workshop 50 units of materials
/// (100), feed supplier 300 of money (300), transporter 5 h (50): 550 points.
fn worked_example() -> ProjectId {
	let project = sausage_project();
	validated(project, FARMER, Kind::Time, 10);
	validated(project, WORKSHOP, Kind::Materials, 50);
	validated(project, FEED, Kind::Money, 300);
	validated(project, TRANSPORT, Kind::Time, 5);
	project
}

mod projects {
	use super::*;

	#[test]
	fn a_member_creates_a_project_as_its_first_participant_and_organiser() {
		test(|| {
			assert_ok!(Accounting::create_project(signed(FARMER), hash(1), equation()));
			let record = project_of(0);
			assert_eq!(record.founder, FARMER);
			assert_eq!(record.description, hash(1));
			assert_eq!(record.organisers.to_vec(), vec![FARMER]);
			assert_eq!((record.version, record.participants, record.total_points), (0, 1, 0));
			assert!(Accounting::participates(0, &FARMER));
			assert_eq!(EquationVersions::<Test>::get(0, 0), Some(equation()));
			assert_eq!(NextProjectId::<Test>::get(), 1);
			assert_eq!(
				events(),
				vec![
					Event::ProjectCreated { project: 0, founder: FARMER, description: hash(1) },
					Event::EquationAdopted { project: 0, version: 0, equation: equation() },
				]
			);
		});
	}

	#[test]
	fn only_members_in_good_standing_create_projects() {
		test(|| {
			assert_noop!(
				Accounting::create_project(signed(BUYER), hash(1), equation()),
				Error::NotMember
			);
			block(FARMER);
			assert_noop!(
				Accounting::create_project(signed(FARMER), hash(1), equation()),
				Error::NotMember
			);
		});
	}

	#[test]
	fn an_equation_must_keep_its_shares_within_the_whole_and_above_the_floor_and_its_periods_above_zero(
	) {
		test(|| {
			let over = Equation {
				fund_share: Perbill::from_percent(60),
				organisers_share: Perbill::from_percent(41),
				..equation()
			};
			assert_noop!(
				Accounting::create_project(signed(FARMER), hash(1), over),
				Error::SharesOverWhole
			);
			let whole = Equation {
				fund_share: Perbill::from_percent(60),
				organisers_share: Perbill::from_percent(40),
				..equation()
			};
			assert_ok!(Accounting::create_project(signed(FARMER), hash(1), whole));
			// The floor is 5 %.
			let below = Equation { fund_share: Perbill::from_parts(49_999_999), ..equation() };
			assert_noop!(
				Accounting::create_project(signed(FARMER), hash(1), below),
				Error::FundShareBelowFloor
			);
			let at_floor = Equation { fund_share: Perbill::from_percent(5), ..equation() };
			assert_ok!(Accounting::create_project(signed(FARMER), hash(1), at_floor));
			for invalid in [
				Equation { challenge_period: 0, ..equation() },
				Equation { voting_period: 0, ..equation() },
			] {
				assert_noop!(
					Accounting::create_project(signed(FARMER), hash(1), invalid),
					Error::InvalidRules
				);
			}
			// No approvals needed: the window alone validates.
			assert_ok!(Accounting::create_project(
				signed(FARMER),
				hash(1),
				Equation { approvals: 0, ..equation() }
			));
		});
	}

	#[test]
	fn project_numbers_do_not_wrap() {
		test(|| {
			NextProjectId::<Test>::put(ProjectId::MAX);
			assert_noop!(
				Accounting::create_project(signed(FARMER), hash(1), equation()),
				Error::Overflow
			);
		});
	}

	#[test]
	fn the_only_participant_admits_by_their_own_aye_and_the_member_joins_on_accepting() {
		test(|| {
			assert_ok!(Accounting::create_project(signed(FARMER), hash(1), equation()));
			assert_ok!(Accounting::invite(signed(FARMER), 0, WORKSHOP));
			assert_eq!(
				events()[2..],
				[
					Event::MotionProposed {
						project: 0,
						candidate: WORKSHOP,
						kind: MotionKind::Admission,
						round: 0,
						proposer: FARMER,
						electorate: 1,
						ends: 1 + VOTING,
					},
					Event::MotionPassed {
						project: 0,
						candidate: WORKSHOP,
						kind: MotionKind::Admission,
						round: 0
					},
					Event::Invited { project: 0, who: WORKSHOP },
				]
			);
			assert!(Invitations::<Test>::contains_key(0, WORKSHOP));
			assert!(!Motions::<Test>::contains_key(0, WORKSHOP));
			// Its deadline stays queued, stale: its block finds no motion due.
			assert!(Deadlines::<Test>::get(1 + VOTING).contains(&Due::Motion(0, WORKSHOP)));
			assert_eq!(PendingOf::<Test>::get(FARMER), 0);
			// Invited, not yet a participant: joining is the member's own consent.
			assert!(!Accounting::participates(0, &WORKSHOP));
			assert_ok!(Accounting::join(signed(WORKSHOP), 0));
			assert_eq!(last_event(), Event::Joined { project: 0, who: WORKSHOP, points: 0 });
			assert!(!Invitations::<Test>::contains_key(0, WORKSHOP));
			assert!(Accounting::participates(0, &WORKSHOP));
			assert_eq!(project_of(0).participants, 2);
			assert!(ProjectsOf::<Test>::contains_key(WORKSHOP, 0));
		});
	}

	#[test]
	fn with_another_member_in_no_participant_admits_alone() {
		test(|| {
			let project = sausage_project();
			// The farmer's sock: a member the others do not want.
			assert_ok!(Accounting::invite(signed(FARMER), project, BUTCHER));
			let motion = Motions::<Test>::get(project, BUTCHER).expect("open");
			assert_eq!((motion.electorate, motion.ayes, motion.nays), (4, 1, 0));
			assert_eq!(motion.due, 2 + VOTING);
			assert!(Deadlines::<Test>::get(2 + VOTING).contains(&Due::Motion(project, BUTCHER)));
			assert_eq!(PendingOf::<Test>::get(FARMER), 1);
			assert!(!Invitations::<Test>::contains_key(project, BUTCHER));
			// One more aye is not a majority of four.
			assert_ok!(Accounting::vote_on_motion(signed(WORKSHOP), project, BUTCHER, true));
			assert_eq!(
				last_event(),
				Event::MotionVoted {
					project,
					candidate: BUTCHER,
					round: 3,
					who: WORKSHOP,
					aye: true
				}
			);
			assert!(Motions::<Test>::contains_key(project, BUTCHER));
			assert_noop!(Accounting::join(signed(BUTCHER), project), Error::NotInvited);
			// Two nays of four: refused at once.
			assert_ok!(Accounting::vote_on_motion(signed(FEED), project, BUTCHER, false));
			assert_ok!(Accounting::vote_on_motion(signed(TRANSPORT), project, BUTCHER, false));
			assert_eq!(
				last_event(),
				Event::MotionRefused {
					project,
					candidate: BUTCHER,
					kind: MotionKind::Admission,
					round: 3
				}
			);
			assert!(!Motions::<Test>::contains_key(project, BUTCHER));
			assert_eq!(PendingOf::<Test>::get(FARMER), 0);
			assert_eq!(project_of(project).open_motions, 0);
			assert_noop!(Accounting::join(signed(BUTCHER), project), Error::NotInvited);
			// A majority admits: the next motion is round 1.
			assert_ok!(Accounting::invite(signed(WORKSHOP), project, BUTCHER));
			assert_eq!(Motions::<Test>::get(project, BUTCHER).map(|m| m.round), Some(4));
			assert_ok!(Accounting::vote_on_motion(signed(FEED), project, BUTCHER, true));
			assert_ok!(Accounting::vote_on_motion(signed(TRANSPORT), project, BUTCHER, true));
			assert_eq!(last_event(), Event::Invited { project, who: BUTCHER });
			assert_ok!(Accounting::join(signed(BUTCHER), project));
		});
	}

	#[test]
	fn a_motion_without_a_majority_by_its_end_is_refused() {
		test(|| {
			let project = sausage_project();
			assert_ok!(Accounting::invite(signed(FARMER), project, BUTCHER));
			assert_ok!(Accounting::vote_on_motion(signed(WORKSHOP), project, BUTCHER, true));
			run_to_block(2 + VOTING);
			assert_eq!(
				last_event(),
				Event::MotionRefused {
					project,
					candidate: BUTCHER,
					kind: MotionKind::Admission,
					round: 3
				}
			);
			assert!(!Motions::<Test>::contains_key(project, BUTCHER));
			assert!(!Deadlines::<Test>::contains_key(2 + VOTING));
			assert_eq!(PendingOf::<Test>::get(FARMER), 0);
			assert_eq!(project_of(project).open_motions, 0);
		});
	}

	#[test]
	fn admissions_are_proposed_by_participants_for_members_not_yet_in() {
		test(|| {
			assert_noop!(Accounting::invite(signed(FARMER), 0, WORKSHOP), Error::UnknownProject);
			let project = sausage_project();
			assert_noop!(
				Accounting::invite(signed(BUTCHER), project, BUTCHER),
				Error::NotParticipant
			);
			assert_noop!(Accounting::invite(signed(FARMER), project, BUYER), Error::NotMember);
			assert_noop!(
				Accounting::invite(signed(FARMER), project, WORKSHOP),
				Error::AlreadyParticipant
			);
			// Any participant proposes, not only an organiser.
			assert_ok!(Accounting::invite(signed(WORKSHOP), project, BUTCHER));
			assert_noop!(Accounting::invite(signed(FEED), project, BUTCHER), Error::MotionOpen);
			assert_noop!(Accounting::admit(signed(FEED), project, BUTCHER), Error::NoRequest);
			carry(project, BUTCHER);
			assert_noop!(
				Accounting::invite(signed(FARMER), project, BUTCHER),
				Error::AlreadyInvited
			);
		});
	}

	#[test]
	fn a_project_has_at_most_its_bound_of_motions_open() {
		test(|| {
			let project = sausage_project();
			for who in [BUTCHER, 10, 11] {
				admit(who);
			}
			assert_ok!(Accounting::invite(signed(FARMER), project, BUTCHER));
			assert_ok!(Accounting::appoint_organiser(signed(FARMER), project, WORKSHOP));
			assert_eq!(project_of(project).open_motions, MAX_OPEN_MOTIONS);
			assert_noop!(Accounting::invite(signed(FEED), project, 10), Error::TooManyMotions);
			carry(project, BUTCHER);
			assert_ok!(Accounting::invite(signed(FEED), project, 10));
		});
	}

	#[test]
	fn a_participant_has_at_most_their_bound_of_undecided_items() {
		test(|| {
			let project = sausage_project();
			for _ in 0..MAX_PENDING - 1 {
				record(project, FARMER, Kind::Time, 1);
			}
			assert_ok!(Accounting::invite(signed(FARMER), project, BUTCHER));
			assert_eq!(PendingOf::<Test>::get(FARMER), MAX_PENDING);
			admit(10);
			assert_noop!(Accounting::invite(signed(FARMER), project, 10), Error::TooManyPending);
			assert_noop!(
				Accounting::appoint_organiser(signed(FARMER), project, WORKSHOP),
				Error::TooManyPending
			);
			assert_noop!(
				Accounting::propose_equation(signed(FARMER), project, equation()),
				Error::TooManyPending
			);
			assert_noop!(
				Accounting::record(signed(FARMER), project, Kind::Time, 1, hash(9)),
				Error::TooManyPending
			);
			let other = record(project, WORKSHOP, Kind::Time, 1);
			assert_noop!(Accounting::challenge(signed(FARMER), other), Error::TooManyPending);
			// Others still may.
			assert_ok!(Accounting::invite(signed(WORKSHOP), project, 10));
		});
	}

	#[test]
	fn votes_on_a_motion_come_once_from_participants_who_joined_before_it_but_its_candidate() {
		test(|| {
			assert_noop!(
				Accounting::vote_on_motion(signed(FARMER), 0, BUTCHER, true),
				Error::NoMotion
			);
			let project = sausage_project();
			assert_ok!(Accounting::appoint_organiser(signed(FARMER), project, WORKSHOP));
			assert_eq!(Motions::<Test>::get(project, WORKSHOP).map(|m| m.electorate), Some(3));
			assert_noop!(
				Accounting::vote_on_motion(signed(WORKSHOP), project, WORKSHOP, true),
				Error::OwnMotion
			);
			assert_noop!(
				Accounting::vote_on_motion(signed(FARMER), project, WORKSHOP, true),
				Error::AlreadyVoted
			);
			assert_noop!(
				Accounting::vote_on_motion(signed(BUTCHER), project, WORKSHOP, true),
				Error::NotParticipant
			);
			admitted(project, BUTCHER);
			assert_noop!(
				Accounting::vote_on_motion(signed(BUTCHER), project, WORKSHOP, true),
				Error::JoinedAfterVoteOpened
			);
			// The vote has ended, though the hook has not reached it yet (after a burst).
			System::set_block_number(2 + VOTING);
			assert_noop!(
				Accounting::vote_on_motion(signed(FEED), project, WORKSHOP, true),
				Error::VoteEnded
			);
			System::set_block_number(2);
		});
	}

	#[test]
	fn a_motion_whose_block_is_full_is_filed_on_another_page_and_closed_in_its_turn() {
		test(|| {
			let project = sausage_project();
			// Others' deadlines fill the block's first page and an overflow page.
			crowd(2 + VOTING, 2 * DEADLINE_PAGE_SIZE);
			assert_ok!(Accounting::invite(signed(FARMER), project, BUTCHER));
			assert_eq!(Motions::<Test>::get(project, BUTCHER).map(|m| m.due), Some(2 + VOTING));
			assert_eq!(DeadlinePages::<Test>::get(2 + VOTING), 2);
			assert_eq!(
				DeadlineOverflow::<Test>::get(2 + VOTING, 2).into_inner(),
				vec![Due::Motion(project, BUTCHER)]
			);
			// One page a block, the last overflow page after the first: its block's hook takes
			// the first page, the next block's the motion's.
			run_to_block(2 + VOTING);
			assert!(Motions::<Test>::contains_key(project, BUTCHER));
			assert_eq!(DeadlineBacklog::<Test>::get(), Some(2 + VOTING));
			run_to_block(3 + VOTING);
			assert!(!Motions::<Test>::contains_key(project, BUTCHER));
			assert_eq!(
				last_event(),
				Event::MotionRefused {
					project,
					candidate: BUTCHER,
					kind: MotionKind::Admission,
					round: 3
				}
			);
			run_to_block(5 + VOTING);
			assert_eq!(DeadlineBacklog::<Test>::get(), None);
			assert!(DueQueue::<Test>::queued().is_empty());
		});
	}

	#[test]
	fn a_stale_deadline_never_decides_a_newer_motion_of_the_same_candidate() {
		test(|| {
			let project = sausage_project();
			// Admitted early by a majority: the motion's deadline stays queued at 2 + VOTING.
			assert_ok!(Accounting::invite(signed(FARMER), project, BUTCHER));
			carry(project, BUTCHER);
			assert_ok!(Accounting::join(signed(BUTCHER), project));
			assert!(Deadlines::<Test>::get(2 + VOTING).contains(&Due::Motion(project, BUTCHER)));
			// A newer motion about the same candidate, due later, a single aye of four.
			advance(2);
			assert_ok!(Accounting::appoint_organiser(signed(FARMER), project, BUTCHER));
			let motion = Motions::<Test>::get(project, BUTCHER).expect("open");
			assert_eq!(motion.due, 4 + VOTING);
			// The old deadline passes: the new motion stays open, still to be voted.
			run_to_block(3 + VOTING);
			assert_eq!(Motions::<Test>::get(project, BUTCHER), Some(motion));
			assert_ok!(Accounting::vote_on_motion(signed(WORKSHOP), project, BUTCHER, true));
			// At its own end, without a majority, it is refused.
			run_to_block(4 + VOTING);
			assert!(!Motions::<Test>::contains_key(project, BUTCHER));
			assert_eq!(
				last_event(),
				Event::MotionRefused {
					project,
					candidate: BUTCHER,
					kind: MotionKind::Appointment,
					round: 4
				}
			);
			assert!(!project_of(project).organisers.contains(&BUTCHER));
		});
	}

	#[test]
	fn members_join_by_request_and_the_participants_vote() {
		test(|| {
			let project = sausage_project();
			assert_ok!(Accounting::request_to_join(signed(BUTCHER), project));
			assert_eq!(last_event(), Event::JoinRequested { project, who: BUTCHER });
			assert_noop!(
				Accounting::request_to_join(signed(BUTCHER), project),
				Error::AlreadyRequested
			);
			assert_noop!(
				Accounting::admit(signed(BUTCHER), project, BUTCHER),
				Error::NotParticipant
			);
			assert_noop!(Accounting::admit(signed(FARMER), project, 10), Error::NoRequest);
			assert_ok!(Accounting::admit(signed(WORKSHOP), project, BUTCHER));
			assert_ok!(Accounting::vote_on_motion(signed(FEED), project, BUTCHER, true));
			assert!(!Accounting::participates(project, &BUTCHER));
			assert_ok!(Accounting::vote_on_motion(signed(FARMER), project, BUTCHER, true));
			// They asked: admitted at once.
			assert_eq!(
				events()[events().len() - 2..],
				[
					Event::MotionPassed {
						project,
						candidate: BUTCHER,
						kind: MotionKind::Admission,
						round: 3
					},
					Event::Joined { project, who: BUTCHER, points: 0 },
				]
			);
			assert!(!Requests::<Test>::contains_key(project, BUTCHER));
			assert!(Accounting::participates(project, &BUTCHER));
		});
	}

	#[test]
	fn an_admission_that_cannot_be_made_when_it_passes_is_an_invitation() {
		test(|| {
			let project = sausage_project();
			assert_ok!(Accounting::request_to_join(signed(BUTCHER), project));
			assert_noop!(Accounting::admit(signed(FARMER), project, 10), Error::NoRequest);
			assert_ok!(Accounting::admit(signed(FARMER), project, BUTCHER));
			block(BUTCHER);
			carry(project, BUTCHER);
			assert_eq!(last_event(), Event::Invited { project, who: BUTCHER });
			assert!(!Accounting::participates(project, &BUTCHER));
			assert_noop!(Accounting::join(signed(BUTCHER), project), Error::NotMember);
		});
	}

	#[test]
	fn a_request_needs_a_member_not_yet_in_nor_invited() {
		test(|| {
			assert_noop!(Accounting::request_to_join(signed(BUTCHER), 0), Error::UnknownProject);
			let project = sausage_project();
			assert_noop!(Accounting::request_to_join(signed(BUYER), project), Error::NotMember);
			assert_noop!(
				Accounting::request_to_join(signed(WORKSHOP), project),
				Error::AlreadyParticipant
			);
			assert_ok!(Accounting::invite(signed(FARMER), project, BUTCHER));
			carry(project, BUTCHER);
			assert_noop!(
				Accounting::request_to_join(signed(BUTCHER), project),
				Error::AlreadyInvited
			);
		});
	}

	#[test]
	fn joining_needs_an_invitation_good_standing_and_room() {
		test(|| {
			let project = sausage_project();
			assert_noop!(Accounting::join(signed(BUTCHER), project), Error::NotInvited);
			assert_noop!(Accounting::join(signed(BUTCHER), 9), Error::UnknownProject);
			assert_ok!(Accounting::invite(signed(FARMER), project, BUTCHER));
			carry(project, BUTCHER);
			block(BUTCHER);
			assert_noop!(Accounting::join(signed(BUTCHER), project), Error::NotMember);
		});
		test(|| {
			let project = sausage_project();
			for who in [BUTCHER, 10, 11] {
				admit(who);
			}
			assert_ok!(Accounting::invite(signed(FARMER), project, 11));
			carry(project, 11);
			admitted(project, BUTCHER);
			advance(1);
			admitted(project, 10);
			assert_eq!(project_of(project).participants, MAX_PARTICIPANTS);
			assert_noop!(Accounting::join(signed(11), project), Error::ProjectFull);
		});
	}

	#[test]
	fn a_participant_leaves_keeping_what_they_earned_and_rejoins_with_their_points() {
		test(|| {
			let project = worked_example();
			assert_ok!(Accounting::pay_revenue(signed(BUYER), project, 10_000));
			assert_eq!(claimable(project, FEED), 4_200);
			assert_ok!(Accounting::leave(signed(FEED), project));
			assert_eq!(last_event(), Event::Left { project, who: FEED, departed: false });
			let record = project_of(project);
			assert_eq!((record.participants, record.total_points), (3, 250));
			assert_eq!(share(project, FEED).standing, Standing::Left);
			// Revenue after leaving does not reach them; what they earned stays claimable.
			assert_ok!(Accounting::pay_revenue(signed(BUYER), project, 10_000));
			assert_eq!(claimable(project, FEED), 4_200);
			assert_noop!(Accounting::leave(signed(FEED), project), Error::NotParticipant);
			assert_ok!(Accounting::request_to_join(signed(FEED), project));
			admitted(project, FEED);
			assert_eq!(last_event(), Event::Joined { project, who: FEED, points: 300 });
			assert_eq!(project_of(project).total_points, 550);
			assert_eq!(claimable(project, FEED), 4_200);
			assert_ok!(Accounting::claim(signed(FEED), project));
			assert_eq!(last_event(), Event::Claimed { project, who: FEED, amount: 4_200 });
		});
	}

	#[test]
	fn the_only_organiser_may_not_leave() {
		test(|| {
			let project = sausage_project();
			assert_noop!(Accounting::leave(signed(FARMER), project), Error::LastOrganiser);
			assert_noop!(Accounting::leave(signed(BUTCHER), project), Error::NotParticipant);
			assert_noop!(Accounting::leave(signed(FARMER), 9), Error::UnknownProject);
			appointed(project, WORKSHOP);
			assert_ok!(Accounting::leave(signed(FARMER), project));
			assert_eq!(project_of(project).organisers.to_vec(), vec![WORKSHOP]);
		});
	}

	#[test]
	fn a_majority_of_the_participants_but_the_candidate_appoints_organisers_up_to_the_bound() {
		test(|| {
			let project = sausage_project();
			assert_noop!(
				Accounting::appoint_organiser(signed(BUTCHER), project, FEED),
				Error::NotParticipant
			);
			assert_noop!(
				Accounting::appoint_organiser(signed(FARMER), project, BUTCHER),
				Error::NotParticipant
			);
			assert_noop!(
				Accounting::appoint_organiser(signed(WORKSHOP), project, WORKSHOP),
				Error::OwnMotion
			);
			assert_noop!(
				Accounting::appoint_organiser(signed(WORKSHOP), project, FARMER),
				Error::AlreadyOrganiser
			);
			assert_noop!(
				Accounting::appoint_organiser(signed(FARMER), 9, FEED),
				Error::UnknownProject
			);
			// Any participant proposes; the organiser alone does not appoint.
			assert_ok!(Accounting::appoint_organiser(signed(FEED), project, WORKSHOP));
			assert_eq!(
				last_event(),
				Event::MotionProposed {
					project,
					candidate: WORKSHOP,
					kind: MotionKind::Appointment,
					round: 3,
					proposer: FEED,
					electorate: 3,
					ends: 2 + VOTING,
				}
			);
			assert_ok!(Accounting::vote_on_motion(signed(FARMER), project, WORKSHOP, true));
			assert_eq!(
				events()[events().len() - 2..],
				[
					Event::MotionPassed {
						project,
						candidate: WORKSHOP,
						kind: MotionKind::Appointment,
						round: 3
					},
					Event::OrganiserAppointed { project, who: WORKSHOP },
				]
			);
			assert_eq!(project_of(project).organisers.to_vec(), vec![FARMER, WORKSHOP]);
			appointed(project, FEED);
			assert_noop!(
				Accounting::appoint_organiser(signed(FARMER), project, TRANSPORT),
				Error::TooManyOrganisers
			);
		});
	}

	#[test]
	fn an_appointment_whose_candidate_left_when_it_passes_appoints_nobody() {
		test(|| {
			let project = sausage_project();
			assert_ok!(Accounting::appoint_organiser(signed(FARMER), project, WORKSHOP));
			assert_ok!(Accounting::leave(signed(WORKSHOP), project));
			assert_ok!(Accounting::vote_on_motion(signed(FEED), project, WORKSHOP, true));
			assert_eq!(
				last_event(),
				Event::MotionPassed {
					project,
					candidate: WORKSHOP,
					kind: MotionKind::Appointment,
					round: 3
				}
			);
			assert_eq!(project_of(project).organisers.to_vec(), vec![FARMER]);
		});
	}

	#[test]
	fn a_participant_who_left_the_cooperative_is_removed_by_anyone() {
		test(|| {
			let project = worked_example();
			assert_noop!(
				Accounting::remove_departed(signed(BUYER), project, FARMER),
				Error::StillMember
			);
			depart(FARMER);
			depart(BUTCHER);
			assert_noop!(
				Accounting::remove_departed(signed(BUYER), project, BUTCHER),
				Error::NotParticipant
			);
			assert_noop!(
				Accounting::remove_departed(signed(BUYER), 9, FARMER),
				Error::UnknownProject
			);
			assert_ok!(Accounting::remove_departed(signed(BUYER), project, FARMER));
			assert_eq!(last_event(), Event::Left { project, who: FARMER, departed: true });
			let record = project_of(project);
			assert!(record.organisers.is_empty());
			assert_eq!((record.participants, record.total_points), (3, 450));
			// Until the participants appoint another, the organisers' share is remainder.
			let split = Accounting::split(project, &record, 1_000).expect("a split");
			assert_eq!((split.per_organiser, split.organisers), (0, 0));
			assert_eq!(split.remainder, 100 + 800 - 450);
			appointed(project, WORKSHOP);
			assert_eq!(project_of(project).organisers.to_vec(), vec![WORKSHOP]);
		});
	}
}

mod contributions {
	use super::*;

	#[test]
	fn a_participant_records_a_contribution_weighted_by_the_equation_in_force() {
		test(|| {
			let project = sausage_project();
			let id = record(project, WORKSHOP, Kind::Materials, 50);
			let contribution = Contributions::<Test>::get(id).expect("recorded");
			assert_eq!(contribution.points, 100);
			assert_eq!(contribution.version, 0);
			assert_eq!(contribution.approvals_needed, 2);
			assert_eq!(
				contribution.status,
				Status::Pending { approvals: 0, window_ends: 2 + CHALLENGE }
			);
			assert!(ContributionsOf::<Test>::contains_key(WORKSHOP, id));
			assert!(Deadlines::<Test>::get(2 + CHALLENGE).contains(&Due::Contribution(id)));
			assert_eq!(PendingOf::<Test>::get(WORKSHOP), 1);
			assert_eq!(
				last_event(),
				Event::ContributionRecorded {
					id,
					project,
					contributor: WORKSHOP,
					kind: Kind::Materials,
					quantity: 50,
					evidence: hash(9),
					version: 0,
					points: 100,
					window_ends: 2 + CHALLENGE,
				}
			);
			// Pending points do not count.
			assert_eq!(project_of(project).total_points, 0);
		});
	}

	#[test]
	fn recording_needs_a_participant_a_quantity_and_a_kind_the_equation_weighs() {
		test(|| {
			assert_noop!(
				Accounting::record(signed(FARMER), 0, Kind::Time, 1, hash(9)),
				Error::UnknownProject
			);
			let project = sausage_project();
			assert_noop!(
				Accounting::record(signed(BUTCHER), project, Kind::Time, 1, hash(9)),
				Error::NotParticipant
			);
			assert_noop!(
				Accounting::record(signed(FARMER), project, Kind::Time, 0, hash(9)),
				Error::ZeroQuantity
			);
			for kind in [Kind::Introductions, Kind::Custom(0)] {
				assert_noop!(
					Accounting::record(signed(FARMER), project, kind, 1, hash(9)),
					Error::KindNotInEquation
				);
			}
		});
	}

	#[test]
	fn project_defined_kinds_weigh_by_their_index() {
		test(|| {
			let custom = BoundedVec::truncate_from(vec![CustomKind {
				name: BoundedVec::truncate_from(b"smoking".to_vec()),
				weight: 7,
			}]);
			assert_ok!(Accounting::create_project(
				signed(FARMER),
				hash(1),
				Equation { custom, ..equation() }
			));
			let id = record(0, FARMER, Kind::Custom(0), 3);
			assert_eq!(Contributions::<Test>::get(id).map(|c| c.points), Some(21));
			assert_noop!(
				Accounting::record(signed(FARMER), 0, Kind::Custom(1), 1, hash(9)),
				Error::KindNotInEquation
			);
		});
	}

	#[test]
	fn one_member_filling_a_block_refuses_nobody_elses_record() {
		test(|| {
			let project = sausage_project();
			assert_ok!(Accounting::create_project(signed(BUTCHER), hash(2), equation()));
			let other = 1;
			// The farmer records all they may in one block: their window's first page is full,
			// ...
			for _ in 0..MAX_PENDING {
				record(project, FARMER, Kind::Time, 1);
			}
			assert_noop!(
				Accounting::record(signed(FARMER), project, Kind::Time, 1, hash(9)),
				Error::TooManyPending
			);
			// ... and another project's record is filed at its own block, on the next page.
			let id = record(other, BUTCHER, Kind::Time, 1);
			assert_eq!(Contributions::<Test>::get(id).and_then(|c| c.due), Some(2 + CHALLENGE));
			assert_eq!(DeadlinePages::<Test>::get(2 + CHALLENGE), 1);
			// Its block decides the first page; the next block the rest, a block late.
			advance(CHALLENGE);
			assert_eq!(PendingOf::<Test>::get(FARMER), 1);
			assert!(matches!(status(id), Status::Pending { .. }));
			advance(1);
			assert_eq!(
				status(id),
				Status::Rejected { at: 3 + CHALLENGE, by: Rejection::Unapproved }
			);
			// Deciding frees the farmer's allowance.
			assert_eq!(PendingOf::<Test>::get(FARMER), 0);
			assert_eq!(PendingOf::<Test>::get(BUTCHER), 0);
			record(project, FARMER, Kind::Time, 1);
		});
	}

	#[test]
	fn a_burst_of_deadlines_is_handled_over_the_next_blocks_in_order_never_early_none_lost() {
		test(|| {
			let project = sausage_project();
			assert_ok!(Accounting::create_project(signed(BUTCHER), hash(2), equation()));
			let due = 2 + CHALLENGE;
			// Every participant records all they may in one block: sixteen deadlines at one
			// block, on six pages of three (the first and five overflow pages); the farmer's
			// are approved.
			let mut ids = vec![];
			for who in [FARMER, WORKSHOP, FEED, TRANSPORT] {
				for _ in 0..MAX_PENDING {
					let id = record(project, who, Kind::Time, 1);
					if who == FARMER {
						assert_ok!(Accounting::approve(signed(WORKSHOP), id));
						assert_ok!(Accounting::approve(signed(FEED), id));
					}
					ids.push(id);
				}
			}
			assert!(ids
				.iter()
				.all(|id| Contributions::<Test>::get(id).and_then(|c| c.due) == Some(due)));
			assert_eq!(DeadlinePages::<Test>::get(due), 5);
			// A deadline of the next block, filed a block later.
			advance(1);
			let later = record(1, BUTCHER, Kind::Time, 1);
			assert_eq!(Contributions::<Test>::get(later).and_then(|c| c.due), Some(due + 1));
			let decided = |id: &ContributionId| {
				!matches!(status(*id), Status::Pending { .. } | Status::Challenged { .. })
			};
			// Nothing early.
			run_to_block(due - 1);
			assert!(!ids.iter().any(decided));
			// One page a block: the first page, then the overflow pages, the last (of one)
			// first.
			for (block, count) in (due..).zip([3, 4, 7, 10, 13]) {
				run_to_block(block);
				assert_eq!(ids.iter().filter(|id| decided(id)).count(), count, "at {block}");
				assert_eq!(DeadlineBacklog::<Test>::get(), Some(due), "at {block}");
				assert!(!decided(&later));
			}
			run_to_block(due + 5);
			assert!(ids.iter().all(decided));
			assert_eq!(DeadlinePages::<Test>::get(due), 0);
			// Each decided by its own rules, at or after its deadline.
			for id in &ids {
				let contribution = Contributions::<Test>::get(id).expect("kept");
				match contribution.status {
					Status::Validated { at, by: Validation::Approved } => {
						assert!(at >= due);
						assert_eq!(contribution.contributor, FARMER);
					},
					Status::Rejected { at, by: Rejection::Unapproved } => {
						assert!(at >= due);
						assert_ne!(contribution.contributor, FARMER);
					},
					other => panic!("decided otherwise: {other:?}"),
				}
				assert_eq!(contribution.due, None);
			}
			assert_eq!(share(project, FARMER).points, 10 * Points::from(MAX_PENDING));
			// The later block's deadline comes after the burst, in order.
			assert!(!decided(&later));
			assert_eq!(DeadlineBacklog::<Test>::get(), Some(due + 1));
			run_to_block(due + 6);
			assert!(decided(&later));
			assert_eq!(PendingOf::<Test>::iter().count(), 0);
			run_to_block(due + 7);
			assert_eq!(DeadlineBacklog::<Test>::get(), None);
			assert!(DueQueue::<Test>::queued().is_empty());
		});
	}

	#[test]
	fn approvals_do_not_close_the_window_and_validate_when_it_ends_unchallenged() {
		test(|| {
			let project = sausage_project();
			let id = record(project, WORKSHOP, Kind::Materials, 50);
			assert_ok!(Accounting::approve(signed(FARMER), id));
			assert_eq!(last_event(), Event::ContributionApproved { id, by: FARMER, approvals: 1 });
			assert_ok!(Accounting::approve(signed(FEED), id));
			assert_eq!(last_event(), Event::ContributionApproved { id, by: FEED, approvals: 2 });
			// Two approvals: still open, still challengeable.
			assert_eq!(status(id), Status::Pending { approvals: 2, window_ends: 2 + CHALLENGE });
			assert_eq!(project_of(project).total_points, 0);
			assert!(Deadlines::<Test>::get(2 + CHALLENGE).contains(&Due::Contribution(id)));
			assert_ok!(Accounting::approve(signed(TRANSPORT), id));
			run_to_block(2 + CHALLENGE);
			assert_eq!(
				last_event(),
				Event::ContributionValidated {
					id,
					project,
					contributor: WORKSHOP,
					points: 100,
					by: Validation::Approved,
				}
			);
			assert_eq!(
				status(id),
				Status::Validated { at: 2 + CHALLENGE, by: Validation::Approved }
			);
			assert_eq!(share(project, WORKSHOP).points, 100);
			assert_eq!(project_of(project).total_points, 100);
			assert_eq!(PendingOf::<Test>::get(WORKSHOP), 0);
		});
	}

	#[test]
	fn approvals_come_once_from_other_participants_within_the_window() {
		test(|| {
			assert_noop!(Accounting::approve(signed(FARMER), 0), Error::UnknownContribution);
			let project = sausage_project();
			let id = record(project, WORKSHOP, Kind::Materials, 50);
			assert_noop!(Accounting::approve(signed(WORKSHOP), id), Error::OwnContribution);
			assert_noop!(Accounting::approve(signed(BUTCHER), id), Error::NotParticipant);
			assert_ok!(Accounting::approve(signed(FARMER), id));
			assert_noop!(Accounting::approve(signed(FARMER), id), Error::AlreadyApproved);
			// The window has passed, though the hook has not reached it yet (after a burst).
			System::set_block_number(2 + CHALLENGE);
			assert_noop!(Accounting::approve(signed(FEED), id), Error::ChallengeWindowClosed);
			System::set_block_number(2 + CHALLENGE - 1);
			run_to_block(2 + CHALLENGE);
			assert_noop!(Accounting::approve(signed(FEED), id), Error::NotPending);
		});
	}

	#[test]
	fn an_unchallenged_contribution_short_of_approvals_is_rejected_when_its_window_passes() {
		test(|| {
			let project = sausage_project();
			let id = record(project, TRANSPORT, Kind::Time, 5);
			assert_ok!(Accounting::approve(signed(FARMER), id));
			run_to_block(1 + CHALLENGE);
			assert!(matches!(status(id), Status::Pending { .. }));
			run_to_block(2 + CHALLENGE);
			assert_eq!(
				status(id),
				Status::Rejected { at: 2 + CHALLENGE, by: Rejection::Unapproved }
			);
			assert_eq!(
				last_event(),
				Event::ContributionRejected {
					id,
					project,
					contributor: TRANSPORT,
					by: Rejection::Unapproved,
				}
			);
			assert_eq!(project_of(project).total_points, 0);
			assert_eq!(PendingOf::<Test>::get(TRANSPORT), 0);
		});
	}

	#[test]
	fn with_no_approvals_asked_the_window_alone_validates() {
		test(|| {
			assert_ok!(Accounting::create_project(
				signed(FARMER),
				hash(1),
				Equation { approvals: 0, ..equation() }
			));
			let id = record(0, FARMER, Kind::Time, 5);
			run_to_block(1 + CHALLENGE);
			assert_eq!(
				last_event(),
				Event::ContributionValidated {
					id,
					project: 0,
					contributor: FARMER,
					points: 50,
					by: Validation::Unchallenged,
				}
			);
			assert_eq!(project_of(0).total_points, 50);
		});
	}

	#[test]
	fn a_challenge_opens_a_vote_without_the_contributor_or_the_challenger() {
		test(|| {
			let project = sausage_project();
			let id = record(project, FEED, Kind::Money, 300);
			assert_ok!(Accounting::approve(signed(FARMER), id));
			assert_ok!(Accounting::challenge(signed(TRANSPORT), id));
			let ends = 2 + VOTING;
			// Farmer and workshop vote; half of two is one vote.
			assert_eq!(
				last_event(),
				Event::ContributionChallenged { id, by: TRANSPORT, electorate: 2, quorum: 1, ends }
			);
			assert_eq!(
				status(id),
				Status::Challenged {
					challenger: TRANSPORT,
					approvals: 1,
					electorate: 2,
					quorum: 1,
					opened: 2,
					ends,
					accept: 0,
					reject: 0,
				}
			);
			// The challenge is no vote.
			assert_eq!(ContributionVotes::<Test>::get(id, TRANSPORT), None);
			assert_eq!(PendingOf::<Test>::get(TRANSPORT), 1);
			assert!(Deadlines::<Test>::get(ends).contains(&Due::Contribution(id)));
			assert_eq!(Contributions::<Test>::get(id).and_then(|c| c.due), Some(ends));
			// The window's deadline stays queued, stale.
			assert!(Deadlines::<Test>::get(2 + CHALLENGE).contains(&Due::Contribution(id)));
		});
	}

	#[test]
	fn a_challenged_contribution_is_not_decided_when_its_old_window_ends() {
		test(|| {
			let project = sausage_project();
			let id = record(project, FEED, Kind::Money, 300);
			assert_ok!(Accounting::approve(signed(FARMER), id));
			assert_ok!(Accounting::approve(signed(WORKSHOP), id));
			// Challenged late in its window: the vote ends after the window would have.
			run_to_block(2 + CHALLENGE - 1);
			assert_ok!(Accounting::challenge(signed(TRANSPORT), id));
			let ends = 1 + CHALLENGE + VOTING;
			assert_eq!(Contributions::<Test>::get(id).and_then(|c| c.due), Some(ends));
			assert_ok!(Accounting::vote_on_contribution(signed(FARMER), id, false));
			// The window's end passes: still challenged, its vote still open.
			run_to_block(ends - 1);
			assert!(matches!(status(id), Status::Challenged { reject: 1, .. }));
			assert_eq!(PendingOf::<Test>::get(TRANSPORT), 1);
			// At the vote's end the quorum's majority rejects it.
			run_to_block(ends);
			assert_eq!(status(id), Status::Rejected { at: ends, by: Rejection::Vote });
			assert_eq!(PendingOf::<Test>::get(TRANSPORT), 0);
		});
	}

	#[test]
	fn a_majority_of_the_electorate_rejecting_a_challenged_contribution_rejects_it_at_once() {
		test(|| {
			let project = sausage_project();
			let id = record(project, FEED, Kind::Money, 300);
			assert_ok!(Accounting::challenge(signed(TRANSPORT), id));
			assert_ok!(Accounting::vote_on_contribution(signed(FARMER), id, false));
			assert_eq!(last_event(), Event::ContributionVoted { id, who: FARMER, accept: false });
			// One of two is no majority yet.
			assert!(matches!(status(id), Status::Challenged { reject: 1, .. }));
			assert_ok!(Accounting::vote_on_contribution(signed(WORKSHOP), id, false));
			assert_eq!(
				last_event(),
				Event::ContributionRejected { id, project, contributor: FEED, by: Rejection::Vote }
			);
			assert_eq!(status(id), Status::Rejected { at: 2, by: Rejection::Vote });
			assert_eq!(share(project, FEED).points, 0);
			assert_eq!(Contributions::<Test>::get(id).and_then(|c| c.due), None);
			assert_eq!(PendingOf::<Test>::get(FEED), 0);
			assert_eq!(PendingOf::<Test>::get(TRANSPORT), 0);
			// Its deadlines stay queued, stale: they decide nothing again.
			assert!(Deadlines::<Test>::get(2 + VOTING).contains(&Due::Contribution(id)));
			run_to_block(2 + CHALLENGE);
			assert_eq!(status(id), Status::Rejected { at: 2, by: Rejection::Vote });
		});
	}

	#[test]
	fn a_majority_accepting_a_challenged_contribution_validates_it() {
		test(|| {
			let project = sausage_project();
			let id = record(project, FEED, Kind::Money, 300);
			assert_ok!(Accounting::challenge(signed(TRANSPORT), id));
			assert_ok!(Accounting::vote_on_contribution(signed(FARMER), id, true));
			assert!(matches!(status(id), Status::Challenged { accept: 1, reject: 0, .. }));
			assert_ok!(Accounting::vote_on_contribution(signed(WORKSHOP), id, true));
			assert_eq!(
				last_event(),
				Event::ContributionValidated {
					id,
					project,
					contributor: FEED,
					points: 300,
					by: Validation::Vote,
				}
			);
			assert_eq!(status(id), Status::Validated { at: 2, by: Validation::Vote });
			assert_eq!(project_of(project).total_points, 300);
		});
	}

	#[test]
	fn at_the_end_of_the_vote_a_quorum_decides_by_the_majority_of_votes_cast() {
		test(|| {
			let project = sausage_project();
			admitted(project, BUTCHER);
			advance(1);
			// Electorate 3 (all but the contributor and the challenger), quorum 2.
			let id = record(project, FEED, Kind::Money, 300);
			assert_ok!(Accounting::challenge(signed(TRANSPORT), id));
			assert!(matches!(status(id), Status::Challenged { electorate: 3, quorum: 2, .. }));
			assert_ok!(Accounting::vote_on_contribution(signed(FARMER), id, false));
			assert_ok!(Accounting::vote_on_contribution(signed(WORKSHOP), id, true));
			assert_ok!(Accounting::vote_on_contribution(signed(BUTCHER), id, true));
			// Two of three accept: a majority of the electorate, at once.
			assert!(matches!(status(id), Status::Validated { by: Validation::Vote, .. }));
			admit(10);
			admitted(project, 10);
			advance(1);
			// Electorate 4, quorum 2: two accepts against one reject are no majority of the
			// electorate, but of the votes cast at the end.
			let id = record(project, FEED, Kind::Money, 300);
			assert_ok!(Accounting::challenge(signed(TRANSPORT), id));
			assert!(matches!(status(id), Status::Challenged { electorate: 4, quorum: 2, .. }));
			assert_ok!(Accounting::vote_on_contribution(signed(FARMER), id, true));
			assert_ok!(Accounting::vote_on_contribution(signed(WORKSHOP), id, true));
			assert_ok!(Accounting::vote_on_contribution(signed(BUTCHER), id, false));
			assert!(matches!(status(id), Status::Challenged { accept: 2, reject: 1, .. }));
			advance(VOTING);
			assert!(matches!(status(id), Status::Validated { by: Validation::Vote, .. }));
			// One reject is below the quorum: the approvals decide (none here).
			let id = record(project, FEED, Kind::Money, 300);
			assert_ok!(Accounting::challenge(signed(TRANSPORT), id));
			assert_ok!(Accounting::vote_on_contribution(signed(FARMER), id, false));
			advance(VOTING);
			assert!(matches!(status(id), Status::Rejected { by: Rejection::Unapproved, .. }));
		});
	}

	#[test]
	fn a_lone_challenger_rejects_nothing() {
		test(|| {
			let project = sausage_project();
			let id = record(project, FEED, Kind::Money, 300);
			assert_ok!(Accounting::approve(signed(FARMER), id));
			assert_ok!(Accounting::approve(signed(WORKSHOP), id));
			assert_ok!(Accounting::challenge(signed(TRANSPORT), id));
			assert_noop!(
				Accounting::vote_on_contribution(signed(TRANSPORT), id, false),
				Error::OwnChallenge
			);
			// Nobody else votes: no quorum, so its approvals decide, as if unchallenged.
			advance(VOTING);
			assert_eq!(status(id), Status::Validated { at: 2 + VOTING, by: Validation::Approved });
			assert_eq!(project_of(project).total_points, 300);
			assert_eq!(PendingOf::<Test>::get(TRANSPORT), 0);
		});
	}

	#[test]
	fn a_tied_vote_leaves_the_contribution_to_its_approvals() {
		test(|| {
			let project = sausage_project();
			let id = record(project, FEED, Kind::Money, 300);
			assert_ok!(Accounting::challenge(signed(TRANSPORT), id));
			assert_ok!(Accounting::vote_on_contribution(signed(FARMER), id, true));
			assert_ok!(Accounting::vote_on_contribution(signed(WORKSHOP), id, false));
			advance(VOTING);
			// No approvals: rejected for want of them, not by the vote.
			assert_eq!(status(id), Status::Rejected { at: 2 + VOTING, by: Rejection::Unapproved });
		});
	}

	#[test]
	fn challenges_come_from_other_participants_within_the_window() {
		test(|| {
			assert_noop!(Accounting::challenge(signed(FARMER), 0), Error::UnknownContribution);
			let project = sausage_project();
			let id = record(project, FEED, Kind::Money, 300);
			assert_noop!(Accounting::challenge(signed(FEED), id), Error::OwnContribution);
			assert_noop!(Accounting::challenge(signed(BUTCHER), id), Error::NotParticipant);
			// The window has passed, though the hook has not reached it yet (after a burst).
			System::set_block_number(2 + CHALLENGE);
			assert_noop!(Accounting::challenge(signed(FARMER), id), Error::ChallengeWindowClosed);
			System::set_block_number(2);
			assert_ok!(Accounting::challenge(signed(FARMER), id));
			assert_noop!(Accounting::challenge(signed(WORKSHOP), id), Error::NotPending);
			assert_noop!(Accounting::approve(signed(WORKSHOP), id), Error::NotPending);
		});
	}

	#[test]
	fn a_challenge_files_its_vote_however_full_its_block_is() {
		test(|| {
			let project = sausage_project();
			let id = record(project, FEED, Kind::Money, 300);
			crowd(2 + VOTING, 2 * DEADLINE_PAGE_SIZE);
			assert_ok!(Accounting::challenge(signed(FARMER), id));
			assert_eq!(Contributions::<Test>::get(id).and_then(|c| c.due), Some(2 + VOTING));
			assert_eq!(
				DeadlineOverflow::<Test>::get(2 + VOTING, 2).into_inner(),
				vec![Due::Contribution(id)]
			);
			// Its item, on the last page, comes a block after the first page.
			run_to_block(2 + VOTING);
			assert!(matches!(status(id), Status::Challenged { .. }));
			run_to_block(3 + VOTING);
			assert_eq!(status(id), Status::Rejected { at: 3 + VOTING, by: Rejection::Unapproved });
		});
	}

	#[test]
	fn votes_on_a_challenge_come_once_from_participants_who_joined_before_it() {
		test(|| {
			assert_noop!(
				Accounting::vote_on_contribution(signed(FARMER), 0, true),
				Error::UnknownContribution
			);
			let project = sausage_project();
			let id = record(project, FEED, Kind::Money, 300);
			assert_noop!(
				Accounting::vote_on_contribution(signed(FARMER), id, true),
				Error::NotChallenged
			);
			assert_ok!(Accounting::challenge(signed(TRANSPORT), id));
			assert_noop!(
				Accounting::vote_on_contribution(signed(FEED), id, true),
				Error::OwnContribution
			);
			assert_noop!(
				Accounting::vote_on_contribution(signed(TRANSPORT), id, true),
				Error::OwnChallenge
			);
			assert_noop!(
				Accounting::vote_on_contribution(signed(BUTCHER), id, true),
				Error::NotParticipant
			);
			admitted(project, BUTCHER);
			assert_noop!(
				Accounting::vote_on_contribution(signed(BUTCHER), id, true),
				Error::JoinedAfterVoteOpened
			);
			assert_ok!(Accounting::vote_on_contribution(signed(FARMER), id, true));
			assert_noop!(
				Accounting::vote_on_contribution(signed(FARMER), id, true),
				Error::AlreadyVoted
			);
			// The vote has ended, though the hook has not reached it yet (after a burst).
			System::set_block_number(2 + VOTING);
			assert_noop!(
				Accounting::vote_on_contribution(signed(WORKSHOP), id, true),
				Error::VoteEnded
			);
			System::set_block_number(2);
		});
	}

	#[test]
	fn a_contribution_of_one_who_left_is_still_decided_and_counts_when_they_rejoin() {
		test(|| {
			let project = sausage_project();
			let id = record(project, FEED, Kind::Money, 300);
			assert_ok!(Accounting::leave(signed(FEED), project));
			assert_ok!(Accounting::approve(signed(FARMER), id));
			assert_ok!(Accounting::approve(signed(WORKSHOP), id));
			advance(CHALLENGE);
			assert_eq!(share(project, FEED).points, 300);
			assert_eq!(project_of(project).total_points, 0);
			admitted(project, FEED);
			assert_eq!(project_of(project).total_points, 300);
		});
	}
}

mod equations {
	use super::*;

	fn richer() -> EquationOf<Test> {
		Equation { time: 20, ..equation() }
	}

	#[test]
	fn a_majority_of_participants_adopts_a_new_version_for_later_contributions() {
		test(|| {
			let project = sausage_project();
			let before = record(project, FARMER, Kind::Time, 10);
			assert_ok!(Accounting::propose_equation(signed(WORKSHOP), project, richer()));
			assert_eq!(
				last_event(),
				Event::EquationProposed {
					project,
					round: 0,
					proposer: WORKSHOP,
					electorate: 4,
					ends: 2 + VOTING,
				}
			);
			assert_eq!(EquationVotes::<Test>::get((project, 0, WORKSHOP)), Some(true));
			assert_eq!(PendingOf::<Test>::get(WORKSHOP), 1);
			assert_ok!(Accounting::vote_on_equation(signed(FEED), project, true));
			assert_eq!(project_of(project).version, 0);
			assert_ok!(Accounting::vote_on_equation(signed(TRANSPORT), project, true));
			assert_eq!(
				events()[events().len() - 2..],
				[
					Event::EquationVoted { project, round: 0, who: TRANSPORT, aye: true },
					Event::EquationAdopted { project, version: 1, equation: richer() },
				]
			);
			assert_eq!(project_of(project).version, 1);
			assert_eq!(EquationVersions::<Test>::get(project, 0), Some(equation()));
			assert_eq!(EquationVersions::<Test>::get(project, 1), Some(richer()));
			assert!(EquationProposals::<Test>::get(project).is_none());
			assert_eq!(PendingOf::<Test>::get(WORKSHOP), 0);
			let after = record(project, FARMER, Kind::Time, 10);
			let points = |id| Contributions::<Test>::get(id).map(|c| (c.version, c.points));
			assert_eq!(points(before), Some((0, 100)));
			assert_eq!(points(after), Some((1, 200)));
		});
	}
	#[test]
	fn half_the_participants_voting_nay_refuses_it_at_once() {
		test(|| {
			let project = sausage_project();
			assert_ok!(Accounting::propose_equation(signed(WORKSHOP), project, richer()));
			assert_ok!(Accounting::vote_on_equation(signed(FEED), project, false));
			assert!(EquationProposals::<Test>::get(project).is_some());
			assert_ok!(Accounting::vote_on_equation(signed(TRANSPORT), project, false));
			assert_eq!(last_event(), Event::EquationRefused { project, round: 0 });
			assert_eq!(project_of(project).version, 0);
			// The next vote is round 1.
			assert_ok!(Accounting::propose_equation(signed(WORKSHOP), project, richer()));
			assert_eq!(EquationProposals::<Test>::get(project).map(|p| p.round), Some(1));
		});
	}

	#[test]
	fn without_a_majority_by_its_end_it_is_refused() {
		test(|| {
			let project = sausage_project();
			assert_ok!(Accounting::propose_equation(signed(WORKSHOP), project, richer()));
			assert_ok!(Accounting::vote_on_equation(signed(FEED), project, true));
			advance(VOTING);
			assert_eq!(last_event(), Event::EquationRefused { project, round: 0 });
			assert!(EquationProposals::<Test>::get(project).is_none());
			assert_eq!(project_of(project).version, 0);
		});
	}

	#[test]
	fn an_equation_vote_is_filed_however_full_its_block_is() {
		test(|| {
			let project = sausage_project();
			crowd(2 + VOTING, 2 * DEADLINE_PAGE_SIZE);
			assert_ok!(Accounting::propose_equation(signed(WORKSHOP), project, richer()));
			assert_eq!(EquationProposals::<Test>::get(project).map(|p| p.due), Some(2 + VOTING));
			assert_eq!(DeadlinePages::<Test>::get(2 + VOTING), 2);
			run_to_block(2 + VOTING);
			assert!(EquationProposals::<Test>::get(project).is_some());
			run_to_block(3 + VOTING);
			assert_eq!(last_event(), Event::EquationRefused { project, round: 0 });
		});
	}

	#[test]
	fn a_stale_deadline_never_decides_a_newer_equation_vote_of_the_same_project() {
		test(|| {
			let project = sausage_project();
			// Adopted early by a majority: the vote's deadline stays queued at 2 + VOTING.
			assert_ok!(Accounting::propose_equation(signed(WORKSHOP), project, richer()));
			assert_ok!(Accounting::vote_on_equation(signed(FEED), project, true));
			assert_ok!(Accounting::vote_on_equation(signed(TRANSPORT), project, true));
			assert_eq!(project_of(project).version, 1);
			assert!(Deadlines::<Test>::get(2 + VOTING).contains(&Due::Equation(project)));
			// A newer vote of the same project, due later, a single aye of four.
			advance(2);
			assert_ok!(Accounting::propose_equation(signed(FARMER), project, equation()));
			let proposal = EquationProposals::<Test>::get(project).expect("open");
			assert_eq!((proposal.round, proposal.due), (1, 4 + VOTING));
			// The old deadline passes: the new vote stays open, still to be voted.
			run_to_block(3 + VOTING);
			assert_eq!(EquationProposals::<Test>::get(project), Some(proposal));
			assert_ok!(Accounting::vote_on_equation(signed(WORKSHOP), project, true));
			// At its own end, without a majority, it is refused.
			run_to_block(4 + VOTING);
			assert_eq!(last_event(), Event::EquationRefused { project, round: 1 });
			assert_eq!(project_of(project).version, 1);
		});
	}

	#[test]
	fn a_vote_closed_by_the_hook_leaves_no_queue_behind() {
		test(|| {
			let project = sausage_project();
			assert_ok!(Accounting::propose_equation(signed(WORKSHOP), project, richer()));
			run_to_block(2 + VOTING);
			assert_eq!(last_event(), Event::EquationRefused { project, round: 0 });
			assert!(!Deadlines::<Test>::contains_key(2 + VOTING));
		});
	}

	#[test]
	fn the_only_participant_adopts_their_own_proposal() {
		test(|| {
			assert_ok!(Accounting::create_project(signed(FARMER), hash(1), equation()));
			assert_ok!(Accounting::propose_equation(signed(FARMER), 0, richer()));
			assert_eq!(project_of(0).version, 1);
		});
	}

	#[test]
	fn proposals_and_votes_follow_the_rules() {
		test(|| {
			assert_noop!(
				Accounting::propose_equation(signed(FARMER), 0, richer()),
				Error::UnknownProject
			);
			assert_noop!(Accounting::vote_on_equation(signed(FARMER), 0, true), Error::NoVote);
			let project = sausage_project();
			assert_noop!(
				Accounting::propose_equation(signed(BUTCHER), project, richer()),
				Error::NotParticipant
			);
			assert_noop!(
				Accounting::propose_equation(
					signed(FARMER),
					project,
					Equation { fund_share: Perbill::one(), ..richer() }
				),
				Error::SharesOverWhole
			);
			assert_noop!(
				Accounting::propose_equation(
					signed(FARMER),
					project,
					Equation { voting_period: 0, ..richer() }
				),
				Error::InvalidRules
			);
			assert_noop!(
				Accounting::propose_equation(
					signed(FARMER),
					project,
					Equation { fund_share: Perbill::zero(), ..richer() }
				),
				Error::FundShareBelowFloor
			);
			assert_ok!(Accounting::propose_equation(signed(FARMER), project, richer()));
			assert_noop!(
				Accounting::propose_equation(signed(WORKSHOP), project, richer()),
				Error::VoteOpen
			);
			assert_noop!(
				Accounting::vote_on_equation(signed(FARMER), project, true),
				Error::AlreadyVoted
			);
			assert_noop!(
				Accounting::vote_on_equation(signed(BUTCHER), project, true),
				Error::NotParticipant
			);
			admitted(project, BUTCHER);
			assert_noop!(
				Accounting::vote_on_equation(signed(BUTCHER), project, true),
				Error::JoinedAfterVoteOpened
			);
			// The vote has ended, though the hook has not reached it yet (after a burst).
			System::set_block_number(2 + VOTING);
			assert_noop!(
				Accounting::vote_on_equation(signed(WORKSHOP), project, true),
				Error::VoteEnded
			);
			System::set_block_number(2);
		});
	}
}

mod revenue {
	use super::*;

	#[test]
	fn the_general_meeting_sets_the_floor_of_the_funds_share_within_its_limit() {
		test(|| {
			assert_eq!(MinFundShare::<Test>::get(), Perbill::from_percent(5));
			assert_noop!(
				Accounting::set_min_fund_share(signed(FARMER), Perbill::from_percent(20)),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Accounting::set_min_fund_share(RuntimeOrigin::root(), Perbill::from_percent(51)),
				Error::FloorAboveLimit
			);
			assert_ok!(Accounting::set_min_fund_share(
				RuntimeOrigin::root(),
				Perbill::from_percent(20)
			));
			assert_eq!(last_event(), Event::MinFundShareSet { share: Perbill::from_percent(20) });
			assert_eq!(MinFundShare::<Test>::get(), Perbill::from_percent(20));
			assert_noop!(
				Accounting::create_project(signed(FARMER), hash(1), equation()),
				Error::FundShareBelowFloor
			);
		});
	}

	#[test]
	fn genesis_may_set_the_floor_of_the_funds_share() {
		let mut storage =
			frame_system::GenesisConfig::<Test>::default().build_storage().expect("builds");
		pallet_balances::GenesisConfig::<Test> {
			balances: vec![(Accounting::account_id(), WEALTH)],
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.expect("builds");
		crate::GenesisConfig::<Test> {
			min_fund_share: Some(Perbill::from_percent(20)),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.expect("builds");
		sp_io::TestExternalities::new(storage).execute_with(|| {
			assert_eq!(MinFundShare::<Test>::get(), Perbill::from_percent(20));
		});
	}

	#[test]
	fn a_raised_floor_applies_to_the_equations_in_force_at_once() {
		test(|| {
			let project = worked_example();
			assert_ok!(Accounting::set_min_fund_share(
				RuntimeOrigin::root(),
				Perbill::from_percent(20)
			));
			assert_ok!(Accounting::pay_revenue(signed(BUYER), project, 10_000));
			// 20 % to the fund though the equation says 10 %; 10 % to the organiser; 7 000
			// over 550 points is 12 each, 400 left.
			let split = Split {
				revenue: 10_000,
				fund: 2_000,
				per_organiser: 1_000,
				organisers: 1,
				reward_per_point: 12,
				points: 550,
				remainder: 400,
			};
			assert_eq!(
				last_event(),
				Event::RevenuePaid { project, payer: BUYER, version: 0, split }
			);
			assert_eq!(inflow(Inflow::ProjectRevenue), 2_000);
		});
	}

	#[test]
	fn the_organisers_share_gives_way_to_the_floor() {
		test(|| {
			assert_ok!(Accounting::create_project(
				signed(FARMER),
				hash(1),
				Equation {
					fund_share: Perbill::from_percent(10),
					organisers_share: Perbill::from_percent(90),
					approvals: 0,
					..equation()
				}
			));
			record(0, FARMER, Kind::Time, 1);
			advance(CHALLENGE);
			assert_ok!(Accounting::set_min_fund_share(
				RuntimeOrigin::root(),
				Perbill::from_percent(30)
			));
			let split = Accounting::split(0, &project_of(0), 1_000).expect("a split");
			assert_eq!((split.fund, split.per_organiser, split.reward_per_point), (300, 700, 0));
			assert_eq!(split.remainder, 0);
		});
	}

	#[test]
	fn revenue_is_split_exactly_fund_and_organisers_first_then_by_points() {
		test(|| {
			let project = worked_example();
			let fund_before = Balances::balance(&FUND);
			let buyer_before = Balances::balance(&BUYER);
			assert_ok!(Accounting::pay_revenue(signed(BUYER), project, 10_000));
			let split = Split {
				revenue: 10_000,
				fund: 1_000,
				per_organiser: 1_000,
				organisers: 1,
				reward_per_point: 14,
				points: 550,
				remainder: 300,
			};
			assert_eq!(
				last_event(),
				Event::RevenuePaid { project, payer: BUYER, version: 0, split }
			);
			assert_eq!(Balances::balance(&BUYER), buyer_before - 10_000);
			assert_eq!(Balances::balance(&FUND), fund_before + 1_300);
			assert_eq!(inflow(Inflow::ProjectRevenue), 1_000);
			assert_eq!(inflow(Inflow::Remainder), 300);
			assert_eq!(Accounting::entitlements_held(), 8_700);
			for (who, amount) in
				[(FARMER, 2_400), (WORKSHOP, 1_400), (FEED, 4_200), (TRANSPORT, 700)]
			{
				assert_eq!(claimable(project, who), amount);
			}
			let totals = project_of(project).totals;
			assert_eq!(
				totals,
				Totals {
					revenue: 10_000,
					fund: 1_000,
					organisers: 1_000,
					participants: 7_700,
					remainder: 300,
					claimed: 0,
				}
			);
			assert_eq!(project_of(project).reward_per_point, 14);
		});
	}

	#[test]
	fn each_party_claims_exactly_what_the_preview_showed() {
		test(|| {
			let project = worked_example();
			appointed(project, WORKSHOP);
			let preview = Accounting::split_preview(project, 12_345).expect("a preview");
			assert_eq!(preview.to_fund, preview.split.fund + preview.split.remainder);
			let fund_before = Balances::balance(&FUND);
			assert_ok!(Accounting::pay_revenue(signed(BUYER), project, 12_345));
			assert_eq!(Balances::balance(&FUND), fund_before + preview.to_fund);
			let mut total = preview.to_fund;
			for party in &preview.parties {
				let before = Balances::balance(&party.who);
				assert_ok!(Accounting::claim(signed(party.who), project));
				assert_eq!(Balances::balance(&party.who), before + party.total);
				assert_eq!(
					last_event(),
					Event::Claimed { project, who: party.who, amount: party.total }
				);
				total += party.total;
			}
			assert_eq!(total, 12_345);
			assert_eq!(preview.parties.len(), 4);
			assert_eq!(Accounting::entitlements_held(), 0);
			assert_eq!(project_of(project).totals.claimed, 12_345 - preview.to_fund);
		});
	}

	#[test]
	fn revenue_needs_an_amount_a_project_with_points_and_a_payer_who_can_pay() {
		test(|| {
			assert_noop!(Accounting::pay_revenue(signed(BUYER), 0, 100), Error::UnknownProject);
			let project = sausage_project();
			assert_noop!(Accounting::pay_revenue(signed(BUYER), project, 0), Error::ZeroRevenue);
			assert_noop!(
				Accounting::pay_revenue(signed(BUYER), project, 100),
				Error::NoValidatedPoints
			);
			validated(project, FARMER, Kind::Time, 1);
			assert_noop!(Accounting::pay_revenue(signed(PAUPER), project, 100), Error::CannotPay);
			// The payer stays alive: all but the existential deposit at most.
			assert_noop!(
				Accounting::pay_revenue(signed(BUYER), project, WEALTH - ED + 1),
				Error::CannotPay
			);
			assert_ok!(Accounting::pay_revenue(signed(BUYER), project, WEALTH - ED));
		});
	}

	#[test]
	fn an_accumulator_that_would_overflow_refuses_the_revenue() {
		test(|| {
			let project = worked_example();
			let full = Amount::MAX - 5;
			Projects::<Test>::mutate(project, |p| {
				if let Some(p) = p {
					p.reward_per_point = full;
				}
			});
			for who in [FARMER, WORKSHOP, FEED, TRANSPORT] {
				Shares::<Test>::mutate(project, who, |s| {
					if let Some(s) = s {
						s.seen = full;
					}
				});
			}
			// 8 000 over 550 points is 14 a point: past the accumulator's end.
			assert_noop!(Accounting::pay_revenue(signed(BUYER), project, 10_000), Error::Overflow);
		});
	}

	#[test]
	fn claims_need_something_to_claim_and_an_account_that_can_receive_it() {
		test(|| {
			assert_noop!(Accounting::claim(signed(FARMER), 0), Error::UnknownProject);
			let project = worked_example();
			assert_noop!(Accounting::claim(signed(FARMER), project), Error::NothingToClaim);
			assert_noop!(Accounting::claim(signed(BUYER), project), Error::NothingToClaim);
			// PAUPER, holding nothing, earns 2 units: below the existential deposit.
			admit(PAUPER);
			admitted(project, PAUPER);
			validated(project, PAUPER, Kind::Money, 1);
			assert_ok!(Accounting::pay_revenue(signed(BUYER), project, 1_000));
			let owed = claimable(project, PAUPER);
			assert!(owed > 0 && owed < ED);
			assert_noop!(Accounting::claim(signed(PAUPER), project), Error::ClaimFailed);
			assert_eq!(claimable(project, PAUPER), owed);
			assert_ok!(Accounting::claim(signed(FARMER), project));
			assert_noop!(Accounting::claim(signed(FARMER), project), Error::NothingToClaim);
		});
	}

	#[test]
	fn organisers_share_their_share_equally_and_its_rounding_goes_to_the_fund() {
		test(|| {
			let project = worked_example();
			appointed(project, WORKSHOP);
			appointed(project, FEED);
			assert_ok!(Accounting::pay_revenue(signed(BUYER), project, 1_000));
			// 100 for three organisers: 33 each, 1 left; 800 for 550 points: 1 each, 250 left.
			let split = Split {
				revenue: 1_000,
				fund: 100,
				per_organiser: 33,
				organisers: 3,
				reward_per_point: 1,
				points: 550,
				remainder: 251,
			};
			assert_eq!(
				last_event(),
				Event::RevenuePaid { project, payer: BUYER, version: 0, split }
			);
			assert_eq!(inflow(Inflow::Remainder), 251);
			assert_eq!(claimable(project, FEED), 33 + 300);
		});
	}

	#[test]
	fn points_earn_only_from_revenue_paid_after_they_are_validated() {
		test(|| {
			let project = sausage_project();
			validated(project, FARMER, Kind::Time, 10);
			assert_ok!(Accounting::pay_revenue(signed(BUYER), project, 1_000));
			assert_eq!(claimable(project, FARMER), 100 + 800);
			validated(project, WORKSHOP, Kind::Materials, 50);
			assert_eq!(claimable(project, WORKSHOP), 0);
			assert_ok!(Accounting::pay_revenue(signed(BUYER), project, 1_000));
			assert_eq!(claimable(project, FARMER), 900 + 100 + 400);
			assert_eq!(claimable(project, WORKSHOP), 400);
		});
	}

	#[test]
	fn the_views_show_the_project_the_contributions_and_the_claims() {
		test(|| {
			let project = worked_example();
			let pending = record(project, FEED, Kind::Money, 10);
			assert_ok!(Accounting::propose_equation(signed(WORKSHOP), project, equation()));
			assert_ok!(Accounting::pay_revenue(signed(BUYER), project, 10_000));
			let view = Accounting::project_view(project).expect("a view");
			assert_eq!(view.participant_count, 4);
			assert_eq!(view.total_points, 550);
			assert_eq!(view.reward_per_point, 14);
			assert_eq!(view.equations.len(), 1);
			assert_eq!(view.equations[0].time, 10);
			assert_eq!(view.participants.len(), 4);
			let feed = view.participants.iter().find(|p| p.who == FEED).expect("listed");
			assert_eq!((feed.points, feed.claimable, feed.organiser), (300, 4_200, false));
			assert_eq!(view.equation_vote.as_ref().map(|v| (v.ayes, v.electorate)), Some((1, 4)));
			assert!(Accounting::project_view(9).is_none());
			let mine = Accounting::contributions_view(&FEED);
			assert_eq!(mine.len(), 2);
			assert_eq!(mine[0].id, pending);
			assert!(matches!(mine[0].status, Status::Pending { .. }));
			assert!(matches!(mine[1].status, Status::Validated { .. }));
			assert_eq!(
				Accounting::claimable_view(&FEED),
				vec![ClaimableView { project, amount: 4_200 }]
			);
			assert!(Accounting::claimable_view(&BUYER).is_empty());
			assert!(Accounting::split_preview(9, 1).is_none());
		});
	}

	#[test]
	fn the_views_read_as_json_with_amounts_as_decimal_strings() {
		test(|| {
			let project = worked_example();
			let preview = Accounting::split_preview(project, 10_000).expect("a preview");
			let json = serde_json::to_value(&preview).expect("serialises");
			assert_eq!(json["toFund"], "1300");
			assert_eq!(json["split"]["rewardPerPoint"], "14");
			assert_eq!(json["parties"][0]["total"], "2400");
			let view = serde_json::to_value(Accounting::project_view(project)).expect("json");
			assert_eq!(view["totalPoints"], "550");
			assert_eq!(view["equations"][0]["fundShare"], 100_000_000);
		});
	}
}

/// Random sequences of joins, contributions, validations, revenues, claims and departures keep
/// every split exact and every unit accounted for.
mod properties {
	use super::*;
	use proptest::prelude::*;

	#[derive(Clone, Debug)]
	enum Op {
		Contribute { who: usize, kind: u8, quantity: u64 },
		Revenue { amount: u128 },
		Claim { who: usize },
		Leave { who: usize },
		Rejoin { who: usize },
		Appoint { who: usize },
		Wait { blocks: u64 },
	}

	const PEOPLE: [AccountId; 5] = [FARMER, WORKSHOP, FEED, TRANSPORT, BUTCHER];

	fn op() -> impl Strategy<Value = Op> {
		prop_oneof![
			4 => (0..5usize, 0..3u8, 1..1_000u64)
				.prop_map(|(who, kind, quantity)| Op::Contribute { who, kind, quantity }),
			3 => (1..10_000_000u128).prop_map(|amount| Op::Revenue { amount }),
			2 => (0..5usize).prop_map(|who| Op::Claim { who }),
			1 => (0..5usize).prop_map(|who| Op::Leave { who }),
			1 => (0..5usize).prop_map(|who| Op::Rejoin { who }),
			1 => (0..5usize).prop_map(|who| Op::Appoint { who }),
			1 => (1..15u64).prop_map(|blocks| Op::Wait { blocks }),
		]
	}

	/// Everyone votes aye on the motion about `candidate`, where they may.
	fn vote_all(project: ProjectId, candidate: AccountId) {
		for voter in PEOPLE {
			let _ = Accounting::vote_on_motion(signed(voter), project, candidate, true);
		}
	}

	fn apply(project: ProjectId, op: Op) {
		let kinds = [Kind::Time, Kind::Money, Kind::Materials];
		// Calls that fail here fail by the rules (a participant who left, nothing to claim):
		// nothing moves, which the invariants check.
		let _ = match op {
			Op::Contribute { who, kind, quantity } => {
				let who = PEOPLE[who];
				let id = NextContributionId::<Test>::get();
				let recorded = Accounting::record(
					signed(who),
					project,
					kinds[kind as usize],
					quantity,
					hash(9),
				);
				if recorded.is_ok() && quantity % 3 == 0 {
					for peer in PEOPLE.into_iter().filter(|peer| *peer != who) {
						let _ = Accounting::approve(signed(peer), id);
					}
				}
				recorded
			},
			Op::Revenue { amount } => Accounting::pay_revenue(signed(BUYER), project, amount),
			Op::Claim { who } => Accounting::claim(signed(PEOPLE[who]), project),
			Op::Leave { who } => Accounting::leave(signed(PEOPLE[who]), project),
			Op::Rejoin { who } => Accounting::request_to_join(signed(PEOPLE[who]), project)
				.and_then(|_| {
					let organiser = project_of(project).organisers[0];
					Accounting::admit(signed(organiser), project, PEOPLE[who])
				})
				.map(|_| vote_all(project, PEOPLE[who])),
			Op::Appoint { who } => {
				let organiser = project_of(project).organisers[0];
				Accounting::appoint_organiser(signed(organiser), project, PEOPLE[who])
					.map(|_| vote_all(project, PEOPLE[who]))
			},
			Op::Wait { blocks } => {
				advance(blocks);
				Ok(())
			},
		};
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(64))]

		#[test]
		fn every_unit_of_revenue_is_paid_credited_or_in_the_fund(
			ops in proptest::collection::vec(op(), 1..60)
		) {
			new_test_ext().execute_with(|| {
				let project = sausage_project();
				let buyer_before = Balances::balance(&BUYER);
				for op in ops {
					apply(project, op);
					Accounting::do_try_state().expect("invariants hold");
				}
				let record = project_of(project);
				let mut paid = 0u128;
				for event in events() {
					if let Event::RevenuePaid { split, .. } = event {
						prop_assert_eq!(
							split.fund + split.to_organisers() + split.to_participants() +
								split.remainder,
							split.revenue
						);
						paid += split.revenue;
					}
				}
				prop_assert_eq!(buyer_before - Balances::balance(&BUYER), paid);
				prop_assert_eq!(record.totals.revenue, paid);
				let claimable: u128 = PEOPLE.iter().map(|who| claimable(project, *who)).sum();
				let to_fund = inflow(Inflow::ProjectRevenue) + inflow(Inflow::Remainder);
				prop_assert_eq!(record.totals.claimed + claimable + to_fund, paid);
				prop_assert_eq!(Accounting::entitlements_held(), claimable);
				Ok(())
			})?;
		}

		#[test]
		fn a_split_is_exact_for_any_shares_organisers_and_points(
			revenue in 0..u128::MAX / 2,
			fund in 0..=1_000_000_000u32,
			organisers_share in 0..=1_000_000_000u32,
			organisers in 0..16u32,
			points in 0..u128::MAX / 4,
		) {
			let organisers_share = organisers_share.min(1_000_000_000 - fund);
			let split = Split::compute(
				revenue,
				Perbill::from_parts(fund),
				Perbill::from_parts(organisers_share),
				organisers,
				points,
			);
			prop_assert_eq!(
				split.fund + split.to_organisers() + split.to_participants() + split.remainder,
				revenue
			);
			// The remainder is only rounding: under one unit per organiser and per point, plus
			// the shares with nobody to receive them.
			let nobody = if organisers == 0 {
				Perbill::from_parts(organisers_share).mul_floor(revenue)
			} else {
				0
			};
			let rest = revenue - split.fund - Perbill::from_parts(organisers_share).mul_floor(revenue);
			let unpointed = if points == 0 { rest } else { 0 };
			prop_assert!(split.remainder < u128::from(organisers) + points.max(1) + nobody + unpointed);
		}
	}
}

#[test]
fn entitlements_are_held_so_a_transfer_to_the_account_is_nobodys() {
	test(|| {
		let project = worked_example();
		assert_ok!(Balances::transfer(
			&BUYER,
			&Accounting::account_id(),
			1_000,
			frame_support::traits::tokens::Preservation::Preserve
		));
		assert_ok!(Accounting::pay_revenue(signed(BUYER), project, 10_000));
		assert_eq!(Accounting::entitlements_held(), 8_700);
		assert_eq!(
			Accounting::claim(signed(BUYER), project),
			Err(DispatchError::from(Error::NothingToClaim))
		);
	});
}

mod deadlines {
	use super::*;
	use crate::weights::WeightInfo;
	use frame_support::traits::{GetStorageVersion, Hooks, OnRuntimeUpgrade, StorageVersion};

	#[test]
	fn a_block_with_nothing_due_is_charged_only_the_idle_hook() {
		test(|| {
			assert_eq!(Accounting::on_initialize(2), <() as WeightInfo>::on_initialize_idle());
			assert_ok!(Accounting::create_project(signed(FARMER), hash(1), equation()));
			let id = record(0, FARMER, Kind::Time, 1);
			System::set_block_number(1 + CHALLENGE);
			// One contribution, one block stepped.
			assert_eq!(
				Accounting::on_initialize(1 + CHALLENGE),
				<() as WeightInfo>::on_initialize_contributions(1, 1)
					.saturating_add(<() as WeightInfo>::on_initialize_equations(0))
			);
			assert!(matches!(status(id), Status::Rejected { .. }));
		});
	}

	#[test]
	fn the_upgrade_to_paged_queues_keeps_every_deadline_filed_before_it() {
		test(|| {
			// A contribution recorded under storage version 0, whose queue was the first pages
			// alone.
			assert_ok!(Accounting::create_project(signed(FARMER), hash(1), equation()));
			let id = record(0, FARMER, Kind::Time, 1);
			StorageVersion::new(0).put::<Accounting>();
			migrations::v1::MigrateV0ToV1::<Test>::on_runtime_upgrade();
			assert_eq!(Accounting::on_chain_storage_version(), StorageVersion::new(1));
			assert_eq!(
				Deadlines::<Test>::get(1 + CHALLENGE).into_inner(),
				vec![Due::Contribution(id)]
			);
			// Run again, it finds version 1 and does nothing.
			migrations::v1::MigrateV0ToV1::<Test>::on_runtime_upgrade();
			assert_eq!(Accounting::on_chain_storage_version(), StorageVersion::new(1));
			run_to_block(CHALLENGE);
			assert!(matches!(status(id), Status::Pending { .. }));
			run_to_block(1 + CHALLENGE);
			assert_eq!(
				status(id),
				Status::Rejected { at: 1 + CHALLENGE, by: Rejection::Unapproved }
			);
		});
	}
}
