//! Unit tests: every call's success path, every error (with nothing moved), every event; the
//! invariants are checked after each test by `mock::test`.

use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};

type EscrowError = crate::Error<Test>;
type EscrowEvent = crate::Event<Test>;

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn terms() -> H256 {
	H256::repeat_byte(7)
}

fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::Guarantee.into(), &who)
}

/// Whether deal `id` is proposed or open (not completed, nor forgotten).
fn live(id: DealId) -> bool {
	Deals::<Test>::get(id).is_some_and(|d| !matches!(d.status, DealStatus::Completed { .. }))
}

/// ALICE opens a deal of `amount` with BOB and BOB accepts it; returns its id.
fn open_accepted(amount: Balance) -> DealId {
	let id = NextDealId::<Test>::get();
	assert_ok!(Escrow::open_deal(signed(ALICE), BOB, amount, terms()));
	assert_ok!(Escrow::accept_deal(signed(BOB), id));
	id
}

mod guarantee_escrow {
	use super::*;

	#[test]
	fn lock_holds_the_quantum_and_records_it() {
		test(|| {
			assert_eq!(held(BOB), 2 * QUANTUM);
			assert_eq!(Behind::<Test>::get(ALICE), 2 * QUANTUM);
			assert_ok!(Escrow::lock(&ALICE, &EVE, 30));
			assert_eq!(held(ALICE), 2 * QUANTUM + 30);
			assert_eq!(
				Escrows::<Test>::get(EVE, ALICE),
				Some(EscrowRecord {
					held: 30,
					quantum: 30,
					top_up_by: None,
					top_up_paused: None,
					ended: false
				})
			);
			System::assert_last_event(
				EscrowEvent::EscrowLocked { guarantor: ALICE, protege: EVE, amount: 30 }.into(),
			);
		});
	}

	#[test]
	fn lock_errors_hold_nothing() {
		test(|| {
			assert_noop!(Escrow::lock(&BOB, &ALICE, 1), EscrowError::AlreadyEscrowed);
			let free = Balances::balance(&EVE);
			assert!(Escrow::lock(&EVE, &ALICE, free * 2).is_err());
			assert_eq!(held(EVE), 0);
		});
	}

	#[test]
	fn release_returns_the_escrow() {
		test(|| {
			let free = Balances::balance(&BOB);
			assert_eq!(Escrow::release(&BOB, &ALICE), Ok(QUANTUM));
			assert_eq!(Balances::balance(&BOB), free + QUANTUM);
			assert_eq!(Behind::<Test>::get(ALICE), QUANTUM);
			assert!(!Escrows::<Test>::contains_key(ALICE, BOB));
			System::assert_last_event(
				EscrowEvent::EscrowReleased { guarantor: BOB, protege: ALICE, amount: QUANTUM }
					.into(),
			);
			assert_noop!(Escrow::release(&BOB, &ALICE), EscrowError::NoEscrow);
		});
	}

	#[test]
	fn frozen_or_committed_escrow_is_not_releasable() {
		test(|| {
			assert_ok!(Escrow::ensure_releasable(&BOB, &ALICE));
			assert_noop!(Escrow::ensure_releasable(&EVE, &ALICE), EscrowError::NoEscrow);

			Escrow::freeze(&ALICE);
			System::assert_last_event(EscrowEvent::EscrowFrozen { member: ALICE }.into());
			assert_noop!(Escrow::ensure_releasable(&BOB, &ALICE), EscrowError::EscrowFrozen);
			Escrow::unfreeze(&ALICE);
			System::assert_last_event(EscrowEvent::EscrowUnfrozen { member: ALICE }.into());

			// A deal of 150 commits more than one guarantor's 100 of ALICE's 200.
			let _ = open_accepted(QUANTUM);
			assert_ok!(Escrow::open_deal(signed(ALICE), CHARLIE, 50, terms()));
			assert_noop!(Escrow::ensure_releasable(&BOB, &ALICE), EscrowError::EscrowCommitted);
		});
	}
}

mod deals {
	use super::*;

	#[test]
	fn the_first_confirmation_is_charged_as_such_and_the_completing_one_in_full() {
		use crate::weights::WeightInfo;
		test(|| {
			let id = open_accepted(QUANTUM);
			let first = Escrow::confirm_deal(signed(ALICE), id).unwrap();
			assert_eq!(first.actual_weight, Some(<() as WeightInfo>::confirm_deal_first()));
			let second = Escrow::confirm_deal(signed(BOB), id).unwrap();
			assert_eq!(second.actual_weight, None);
			assert!(matches!(Deals::<Test>::get(id).unwrap().status, DealStatus::Completed { .. }));
		});
	}

	#[test]
	fn periods_set_at_genesis_replace_the_defaults() {
		new_test_ext_with_periods(3, 4, 5).execute_with(|| {
			assert_eq!((DealPeriod::<Test>::get(), SettledPeriod::<Test>::get()), (3, 4));
			assert_eq!(TopUpPeriod::<Test>::get(), 5);
			let id = open_accepted(QUANTUM);
			System::assert_last_event(
				EscrowEvent::DealAccepted { deal: id, completes_at: 1 + 3 }.into(),
			);
			run_to_block(1 + 3);
			assert_eq!(Deals::<Test>::get(id).unwrap().status, DealStatus::Completed { at: 4 });
			run_to_block(4 + 4);
			assert!(!Deals::<Test>::contains_key(id));
			System::assert_last_event(EscrowEvent::DealForgotten { deal: id }.into());
			assert_ok!(Escrow::compensate(&ALICE, &EVE, 2));
			assert_eq!(Escrows::<Test>::get(ALICE, BOB).unwrap().top_up_by, Some(8 + 5));
			Escrow::do_try_state().expect("invariants hold");
		});
		new_test_ext().execute_with(|| {
			assert_eq!(
				(DealPeriod::<Test>::get(), SettledPeriod::<Test>::get()),
				(DEAL_PERIOD, SETTLED_PERIOD)
			);
			assert_eq!(TopUpPeriod::<Test>::get(), TOP_UP_PERIOD);
		});
	}

	#[test]
	fn a_deal_within_the_quantum_opens_is_accepted_and_completes_by_both_confirmations() {
		test(|| {
			assert_ok!(Escrow::open_deal(signed(ALICE), BOB, QUANTUM, terms()));
			System::assert_last_event(
				EscrowEvent::DealOpened {
					deal: 0,
					initiator: ALICE,
					counterparty: BOB,
					amount: QUANTUM,
					terms: terms(),
				}
				.into(),
			);
			// A proposal counts against its initiator only; the counterparty sees it.
			assert_eq!(Exposure::<Test>::get(ALICE), QUANTUM);
			assert_eq!(Exposure::<Test>::get(BOB), 0);
			assert!(DealsOf::<Test>::get(BOB).is_empty());
			assert!(ProposalsTo::<Test>::contains_key(BOB, 0));
			assert_eq!(Escrow::deals_of(&BOB).len(), 1);

			assert_ok!(Escrow::accept_deal(signed(BOB), 0));
			System::assert_last_event(
				EscrowEvent::DealAccepted { deal: 0, completes_at: 1 + DEAL_PERIOD }.into(),
			);
			assert_eq!(Exposure::<Test>::get(BOB), QUANTUM);
			assert!(!ProposalsTo::<Test>::contains_key(BOB, 0));
			assert_ok!(Escrow::confirm_deal(signed(ALICE), 0));
			System::assert_last_event(EscrowEvent::DealConfirmed { deal: 0, by: ALICE }.into());
			assert_ok!(Escrow::confirm_deal(signed(BOB), 0));
			System::assert_last_event(EscrowEvent::DealCompleted { deal: 0 }.into());
			assert_eq!(Exposure::<Test>::get(ALICE), 0);
			assert!(DealsOf::<Test>::get(BOB).is_empty());
			// Kept, open to complaints, for the settled period; then forgotten.
			assert_eq!(Deals::<Test>::get(0).unwrap().status, DealStatus::Completed { at: 1 });
			run_to_block(SETTLED_PERIOD);
			assert!(Deals::<Test>::contains_key(0));
			run_to_block(1 + SETTLED_PERIOD);
			assert!(!Deals::<Test>::contains_key(0));
			System::assert_last_event(EscrowEvent::DealForgotten { deal: 0 }.into());
		});
	}

	#[test]
	fn deals_repeat_any_number_of_times() {
		test(|| {
			for round in 0..10 {
				let id = open_accepted(QUANTUM);
				assert_eq!(id, round);
				assert_ok!(Escrow::confirm_deal(signed(ALICE), id));
				assert_ok!(Escrow::confirm_deal(signed(BOB), id));
			}
			assert!((0..10).all(|id| !live(id)));
			// Forgotten in bounded steps from the period's end: at most two pages of three a
			// block (the mock's bounds): the first page and the last (of one), then the rest.
			run_to_block(1 + SETTLED_PERIOD);
			assert_eq!(Deals::<Test>::iter().count(), 6);
			run_to_block(2 + SETTLED_PERIOD);
			assert_eq!(Deals::<Test>::iter().count(), 0);
		});
	}

	#[test]
	fn an_open_deal_completes_on_its_own() {
		test(|| {
			let id = open_accepted(QUANTUM);
			run_to_block(DEAL_PERIOD);
			assert!(Deals::<Test>::contains_key(id));
			run_to_block(1 + DEAL_PERIOD);
			assert!(!live(id));
			System::assert_last_event(EscrowEvent::DealCompleted { deal: id }.into());
		});
	}

	#[test]
	fn anyone_may_complete_a_due_deal() {
		test(|| {
			let id = open_accepted(QUANTUM);
			assert_noop!(Escrow::complete_due_deal(signed(EVE), id), EscrowError::DealNotDue);
			assert_noop!(Escrow::complete_due_deal(signed(EVE), 9), EscrowError::UnknownDeal);
			System::set_block_number(1 + DEAL_PERIOD);
			assert_ok!(Escrow::complete_due_deal(signed(EVE), id));
			System::assert_last_event(EscrowEvent::DealCompleted { deal: id }.into());
			assert_ok!(Escrow::open_deal(signed(ALICE), BOB, 1, terms()));
			assert_noop!(Escrow::complete_due_deal(signed(EVE), 1), EscrowError::WrongDealStatus);
		});
	}

	#[test]
	fn either_party_cancels_before_acceptance() {
		test(|| {
			assert_ok!(Escrow::open_deal(signed(ALICE), BOB, QUANTUM, terms()));
			assert_noop!(Escrow::cancel_deal(signed(CHARLIE), 0), EscrowError::NotParty);
			assert_ok!(Escrow::cancel_deal(signed(BOB), 0));
			System::assert_last_event(EscrowEvent::DealCancelled { deal: 0, by: BOB }.into());
			assert_eq!(Exposure::<Test>::get(ALICE), 0);
			let id = open_accepted(QUANTUM);
			assert_noop!(Escrow::cancel_deal(signed(ALICE), id), EscrowError::WrongDealStatus);
			assert_noop!(Escrow::cancel_deal(signed(ALICE), 99), EscrowError::UnknownDeal);
		});
	}

	#[test]
	fn a_deal_above_the_quantum_is_refused() {
		test(|| {
			assert_noop!(
				Escrow::open_deal(signed(ALICE), BOB, QUANTUM + 1, terms()),
				EscrowError::AboveQuantum
			);
		});
	}

	#[test]
	fn a_deal_that_breaks_the_exposure_cap_is_refused() {
		test(|| {
			// 200 behind ALICE: two deals of 100 fill it.
			let _ = open_accepted(QUANTUM);
			assert_ok!(Escrow::open_deal(signed(ALICE), CHARLIE, QUANTUM, terms()));
			assert_noop!(
				Escrow::open_deal(signed(ALICE), DAVE, 1, terms()),
				EscrowError::ExposureExceeded
			);
			// The cap binds the counterparty too.
			assert_noop!(
				Escrow::open_deal(signed(DAVE), ALICE, 1, terms()),
				EscrowError::ExposureExceeded
			);
		});
	}

	#[test]
	fn open_deal_errors_move_nothing() {
		test(|| {
			assert_noop!(
				Escrow::open_deal(signed(ALICE), ALICE, 1, terms()),
				EscrowError::CannotDealWithSelf
			);
			assert_noop!(
				Escrow::open_deal(signed(ALICE), BOB, 0, terms()),
				EscrowError::ZeroAmount
			);
			assert_noop!(Escrow::open_deal(signed(EVE), BOB, 1, terms()), EscrowError::NotMember);
			assert_noop!(Escrow::open_deal(signed(ALICE), EVE, 1, terms()), EscrowError::NotMember);
			block(BOB);
			assert_noop!(Escrow::open_deal(signed(ALICE), BOB, 1, terms()), EscrowError::Blocked);
		});
	}

	#[test]
	fn a_member_has_a_bounded_number_of_deals() {
		test(|| {
			for _ in 0..MAX_DEALS {
				assert_ok!(Escrow::open_deal(signed(ALICE), BOB, 1, terms()));
			}
			assert_noop!(
				Escrow::open_deal(signed(ALICE), CHARLIE, 1, terms()),
				EscrowError::TooManyDeals
			);
			// ALICE's proposals fill her own slots, not BOB's: he still receives a deal.
			let from_charlie = NextDealId::<Test>::get();
			assert_ok!(Escrow::open_deal(signed(CHARLIE), BOB, 1, terms()));
			for id in 0..u64::from(MAX_DEALS) {
				assert_ok!(Escrow::accept_deal(signed(BOB), id));
			}
			// Now BOB's slots are his open deals: no room to accept one more.
			assert_noop!(Escrow::accept_deal(signed(BOB), from_charlie), EscrowError::TooManyDeals);
			assert_noop!(
				Escrow::open_deal(signed(BOB), CHARLIE, 1, terms()),
				EscrowError::TooManyDeals
			);
		});
	}

	#[test]
	fn acceptance_and_confirmation_errors() {
		test(|| {
			assert_noop!(Escrow::accept_deal(signed(BOB), 0), EscrowError::UnknownDeal);
			assert_ok!(Escrow::open_deal(signed(ALICE), BOB, 1, terms()));
			assert_noop!(Escrow::accept_deal(signed(ALICE), 0), EscrowError::NotCounterparty);
			assert_noop!(Escrow::confirm_deal(signed(ALICE), 0), EscrowError::WrongDealStatus);
			block(BOB);
			assert_noop!(Escrow::accept_deal(signed(BOB), 0), EscrowError::Blocked);
			unblock_all();
			let id = open_accepted(1);
			assert_noop!(Escrow::accept_deal(signed(BOB), id), EscrowError::WrongDealStatus);
			assert_noop!(Escrow::confirm_deal(signed(CHARLIE), id), EscrowError::NotParty);
			assert_noop!(Escrow::confirm_deal(signed(CHARLIE), 77), EscrowError::UnknownDeal);
			assert_ok!(Escrow::confirm_deal(signed(BOB), id));
			assert_noop!(Escrow::confirm_deal(signed(BOB), id), EscrowError::AlreadyConfirmed);
		});
	}

	#[test]
	fn acceptances_are_never_refused_however_many_fall_due_in_one_block() {
		test(|| {
			// Six deals among the four members, each party to three (the most): opened and
			// accepted in block 1, twelve deadlines fall due at block 6, four pages of three.
			let pairs = [
				(ALICE, BOB),
				(CHARLIE, DAVE),
				(ALICE, CHARLIE),
				(BOB, DAVE),
				(ALICE, DAVE),
				(BOB, CHARLIE),
			];
			for (id, (initiator, counterparty)) in pairs.iter().enumerate() {
				assert_ok!(Escrow::open_deal(signed(*initiator), *counterparty, 1, terms()));
				assert_ok!(Escrow::accept_deal(signed(*counterparty), id as DealId));
				System::assert_last_event(
					EscrowEvent::DealAccepted { deal: id as DealId, completes_at: 1 + DEAL_PERIOD }
						.into(),
				);
			}
			assert_eq!(DealDeadlines::<Test>::get(1 + DEAL_PERIOD).len(), 3);
			assert_eq!(DealDeadlinePages::<Test>::get(1 + DEAL_PERIOD), 3);
			// A block handles two pages: the first ([e0, c0, e1]) and the last ([c4, e5, c5]);
			// deals 2 and 3 (whose items are on the pages between) complete a block late.
			run_to_block(1 + DEAL_PERIOD);
			assert_eq!((0..6).filter(|id| live(*id)).collect::<Vec<_>>(), vec![2, 3]);
			assert_eq!(DealDeadlineBacklog::<Test>::get(), Some(1 + DEAL_PERIOD));
			assert_eq!(DealDeadlinePages::<Test>::get(1 + DEAL_PERIOD), 2);
			run_to_block(2 + DEAL_PERIOD);
			assert!((0..6).all(|id| !live(id)));
			assert_eq!(DealDeadlinePages::<Test>::get(1 + DEAL_PERIOD), 0);
			// That spent the block's two pages: its own block waits for the next.
			assert_eq!(DealDeadlineBacklog::<Test>::get(), Some(2 + DEAL_PERIOD));
			run_to_block(3 + DEAL_PERIOD);
			assert_eq!(DealDeadlineBacklog::<Test>::get(), None);
			// Forgotten at their own deadlines, filed when they completed.
			run_to_block(1 + DEAL_PERIOD + SETTLED_PERIOD);
			assert_eq!(Deals::<Test>::iter_keys().count(), 2);
			run_to_block(2 + DEAL_PERIOD + SETTLED_PERIOD);
			assert!((0..6).all(|id| !Deals::<Test>::contains_key(id)));
		});
	}

	#[test]
	fn a_burst_of_deadlines_is_handled_late_but_never_early() {
		test(|| {
			let id = open_accepted(1);
			let due = 1 + DEAL_PERIOD;
			// Six more pages of stale items at the deal's block, and its own completion last.
			DealDeadlines::<Test>::mutate(due, |page| page.clear());
			for _ in 0..18 {
				DealQueue::<Test>::file(1, due, DealId::MAX);
			}
			DealQueue::<Test>::file(1, due, id);
			run_to_block(due - 1);
			assert!(live(id));
			// Two pages a block: the deal's item (on the last overflow page, taken first)
			// comes at its block.
			run_to_block(due);
			assert!(!live(id));
			run_to_block(due + 3);
			assert_eq!(DealDeadlineBacklog::<Test>::get(), None);
			assert!(DealQueue::<Test>::queued().iter().all(|(_, d)| *d == id));
		});
	}

	#[test]
	fn exposure_arithmetic_never_wraps() {
		test(|| {
			// Unreachable while the invariants hold (exposure ≤ escrow ≤ issuance); defended anyway.
			Exposure::<Test>::insert(ALICE, Balance::MAX);
			assert_noop!(Escrow::open_deal(signed(ALICE), BOB, 1, terms()), EscrowError::Overflow);
			Exposure::<Test>::remove(ALICE);
		});
	}
}

mod compensation {
	use super::*;

	#[test]
	fn compensation_splits_pro_rata_and_moves_exactly_the_amount() {
		test(|| {
			let injured = Balances::balance(&EVE);
			let (bob_held, charlie_held) = (held(BOB), held(CHARLIE));
			// 51 from ALICE's two equal escrows: 25 each; the unit left goes to the lower account.
			assert_ok!(Escrow::compensate(&ALICE, &EVE, 51));
			assert_eq!(Balances::balance(&EVE), injured + 51);
			assert_eq!(held(BOB), bob_held - 26);
			assert_eq!(held(CHARLIE), charlie_held - 25);
			assert_eq!(Behind::<Test>::get(ALICE), 2 * QUANTUM - 51);
			let record = Escrows::<Test>::get(ALICE, BOB).unwrap();
			assert_eq!(record.held, QUANTUM - 26);
			assert_eq!(record.top_up_by, Some(1 + TOP_UP_PERIOD));
			System::assert_last_event(
				EscrowEvent::Compensated { accused: ALICE, injured: EVE, amount: 51 }.into(),
			);
			System::assert_has_event(
				EscrowEvent::EscrowPaid {
					guarantor: BOB,
					accused: ALICE,
					injured: EVE,
					amount: 26,
				}
				.into(),
			);
		});
	}

	#[test]
	fn the_guarantors_who_refused_to_answer_pay_first() {
		test(|| {
			let injured = Balances::balance(&EVE);
			let (bob_held, charlie_held) = (held(BOB), held(CHARLIE));
			// CHARLIE refused: he pays all he holds behind ALICE before BOB pays anything.
			assert_ok!(Escrow::compensate_first(&ALICE, &EVE, QUANTUM - 1, &[CHARLIE]));
			assert_eq!(held(CHARLIE), charlie_held - (QUANTUM - 1));
			assert_eq!(held(BOB), bob_held);
			// Beyond his escrow, the others share the rest by the usual rule.
			assert_ok!(Escrow::compensate_first(&ALICE, &EVE, 11, &[CHARLIE]));
			assert_eq!(held(CHARLIE), charlie_held - QUANTUM);
			assert_eq!(held(BOB), bob_held - 10);
			assert_eq!(Balances::balance(&EVE), injured + QUANTUM + 10);
			assert_eq!(Behind::<Test>::get(ALICE), QUANTUM - 10);
			// Nothing moves unless all of it can.
			assert_noop!(
				Escrow::compensate_first(&ALICE, &EVE, QUANTUM, &[CHARLIE, BOB]),
				EscrowError::InsufficientEscrow
			);
		});
	}

	#[test]
	fn a_compensation_files_its_top_up_deadlines_however_full_their_block_is() {
		test(|| {
			for _ in 0..3 {
				TopUpQueue::<Test>::file(1, 1 + TOP_UP_PERIOD, (EVE, EVE));
			}
			assert_ok!(Escrow::compensate(&ALICE, &EVE, 51));
			assert_eq!(TopUpDeadlinePages::<Test>::get(1 + TOP_UP_PERIOD), 1);
			run_to_block(1 + TOP_UP_PERIOD);
			for guarantor in [BOB, CHARLIE] {
				System::assert_has_event(
					EscrowEvent::TopUpMissed { guarantor, protege: ALICE }.into(),
				);
			}
		});
	}

	#[test]
	fn compensation_above_the_escrow_moves_nothing() {
		test(|| {
			assert_noop!(
				Escrow::compensate(&ALICE, &EVE, 2 * QUANTUM + 1),
				EscrowError::InsufficientEscrow
			);
		});
	}

	#[test]
	fn a_guarantor_tops_up_after_a_compensation() {
		test(|| {
			assert_ok!(Escrow::compensate(&ALICE, &EVE, 40));
			assert_ok!(Escrow::top_up(signed(BOB), ALICE));
			System::assert_last_event(
				EscrowEvent::ToppedUp { guarantor: BOB, protege: ALICE, amount: 20 }.into(),
			);
			assert_eq!(Escrows::<Test>::get(ALICE, BOB).unwrap().held, QUANTUM);
			assert_noop!(Escrow::top_up(signed(BOB), ALICE), EscrowError::NothingToTopUp);
			assert_noop!(Escrow::top_up(signed(EVE), ALICE), EscrowError::NoEscrow);
			// CHARLIE does not top up: when the period ends, the guarantee lapses.
			run_to_block(1 + TOP_UP_PERIOD);
			assert_eq!(missed_top_ups(), vec![(CHARLIE, ALICE)]);
			System::assert_has_event(
				EscrowEvent::TopUpMissed { guarantor: CHARLIE, protege: ALICE }.into(),
			);
		});
	}
}

mod views {
	use super::*;

	#[test]
	fn the_escrow_behind_a_member_reads_with_its_deals() {
		test(|| {
			let id = open_accepted(QUANTUM);
			assert_eq!(
				Escrow::standing_of(&ALICE),
				EscrowStanding {
					behind: 2 * QUANTUM,
					exposure: QUANTUM,
					settling: 0,
					headroom: QUANTUM,
					insured_quantum: QUANTUM,
					frozen: false,
				}
			);
			Escrow::freeze(&ALICE);
			let view = Escrow::escrow_view(&ALICE);
			assert!(view.standing.frozen);
			assert_eq!(view.deals, vec![id]);
			let mut guarantors: Vec<_> = view.guarantees.iter().map(|g| g.guarantor).collect();
			guarantors.sort();
			assert_eq!(guarantors, vec![BOB, CHARLIE]);
			assert!(view.guarantees.iter().all(|g| g.escrow.held == QUANTUM));
			let deals = Escrow::deals_of(&BOB);
			assert_eq!(deals.len(), 1);
			assert_eq!(deals[0].id, id);
			assert_eq!(deals[0].deal.amount, QUANTUM);
			Escrow::unfreeze(&ALICE);
		});
	}

	#[test]
	fn views_read_as_json_with_balances_as_strings() {
		test(|| {
			let id = open_accepted(QUANTUM);
			let json = serde_json::to_value(&Escrow::deals_of(&ALICE)[0]).expect("json");
			assert_eq!(json["id"], serde_json::json!(id));
			assert_eq!(json["amount"], serde_json::json!(QUANTUM.to_string()));
			assert_eq!(
				json["status"],
				serde_json::json!({ "open": { "completesAt": 1 + DEAL_PERIOD } })
			);
			let json = serde_json::to_value(Escrow::escrow_view(&ALICE)).expect("json");
			assert_eq!(json["headroom"], serde_json::json!(QUANTUM.to_string()));
			assert_eq!(json["guarantees"][0]["held"], serde_json::json!(QUANTUM.to_string()));
		});
	}
}

mod ended_guarantees {
	use super::*;
	use synergy_primitives::DisputeEscrow;

	/// ALICE has open deals of 100 with BOB and 60 with CHARLIE (exposure 160 of the 200
	/// behind her); BOB's guarantee of her then ends without his choice. Returns the two deals.
	fn bobs_guarantee_ends_during_deals() -> (DealId, DealId) {
		let with_bob = open_accepted(QUANTUM);
		let with_charlie = NextDealId::<Test>::get();
		assert_ok!(Escrow::open_deal(signed(ALICE), CHARLIE, 60, terms()));
		assert_ok!(Escrow::accept_deal(signed(CHARLIE), with_charlie));
		assert_noop!(Escrow::ensure_releasable(&BOB, &ALICE), EscrowError::EscrowCommitted);
		let free = Balances::balance(&BOB);
		assert_eq!(Escrow::release(&BOB, &ALICE), Ok(40));
		assert_eq!(Balances::balance(&BOB), free + 40);
		(with_bob, with_charlie)
	}

	#[test]
	fn a_forced_release_retains_what_open_deals_need() {
		test(|| {
			bobs_guarantee_ends_during_deals();
			System::assert_has_event(
				EscrowEvent::EscrowReleased { guarantor: BOB, protege: ALICE, amount: 40 }.into(),
			);
			System::assert_last_event(
				EscrowEvent::EscrowRetained { guarantor: BOB, protege: ALICE, amount: 60 }.into(),
			);
			assert_eq!(
				Escrows::<Test>::get(ALICE, BOB),
				Some(EscrowRecord {
					held: 60,
					quantum: QUANTUM,
					top_up_by: None,
					top_up_paused: None,
					ended: true
				})
			);
			assert!(Retaining::<Test>::contains_key(ALICE));
			let standing = Escrow::standing_of(&ALICE);
			assert_eq!((standing.behind, standing.exposure, standing.headroom), (160, 160, 0));
			// The retained escrow insures only the deals already open.
			assert_eq!(standing.insured_quantum, QUANTUM);
			assert_noop!(Escrow::top_up(signed(BOB), ALICE), EscrowError::GuaranteeEnded);
		});
	}

	#[test]
	fn retained_escrow_goes_home_as_the_deals_close() {
		test(|| {
			let (with_bob, with_charlie) = bobs_guarantee_ends_during_deals();
			let held_before = held(BOB);
			// The deal of 60 completes: still open to complaints, so the escrow that insured
			// it stays.
			assert_ok!(Escrow::confirm_deal(signed(ALICE), with_charlie));
			assert_ok!(Escrow::confirm_deal(signed(CHARLIE), with_charlie));
			assert_eq!(Settling::<Test>::get(ALICE), 60);
			assert_eq!(held(BOB), held_before);
			// Its time for complaints passes: 60 of the escrow behind ALICE is spare again.
			run_to_block(1 + SETTLED_PERIOD);
			System::assert_has_event(
				EscrowEvent::EscrowReleased { guarantor: BOB, protege: ALICE, amount: 60 }.into(),
			);
			assert_eq!(held(BOB), held_before - 60);
			assert_eq!(Escrows::<Test>::get(ALICE, BOB), None);
			assert_eq!(Behind::<Test>::get(ALICE), QUANTUM);
			assert!(!Retaining::<Test>::contains_key(ALICE), "nothing left to return");
			run_to_block(1 + DEAL_PERIOD);
			assert!(!live(with_bob));
		});
	}

	#[test]
	fn a_new_guarantee_frees_retained_escrow() {
		test(|| {
			bobs_guarantee_ends_during_deals();
			assert_ok!(Escrow::lock(&DAVE, &ALICE, QUANTUM));
			System::assert_last_event(
				EscrowEvent::EscrowReleased { guarantor: BOB, protege: ALICE, amount: 60 }.into(),
			);
			assert_eq!(Behind::<Test>::get(ALICE), 2 * QUANTUM);
		});
	}

	#[test]
	fn retained_escrow_pays_its_share_of_a_compensation_and_is_not_topped_up() {
		test(|| {
			let (_, with_charlie) = bobs_guarantee_ends_during_deals();
			// 16 from 160 behind ALICE: 6 from BOB's retained 60, 10 from CHARLIE's 100.
			assert_ok!(Escrow::compensate(&ALICE, &EVE, 16));
			let bobs = Escrows::<Test>::get(ALICE, BOB).unwrap();
			assert_eq!((bobs.held, bobs.top_up_by, bobs.ended), (54, None, true));
			assert_eq!(
				Escrows::<Test>::get(ALICE, CHARLIE).unwrap().top_up_by,
				Some(1 + TOP_UP_PERIOD)
			);
			// The disputed deal closes after the compensation: 44 goes home to BOB.
			<Escrow as DisputeEscrow<_, _, _>>::close_disputed(with_charlie);
			assert_eq!(Escrows::<Test>::get(ALICE, BOB).unwrap().held, 10);
			run_to_block(1 + TOP_UP_PERIOD);
			assert_eq!(missed_top_ups(), vec![(CHARLIE, ALICE)]);
		});
	}

	#[test]
	fn a_protege_has_a_bounded_number_of_escrow_records() {
		test(|| {
			// Two records behind ALICE; the mock keeps 2 × 4.
			for guarantor in 10..16 {
				assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), guarantor, 1_000));
				assert_ok!(Escrow::lock(&guarantor, &ALICE, 1));
			}
			assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), 16, 1_000));
			assert_noop!(Escrow::lock(&16, &ALICE, 1), EscrowError::TooManyEscrows);
		});
	}
}

mod disputes {
	use super::*;
	use synergy_primitives::DisputeEscrow;

	#[test]
	fn a_complaint_sees_open_and_recently_completed_deals_only() {
		test(|| {
			assert_ok!(Escrow::open_deal(signed(ALICE), BOB, 10, terms()));
			assert_eq!(<Escrow as DisputeEscrow<_, _, _>>::deal(0), None, "a proposal is no deal");
			assert_ok!(Escrow::accept_deal(signed(BOB), 0));
			let summary = DealSummary {
				initiator: ALICE,
				counterparty: BOB,
				amount: 10,
				opened_at: 1,
				completed_at: None,
			};
			assert_eq!(<Escrow as DisputeEscrow<_, _, _>>::deal(0), Some(summary.clone()));
			assert_ok!(Escrow::confirm_deal(signed(ALICE), 0));
			assert_ok!(Escrow::confirm_deal(signed(BOB), 0));
			assert_eq!(
				<Escrow as DisputeEscrow<_, _, _>>::deal(0),
				Some(DealSummary { completed_at: Some(1), ..summary })
			);
			// A completed deal cannot be confirmed, cancelled or completed again.
			assert_noop!(Escrow::confirm_deal(signed(ALICE), 0), EscrowError::WrongDealStatus);
			assert_noop!(Escrow::cancel_deal(signed(ALICE), 0), EscrowError::WrongDealStatus);
			assert_noop!(Escrow::complete_due_deal(signed(ALICE), 0), EscrowError::WrongDealStatus);
			run_to_block(1 + SETTLED_PERIOD);
			assert_eq!(<Escrow as DisputeEscrow<_, _, _>>::deal(0), None);
		});
	}

	#[test]
	fn a_disputed_deal_closes_without_completing() {
		test(|| {
			let id = open_accepted(QUANTUM);
			<Escrow as DisputeEscrow<_, _, _>>::close_disputed(id);
			System::assert_last_event(EscrowEvent::DealDisputed { deal: id }.into());
			assert!(!Deals::<Test>::contains_key(id));
			assert_eq!(Exposure::<Test>::get(ALICE), 0);
			assert_eq!(Exposure::<Test>::get(BOB), 0);
			// Nothing to do for a deal that is not open.
			let events = System::events().len();
			<Escrow as DisputeEscrow<_, _, _>>::close_disputed(id);
			assert_eq!(System::events().len(), events);
		});
	}
}

/// The attacks of the adversarial review on the escrow, each as the sequence that worked.
mod attacks {
	use super::*;
	use synergy_primitives::{DisputeEscrow, GuaranteeEscrow};

	#[test]
	fn an_unanswered_proposal_squats_nothing_and_expires() {
		test(|| {
			// A sock proposes deals to BOB until its own slots are full.
			for _ in 0..MAX_DEALS {
				assert_ok!(Escrow::open_deal(signed(ALICE), BOB, 1, terms()));
			}
			// BOB still opens and receives deals.
			assert_ok!(Escrow::open_deal(signed(BOB), CHARLIE, 1, terms()));
			assert_ok!(Escrow::open_deal(signed(DAVE), BOB, 1, terms()));
			assert_eq!(Exposure::<Test>::get(BOB), 1);
			// Unanswered for the deal period, the proposals are gone (five deadlines at their
			// block: a first page of three and an overflow page, in the mock).
			run_to_block(2 + DEAL_PERIOD);
			for deal in 0..u64::from(MAX_DEALS) {
				System::assert_has_event(EscrowEvent::DealExpired { deal }.into());
				assert!(Deals::<Test>::get(deal).is_none());
			}
			assert_eq!(Exposure::<Test>::get(ALICE), 0);
			assert!(DealsOf::<Test>::get(ALICE).is_empty());
			assert!(ProposalsTo::<Test>::iter_prefix(BOB).next().is_none());
			assert_noop!(Escrow::accept_deal(signed(BOB), 0), EscrowError::UnknownDeal);
		});
	}

	#[test]
	fn acceptance_checks_the_initiator_again() {
		test(|| {
			assert_ok!(Escrow::open_deal(signed(ALICE), BOB, QUANTUM, terms()));
			// ALICE is accused since she proposed.
			block(ALICE);
			assert_noop!(Escrow::accept_deal(signed(BOB), 0), EscrowError::Blocked);
			unblock_all();
			assert_ok!(Escrow::cancel_deal(signed(ALICE), 0));
			// A deal proposed earlier cannot take BOB past the escrow behind him.
			let first = open_accepted(QUANTUM);
			let from_charlie = NextDealId::<Test>::get();
			assert_ok!(Escrow::open_deal(signed(CHARLIE), BOB, 1, terms()));
			let second = open_accepted(QUANTUM);
			assert_noop!(
				Escrow::accept_deal(signed(BOB), from_charlie),
				EscrowError::ExposureExceeded
			);
			assert!(live(first) && live(second));
		});
	}

	#[test]
	fn escrow_behind_an_accused_stays_whatever_ends_the_guarantee() {
		test(|| {
			// A completed deal: nothing open, so nothing committed.
			let id = open_accepted(10);
			assert_ok!(Escrow::confirm_deal(signed(ALICE), id));
			assert_ok!(Escrow::confirm_deal(signed(BOB), id));
			Escrow::freeze(&BOB);
			assert_eq!(Frozen::<Test>::get(BOB), Some(2 * QUANTUM));
			// Both guarantees behind BOB end (he lapses, say): all of it stays.
			assert_eq!(<Escrow as GuaranteeEscrow<_, _>>::release(&CHARLIE, &BOB), Ok(0));
			assert_eq!(<Escrow as GuaranteeEscrow<_, _>>::release(&DAVE, &BOB), Ok(0));
			assert_eq!(Behind::<Test>::get(BOB), 2 * QUANTUM);
			assert!(<Escrow as GuaranteeEscrow<_, _>>::has_commitments(&BOB));
			// The case pays from it; the floor falls by what it paid, and only by that.
			assert_eq!(<Escrow as DisputeEscrow<_, _, _>>::compensable(&BOB, id), 2 * QUANTUM);
			assert_ok!(Escrow::compensate(&BOB, &ALICE, 10));
			assert_eq!(Frozen::<Test>::get(BOB), Some(2 * QUANTUM - 10));
			// The case closes: what the settling deal needs stays, the rest goes home.
			Escrow::unfreeze(&BOB);
			assert_eq!(Behind::<Test>::get(BOB), 10);
			run_to_block(1 + SETTLED_PERIOD);
			assert_eq!(Behind::<Test>::get(BOB), 0);
			assert!(Escrows::<Test>::iter_prefix(BOB).next().is_none());
			assert!(!<Escrow as GuaranteeEscrow<_, _>>::has_commitments(&BOB));
		});
	}

	#[test]
	fn a_completed_deal_stays_insured_while_it_may_be_complained_about() {
		test(|| {
			let complete = |id| {
				assert_ok!(Escrow::confirm_deal(signed(ALICE), id));
				assert_ok!(Escrow::confirm_deal(signed(BOB), id));
			};
			let first = open_accepted(QUANTUM);
			complete(first);
			// Settled deals do not count against exposure: another deal of the quantum opens.
			assert_eq!((Exposure::<Test>::get(BOB), Settling::<Test>::get(BOB)), (0, QUANTUM));
			assert_eq!(Escrow::standing_of(&BOB).settling, QUANTUM);
			let second = open_accepted(QUANTUM);
			complete(second);
			assert_eq!(Settling::<Test>::get(BOB), 2 * QUANTUM);
			// Both guarantors walk away before any complaint: nothing is committed, so they
			// may, but the escrow that insured the two deals stays held.
			assert_ok!(Escrow::ensure_releasable(&CHARLIE, &BOB));
			assert_eq!(<Escrow as GuaranteeEscrow<_, _>>::release(&CHARLIE, &BOB), Ok(0));
			assert_eq!(<Escrow as GuaranteeEscrow<_, _>>::release(&DAVE, &BOB), Ok(0));
			assert_eq!(Behind::<Test>::get(BOB), 2 * QUANTUM);
			// A complaint about the first still finds it all.
			assert_eq!(<Escrow as DisputeEscrow<_, _, _>>::compensable(&BOB, first), 2 * QUANTUM);
			assert_ok!(Escrow::compensate(&BOB, &ALICE, QUANTUM));
			// The deals' time for complaints passes: the rest goes home.
			run_to_block(1 + SETTLED_PERIOD);
			System::assert_has_event(EscrowEvent::DealForgotten { deal: second }.into());
			assert_eq!(Behind::<Test>::get(BOB), 0);
			// CHARLIE and DAVE hold only their guarantees of ALICE and CHARLIE again.
			assert_eq!(held(CHARLIE) + held(DAVE), 2 * QUANTUM);
		});
	}

	#[test]
	fn a_top_up_clock_stops_while_the_protege_is_accused() {
		test(|| {
			// A compensation while BOB is not accused: CHARLIE's and DAVE's clocks run.
			assert_ok!(Escrow::compensate(&BOB, &ALICE, 10));
			let by = 1 + TOP_UP_PERIOD;
			assert_eq!(Escrows::<Test>::get(BOB, CHARLIE).unwrap().top_up_by, Some(by));
			run_to_block(4);
			// BOB is accused at block 4: the clocks stop with 7 blocks left.
			Escrow::freeze(&BOB);
			System::assert_has_event(
				EscrowEvent::TopUpPaused { guarantor: CHARLIE, protege: BOB, left: by - 4 }.into(),
			);
			let record = Escrows::<Test>::get(BOB, CHARLIE).unwrap();
			assert_eq!((record.top_up_by, record.top_up_paused), (None, Some(by - 4)));
			// The old deadline passes: nothing is missed.
			run_to_block(by + 5);
			assert!(missed_top_ups().is_empty());
			// A compensation while accused starts a stopped clock.
			assert_ok!(Escrow::compensate(&BOB, &ALICE, 10));
			assert_eq!(Escrows::<Test>::get(BOB, DAVE).unwrap().top_up_paused, Some(TOP_UP_PERIOD));
			// Cleared at block 16: the clocks run on from there.
			Escrow::unfreeze(&BOB);
			let resumed = by + 5 + TOP_UP_PERIOD;
			System::assert_has_event(
				EscrowEvent::TopUpResumed { guarantor: DAVE, protege: BOB, by: resumed }.into(),
			);
			assert_eq!(Escrows::<Test>::get(BOB, DAVE).unwrap().top_up_by, Some(resumed));
			run_to_block(resumed);
			assert_eq!(missed_top_ups(), vec![(CHARLIE, BOB), (DAVE, BOB)]);
		});
	}

	#[test]
	fn a_top_up_clock_stopped_at_its_last_block_runs_out_in_the_next() {
		test(|| {
			assert_ok!(Escrow::compensate(&BOB, &ALICE, 10));
			let by = 1 + TOP_UP_PERIOD;
			System::set_block_number(by);
			Escrow::freeze(&BOB);
			assert_eq!(Escrows::<Test>::get(BOB, CHARLIE).unwrap().top_up_paused, Some(0));
			Escrow::unfreeze(&BOB);
			assert_eq!(Escrows::<Test>::get(BOB, CHARLIE).unwrap().top_up_by, Some(by + 1));
			run_to_block(by + 1);
			assert_eq!(missed_top_ups(), vec![(CHARLIE, BOB), (DAVE, BOB)]);
		});
	}

	#[test]
	fn a_compensation_about_an_open_deal_may_take_the_escrow_that_deal_commits() {
		test(|| {
			let id = open_accepted(QUANTUM);
			let other = NextDealId::<Test>::get();
			assert_ok!(Escrow::open_deal(signed(CHARLIE), BOB, 50, terms()));
			assert_ok!(Escrow::accept_deal(signed(BOB), other));
			// 200 behind BOB, 150 exposed: the disputed deal's 100 may be paid, the other's 50
			// is kept back.
			assert_eq!(<Escrow as DisputeEscrow<_, _, _>>::compensable(&BOB, id), 150);
			assert_eq!(<Escrow as DisputeEscrow<_, _, _>>::compensable(&BOB, 99), 50);
			assert_ok!(Escrow::compensate(&BOB, &ALICE, QUANTUM));
			<Escrow as DisputeEscrow<_, _, _>>::close_disputed(id);
			System::assert_last_event(EscrowEvent::DealDisputed { deal: id }.into());
			assert_eq!(Exposure::<Test>::get(BOB), 50);
		});
	}
}

mod deadlines {
	use super::*;
	use crate::weights::WeightInfo;
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

	#[test]
	fn a_block_with_nothing_due_is_charged_only_the_idle_hook() {
		test(|| {
			assert_eq!(Escrow::on_initialize(2), <() as WeightInfo>::on_initialize_idle());
			let id = open_accepted(1);
			System::set_block_number(1 + DEAL_PERIOD);
			// The deal's expiry and completion items, on one page, one block stepped.
			assert_eq!(
				Escrow::on_initialize(1 + DEAL_PERIOD),
				<() as WeightInfo>::on_initialize(2, 0, 1)
			);
			assert!(!live(id));
		});
	}

	#[test]
	fn the_upgrade_to_paged_queues_keeps_every_deadline_filed_before_it() {
		test(|| {
			// A deal accepted under storage version 0, whose queue was the first pages alone.
			let id = open_accepted(1);
			StorageVersion::new(0).put::<Escrow>();
			migrations::v1::MigrateV0ToV1::<Test>::on_runtime_upgrade();
			assert_eq!(Escrow::on_chain_storage_version(), StorageVersion::new(1));
			assert_eq!(DealDeadlines::<Test>::get(1 + DEAL_PERIOD).into_inner(), vec![id, id]);
			// Run again, it finds version 1 and does nothing.
			migrations::v1::MigrateV0ToV1::<Test>::on_runtime_upgrade();
			assert_eq!(Escrow::on_chain_storage_version(), StorageVersion::new(1));
			run_to_block(1 + DEAL_PERIOD);
			assert!(!live(id));
		});
	}
}
