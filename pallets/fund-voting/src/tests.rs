//! Unit tests: every call's success path, every error (with nothing moved), every event; the
//! invariants are checked after each test by `mock::test`.

use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold, Mutate},
	BoundedVec,
};
use sp_runtime::{DispatchError, Perbill};

type FundError = crate::Error<Test>;
type FundEvent = crate::Event<Test>;

fn held_deposit(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::ProposalDeposit.into(), &who)
}

fn status(id: ProposalId) -> Status<u64> {
	Proposals::<Test>::get(id).expect("a proposal").status
}

fn statement() -> Statement<Balance> {
	FundStatement::<Test>::get()
}

/// ALICE proposes paying `amount` to EVE; returns its number.
fn spend(amount: Balance) -> ProposalId {
	let id = NextProposalId::<Test>::get();
	assert_ok!(Fund::propose_spend(signed(ALICE), EVE, amount, rationale()));
	id
}

/// ALICE moves that the general meeting execute `call`; returns its number.
fn motion(call: RuntimeCall) -> ProposalId {
	let id = NextProposalId::<Test>::get();
	assert_ok!(Fund::propose_motion(signed(ALICE), Box::new(call), rationale()));
	id
}

fn remark(bytes: &[u8]) -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: bytes.to_vec() })
}

mod fund {
	use super::*;

	#[test]
	fn genesis_holds_the_endowment_on_the_fund_account() {
		test(|| {
			assert_eq!(Fund::fund_balance(), ENDOWMENT);
			assert_eq!(statement().endowment, ENDOWMENT);
			let view = Fund::fund_view();
			assert_eq!(view.account, Fund::account_id());
			assert_eq!(view.balance, ENDOWMENT);
			assert_eq!(view.reserve, RESERVE);
			assert_eq!(view.available, ENDOWMENT - RESERVE);
			assert_eq!(view.budget_left, BUDGET);
		});
	}

	#[test]
	fn donations_from_anyone_are_recorded_by_source() {
		test(|| {
			assert_ok!(Fund::donate(signed(FERDIE), 300));
			System::assert_last_event(
				FundEvent::PaidIn { from: FERDIE, amount: 300, source: Inflow::Donation }.into(),
			);
			assert_eq!(Balances::balance(&FERDIE), 100_000 - 300);
			assert_eq!(statement().donations, 300);
			assert_eq!(Fund::fund_balance(), ENDOWMENT + 300);
		});
	}

	#[test]
	fn donation_errors_move_nothing() {
		test(|| {
			assert_noop!(Fund::donate(signed(FERDIE), 0), FundError::ZeroAmount);
			assert_noop!(Fund::donate(signed(PAUPER), 5), FundError::CannotPay);
			// The giver's account is kept alive.
			assert_noop!(Fund::donate(signed(FERDIE), 100_000), FundError::CannotPay);
		});
	}

	#[test]
	fn other_pallets_pay_in_tagged() {
		test(|| {
			assert_ok!(<Fund as CommonFund<_, _>>::pay_in(&EVE, FEE, Inflow::AdmissionFee));
			System::assert_last_event(
				FundEvent::PaidIn { from: EVE, amount: FEE, source: Inflow::AdmissionFee }.into(),
			);
			assert_ok!(<Fund as CommonFund<_, _>>::pay_in(&FERDIE, 70, Inflow::ProjectRevenue));
			assert_ok!(<Fund as CommonFund<_, _>>::pay_in(&FERDIE, 3, Inflow::Remainder));
			let s = statement();
			assert_eq!((s.admission_fees, s.project_revenue, s.remainders), (FEE, 70, 3));
			assert_eq!(Fund::fund_balance(), ENDOWMENT + FEE + 73);
			assert!(<Fund as CommonFund<_, _>>::pay_in(&PAUPER, FEE, Inflow::AdmissionFee).is_err());
		});
	}

	#[test]
	fn a_zero_payment_moves_nothing() {
		test(|| {
			assert_ok!(<Fund as CommonFund<_, _>>::pay_in(&PAUPER, 0, Inflow::AdmissionFee));
			assert_eq!(statement().admission_fees, 0);
			assert_eq!(System::events().len(), 0);
		});
	}
}

mod spends {
	use super::*;

	#[test]
	fn a_spend_with_quorum_and_approval_pays_exactly_after_its_grace() {
		test(|| {
			let id = spend(700);
			assert_eq!(held_deposit(ALICE), DEPOSIT);
			System::assert_last_event(
				FundEvent::SpendProposed {
					id,
					proposer: ALICE,
					beneficiary: EVE,
					amount: 700,
					ends: 1 + VOTING,
				}
				.into(),
			);
			votes(id, &[ALICE, BOB], Vote::Aye);
			votes(id, &[CHARLIE], Vote::Nay);
			run_to_block(1 + VOTING);
			System::assert_last_event(
				FundEvent::Approved { id, executes: 1 + VOTING + GRACE }.into(),
			);
			assert_eq!(statement().committed, 700);
			assert_eq!(Fund::fund_view().available, ENDOWMENT - RESERVE - 700);
			assert_eq!(Fund::fund_view().budget_left, BUDGET - 700);
			run_to_block(1 + VOTING + GRACE);
			let events = fund_events();
			assert_eq!(
				events[events.len() - 2..],
				[
					FundEvent::SpendPaid { id, beneficiary: EVE, amount: 700 },
					FundEvent::DepositReturned { id, proposer: ALICE, amount: DEPOSIT },
				]
			);
			assert_eq!(Balances::balance(&EVE), 100_000 + 700);
			assert_eq!(held_deposit(ALICE), 0);
			assert_eq!(status(id), Status::Executed { at: 1 + VOTING + GRACE, ok: true });
			let s = statement();
			assert_eq!((s.out, s.committed), (700, 0));
			assert_eq!(Fund::fund_balance(), ENDOWMENT - 700);
		});
	}

	#[test]
	fn a_spend_short_of_quorum_expires_and_pays_nothing() {
		test(|| {
			let id = spend(700);
			votes(id, &[ALICE], Vote::Aye);
			run_to_block(1 + VOTING);
			let events = fund_events();
			assert_eq!(
				events[events.len() - 2..],
				[
					FundEvent::DepositReturned { id, proposer: ALICE, amount: DEPOSIT },
					FundEvent::Expired { id },
				]
			);
			assert_eq!(status(id), Status::Expired { at: 1 + VOTING });
			run_to_block(1 + VOTING + GRACE);
			assert_eq!(Balances::balance(&EVE), 100_000);
			assert_eq!(Fund::fund_balance(), ENDOWMENT);
			assert_eq!(held_deposit(ALICE), 0);
		});
	}

	#[test]
	fn a_tie_is_rejected_and_the_deposit_returned() {
		test(|| {
			let id = spend(700);
			votes(id, &[ALICE, BOB], Vote::Aye);
			votes(id, &[CHARLIE, DAVE], Vote::Nay);
			run_to_block(1 + VOTING);
			System::assert_last_event(FundEvent::Rejected { id, spam: false }.into());
			assert_eq!(status(id), Status::Rejected { at: 1 + VOTING, spam: false });
			assert_eq!(Balances::balance(&ALICE), 100_000);
		});
	}

	#[test]
	fn abstentions_count_for_quorum_but_decide_nothing() {
		test(|| {
			let id = spend(700);
			votes(id, &[ALICE, BOB, CHARLIE], Vote::Abstain);
			run_to_block(1 + VOTING);
			assert_eq!(status(id), Status::Rejected { at: 1 + VOTING, spam: false });
		});
	}

	#[test]
	fn spam_forfeits_its_deposit_to_the_fund() {
		test(|| {
			let id = spend(700);
			votes(id, &[BOB, CHARLIE, DAVE], Vote::Nay);
			run_to_block(1 + VOTING);
			let events = fund_events();
			assert_eq!(
				events[events.len() - 3..],
				[
					FundEvent::PaidIn { from: ALICE, amount: DEPOSIT, source: Inflow::Forfeit },
					FundEvent::DepositForfeited { id, proposer: ALICE, amount: DEPOSIT },
					FundEvent::Rejected { id, spam: true },
				]
			);
			assert_eq!(Balances::balance(&ALICE), 100_000 - DEPOSIT);
			assert_eq!(statement().forfeits, DEPOSIT);
			assert_eq!(Fund::fund_balance(), ENDOWMENT + DEPOSIT);
		});
	}

	#[test]
	fn a_large_spend_needs_the_super_approval() {
		test(|| {
			// Above a tenth of the fund: 70 % must be exceeded.
			let id = spend(ENDOWMENT / 10 + 1);
			assert_eq!(Proposals::<Test>::get(id).unwrap().approval, parameters().super_approval);
			votes(id, &[ALICE, BOB], Vote::Aye);
			votes(id, &[CHARLIE], Vote::Nay);
			run_to_block(1 + VOTING);
			assert_eq!(status(id), Status::Rejected { at: 1 + VOTING, spam: false });
			let id = spend(ENDOWMENT / 10);
			assert_eq!(Proposals::<Test>::get(id).unwrap().approval, parameters().approval);
		});
	}

	#[test]
	fn the_beneficiary_may_not_vote_and_is_not_in_the_electorate() {
		test(|| {
			assert_ok!(Fund::propose_spend(signed(ALICE), BOB, 100, rationale()));
			assert_eq!(Proposals::<Test>::get(0).unwrap().electorate, 3);
			assert_noop!(Fund::vote(signed(BOB), 0, Vote::Aye), FundError::Recused);
		});
	}

	#[test]
	fn spends_beyond_the_budget_or_the_fund_above_reserve_are_unfunded() {
		test(|| {
			let first = spend(BUDGET - 100);
			assert_ok!(Fund::propose_spend(signed(BOB), EVE, 200, rationale()));
			assert_ok!(Fund::donate(signed(FERDIE), 10_000));
			votes(first, &[ALICE, BOB, CHARLIE, DAVE], Vote::Aye);
			votes(1, &[ALICE, BOB, CHARLIE, DAVE], Vote::Aye);
			run_to_block(1 + VOTING);
			assert_eq!(status(first), Status::Approved { executes: 1 + VOTING + GRACE });
			assert_eq!(status(1), Status::Unfunded { at: 1 + VOTING });
			assert!(fund_events().contains(&FundEvent::Unfunded { id: 1 }));
			assert_eq!(statement().committed, BUDGET - 100);
			// A new budget period: the budget is whole again, but the fund above its reserve
			// and the first spend's commitment is short of this one.
			run_to_block(BUDGET_PERIOD + 2);
			assert_eq!(Fund::fund_view().budget_left, BUDGET);
			assert_ok!(Fund::propose_spend(signed(BOB), EVE, 4_000, rationale()));
			let id = 2;
			assert_ok!(Fund::propose_spend(signed(CHARLIE), EVE, 4_000, rationale()));
			votes(id, &[ALICE, BOB, CHARLIE, DAVE], Vote::Aye);
			votes(3, &[ALICE, BOB, CHARLIE, DAVE], Vote::Aye);
			// The fund is drained to its reserve in between by an approved large spend.
			run_to_block(BUDGET_PERIOD + 2 + VOTING);
			assert_eq!(
				status(id),
				Status::Approved { executes: BUDGET_PERIOD + 2 + VOTING + GRACE }
			);
			assert_eq!(status(3), Status::Unfunded { at: BUDGET_PERIOD + 2 + VOTING });
		});
	}

	#[test]
	fn a_spend_that_cannot_be_paid_fails_and_leaves_the_fund_whole() {
		test(|| {
			// PAUPER's account is empty: a payment below the existential deposit cannot open it.
			assert_ok!(Fund::propose_spend(signed(ALICE), PAUPER, ED - 1, rationale()));
			votes(0, &[ALICE, BOB, CHARLIE], Vote::Aye);
			run_to_block(1 + VOTING + GRACE);
			assert!(fund_events()
				.iter()
				.any(|e| matches!(e, FundEvent::SpendFailed { id: 0, .. })));
			assert_eq!(status(0), Status::Failed { at: 1 + VOTING + GRACE });
			assert_eq!(Balances::balance(&PAUPER), 0);
			assert_eq!(Fund::fund_balance(), ENDOWMENT);
			assert_eq!(statement().committed, 0);
			assert_eq!(held_deposit(ALICE), 0);
		});
	}

	#[test]
	fn an_approved_proposal_with_no_room_near_its_grace_end_waits_for_close() {
		test(|| {
			let id = spend(700);
			votes(id, &[ALICE, BOB, CHARLIE], Vote::Aye);
			let executes = 1 + VOTING + GRACE;
			let full =
				BoundedVec::truncate_from(vec![ProposalId::MAX; MAX_DEADLINES_PER_BLOCK as usize]);
			for block in executes..executes + u64::from(synergy_primitives::DEADLINE_SPILL) {
				Deadlines::<Test>::insert(block, full.clone());
			}
			run_to_block(1 + VOTING);
			let proposal = Proposals::<Test>::get(id).unwrap();
			assert_eq!((proposal.status, proposal.due), (Status::Approved { executes }, None));
			for block in executes..executes + u64::from(synergy_primitives::DEADLINE_SPILL) {
				Deadlines::<Test>::remove(block);
			}
			System::set_block_number(executes);
			assert_ok!(Fund::close(signed(EVE), id));
			assert_eq!(Balances::balance(&EVE), 100_000 + 700);
		});
	}

	#[test]
	fn propose_spend_errors_move_nothing() {
		test(|| {
			assert_noop!(
				Fund::propose_spend(signed(EVE), EVE, 100, rationale()),
				FundError::NotMember
			);
			block(BOB);
			assert_noop!(
				Fund::propose_spend(signed(BOB), EVE, 100, rationale()),
				FundError::NotMember
			);
			assert_noop!(
				Fund::propose_spend(signed(ALICE), EVE, 0, rationale()),
				FundError::ZeroAmount
			);
			assert_noop!(
				Fund::propose_spend(signed(ALICE), EVE, ENDOWMENT - RESERVE + 1, rationale()),
				FundError::ExceedsFund
			);
			admit(PAUPER);
			assert_noop!(
				Fund::propose_spend(signed(PAUPER), EVE, 100, rationale()),
				FundError::CannotHoldDeposit
			);
			for _ in 0..MAX_OPEN_PER_MEMBER {
				spend(100);
			}
			assert_noop!(
				Fund::propose_spend(signed(ALICE), EVE, 100, rationale()),
				FundError::TooManyOpen
			);
		});
	}

	#[test]
	fn deadlines_spill_over_full_blocks_and_refuse_when_all_are_full() {
		test(|| {
			let spill = synergy_primitives::DEADLINE_SPILL;
			let room = MAX_DEADLINES_PER_BLOCK * spill;
			for i in 0..room {
				// Each proposal in its own block, all due in the same block.
				let proposer = 100 + u64::from(i);
				admit(proposer);
				assert_ok!(Balances::mint_into(&proposer, 1_000));
				let ends = 1 + VOTING;
				System::set_block_number(ends - VOTING);
				assert_ok!(Fund::propose_spend(signed(proposer), EVE, 10, rationale()));
				let due = Proposals::<Test>::get(i).unwrap().due.unwrap();
				assert_eq!(due, ends + u64::from(i / MAX_DEADLINES_PER_BLOCK));
			}
			assert_noop!(
				Fund::propose_spend(signed(ALICE), EVE, 10, rationale()),
				FundError::TooManyDeadlines
			);
			// Every one of them closes on its own, the last ones a few blocks late.
			run_to_block(1 + VOTING + u64::from(spill));
			for i in 0..room {
				assert!(!status(i).is_open());
			}
		});
	}
}

mod voting {
	use super::*;

	#[test]
	fn a_vote_can_be_changed_until_the_close() {
		test(|| {
			let id = spend(100);
			assert_ok!(Fund::vote(signed(BOB), id, Vote::Nay));
			System::assert_last_event(
				FundEvent::Voted { id, voter: BOB, vote: Vote::Nay, previous: None }.into(),
			);
			assert_ok!(Fund::vote(signed(BOB), id, Vote::Aye));
			System::assert_last_event(
				FundEvent::Voted { id, voter: BOB, vote: Vote::Aye, previous: Some(Vote::Nay) }
					.into(),
			);
			let tally = Proposals::<Test>::get(id).unwrap().tally;
			assert_eq!((tally.ayes, tally.nays, tally.abstains), (1, 0, 0));
			run_to_block(1 + VOTING);
			assert_noop!(Fund::vote(signed(BOB), id, Vote::Nay), FundError::NotVoting);
		});
	}

	#[test]
	fn the_electorate_is_fixed_when_the_proposal_opens() {
		test(|| {
			let id = spend(100);
			admit(FERDIE);
			assert_eq!(Proposals::<Test>::get(id).unwrap().electorate, 4);
			assert_noop!(Fund::vote(signed(FERDIE), id, Vote::Aye), FundError::NotInElectorate);
			assert_noop!(Fund::vote(signed(PAUPER), id, Vote::Aye), FundError::NotMember);
			assert_noop!(Fund::vote(signed(BOB), 9, Vote::Aye), FundError::UnknownProposal);
			// The next proposal counts the newcomer.
			let next = spend(100);
			assert_eq!(Proposals::<Test>::get(next).unwrap().electorate, 5);
			assert_ok!(Fund::vote(signed(FERDIE), next, Vote::Aye));
		});
	}

	#[test]
	fn a_member_below_the_voting_age_neither_votes_nor_counts() {
		test(|| {
			freeze_voting_age();
			// Three socks admitted just before the proposal opens.
			admit(EVE);
			admit(FERDIE);
			admit(PAUPER);
			let id = spend(100);
			let proposal = Proposals::<Test>::get(id).unwrap();
			assert_eq!(
				(proposal.electorate, proposal.voters_below, proposal.members_below),
				(4, 4, 7)
			);
			for sock in [EVE, FERDIE, PAUPER] {
				assert_noop!(Fund::vote(signed(sock), id, Vote::Aye), FundError::TooYoungToVote);
			}
			assert_ok!(Fund::vote(signed(BOB), id, Vote::Nay));
			// Of age later, they vote on proposals opened afterwards, not on this one.
			all_of_age();
			assert_noop!(Fund::vote(signed(FERDIE), id, Vote::Aye), FundError::TooYoungToVote);
			// (EVE, the beneficiary, is recused from the next one.)
			let next = spend(100);
			assert_eq!(Proposals::<Test>::get(next).unwrap().electorate, 6);
			assert_ok!(Fund::vote(signed(FERDIE), next, Vote::Aye));
		});
	}

	#[test]
	fn a_departed_members_vote_stays_counted() {
		test(|| {
			let id = spend(100);
			votes(id, &[ALICE, BOB], Vote::Aye);
			depart(BOB);
			assert_noop!(Fund::vote(signed(BOB), id, Vote::Nay), FundError::NotMember);
			// Admitted again, with a new number: outside this proposal's electorate, while the
			// vote cast under the old number stands.
			admit(BOB);
			assert_noop!(Fund::vote(signed(BOB), id, Vote::Nay), FundError::NotInElectorate);
			assert_eq!(Votes::<Test>::get(BOB, id), Some(Ballot { vote: Vote::Aye, member: 1 }));
			run_to_block(1 + VOTING);
			assert!(matches!(status(id), Status::Approved { .. }));
		});
	}

	#[test]
	fn views_show_live_tallies_turnout_and_time_left() {
		test(|| {
			let id = spend(100);
			votes(id, &[ALICE], Vote::Aye);
			votes(id, &[BOB], Vote::Abstain);
			run_to_block(4);
			let view = Fund::proposal_view(id).unwrap();
			assert_eq!(view.turnout, Perbill::from_percent(50));
			assert_eq!(view.blocks_left, 1 + VOTING - 4);
			assert_eq!(view.electorate, 4);
			assert!(matches!(view.kind, KindView::Spend { beneficiary: EVE, amount: 100, .. }));
			let other = spend(200);
			assert_eq!(
				Fund::proposals_view(true).iter().map(|p| p.id).collect::<Vec<_>>(),
				vec![other, id]
			);
			assert_ok!(Fund::cancel(signed(ALICE), other));
			assert_eq!(Fund::proposals_view(true).len(), 1);
			assert_eq!(Fund::proposals_view(false).len(), 2);
			assert_eq!(
				Fund::votes_view(&BOB),
				vec![VoteView { proposal: id, vote: Some(Vote::Abstain), objected: false }]
			);
			let json = serde_json::to_value(Fund::fund_view()).unwrap();
			assert_eq!(json["balance"], serde_json::json!(ENDOWMENT.to_string()));
			assert_eq!(json["statement"]["endowment"], serde_json::json!(ENDOWMENT.to_string()));
			let json = serde_json::to_value(Fund::proposal_view(id).unwrap()).unwrap();
			assert_eq!(json["status"]["state"], "voting");
			assert_eq!(json["kind"]["spend"]["amount"], "100");
		});
	}
}

mod lifecycle {
	use super::*;

	fn approved_spend() -> ProposalId {
		let id = spend(700);
		votes(id, &[ALICE, BOB, CHARLIE], Vote::Aye);
		run_to_block(1 + VOTING);
		id
	}

	#[test]
	fn objections_from_enough_of_the_electorate_cancel_in_the_grace() {
		test(|| {
			let id = approved_spend();
			assert_noop!(Fund::withdraw_objection(signed(BOB), id), FundError::NoObjection);
			assert_ok!(Fund::object(signed(BOB), id));
			System::assert_last_event(FundEvent::ObjectionRaised { id, objector: BOB }.into());
			assert_noop!(Fund::object(signed(BOB), id), FundError::AlreadyObjected);
			assert_noop!(Fund::object(signed(EVE), id), FundError::NotMember);
			assert_ok!(Fund::withdraw_objection(signed(BOB), id));
			System::assert_last_event(FundEvent::ObjectionWithdrawn { id, objector: BOB }.into());
			assert_ok!(Fund::object(signed(BOB), id));
			assert_ok!(Fund::object(signed(CHARLIE), id));
			assert!(matches!(status(id), Status::Approved { .. }));
			assert_ok!(Fund::object(signed(DAVE), id));
			let events = fund_events();
			assert_eq!(
				events[events.len() - 3..],
				[
					FundEvent::ObjectionRaised { id, objector: DAVE },
					FundEvent::DepositReturned { id, proposer: ALICE, amount: DEPOSIT },
					FundEvent::Objected { id },
				]
			);
			assert_eq!(status(id), Status::Objected { at: 1 + VOTING });
			assert_eq!(statement().committed, 0);
			run_to_block(1 + VOTING + GRACE);
			assert_eq!(Balances::balance(&EVE), 100_000);
			assert_noop!(Fund::object(signed(ALICE), id), FundError::NotApproved);
			assert_noop!(Fund::withdraw_objection(signed(BOB), id), FundError::NotApproved);
			assert_eq!(
				Fund::votes_view(&DAVE),
				vec![VoteView { proposal: id, vote: None, objected: true }]
			);
		});
	}

	#[test]
	fn objections_only_while_approved() {
		test(|| {
			let id = spend(700);
			assert_noop!(Fund::object(signed(BOB), id), FundError::NotApproved);
		});
	}

	#[test]
	fn the_proposer_may_cancel_before_any_vote() {
		test(|| {
			let id = spend(700);
			assert_noop!(Fund::cancel(signed(BOB), id), FundError::NotProposer);
			assert_noop!(Fund::cancel(signed(BOB), 9), FundError::UnknownProposal);
			assert_ok!(Fund::cancel(signed(ALICE), id));
			let events = fund_events();
			assert_eq!(
				events[events.len() - 2..],
				[
					FundEvent::DepositReturned { id, proposer: ALICE, amount: DEPOSIT },
					FundEvent::Cancelled { id },
				]
			);
			assert_eq!(held_deposit(ALICE), 0);
			assert_noop!(Fund::cancel(signed(ALICE), id), FundError::NotVoting);
			let voted = spend(700);
			votes(voted, &[BOB], Vote::Nay);
			assert_noop!(Fund::cancel(signed(ALICE), voted), FundError::HasVotes);
		});
	}

	#[test]
	fn anyone_may_close_a_proposal_past_its_deadline() {
		test(|| {
			let id = spend(700);
			votes(id, &[ALICE, BOB, CHARLIE], Vote::Aye);
			assert_noop!(Fund::close(signed(EVE), id), FundError::TooEarly);
			// The hook did not run (as if its block were skipped): the fallback does its work.
			System::set_block_number(1 + VOTING);
			assert_ok!(Fund::close(signed(EVE), id));
			assert!(Deadlines::<Test>::get(1 + VOTING).is_empty());
			assert_eq!(status(id), Status::Approved { executes: 1 + VOTING + GRACE });
			assert_noop!(Fund::close(signed(EVE), id), FundError::TooEarly);
			System::set_block_number(1 + VOTING + GRACE);
			assert_ok!(Fund::close(signed(EVE), id));
			assert_eq!(Balances::balance(&EVE), 100_000 + 700);
			assert_noop!(Fund::close(signed(EVE), id), FundError::NotVoting);
			assert_noop!(Fund::close(signed(EVE), 9), FundError::UnknownProposal);
		});
	}
}

mod motions {
	use super::*;

	fn set_parameters(parameters: Parameters<Balance, u64>) -> RuntimeCall {
		RuntimeCall::Fund(crate::Call::set_parameters { parameters })
	}

	#[test]
	fn a_passed_motion_executes_with_the_general_meetings_origin() {
		test(|| {
			let mut changed = parameters();
			changed.proposal_deposit = 99;
			let call = set_parameters(changed.clone());
			let id = motion(call.clone());
			System::assert_last_event(
				FundEvent::MotionProposed {
					id,
					proposer: ALICE,
					call_hash: H256(sp_io::hashing::blake2_256(&call.encode())),
					ends: 1 + VOTING,
				}
				.into(),
			);
			votes(id, &[ALICE, BOB, CHARLIE], Vote::Aye);
			run_to_block(1 + VOTING + GRACE);
			let events = fund_events();
			assert_eq!(
				events[events.len() - 3..],
				[
					FundEvent::ParametersSet { parameters: changed.clone() },
					FundEvent::MotionExecuted { id, result: Ok(()) },
					FundEvent::DepositReturned { id, proposer: ALICE, amount: DEPOSIT },
				]
			);
			assert_eq!(CurrentParameters::<Test>::get(), changed);
			assert_eq!(status(id), Status::Executed { at: 1 + VOTING + GRACE, ok: true });
		});
	}

	#[test]
	fn only_the_calls_the_rules_name_run_as_root() {
		test(|| {
			let hash = H256::repeat_byte(7);
			let upgrade = motion(RuntimeCall::System(frame_system::Call::authorize_upgrade {
				code_hash: hash,
			}));
			let heap_pages =
				motion(RuntimeCall::System(frame_system::Call::set_heap_pages { pages: 9 }));
			votes(upgrade, &[ALICE, BOB, CHARLIE], Vote::Aye);
			votes(heap_pages, &[ALICE, BOB, CHARLIE], Vote::Aye);
			run_to_block(1 + VOTING + GRACE);
			// `authorize_upgrade` accepts only Root, which the rules give it.
			System::assert_has_event(
				frame_system::Event::UpgradeAuthorized { code_hash: hash, check_version: true }
					.into(),
			);
			assert!(
				fund_events().contains(&FundEvent::MotionExecuted { id: upgrade, result: Ok(()) })
			);
			// Another Root call runs with the general meeting's origin, and fails.
			assert!(fund_events().contains(&FundEvent::MotionExecuted {
				id: heap_pages,
				result: Err(DispatchError::BadOrigin)
			}));
			assert_eq!(status(heap_pages), Status::Executed { at: 1 + VOTING + GRACE, ok: false });
		});
	}

	#[test]
	fn a_failing_motion_is_recorded_as_such() {
		test(|| {
			let mut invalid = parameters();
			invalid.voting_period = 0;
			let id = motion(set_parameters(invalid));
			votes(id, &[ALICE, BOB, CHARLIE], Vote::Aye);
			run_to_block(1 + VOTING + GRACE);
			assert!(fund_events().contains(&FundEvent::MotionExecuted {
				id,
				result: Err(FundError::ParameterOutOfBounds.into())
			}));
			assert_eq!(status(id), Status::Executed { at: 1 + VOTING + GRACE, ok: false });
		});
	}

	#[test]
	fn a_motion_whose_call_no_longer_decodes_is_recorded_as_failed() {
		test(|| {
			let id = motion(remark(&[]));
			votes(id, &[ALICE, BOB, CHARLIE], Vote::Aye);
			// As after a runtime upgrade that changed the call's encoding.
			Proposals::<Test>::mutate(id, |p| {
				p.as_mut().unwrap().kind = ProposalKind::Motion {
					call: BoundedVec::truncate_from(vec![0xff; 3]),
					rationale: rationale(),
				};
			});
			run_to_block(1 + VOTING + GRACE);
			// (The message of `Other` is not kept in stored events.)
			assert!(fund_events().iter().any(|e| matches!(
				e,
				FundEvent::MotionExecuted { id: 0, result: Err(DispatchError::Other(_)) }
			)));
			assert_eq!(status(id), Status::Executed { at: 1 + VOTING + GRACE, ok: false });
		});
	}

	#[test]
	fn set_parameters_needs_the_general_meeting_and_valid_values() {
		test(|| {
			assert_noop!(
				Fund::set_parameters(signed(ALICE), parameters()),
				DispatchError::BadOrigin
			);
			let meeting = RuntimeOrigin::from(crate::Origin::GeneralMeeting);
			for broken in [
				Parameters { approval: Perbill::from_percent(90), ..parameters() },
				Parameters { reserve: 0, ..parameters() },
			] {
				assert_noop!(
					Fund::set_parameters(meeting.clone(), broken),
					FundError::InvalidParameters
				);
			}
			// The motions that would disable the meeting: thresholds it can never exceed, an
			// endless or instant vote, objections that cancel everything, no quorum at all.
			let percent = Perbill::from_percent;
			for out_of_bounds in [
				Parameters { voting_period: 0, ..parameters() },
				Parameters { voting_period: 1_001, ..parameters() },
				Parameters { grace_period: 0, ..parameters() },
				Parameters { budget_period: 0, ..parameters() },
				Parameters { quorum: percent(0), ..parameters() },
				Parameters { quorum: percent(100), ..parameters() },
				Parameters { approval: percent(100), super_approval: percent(100), ..parameters() },
				Parameters { super_approval: percent(100), ..parameters() },
				Parameters { objection: percent(0), ..parameters() },
				Parameters { spam: percent(10), ..parameters() },
				Parameters { proposal_deposit: 1_000_001, ..parameters() },
			] {
				assert_noop!(
					Fund::set_parameters(meeting.clone(), out_of_bounds),
					FundError::ParameterOutOfBounds
				);
			}
			let at_the_bounds = crate::mock::limits();
			assert_ok!(Fund::set_parameters(
				meeting.clone(),
				Parameters { reserve: RESERVE, ..at_the_bounds.min }
			));
			assert_ok!(Fund::set_parameters(meeting, at_the_bounds.max));
		});
	}

	#[test]
	fn critical_motions_need_the_super_approval_and_parties_are_recused() {
		test(|| {
			let critical = motion(RuntimeCall::System(frame_system::Call::remark_with_event {
				remark: vec![1],
			}));
			assert_eq!(
				Proposals::<Test>::get(critical).unwrap().approval,
				parameters().super_approval
			);
			let about_dave = motion(remark(&[DAVE as u8, EVE as u8]));
			let proposal = Proposals::<Test>::get(about_dave).unwrap();
			assert_eq!(proposal.approval, parameters().approval);
			// DAVE is a member: the electorate is one smaller; EVE is not.
			assert_eq!(proposal.electorate, 3);
			assert_noop!(Fund::vote(signed(DAVE), about_dave, Vote::Nay), FundError::Recused);
		});
	}

	#[test]
	fn propose_motion_errors_move_nothing() {
		test(|| {
			let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: EVE,
				value: 1,
			});
			assert_noop!(
				Fund::propose_motion(signed(ALICE), Box::new(transfer), rationale()),
				FundError::MotionNotAllowed
			);
			// `close` may execute a motion: it weighs more than a motion may.
			let close = RuntimeCall::Fund(crate::Call::close { id: 0 });
			assert_noop!(
				Fund::propose_motion(signed(ALICE), Box::new(close), rationale()),
				FundError::MotionTooHeavy
			);
			assert_noop!(
				Fund::propose_motion(signed(ALICE), Box::new(remark(&[0; 300])), rationale()),
				FundError::MotionTooLong
			);
			assert_noop!(
				Fund::propose_motion(signed(EVE), Box::new(remark(&[])), rationale()),
				FundError::NotMember
			);
		});
	}

	#[test]
	fn a_referred_complaint_opens_a_motion_for_each_option_by_itself() {
		test(|| {
			let fund = Fund::account_id();
			let first = NextProposalId::<Test>::get();
			// Two options, the first concerning ALICE; a third too heavy to be a motion.
			let options = vec![
				remark(&[ALICE as u8]),
				remark(&[BOB as u8, CHARLIE as u8]),
				RuntimeCall::Fund(crate::Call::close { id: 0 }),
			];
			let opened = <Fund as ReferToMeeting<_>>::refer(3, 1, options);
			assert_eq!(opened, vec![first, first + 1]);
			System::assert_last_event(
				FundEvent::ComplaintReferred { case: 3, side: 1, motions: opened.clone() }.into(),
			);
			assert!(fund_events().contains(&FundEvent::MotionProposed {
				id: first,
				proposer: fund,
				call_hash: H256(sp_io::hashing::blake2_256(&remark(&[ALICE as u8]).encode())),
				ends: 1 + VOTING,
			}));
			// Nobody held a deposit, no member's count of open proposals moved, and the
			// parties are recused.
			let proposal = Proposals::<Test>::get(first).unwrap();
			assert_eq!((proposal.proposer, proposal.deposit), (fund, 0));
			assert_eq!(proposal.electorate, 3);
			assert_eq!(Proposals::<Test>::get(first + 1).unwrap().electorate, 2);
			assert_eq!(OpenOf::<Test>::get(ALICE), 0);
			assert_noop!(Fund::vote(signed(ALICE), first, Vote::Aye), FundError::Recused);
			// The members pass the first; it executes, and nothing was held or returned.
			votes(first, &[BOB, CHARLIE, DAVE], Vote::Aye);
			run_to_block(1 + VOTING + GRACE);
			assert_eq!(status(first), Status::Executed { at: 1 + VOTING + GRACE, ok: true });
			assert!(!fund_events()
				.iter()
				.any(|e| matches!(e, FundEvent::DepositReturned { id, .. } if *id == first)));
			// The second, without quorum, expires.
			assert_eq!(status(first + 1), Status::Expired { at: 1 + VOTING });
			assert_eq!(OpenOf::<Test>::get(fund), 0);
			// Nobody can withdraw the chain's own motion.
			assert_noop!(Fund::cancel(signed(ALICE), first + 1), FundError::NotProposer);
		});
	}
}
