//! Projects against capture, on the real runtime (issue 14, attack 6): an organiser can no longer
//! bring in accounts of their own once other members are in, nor appoint alone; an equation that
//! gives the organisers everything is refused below the fund's floor, which the general meeting
//! raises for equations already in force; a lone challenger rejects nothing; approvals do not
//! close the challenge window; one member filling the deadline queues does not refuse other
//! projects' records.

// A test fails loudly, with the reason, where the runtime and node never may.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use crate::common;

use common::{ext_from_preset, founders, initialize_block};
use frame_support::{assert_noop, assert_ok, traits::Get};
use pallet_contributions::{
	Equation, Kind, MinFundShare, MotionKind, Motions, Rejection, Status, Validation,
};
use sp_core::H256;
use sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring;
use sp_runtime::Perbill;
use synergy_runtime::{currency::UNITS, AccountId, Contributions, Runtime, RuntimeOrigin};

type Error = pallet_contributions::Error<Runtime>;

/// A challenge window of five blocks, votes of three.
const WINDOW: u32 = 5;
const VOTING: u32 = 3;

fn signed(who: &AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.clone())
}

fn check_invariants() {
	pallet_contributions::Pallet::<Runtime>::do_try_state().unwrap();
	pallet_fund_voting::Pallet::<Runtime>::do_try_state().unwrap();
}

fn status(id: u64) -> Status<AccountId, u32> {
	pallet_contributions::Contributions::<Runtime>::get(id).unwrap().status
}

fn run_blocks(from: u32, to: u32) {
	for n in from + 1..=to {
		initialize_block(n);
	}
}

/// `founder` creates a project and, while its only participant, admits `others`, who accept.
fn project_of(founder: &AccountId, others: &[&AccountId]) -> u32 {
	let project = pallet_contributions::NextProjectId::<Runtime>::get();
	let equation = Equation::customary(WINDOW, VOTING);
	assert_ok!(Contributions::create_project(signed(founder), H256::repeat_byte(1), equation));
	for who in others {
		assert_ok!(Contributions::invite(signed(founder), project, (*who).clone()));
	}
	for who in others {
		assert_ok!(Contributions::join(signed(who), project));
	}
	project
}

#[test]
fn an_organiser_cannot_bring_socks_into_a_project_with_other_members_nor_appoint_alone() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, bob, charlie, dave] = founders();
		initialize_block(1);
		let project = project_of(&alice, &[&bob, &charlie]);
		initialize_block(2);
		// Alice invites Dave, her sock: her aye is one of three.
		assert_ok!(Contributions::invite(signed(&alice), project, dave.clone()));
		assert!(Motions::<Runtime>::contains_key(project, &dave));
		assert_noop!(Contributions::join(signed(&dave), project), Error::NotInvited);
		// The honest participants refuse; Dave never joined.
		assert_ok!(Contributions::vote_on_motion(signed(&bob), project, dave.clone(), false));
		assert_ok!(Contributions::vote_on_motion(signed(&charlie), project, dave.clone(), false));
		assert!(!Motions::<Runtime>::contains_key(project, &dave));
		assert_noop!(Contributions::join(signed(&dave), project), Error::NotInvited);
		assert!(!Contributions::participates(project, &dave));
		// Nor does an organiser appoint alone: Alice's proposal to appoint Bob waits for Charlie.
		assert_ok!(Contributions::appoint_organiser(signed(&alice), project, bob.clone()));
		let record = pallet_contributions::Projects::<Runtime>::get(project).unwrap();
		assert_eq!(record.organisers.to_vec(), vec![alice.clone()]);
		assert_ok!(Contributions::vote_on_motion(signed(&charlie), project, bob.clone(), true));
		let record = pallet_contributions::Projects::<Runtime>::get(project).unwrap();
		assert_eq!(record.organisers.to_vec(), vec![alice.clone(), bob.clone()]);
		// The motion's kind and its end are on record for auditors.
		assert_ok!(Contributions::invite(signed(&bob), project, dave.clone()));
		let motion = Motions::<Runtime>::get(project, &dave).unwrap();
		assert_eq!(
			(motion.kind, motion.electorate, motion.ends),
			(MotionKind::Admission, 3, 2 + VOTING)
		);
		// Without a majority by its end, it is refused.
		run_blocks(2, 2 + VOTING);
		assert!(!Motions::<Runtime>::contains_key(project, &dave));
		assert!(!Contributions::participates(project, &dave));
		check_invariants();
	});
}

#[test]
fn an_equation_giving_the_organisers_everything_is_refused_below_the_funds_floor() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, bob, charlie, dave] = founders();
		initialize_block(1);
		let project = project_of(&alice, &[&bob, &charlie, &dave]);
		initialize_block(2);
		assert_eq!(MinFundShare::<Runtime>::get(), Perbill::from_percent(10));
		let captured = Equation {
			fund_share: Perbill::zero(),
			organisers_share: Perbill::one(),
			..Equation::customary(WINDOW, VOTING)
		};
		assert_noop!(
			Contributions::propose_equation(signed(&alice), project, captured.clone()),
			Error::FundShareBelowFloor
		);
		assert_noop!(
			Contributions::create_project(signed(&alice), H256::zero(), captured),
			Error::FundShareBelowFloor
		);
		// At the floor, the rest to the organisers: the fund keeps its share.
		let greedy = Equation {
			fund_share: Perbill::from_percent(10),
			organisers_share: Perbill::from_percent(90),
			approvals: 0,
			..Equation::customary(WINDOW, VOTING)
		};
		let own = project_of(&alice, &[]);
		assert_ok!(Contributions::propose_equation(signed(&alice), own, greedy));
		assert_ok!(Contributions::record(signed(&alice), own, Kind::Time, 1, H256::zero()));
		run_blocks(2, 2 + WINDOW);
		// A member alone may not raise the floor; the general meeting does (Root stands for a
		// passed motion here), and it applies to the equation already in force.
		let floor = Perbill::from_percent(30);
		assert_noop!(
			Contributions::set_min_fund_share(signed(&alice), floor),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			Contributions::set_min_fund_share(RuntimeOrigin::root(), Perbill::from_percent(51)),
			Error::FloorAboveLimit
		);
		assert_ok!(Contributions::set_min_fund_share(RuntimeOrigin::root(), floor));
		let record = pallet_contributions::Projects::<Runtime>::get(own).unwrap();
		let split = Contributions::split(own, &record, 1_000 * UNITS).unwrap();
		assert_eq!(split.fund, 300 * UNITS);
		assert_eq!(split.per_organiser, 700 * UNITS);
		let before = pallet_fund_voting::FundStatement::<Runtime>::get().project_revenue;
		let ferdie = Sr25519Keyring::Ferdie.to_account_id();
		assert_ok!(Contributions::pay_revenue(signed(&ferdie), own, 1_000 * UNITS));
		assert_eq!(
			pallet_fund_voting::FundStatement::<Runtime>::get().project_revenue,
			before + 300 * UNITS
		);
		check_invariants();
	});
}

#[test]
fn a_lone_challenger_rejects_nothing_and_approvals_do_not_close_the_window() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, bob, charlie, dave] = founders();
		initialize_block(1);
		let project = project_of(&alice, &[&bob, &charlie, &dave]);
		initialize_block(2);
		let record = |who: &AccountId, quantity| {
			let id = pallet_contributions::NextContributionId::<Runtime>::get();
			assert_ok!(Contributions::record(
				signed(who),
				project,
				Kind::Time,
				quantity,
				H256::zero()
			));
			id
		};
		// Dave's honest record, approved by Alice and Bob; Charlie alone challenges it.
		let honest = record(&dave, 10);
		// Dave's inflated record, approved by his two friends.
		let inflated = record(&dave, 1_000);
		for id in [honest, inflated] {
			assert_ok!(Contributions::approve(signed(&alice), id));
			assert_ok!(Contributions::approve(signed(&bob), id));
		}
		// Two approvals leave both open: the window runs its course.
		assert!(matches!(status(inflated), Status::Pending { approvals: 2, .. }));
		assert_ok!(Contributions::challenge(signed(&charlie), honest));
		// The challenger does not vote, and alone decides nothing.
		assert_noop!(
			Contributions::vote_on_contribution(signed(&charlie), honest, false),
			Error::OwnChallenge
		);
		// Within the window, the inflated record can still be challenged; the others, having
		// seen the evidence, reject it.
		assert_ok!(Contributions::challenge(signed(&charlie), inflated));
		assert_ok!(Contributions::vote_on_contribution(signed(&alice), inflated, false));
		assert_ok!(Contributions::vote_on_contribution(signed(&bob), inflated, false));
		assert_eq!(status(inflated), Status::Rejected { at: 2, by: Rejection::Vote });
		// Nobody joins Charlie: without a quorum the approvals decide.
		run_blocks(2, 2 + VOTING);
		assert_eq!(status(honest), Status::Validated { at: 2 + VOTING, by: Validation::Approved });
		let record = pallet_contributions::Projects::<Runtime>::get(project).unwrap();
		assert_eq!(record.total_points, 10);
		check_invariants();
	});
}

#[test]
fn one_member_filling_the_deadline_queues_does_not_refuse_other_projects_records() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, bob, ..] = founders();
		initialize_block(1);
		let spammed = project_of(&alice, &[]);
		let other = project_of(&bob, &[]);
		initialize_block(2);
		let per_member = <Runtime as pallet_contributions::Config>::MaxPendingPerParticipant::get();
		for _ in 0..per_member {
			assert_ok!(Contributions::record(signed(&alice), spammed, Kind::Time, 1, H256::zero()));
		}
		assert_noop!(
			Contributions::record(signed(&alice), spammed, Kind::Time, 1, H256::zero()),
			Error::TooManyPending
		);
		// Bob's record, due the same block, is filed there too, on a page of its own.
		let id = pallet_contributions::NextContributionId::<Runtime>::get();
		assert_ok!(Contributions::record(signed(&bob), other, Kind::Time, 1, H256::zero()));
		let due = pallet_contributions::Contributions::<Runtime>::get(id).unwrap().due.unwrap();
		assert_eq!(due, 2 + WINDOW);
		// Three pages fall due there, two a block: the rest is decided the next block, and
		// Alice may record again.
		run_blocks(2, due + 1);
		assert!(matches!(status(id), Status::Rejected { by: Rejection::Unapproved, .. }));
		assert_eq!(pallet_contributions::PendingOf::<Runtime>::get(&alice), 0);
		assert_ok!(Contributions::record(signed(&alice), spammed, Kind::Time, 1, H256::zero()));
		check_invariants();
	});
}
