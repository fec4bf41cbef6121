//! Unit tests: every call's success path, every error (with nothing moved), every event; the
//! invariants are checked after each test by `mock::test`.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};
use sp_runtime::{ArithmeticError, DispatchError};

type MembershipError = crate::Error<Test>;
type MembershipEvent = crate::Event<Test>;

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn member(who: AccountId) -> MemberOf<Test> {
	Members::<Test>::get(who).expect("a member")
}

/// ALICE proposes NEWCOMER as a pensioner, BOB guarantees, NEWCOMER accepts.
fn admit_newcomer() {
	assert_ok!(Membership::propose(signed(ALICE), NEWCOMER, PENSIONERS));
	assert_ok!(Membership::guarantee(signed(BOB), NEWCOMER));
	assert_ok!(Membership::accept(signed(NEWCOMER)));
}

mod genesis {
	use super::*;

	#[test]
	fn founders_are_members_with_real_escrow() {
		test(|| {
			assert_eq!(Members::<Test>::count(), 4);
			assert_eq!(member(ALICE).guarantors.to_vec(), vec![BOB, CHARLIE]);
			assert_eq!(member(ALICE).proteges, 2);
			assert_eq!(escrow_of(BOB, ALICE), Some(MANAGERS_QUANTUM));
			assert_eq!(total_escrow(), 8 * MANAGERS_QUANTUM);
			assert_eq!(Balances::balance(&ALICE), 100_000 - 2 * MANAGERS_QUANTUM);
			assert_eq!(Classes::<Test>::count(), 3);
			assert_eq!(ClassUsers::<Test>::get(MANAGERS), 4);
		});
	}
}

mod classes {
	use super::*;

	#[test]
	fn root_sets_and_removes_a_class() {
		test(|| {
			assert_ok!(Membership::set_class(RuntimeOrigin::root(), 7, name("students"), 5, 0));
			assert_eq!(Classes::<Test>::get(7).unwrap().quantum, 5);
			System::assert_last_event(
				MembershipEvent::ClassSet { class: 7, quantum: 5, fee: 0 }.into(),
			);

			assert_ok!(Membership::set_class(RuntimeOrigin::root(), 7, name("students"), 6, 0));
			assert_eq!(Classes::<Test>::get(7).unwrap().quantum, 6);

			assert_ok!(Membership::remove_class(RuntimeOrigin::root(), 7));
			assert!(!Classes::<Test>::contains_key(7));
			System::assert_last_event(MembershipEvent::ClassRemoved { class: 7 }.into());
		});
	}

	#[test]
	fn only_the_class_origin_changes_the_table() {
		test(|| {
			assert_noop!(
				Membership::set_class(signed(ALICE), 7, name("x"), 5, 0),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Membership::remove_class(signed(ALICE), PENSIONERS),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn a_zero_quantum_is_refused() {
		test(|| {
			assert_noop!(
				Membership::set_class(RuntimeOrigin::root(), 7, name("x"), 0, 0),
				MembershipError::ZeroQuantum
			);
		});
	}

	#[test]
	fn the_table_is_bounded() {
		test(|| {
			assert_ok!(Membership::set_class(RuntimeOrigin::root(), 3, name("fourth"), 1, 0));
			assert_noop!(
				Membership::set_class(RuntimeOrigin::root(), 4, name("fifth"), 1, 0),
				MembershipError::TooManyClasses
			);
			// Changing an existing row is always possible.
			assert_ok!(Membership::set_class(RuntimeOrigin::root(), 3, name("fourth"), 2, 0));
		});
	}

	#[test]
	fn a_class_in_use_or_unknown_cannot_be_removed() {
		test(|| {
			assert_noop!(
				Membership::remove_class(RuntimeOrigin::root(), MANAGERS),
				MembershipError::ClassInUse
			);
			assert_ok!(Membership::propose(signed(ALICE), NEWCOMER, PENSIONERS));
			assert_noop!(
				Membership::remove_class(RuntimeOrigin::root(), PENSIONERS),
				MembershipError::ClassInUse
			);
			assert_noop!(
				Membership::remove_class(RuntimeOrigin::root(), 9),
				MembershipError::UnknownClass
			);
		});
	}
}

mod applications {
	use super::*;

	#[test]
	fn two_guarantees_and_acceptance_admit_a_candidate_who_holds_nothing() {
		test(|| {
			assert_eq!(Balances::balance(&NEWCOMER), 0);
			assert_ok!(Membership::propose(signed(ALICE), NEWCOMER, PENSIONERS));
			System::assert_last_event(
				MembershipEvent::ApplicationOpened {
					candidate: NEWCOMER,
					class: PENSIONERS,
					guarantor: ALICE,
					expires_at: 1 + APPLICATION_PERIOD,
				}
				.into(),
			);
			assert_eq!(escrow_of(ALICE, NEWCOMER), Some(PENSIONERS_QUANTUM));
			// The application provides for the empty account so that it can sign.
			assert_eq!(System::providers(&NEWCOMER), 1);

			assert_ok!(Membership::guarantee(signed(BOB), NEWCOMER));
			System::assert_last_event(
				MembershipEvent::ApplicationGuaranteed { candidate: NEWCOMER, guarantor: BOB }
					.into(),
			);
			assert!(!Members::<Test>::contains_key(NEWCOMER));

			assert_ok!(Membership::accept(signed(NEWCOMER)));
			let events = membership_events();
			assert_eq!(
				events[events.len() - 2..],
				[
					MembershipEvent::ApplicationAccepted { candidate: NEWCOMER },
					MembershipEvent::MemberAdmitted {
						member: NEWCOMER,
						class: PENSIONERS,
						guarantors: vec![ALICE, BOB]
					},
				]
			);
			let newcomer = member(NEWCOMER);
			assert_eq!(newcomer.class, PENSIONERS);
			assert_eq!(newcomer.status, MemberStatus::Active);
			assert_eq!(newcomer.guarantors.to_vec(), vec![ALICE, BOB]);
			assert!(!Applications::<Test>::contains_key(NEWCOMER));
			assert_eq!(member(ALICE).proteges, 3);
			assert_eq!(escrow_of(BOB, NEWCOMER), Some(PENSIONERS_QUANTUM));
		});
	}

	#[test]
	fn admission_pays_the_fee_into_the_fund_and_numbers_the_member() {
		test(|| {
			set_admission_fee(7);
			assert_eq!(member(DAVE).number, 3);
			assert_eq!(<Membership as MembershipInspect<_>>::next_membership_number(), 4);
			assert_ok!(Membership::propose(signed(ALICE), EVE, PENSIONERS));
			assert_ok!(Membership::guarantee(signed(BOB), EVE));
			assert_ok!(Membership::pay_fee(signed(EVE), EVE));
			assert_ok!(Membership::accept(signed(EVE)));
			assert_eq!(Balances::balance(&FUND), 1 + 7);
			assert_eq!(Balances::balance(&EVE), 100_000 - 7);
			assert_eq!(member(EVE).number, 4);
			assert_eq!(<Membership as MembershipInspect<_>>::membership_number(&EVE), Some(4));
			assert_eq!(<Membership as MembershipInspect<_>>::next_membership_number(), 5);
		});
	}

	#[test]
	fn acceptance_before_enough_guarantees_admits_on_the_last_one() {
		test(|| {
			assert_ok!(Membership::propose(signed(ALICE), NEWCOMER, PENSIONERS));
			assert_ok!(Membership::accept(signed(NEWCOMER)));
			assert!(Applications::<Test>::get(NEWCOMER).unwrap().accepted);
			assert!(!Members::<Test>::contains_key(NEWCOMER));
			assert_ok!(Membership::guarantee(signed(CHARLIE), NEWCOMER));
			assert!(Members::<Test>::contains_key(NEWCOMER));
			System::assert_last_event(
				MembershipEvent::MemberAdmitted {
					member: NEWCOMER,
					class: PENSIONERS,
					guarantors: vec![ALICE, CHARLIE],
				}
				.into(),
			);
		});
	}

	#[test]
	fn propose_errors_move_nothing() {
		test(|| {
			let pot = Balances::balance(&ESCROW_POT);
			assert_noop!(
				Membership::propose(signed(EVE), NEWCOMER, PENSIONERS),
				MembershipError::NotMember
			);
			assert_noop!(
				Membership::propose(signed(ALICE), ALICE, PENSIONERS),
				MembershipError::CannotGuaranteeSelf
			);
			assert_noop!(
				Membership::propose(signed(ALICE), BOB, PENSIONERS),
				MembershipError::AlreadyMember
			);
			assert_noop!(Membership::propose(signed(ALICE), EVE, 9), MembershipError::UnknownClass);
			block(ALICE);
			assert_noop!(
				Membership::propose(signed(ALICE), EVE, PENSIONERS),
				MembershipError::Blocked
			);
			assert_ok!(Membership::propose(signed(BOB), EVE, PENSIONERS));
			assert_noop!(
				Membership::propose(signed(CHARLIE), EVE, PENSIONERS),
				MembershipError::ApplicationExists
			);
			assert_eq!(Balances::balance(&ESCROW_POT), pot + PENSIONERS_QUANTUM);
		});
	}

	#[test]
	fn a_guarantor_who_cannot_pay_the_quantum_moves_nothing() {
		test(|| {
			// ALICE has 95_800 free; the mock escrow's transfer of more fails as an underflow.
			assert_ok!(Membership::set_class(RuntimeOrigin::root(), 3, name("rich"), 1_000_000, 0));
			assert_noop!(
				Membership::propose(signed(ALICE), NEWCOMER, 3),
				ArithmeticError::Underflow
			);
			assert!(!Applications::<Test>::contains_key(NEWCOMER));
			assert_eq!(System::providers(&NEWCOMER), 0);
		});
	}

	#[test]
	fn a_guarantor_has_a_bounded_number_of_proteges() {
		test(|| {
			// ALICE guarantees CHARLIE and DAVE already; two more fill MAX_PROTEGES = 4.
			assert_ok!(Membership::propose(signed(ALICE), EVE, PENSIONERS));
			assert_ok!(Membership::propose(signed(ALICE), FERDIE, PENSIONERS));
			assert_eq!(member(ALICE).proteges, MAX_PROTEGES);
			assert_noop!(
				Membership::propose(signed(ALICE), NEWCOMER, PENSIONERS),
				MembershipError::TooManyProteges
			);
			assert_ok!(Membership::propose(signed(BOB), NEWCOMER, PENSIONERS));
			assert_noop!(
				Membership::guarantee(signed(ALICE), NEWCOMER),
				MembershipError::TooManyProteges
			);
		});
	}

	#[test]
	fn guarantee_errors_move_nothing() {
		test(|| {
			assert_ok!(Membership::propose(signed(ALICE), NEWCOMER, PENSIONERS));
			assert_noop!(Membership::guarantee(signed(EVE), NEWCOMER), MembershipError::NotMember);
			assert_noop!(
				Membership::guarantee(signed(ALICE), NEWCOMER),
				MembershipError::AlreadyGuaranteed
			);
			assert_noop!(
				Membership::guarantee(signed(BOB), BOB),
				MembershipError::CannotGuaranteeSelf
			);
			assert_noop!(Membership::guarantee(signed(BOB), FERDIE), MembershipError::NotMember);
			block(CHARLIE);
			assert_noop!(
				Membership::guarantee(signed(CHARLIE), NEWCOMER),
				MembershipError::Blocked
			);
		});
	}

	#[test]
	fn an_application_has_a_bounded_number_of_guarantors() {
		test(|| {
			assert_ok!(Membership::set_class(RuntimeOrigin::root(), 3, name("cheap"), 1, 0));
			assert_ok!(Membership::propose(signed(ALICE), NEWCOMER, 3));
			assert_ok!(Membership::guarantee(signed(BOB), NEWCOMER));
			assert_ok!(Membership::guarantee(signed(CHARLIE), NEWCOMER));
			assert_ok!(Membership::guarantee(signed(DAVE), NEWCOMER));
			// Four guarantors fill MAX_GUARANTORS; a fifth member is admitted to try.
			assert_ok!(Membership::accept(signed(NEWCOMER)));
			assert_ok!(Membership::propose(signed(BOB), EVE, 3));
			assert_ok!(Membership::guarantee(signed(CHARLIE), EVE));
			assert_ok!(Membership::accept(signed(EVE)));
			assert_ok!(Membership::guarantee(signed(EVE), NEWCOMER));
			assert_noop!(
				Membership::accept_guarantee(signed(NEWCOMER), EVE),
				MembershipError::TooManyGuarantors
			);
		});
	}

	#[test]
	fn accept_and_decline_need_an_open_application() {
		test(|| {
			assert_noop!(Membership::accept(signed(NEWCOMER)), MembershipError::NoApplication);
			assert_noop!(Membership::decline(signed(NEWCOMER)), MembershipError::NoApplication);
			assert_ok!(Membership::propose(signed(ALICE), NEWCOMER, PENSIONERS));
			assert_ok!(Membership::accept(signed(NEWCOMER)));
			assert_noop!(Membership::accept(signed(NEWCOMER)), MembershipError::AlreadyAccepted);
		});
	}

	#[test]
	fn a_declined_application_releases_every_guarantee() {
		test(|| {
			let alice = Balances::balance(&ALICE);
			assert_ok!(Membership::propose(signed(ALICE), NEWCOMER, PENSIONERS));
			assert_ok!(Membership::guarantee(signed(BOB), NEWCOMER));
			assert_ok!(Membership::decline(signed(NEWCOMER)));
			System::assert_last_event(
				MembershipEvent::ApplicationDeclined { candidate: NEWCOMER }.into(),
			);
			assert!(!Applications::<Test>::contains_key(NEWCOMER));
			assert_eq!(escrow_of(ALICE, NEWCOMER), None);
			assert_eq!(Balances::balance(&ALICE), alice);
			assert_eq!(member(ALICE).proteges, 2);
			assert_eq!(System::providers(&NEWCOMER), 0);
			assert_eq!(ClassUsers::<Test>::get(PENSIONERS), 0);
		});
	}

	#[test]
	fn an_incomplete_application_expires_on_its_own() {
		test(|| {
			let bob = Balances::balance(&BOB);
			assert_ok!(Membership::propose(signed(BOB), NEWCOMER, MIDDLE));
			run_to_block(APPLICATION_PERIOD);
			assert!(Applications::<Test>::contains_key(NEWCOMER));
			run_to_block(1 + APPLICATION_PERIOD);
			assert!(!Applications::<Test>::contains_key(NEWCOMER));
			System::assert_last_event(
				MembershipEvent::ApplicationExpired { candidate: NEWCOMER }.into(),
			);
			assert_eq!(Balances::balance(&BOB), bob);
		});
	}

	#[test]
	fn anyone_may_expire_an_application_whose_period_passed() {
		test(|| {
			assert_ok!(Membership::propose(signed(BOB), NEWCOMER, MIDDLE));
			assert_noop!(
				Membership::expire_application(signed(EVE), NEWCOMER),
				MembershipError::ApplicationNotExpired
			);
			assert_noop!(
				Membership::expire_application(signed(EVE), FERDIE),
				MembershipError::NoApplication
			);
			// Past the period without the hook having run (a fallback for a missed block).
			System::set_block_number(1 + APPLICATION_PERIOD);
			assert_ok!(Membership::expire_application(signed(EVE), NEWCOMER));
			System::assert_last_event(
				MembershipEvent::ApplicationExpired { candidate: NEWCOMER }.into(),
			);
		});
	}

	#[test]
	fn deadlines_spill_into_later_blocks_and_then_run_out() {
		test(|| {
			assert_ok!(Membership::set_class(RuntimeOrigin::root(), 3, name("cheap"), 1, 0));
			// Fill the expiry block and the following ones by hand.
			for offset in 0..16u64 {
				Deadlines::<Test>::insert(
					1 + APPLICATION_PERIOD + offset,
					BoundedVec::truncate_from(vec![
						Deadline::ApplicationExpiry(999_000 + offset);
						MAX_DEADLINES_PER_BLOCK as usize
					]),
				);
			}
			assert_noop!(
				Membership::propose(signed(ALICE), NEWCOMER, 3),
				MembershipError::TooManyDeadlines
			);
			Deadlines::<Test>::remove(1 + APPLICATION_PERIOD + 15);
			assert_ok!(Membership::propose(signed(ALICE), NEWCOMER, 3));
			assert_eq!(
				Applications::<Test>::get(NEWCOMER).unwrap().expires_at,
				1 + APPLICATION_PERIOD + 15
			);
		});
	}
}

mod fees {
	use super::*;
	use frame_support::traits::{fungible::Mutate, tokens::Preservation};

	fn fee_pot() -> Balance {
		Balances::balance(&Membership::fee_account())
	}

	#[test]
	fn a_pensioner_joins_for_free_and_nobody_pays_anything() {
		test(|| {
			// Genesis gives every class no fee here, as the runtime does the pensioners.
			assert_eq!(Classes::<Test>::get(PENSIONERS).unwrap().fee, 0);
			admit_newcomer();
			assert!(Members::<Test>::contains_key(NEWCOMER));
			assert_eq!(Balances::balance(&NEWCOMER), 0);
			assert_eq!(Balances::balance(&FUND), 1);
			assert!(!membership_events()
				.iter()
				.any(|e| matches!(e, MembershipEvent::AdmissionFeePaid { .. })));
		});
	}

	#[test]
	fn an_acceptance_waits_for_the_fee_and_a_sponsor_outside_the_cooperative_pays_it() {
		test(|| {
			set_admission_fee(7);
			assert_ok!(Membership::propose(signed(ALICE), NEWCOMER, PENSIONERS));
			assert_ok!(Membership::guarantee(signed(BOB), NEWCOMER));
			// NEWCOMER holds nothing: the acceptance is recorded, no second signature needed.
			assert_ok!(Membership::accept(signed(NEWCOMER)));
			System::assert_last_event(
				MembershipEvent::ApplicationAccepted { candidate: NEWCOMER }.into(),
			);
			assert!(!Members::<Test>::contains_key(NEWCOMER));
			assert_eq!(Applications::<Test>::get(NEWCOMER).unwrap().fee, 7);
			// EVE is no member: she pays, and NEWCOMER is admitted in that moment.
			assert_ok!(Membership::pay_fee(signed(EVE), NEWCOMER));
			assert!(Members::<Test>::contains_key(NEWCOMER));
			assert_eq!(Balances::balance(&EVE), 100_000 - 7);
			assert_eq!(Balances::balance(&FUND), 1 + 7);
			assert_eq!(fee_pot(), 0);
			let events = membership_events();
			assert!(events.contains(&MembershipEvent::AdmissionFeePaid {
				candidate: NEWCOMER,
				payer: EVE,
				amount: 7
			}));
			assert_eq!(
				events.last(),
				Some(&MembershipEvent::MemberAdmitted {
					member: NEWCOMER,
					class: PENSIONERS,
					guarantors: vec![ALICE, BOB]
				})
			);
		});
	}

	#[test]
	fn a_candidate_pays_their_fee_with_all_they_hold() {
		test(|| {
			set_admission_fee(7);
			assert_ok!(Membership::propose(signed(ALICE), NEWCOMER, PENSIONERS));
			assert_ok!(Balances::transfer(&FERDIE, &NEWCOMER, 7, Preservation::Preserve));
			// Before the acceptance and the second guarantee: the fee waits in the pallet.
			assert_ok!(Membership::pay_fee(signed(NEWCOMER), NEWCOMER));
			assert_eq!(Balances::balance(&NEWCOMER), 0);
			assert_eq!(fee_pot(), 7);
			assert_eq!(Applications::<Test>::get(NEWCOMER).unwrap().fee_paid_by, Some(NEWCOMER));
			// The application provides for the account it emptied.
			assert!(System::account_exists(&NEWCOMER));
			assert_ok!(Membership::accept(signed(NEWCOMER)));
			assert_ok!(Membership::guarantee(signed(BOB), NEWCOMER));
			assert!(Members::<Test>::contains_key(NEWCOMER));
			assert_eq!(Balances::balance(&FUND), 1 + 7);
			assert_eq!(fee_pot(), 0);
		});
	}

	#[test]
	fn a_fee_returns_to_its_payer_when_the_application_is_declined_or_expires() {
		test(|| {
			set_admission_fee(7);
			assert_ok!(Membership::propose(signed(ALICE), NEWCOMER, PENSIONERS));
			assert_ok!(Membership::pay_fee(signed(CHARLIE), NEWCOMER));
			let charlie = Balances::balance(&CHARLIE);
			assert_ok!(Membership::decline(signed(NEWCOMER)));
			assert_eq!(Balances::balance(&CHARLIE), charlie + 7);
			assert!(membership_events().contains(&MembershipEvent::AdmissionFeeRefunded {
				candidate: NEWCOMER,
				payer: CHARLIE,
				amount: 7
			}));

			assert_ok!(Membership::propose(signed(ALICE), EVE, PENSIONERS));
			assert_ok!(Membership::pay_fee(signed(FERDIE), EVE));
			assert_eq!(fee_pot(), 7);
			run_to_block(1 + APPLICATION_PERIOD);
			assert!(!Applications::<Test>::contains_key(EVE));
			assert_eq!(Balances::balance(&FERDIE), 100_000);
			assert_eq!(fee_pot(), 0);
			assert_eq!(Balances::balance(&FUND), 1);
			System::assert_has_event(
				MembershipEvent::AdmissionFeeRefunded { candidate: EVE, payer: FERDIE, amount: 7 }
					.into(),
			);
		});
	}

	#[test]
	fn the_fee_due_is_the_class_fee_when_the_application_opened() {
		test(|| {
			set_admission_fee(7);
			assert_ok!(Membership::propose(signed(ALICE), EVE, PENSIONERS));
			set_admission_fee(50);
			assert_ok!(Membership::pay_fee(signed(EVE), EVE));
			assert_eq!(Balances::balance(&EVE), 100_000 - 7);
			assert_eq!(
				Membership::application_view(&EVE).map(|a| (a.fee, a.fee_paid_by)),
				Some((7, Some(EVE)))
			);
		});
	}

	#[test]
	fn fee_misuse_is_refused_and_nothing_moves() {
		test(|| {
			// No application.
			assert_noop!(Membership::pay_fee(signed(EVE), FERDIE), MembershipError::NoApplication);
			assert_noop!(Membership::pay_fee(signed(EVE), ALICE), MembershipError::NoApplication);
			// No fee due.
			assert_ok!(Membership::propose(signed(ALICE), NEWCOMER, PENSIONERS));
			assert_noop!(Membership::pay_fee(signed(EVE), NEWCOMER), MembershipError::NoFeeDue);
			set_admission_fee(7);
			assert_ok!(Membership::propose(signed(ALICE), EVE, PENSIONERS));
			// A payer holding nothing, and one who would fall below the existential deposit.
			assert_noop!(Membership::pay_fee(signed(NEWCOMER), EVE), MembershipError::CannotPayFee);
			set_admission_fee(100_000);
			assert_ok!(Membership::propose(signed(BOB), FERDIE, PENSIONERS));
			// EVE holds exactly the fee: as FERDIE's sponsor she must keep the existential
			// deposit (FERDIE could pay it all, for her own application).
			assert_noop!(Membership::pay_fee(signed(EVE), FERDIE), MembershipError::CannotPayFee);
			assert_noop!(
				Membership::pay_fee(signed(CHARLIE), FERDIE),
				MembershipError::CannotPayFee
			);
			// Paying twice.
			assert_ok!(Membership::pay_fee(signed(FERDIE), EVE));
			assert_noop!(Membership::pay_fee(signed(EVE), EVE), MembershipError::FeeAlreadyPaid);
			assert_eq!(fee_pot(), 7);
		});
	}

	#[test]
	fn a_class_fee_is_zero_or_between_the_existential_deposit_and_the_highest_fee() {
		test(|| {
			ExistentialDeposit::set(5);
			assert_noop!(
				Membership::set_class(RuntimeOrigin::root(), MIDDLE, name("middle"), 100, 4),
				MembershipError::FeeOutOfBounds
			);
			assert_ok!(Membership::set_class(
				RuntimeOrigin::root(),
				MIDDLE,
				name("middle"),
				100,
				5
			));
			System::assert_last_event(
				MembershipEvent::ClassSet { class: MIDDLE, quantum: 100, fee: 5 }.into(),
			);
			assert_noop!(
				Membership::set_class(RuntimeOrigin::root(), MIDDLE, name("middle"), 100, 100_001),
				MembershipError::FeeOutOfBounds
			);
			assert_ok!(Membership::set_class(
				RuntimeOrigin::root(),
				MIDDLE,
				name("middle"),
				100,
				0
			));
			assert_eq!(
				Membership::class_views().iter().find(|c| c.id == MIDDLE).map(|c| c.fee),
				Some(0)
			);
			ExistentialDeposit::set(1);
		});
	}
}

mod revocation_and_grace {
	use super::*;

	#[test]
	fn periods_set_at_genesis_replace_the_defaults() {
		new_test_ext_with_periods(3, 5).execute_with(|| {
			assert_eq!(ApplicationPeriod::<Test>::get(), 3);
			assert_eq!(GracePeriod::<Test>::get(), 5);
			assert_ok!(Membership::propose(signed(ALICE), NEWCOMER, PENSIONERS));
			assert_eq!(Applications::<Test>::get(NEWCOMER).unwrap().expires_at, 1 + 3);
			assert_ok!(Membership::revoke(signed(BOB), ALICE));
			assert_eq!(member(ALICE).status, MemberStatus::Grace { until: 1 + 5 });
			System::assert_last_event(
				MembershipEvent::GraceStarted { member: ALICE, until: 1 + 5 }.into(),
			);
			run_to_block(1 + 5);
			assert!(Members::<Test>::get(ALICE).is_none(), "the shorter grace lapsed Alice");
			Membership::do_try_state().expect("invariants hold");
		});
		new_test_ext().execute_with(|| {
			assert_eq!(ApplicationPeriod::<Test>::get(), APPLICATION_PERIOD);
			assert_eq!(GracePeriod::<Test>::get(), GRACE_PERIOD);
		});
	}

	#[test]
	fn a_revocation_releases_the_escrow_and_starts_grace() {
		test(|| {
			let bob = Balances::balance(&BOB);
			assert_ok!(Membership::revoke(signed(BOB), ALICE));
			assert_eq!(Balances::balance(&BOB), bob + MANAGERS_QUANTUM);
			assert_eq!(escrow_of(BOB, ALICE), None);
			let until = 1 + GRACE_PERIOD;
			assert_eq!(member(ALICE).status, MemberStatus::Grace { until });
			assert_eq!(member(ALICE).guarantors.to_vec(), vec![CHARLIE]);
			assert_eq!(member(BOB).proteges, 1);
			let events = membership_events();
			assert_eq!(
				events[events.len() - 2..],
				[
					MembershipEvent::GuaranteeRevoked { guarantor: BOB, protege: ALICE },
					MembershipEvent::GraceStarted { member: ALICE, until },
				]
			);
		});
	}

	#[test]
	fn a_new_guarantee_ends_grace() {
		test(|| {
			assert_ok!(Membership::revoke(signed(BOB), ALICE));
			assert_ok!(Membership::guarantee(signed(DAVE), ALICE));
			System::assert_last_event(
				MembershipEvent::GuaranteeOffered { member: ALICE, guarantor: DAVE }.into(),
			);
			assert!(member(ALICE).status.in_grace(), "an offer is no guarantee yet");
			assert_eq!(escrow_of(DAVE, ALICE), None);
			assert_ok!(Membership::accept_guarantee(signed(ALICE), DAVE));
			assert_eq!(member(ALICE).status, MemberStatus::Active);
			assert_eq!(escrow_of(DAVE, ALICE), Some(MANAGERS_QUANTUM));
			let events = membership_events();
			assert_eq!(
				events[events.len() - 2..],
				[
					MembershipEvent::MemberGuaranteed { member: ALICE, guarantor: DAVE },
					MembershipEvent::GraceEnded { member: ALICE },
				]
			);
			// The old deadline passes harmlessly.
			run_to_block(2 + GRACE_PERIOD);
			assert!(Members::<Test>::contains_key(ALICE));
		});
	}

	#[test]
	fn grace_without_a_new_guarantor_lapses_the_membership() {
		test(|| {
			let charlie = Balances::balance(&CHARLIE);
			assert_ok!(Membership::revoke(signed(BOB), ALICE));
			run_to_block(1 + GRACE_PERIOD);
			assert!(!Members::<Test>::contains_key(ALICE));
			// CHARLIE's escrow for ALICE came back.
			assert_eq!(Balances::balance(&CHARLIE), charlie + MANAGERS_QUANTUM);
			assert!(membership_events().contains(&MembershipEvent::MemberDeparted {
				member: ALICE,
				reason: Departure::Lapsed
			}));
			// ALICE's own guarantees (of CHARLIE and DAVE) end in pages: two per block.
			assert_eq!(Departing::<Test>::get(ALICE), None);
			assert!(membership_events()
				.contains(&MembershipEvent::DepartureCompleted { member: ALICE }));
			assert_eq!(member(CHARLIE).guarantors.to_vec(), vec![DAVE]);
			assert!(matches!(member(CHARLIE).status, MemberStatus::Grace { .. }));
			// A lapsed member may apply again.
			assert_ok!(Membership::propose(signed(BOB), ALICE, MANAGERS));
		});
	}

	#[test]
	fn anyone_may_end_a_grace_that_passed() {
		test(|| {
			assert_noop!(Membership::end_grace(signed(EVE), ALICE), MembershipError::NotInGrace);
			assert_noop!(Membership::end_grace(signed(EVE), EVE), MembershipError::NotMember);
			assert_ok!(Membership::revoke(signed(BOB), ALICE));
			assert_noop!(Membership::end_grace(signed(EVE), ALICE), MembershipError::GraceNotOver);
			System::set_block_number(1 + GRACE_PERIOD);
			assert_ok!(Membership::end_grace(signed(EVE), ALICE));
			assert!(!Members::<Test>::contains_key(ALICE));
		});
	}

	#[test]
	fn revocation_errors_move_nothing() {
		test(|| {
			assert_noop!(Membership::revoke(signed(BOB), EVE), MembershipError::NotMember);
			assert_noop!(Membership::revoke(signed(DAVE), ALICE), MembershipError::NotGuarantor);
			commit_escrow(BOB, ALICE);
			assert_noop!(
				Membership::revoke(signed(BOB), ALICE),
				DispatchError::Other("EscrowCommitted")
			);
			block(CHARLIE);
			assert_noop!(Membership::revoke(signed(CHARLIE), ALICE), MembershipError::Blocked);
			block(BOB);
			assert_noop!(Membership::revoke(signed(CHARLIE), BOB), MembershipError::Blocked);
		});
	}

	#[test]
	fn a_guarantee_under_review_cannot_be_revoked() {
		test(|| {
			put_under_review(DAVE, BOB);
			assert_noop!(Membership::revoke(signed(DAVE), BOB), MembershipError::UnderReview);
			// DAVE's other guarantee is not under review.
			assert_ok!(Membership::revoke(signed(DAVE), CHARLIE));
		});
	}

	#[test]
	fn a_member_in_grace_with_a_blocked_protege_cannot_be_guaranteed_out_of_a_block() {
		test(|| {
			block(ALICE);
			assert_noop!(Membership::guarantee(signed(DAVE), ALICE), MembershipError::Blocked);
		});
	}
}

mod expulsion {
	use super::*;

	#[test]
	fn a_guarantor_who_refused_to_answer_forfeits_the_guarantee() {
		test(|| {
			// BOB guarantees ALICE (with CHARLIE); a complaint found he refused to answer.
			let bob = Balances::balance(&BOB);
			assert_ok!(<Membership as Expel<_>>::forfeit_guarantee(&BOB, &ALICE));
			assert!(!Proteges::<Test>::contains_key(BOB, ALICE));
			assert_eq!(member(ALICE).guarantors.to_vec(), vec![CHARLIE]);
			assert_eq!(member(BOB).proteges, 1);
			assert_eq!(escrow_of(BOB, ALICE), None);
			assert_eq!(Balances::balance(&BOB), bob + MANAGERS_QUANTUM);
			let events = membership_events();
			assert!(events
				.contains(&MembershipEvent::GuaranteeForfeited { guarantor: BOB, protege: ALICE }));
			assert!(matches!(member(ALICE).status, MemberStatus::Grace { .. }));
			// Only a guarantee that exists, of a member.
			assert_noop!(
				<Membership as Expel<_>>::forfeit_guarantee(&BOB, &ALICE),
				MembershipError::NotGuarantor
			);
			assert_noop!(
				<Membership as Expel<_>>::forfeit_guarantee(&BOB, &EVE),
				MembershipError::NotMember
			);
		});
	}

	#[test]
	fn expulsion_releases_guarantees_to_the_expelled_and_pages_the_ones_they_gave() {
		test(|| {
			admit_newcomer(); // ALICE now guarantees CHARLIE, DAVE and NEWCOMER.
			let (bob, charlie) = (Balances::balance(&BOB), Balances::balance(&CHARLIE));
			assert_ok!(Membership::expel(&ALICE));
			assert!(!Members::<Test>::contains_key(ALICE));
			assert_eq!(Balances::balance(&BOB), bob + MANAGERS_QUANTUM);
			assert_eq!(Balances::balance(&CHARLIE), charlie + MANAGERS_QUANTUM);
			assert!(membership_events().contains(&MembershipEvent::MemberDeparted {
				member: ALICE,
				reason: Departure::Expelled
			}));
			assert_eq!(Departing::<Test>::get(ALICE), Some(3));
			assert_ok!(Membership::readmit(RuntimeOrigin::root(), ALICE));
			assert_noop!(
				Membership::propose(signed(BOB), ALICE, MANAGERS),
				MembershipError::DepartureInProgress
			);

			// One page (two guarantees) per block.
			run_to_block(2);
			assert_eq!(Departing::<Test>::get(ALICE), Some(1));
			run_to_block(3);
			assert_eq!(Departing::<Test>::get(ALICE), None);
			assert!(membership_events()
				.contains(&MembershipEvent::DepartureCompleted { member: ALICE }));
			for protege in [CHARLIE, DAVE, NEWCOMER] {
				assert_eq!(escrow_of(ALICE, protege), None);
				assert!(matches!(member(protege).status, MemberStatus::Grace { .. }));
			}
		});
	}

	#[test]
	fn anyone_may_speed_up_a_departure() {
		test(|| {
			assert_noop!(
				Membership::continue_departure(signed(EVE), ALICE, 5),
				MembershipError::NotDeparting
			);
			assert_ok!(Membership::expel(&ALICE));
			assert_ok!(Membership::continue_departure(signed(EVE), ALICE, 5));
			assert_eq!(Departing::<Test>::get(ALICE), None);
			assert_eq!(member(CHARLIE).guarantors.to_vec(), vec![DAVE]);
		});
	}

	#[test]
	fn an_expelled_guarantor_leaves_open_applications_they_backed() {
		test(|| {
			assert_ok!(Membership::propose(signed(ALICE), NEWCOMER, PENSIONERS));
			assert_ok!(Membership::guarantee(signed(BOB), NEWCOMER));
			assert_ok!(Membership::expel(&ALICE));
			assert_ok!(Membership::continue_departure(signed(EVE), ALICE, 5));
			assert_eq!(Applications::<Test>::get(NEWCOMER).unwrap().guarantors.to_vec(), vec![BOB]);
			assert_eq!(escrow_of(ALICE, NEWCOMER), None);
		});
	}

	#[test]
	fn only_members_can_be_expelled() {
		test(|| {
			assert_noop!(Membership::expel(&EVE), MembershipError::NotMember);
		});
	}
}

mod top_up {
	use super::*;

	#[test]
	fn a_missed_top_up_ends_the_guarantee_and_starts_grace() {
		test(|| {
			let bob = Balances::balance(&BOB);
			<Membership as OnTopUpMissed<_>>::top_up_missed(&BOB, &ALICE);
			assert_eq!(member(ALICE).guarantors.to_vec(), vec![CHARLIE]);
			assert_eq!(member(BOB).proteges, 1);
			assert_eq!(Balances::balance(&BOB), bob + MANAGERS_QUANTUM);
			let events = membership_events();
			assert_eq!(
				events[events.len() - 2..],
				[
					MembershipEvent::GuaranteeEnded { guarantor: BOB, protege: ALICE },
					MembershipEvent::GraceStarted { member: ALICE, until: 1 + GRACE_PERIOD },
				]
			);
			// Told again, or about someone who is not a guarantor, nothing happens.
			<Membership as OnTopUpMissed<_>>::top_up_missed(&BOB, &ALICE);
			<Membership as OnTopUpMissed<_>>::top_up_missed(&BOB, &EVE);
			assert_eq!(member(ALICE).guarantors.to_vec(), vec![CHARLIE]);
		});
	}
}

mod inspect {
	use super::*;

	#[test]
	fn other_pallets_see_members_classes_and_guarantors() {
		test(|| {
			assert!(<Membership as MembershipInspect<_>>::is_member(&ALICE));
			assert!(!<Membership as MembershipInspect<_>>::is_member(&EVE));
			assert_eq!(<Membership as MembershipInspect<_>>::class_of(&ALICE), Some(MANAGERS));
			assert_eq!(
				<Membership as MembershipInspect<_>>::guarantors_of(&ALICE),
				vec![BOB, CHARLIE]
			);
			assert_eq!(<Membership as MembershipInspect<_>>::member_count(), 4);
			assert!(<Membership as MembershipInspect<_>>::is_in_good_standing(&ALICE));
			block(ALICE);
			assert!(!<Membership as MembershipInspect<_>>::is_in_good_standing(&ALICE));
		});
	}
}

mod permissioned_pool {
	use super::*;
	use codec::Encode;
	use frame_support::dispatch::DispatchInfo;
	use sp_runtime::{
		traits::{DispatchTransaction, TransactionExtension, TxBaseImplication},
		transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidityError},
	};

	fn validate(origin: RuntimeOrigin, call: RuntimeCall) -> Result<(), TransactionValidityError> {
		CheckMembership::<Test>::new()
			.validate_only(
				origin,
				&call,
				&DispatchInfo::default(),
				0,
				TransactionSource::External,
				0,
			)
			.map(|_| ())
	}

	fn transfer() -> RuntimeCall {
		RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive { dest: BOB, value: 1 })
	}

	const REFUSED: TransactionValidityError =
		TransactionValidityError::Invalid(InvalidTransaction::Custom(NOT_A_MEMBER));

	#[test]
	fn members_pass_and_non_members_are_refused() {
		test(|| {
			assert_ok!(validate(signed(ALICE), transfer()));
			assert_eq!(validate(signed(EVE), transfer()), Err(REFUSED));
			assert_eq!(
				validate(signed(EVE), RuntimeCall::Membership(crate::Call::accept {})),
				Err(REFUSED)
			);
			// Unsigned and root origins are not this extension's business: it passes them on.
			for origin in [RuntimeOrigin::none(), RuntimeOrigin::root()] {
				assert!(CheckMembership::<Test>::new()
					.validate(
						origin,
						&transfer(),
						&DispatchInfo::default(),
						0,
						(),
						&TxBaseImplication(transfer()),
						TransactionSource::External,
					)
					.is_ok());
			}
		});
	}

	#[test]
	fn the_runtime_may_refuse_a_call_to_a_member() {
		test(|| {
			assert_eq!(
				validate(signed(DAVE), transfer()),
				Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(9)))
			);
			assert_ok!(validate(signed(DAVE), RuntimeCall::Membership(crate::Call::accept {})));
			assert_ok!(validate(signed(ALICE), transfer()));
		});
	}

	#[test]
	fn a_pending_candidate_may_only_answer_their_application() {
		test(|| {
			assert_ok!(Membership::propose(signed(ALICE), NEWCOMER, PENSIONERS));
			assert_ok!(validate(signed(NEWCOMER), RuntimeCall::Membership(crate::Call::accept {})));
			assert_ok!(validate(
				signed(NEWCOMER),
				RuntimeCall::Membership(crate::Call::decline {})
			));
			assert_eq!(validate(signed(NEWCOMER), transfer()), Err(REFUSED));
			let accept = RuntimeCall::Membership(crate::Call::accept {});
			let decline = RuntimeCall::Membership(crate::Call::decline {});
			assert!(Membership::is_free_answer(&NEWCOMER, &accept));
			assert!(Membership::is_free_answer(&NEWCOMER, &decline));
			assert!(!Membership::is_free_answer(&NEWCOMER, &transfer()));
			assert!(!Membership::is_free_answer(&EVE, &accept), "no application, no answer");
		});
	}

	#[test]
	fn an_accept_already_given_is_no_free_answer_and_never_enters_the_pool() {
		test(|| {
			assert_ok!(Membership::propose(signed(ALICE), NEWCOMER, PENSIONERS));
			assert_ok!(Membership::accept(signed(NEWCOMER)));
			let accept = RuntimeCall::Membership(crate::Call::accept {});
			// The attack: a candidate who accepted repeats the free call to fill blocks.
			assert!(!Membership::is_free_answer(&NEWCOMER, &accept));
			assert_eq!(validate(signed(NEWCOMER), accept), Err(REFUSED));
			// Declining stays possible, and free.
			let decline = RuntimeCall::Membership(crate::Call::decline {});
			assert!(Membership::is_free_answer(&NEWCOMER, &decline));
			assert_ok!(validate(signed(NEWCOMER), decline));
		});
	}

	#[test]
	fn an_accept_is_free_whether_or_not_the_fee_is_paid() {
		test(|| {
			set_admission_fee(5);
			assert_ok!(Membership::propose(signed(ALICE), NEWCOMER, PENSIONERS));
			assert_ok!(Membership::guarantee(signed(BOB), NEWCOMER));
			let accept = RuntimeCall::Membership(crate::Call::accept {});
			// Complete but for the fee NEWCOMER cannot pay: the acceptance records the answer
			// and the application waits for the fee, so it succeeds and is free.
			assert!(Membership::is_free_answer(&NEWCOMER, &accept));
			assert_ok!(validate(signed(NEWCOMER), accept));
		});
	}

	#[test]
	fn a_candidate_paying_their_own_fee_is_a_free_answer_only_when_it_will_succeed() {
		test(|| {
			set_admission_fee(5);
			assert_ok!(Membership::propose(signed(ALICE), NEWCOMER, PENSIONERS));
			let own = RuntimeCall::Membership(crate::Call::pay_fee { candidate: NEWCOMER });
			// NEWCOMER holds nothing: the payment would fail, so it is refused at the pool.
			assert!(!Membership::is_free_answer(&NEWCOMER, &own));
			assert_eq!(validate(signed(NEWCOMER), own.clone()), Err(REFUSED));
			// Given exactly the fee, no existential deposit on top, it is free.
			assert_ok!(<Balances as frame_support::traits::fungible::Mutate<_>>::transfer(
				&ALICE,
				&NEWCOMER,
				5,
				frame_support::traits::tokens::Preservation::Preserve
			));
			assert!(Membership::is_free_answer(&NEWCOMER, &own));
			assert_ok!(validate(signed(NEWCOMER), own.clone()));
			// Paying another candidate's fee is no answer of NEWCOMER's own.
			let other = RuntimeCall::Membership(crate::Call::pay_fee { candidate: EVE });
			assert!(!Membership::is_free_answer(&NEWCOMER, &other));
			// Once paid, paying again is refused like any non-member's transaction.
			assert_ok!(Membership::pay_fee(signed(NEWCOMER), NEWCOMER));
			assert!(!Membership::is_free_answer(&NEWCOMER, &own));
			// A class without a fee has nothing to pay.
			set_admission_fee(0);
			assert_ok!(Membership::propose(signed(ALICE), EVE, PENSIONERS));
			let free = RuntimeCall::Membership(crate::Call::pay_fee { candidate: EVE });
			assert!(!Membership::is_free_answer(&EVE, &free));
		});
	}

	#[test]
	fn a_free_answer_has_the_lowest_priority_one_tag_per_account_and_no_tip() {
		let valid = crate::free_answer_validity(&NEWCOMER, false).unwrap();
		assert_eq!(valid.priority, 0);
		assert_eq!(valid.provides, vec![(b"synergy/answer", NEWCOMER).encode()]);
		assert_eq!(valid.provides, crate::free_answer_validity(&NEWCOMER, false).unwrap().provides);
		assert_ne!(valid.provides, crate::free_answer_validity(&EVE, false).unwrap().provides);
		assert_eq!(
			crate::free_answer_validity(&NEWCOMER, true),
			Err(InvalidTransaction::Custom(crate::TIP_ON_A_FREE_ANSWER))
		);
	}
}

mod views {
	use super::*;

	#[test]
	fn the_class_table_reads_with_names_and_users() {
		test(|| {
			let classes = Membership::class_views();
			assert_eq!(classes.len(), 3);
			assert_eq!(
				classes.iter().find(|c| c.id == MANAGERS),
				Some(&ClassView {
					id: MANAGERS,
					name: "managers and business people".into(),
					quantum: MANAGERS_QUANTUM,
					fee: 0,
					users: 4,
				})
			);
		});
	}

	#[test]
	fn a_member_reads_with_guarantors_proteges_and_escrow() {
		test(|| {
			let view = Membership::member_view(&ALICE).expect("a member");
			assert_eq!(view.class, MANAGERS);
			assert_eq!(view.status, MemberStatus::Active);
			assert!(!view.blocked);
			assert_eq!(view.guarantors, vec![BOB, CHARLIE]);
			let mut proteges = view.proteges.clone();
			proteges.sort();
			assert_eq!(proteges, vec![CHARLIE, DAVE]);
			assert_eq!(view.escrow.behind, 2 * MANAGERS_QUANTUM);
			assert_eq!(view.escrow.headroom, 2 * MANAGERS_QUANTUM);
			block(ALICE);
			assert!(Membership::member_view(&ALICE).expect("a member").blocked);
			assert_eq!(Membership::member_view(&EVE), None);
		});
	}

	#[test]
	fn an_application_reads_with_what_it_still_needs() {
		test(|| {
			assert_eq!(Membership::application_view(&NEWCOMER), None);
			assert_ok!(Membership::propose(signed(ALICE), NEWCOMER, PENSIONERS));
			let view = Membership::application_view(&NEWCOMER).expect("an application");
			assert_eq!(view.class, PENSIONERS);
			assert_eq!(view.quantum, PENSIONERS_QUANTUM);
			assert_eq!(view.guarantors, vec![ALICE]);
			assert_eq!(view.guarantees_missing, 1);
			assert!(!view.accepted);
			assert_eq!(view.expires_at, 1 + APPLICATION_PERIOD);
		});
	}

	#[test]
	fn the_guarantor_graph_is_walked_both_ways_to_the_depth_asked() {
		test(|| {
			assert_ok!(Membership::propose(signed(ALICE), NEWCOMER, PENSIONERS));
			// Depth 0: the account alone, with its edges.
			let graph = Membership::guarantor_graph(&NEWCOMER, 0);
			assert_eq!(graph.nodes.len(), 1);
			assert_eq!(graph.nodes[0].guarantors, vec![ALICE]);
			assert!(!graph.nodes[0].member);
			// Depth 1 reaches ALICE; depth 2 her guarantors and other protégés, the whole ring.
			let graph = Membership::guarantor_graph(&NEWCOMER, 1);
			assert_eq!(
				graph.nodes.iter().map(|n| (n.account, n.distance)).collect::<Vec<_>>(),
				[(NEWCOMER, 0), (ALICE, 1)]
			);
			let graph = Membership::guarantor_graph(&NEWCOMER, 2);
			let mut reached: Vec<_> = graph.nodes.iter().map(|n| n.account).collect();
			reached.sort();
			assert_eq!(reached, vec![ALICE, BOB, CHARLIE, DAVE, NEWCOMER]);
			assert!(!graph.truncated);
			// The depth asked is capped.
			assert_eq!(Membership::guarantor_graph(&ALICE, u32::MAX).depth, MAX_GRAPH_DEPTH);
		});
	}

	#[test]
	fn views_read_as_json_with_balances_as_strings() {
		test(|| {
			let json = serde_json::to_value(Membership::member_view(&ALICE)).expect("json");
			assert_eq!(json["status"], serde_json::json!("active"));
			assert_eq!(
				json["escrow"]["behind"],
				serde_json::json!((2 * MANAGERS_QUANTUM).to_string())
			);
			assert_eq!(json["escrow"]["insuredQuantum"], serde_json::json!("0"));
			let grace = serde_json::to_value(MemberStatus::Grace { until: 7u64 }).expect("json");
			assert_eq!(grace, serde_json::json!({ "grace": { "until": 7 } }));
		});
	}
}

/// The attacks of the adversarial review on membership, each as the sequence that worked.
mod attacks {
	use super::*;

	#[test]
	fn an_accused_member_in_grace_does_not_lapse_until_their_cases_close() {
		test(|| {
			assert_ok!(Membership::revoke(signed(BOB), ALICE));
			let until = 1 + GRACE_PERIOD;
			run_to_block(6);
			// ALICE is accused at block 6: her grace clock stops with 15 blocks left.
			block(ALICE);
			<Membership as OnAccusation<_>>::accused(&ALICE);
			let left = until - 6;
			assert_eq!(member(ALICE).status, MemberStatus::GracePaused { left });
			System::assert_last_event(MembershipEvent::GracePaused { member: ALICE, left }.into());
			// The grace's end passes: she is still a member, and nobody can end it by hand.
			run_to_block(until + 10);
			assert!(Members::<Test>::contains_key(ALICE));
			assert_noop!(Membership::end_grace(signed(EVE), ALICE), MembershipError::NotInGrace);
			// Her last case closes at block 31: the clock runs on for the 15 blocks left.
			unblock(ALICE);
			<Membership as OnAccusation<_>>::cleared(&ALICE);
			let resumed = until + 10 + left;
			assert_eq!(member(ALICE).status, MemberStatus::Grace { until: resumed });
			System::assert_last_event(
				MembershipEvent::GraceResumed { member: ALICE, until: resumed }.into(),
			);
			run_to_block(resumed - 1);
			assert!(Members::<Test>::contains_key(ALICE));
			run_to_block(resumed);
			assert!(!Members::<Test>::contains_key(ALICE), "the grace ran out after the case");
		});
	}

	#[test]
	fn a_grace_stopped_at_its_last_block_runs_out_in_the_next() {
		test(|| {
			assert_ok!(Membership::revoke(signed(BOB), ALICE));
			let until = 1 + GRACE_PERIOD;
			System::set_block_number(until);
			block(ALICE);
			<Membership as OnAccusation<_>>::accused(&ALICE);
			assert_eq!(member(ALICE).status, MemberStatus::GracePaused { left: 0 });
			unblock(ALICE);
			<Membership as OnAccusation<_>>::cleared(&ALICE);
			assert_eq!(member(ALICE).status, MemberStatus::Grace { until: until + 1 });
			run_to_block(until + 1);
			assert!(!Members::<Test>::contains_key(ALICE));
		});
	}

	#[test]
	fn an_accused_member_who_loses_a_guarantor_enters_grace_with_its_clock_stopped() {
		test(|| {
			block(ALICE);
			<Membership as OnAccusation<_>>::accused(&ALICE);
			assert_eq!(member(ALICE).status, MemberStatus::Active, "only a grace clock stops");
			// BOB misses a top-up for ALICE while she is accused (the escrow pallet would not
			// report that; a departure would end the guarantee the same way).
			<Membership as OnTopUpMissed<_>>::top_up_missed(&BOB, &ALICE);
			assert_eq!(member(ALICE).status, MemberStatus::GracePaused { left: GRACE_PERIOD });
			unblock(ALICE);
			<Membership as OnAccusation<_>>::cleared(&ALICE);
			assert_eq!(member(ALICE).status, MemberStatus::Grace { until: 1 + GRACE_PERIOD });
		});
	}

	#[test]
	fn a_blocked_account_is_neither_proposed_nor_guaranteed() {
		test(|| {
			block(NEWCOMER);
			assert_noop!(
				Membership::propose(signed(ALICE), NEWCOMER, PENSIONERS),
				MembershipError::Blocked
			);
			unblock(NEWCOMER);
			assert_ok!(Membership::propose(signed(ALICE), NEWCOMER, PENSIONERS));
			block(NEWCOMER);
			assert_noop!(Membership::guarantee(signed(BOB), NEWCOMER), MembershipError::Blocked);
			block(ALICE);
			assert_noop!(Membership::guarantee(signed(DAVE), ALICE), MembershipError::Blocked);
		});
	}

	#[test]
	fn a_former_member_is_proposed_again_only_once_their_old_membership_has_settled() {
		test(|| {
			admit_newcomer();
			assert_ok!(Membership::expel(&NEWCOMER));
			// Readmitted by the meeting, but escrow, deals or a case of the old membership are
			// still settling.
			assert_ok!(Membership::readmit(RuntimeOrigin::root(), NEWCOMER));
			leave_commitments(NEWCOMER);
			assert_noop!(
				Membership::propose(signed(ALICE), NEWCOMER, PENSIONERS),
				MembershipError::FormerMembershipSettling
			);
		});
	}
}

mod safeguards {
	use super::*;

	fn narrow(per_guarantor: u32, growth_floor: u32, voting_age: u64) -> Safeguards<u64> {
		Safeguards {
			period: ADMISSION_PERIOD,
			per_guarantor,
			growth: sp_runtime::Perbill::zero(),
			growth_floor,
			voting_age,
		}
	}

	#[test]
	fn the_general_meeting_sets_them_within_the_bounds() {
		test(|| {
			let safeguards = narrow(2, 3, 10);
			assert_noop!(
				Membership::set_safeguards(signed(ALICE), safeguards),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Membership::set_safeguards(
					RuntimeOrigin::root(),
					Safeguards { period: 0, ..safeguards }
				),
				MembershipError::SafeguardsOutOfBounds
			);
			assert_noop!(
				Membership::set_safeguards(
					RuntimeOrigin::root(),
					Safeguards { per_guarantor: 0, ..safeguards }
				),
				MembershipError::SafeguardsOutOfBounds
			);
			assert_noop!(
				Membership::set_safeguards(
					RuntimeOrigin::root(),
					Safeguards { voting_age: 1_001, ..safeguards }
				),
				MembershipError::SafeguardsOutOfBounds
			);
			assert_ok!(Membership::set_safeguards(RuntimeOrigin::root(), safeguards));
			assert_eq!(CurrentSafeguards::<Test>::get(), safeguards);
			System::assert_last_event(MembershipEvent::SafeguardsSet { safeguards }.into());
		});
	}

	#[test]
	fn a_guarantor_gives_a_bounded_number_of_guarantees_a_period_and_revoking_frees_none() {
		test(|| {
			assert_ok!(Membership::set_safeguards(RuntimeOrigin::root(), narrow(1, 100, 0)));
			// ALICE proposes EVE: one guarantee given this period, the most she may.
			assert_ok!(Membership::propose(signed(ALICE), EVE, PENSIONERS));
			assert_eq!(Membership::guarantees_left(&ALICE, 1), 0);
			assert_noop!(
				Membership::propose(signed(ALICE), NEWCOMER, PENSIONERS),
				MembershipError::GuaranteeLimitReached
			);
			// The sock's application declined: the escrow goes home, the count stays.
			assert_ok!(Membership::decline(signed(EVE)));
			assert_ok!(Membership::propose(signed(BOB), FERDIE, PENSIONERS));
			assert_noop!(
				Membership::guarantee(signed(ALICE), FERDIE),
				MembershipError::GuaranteeLimitReached
			);
			// The next admission period counts afresh.
			run_to_block(ADMISSION_PERIOD);
			assert_eq!(Membership::guarantees_left(&ALICE, ADMISSION_PERIOD), 1);
			assert_ok!(Membership::propose(signed(ALICE), NEWCOMER, PENSIONERS));
		});
	}

	#[test]
	fn the_cooperative_opens_a_bounded_number_of_applications_a_period() {
		test(|| {
			// Four members: 50 % of them, two applications a period (the floor is one).
			let safeguards =
				Safeguards { growth: sp_runtime::Perbill::from_percent(50), ..narrow(100, 1, 0) };
			assert_ok!(Membership::set_safeguards(RuntimeOrigin::root(), safeguards));
			assert_eq!(Membership::applications_left(1), 2);
			assert_ok!(Membership::propose(signed(ALICE), EVE, PENSIONERS));
			assert_ok!(Membership::propose(signed(BOB), FERDIE, PENSIONERS));
			assert_noop!(
				Membership::propose(signed(CHARLIE), NEWCOMER, PENSIONERS),
				MembershipError::GrowthLimitReached
			);
			// An application that closes gives nothing back either.
			assert_ok!(Membership::decline(signed(FERDIE)));
			assert_noop!(
				Membership::propose(signed(CHARLIE), NEWCOMER, PENSIONERS),
				MembershipError::GrowthLimitReached
			);
			run_to_block(ADMISSION_PERIOD);
			assert_ok!(Membership::propose(signed(CHARLIE), NEWCOMER, PENSIONERS));
		});
	}

	#[test]
	fn a_small_cooperative_still_grows_by_the_floor() {
		test(|| {
			assert_ok!(Membership::set_safeguards(RuntimeOrigin::root(), narrow(100, 3, 0)));
			// 0 % of four members is none; the floor lets three in.
			assert_eq!(Membership::applications_left(1), 3);
			assert_ok!(Membership::propose(signed(ALICE), EVE, PENSIONERS));
			assert_ok!(Membership::propose(signed(BOB), FERDIE, PENSIONERS));
			assert_ok!(Membership::propose(signed(CHARLIE), NEWCOMER, PENSIONERS));
			assert_eq!(Membership::applications_left(1), 0);
		});
	}

	#[test]
	fn a_new_member_joins_the_electorate_at_the_voting_age() {
		test(|| {
			assert_ok!(Membership::set_safeguards(RuntimeOrigin::root(), narrow(100, 100, 10)));
			// The founders vote from genesis.
			assert_eq!(Seniors::<Test>::get(), Electorate { below: 4, count: 4 });
			admit_newcomer();
			assert_eq!(member(NEWCOMER).number, 4);
			assert_eq!(<Membership as MembershipInspect<_>>::electorate().count, 4);
			run_to_block(10);
			assert_eq!(Seniors::<Test>::get(), Electorate { below: 4, count: 4 });
			run_to_block(11);
			assert_eq!(Seniors::<Test>::get(), Electorate { below: 5, count: 5 });
			System::assert_has_event(
				MembershipEvent::CameOfAge { member: NEWCOMER, number: 4 }.into(),
			);
		});
	}

	#[test]
	fn a_departed_member_leaves_the_electorate_and_a_departed_junior_is_skipped() {
		test(|| {
			assert_ok!(Membership::set_safeguards(RuntimeOrigin::root(), narrow(100, 100, 10)));
			admit_newcomer();
			assert_ok!(Membership::propose(signed(CHARLIE), EVE, PENSIONERS));
			assert_ok!(Membership::guarantee(signed(DAVE), EVE));
			assert_ok!(Membership::accept(signed(EVE)));
			// NEWCOMER (number 4) is expelled before coming of age: their number is skipped.
			assert_ok!(Membership::expel(&NEWCOMER));
			assert!(MemberNumbers::<Test>::get(4).is_none());
			run_to_block(11);
			assert_eq!(Seniors::<Test>::get(), Electorate { below: 6, count: 5 });
			// A founder expelled leaves the electorate at once.
			assert_ok!(Membership::expel(&ALICE));
			assert_eq!(Seniors::<Test>::get(), Electorate { below: 6, count: 4 });
		});
	}
}

mod consent {
	use super::*;

	#[test]
	fn a_member_is_guaranteed_only_with_their_consent() {
		test(|| {
			// The attack: a sock guarantees a member uninvited, to sit on their panels.
			assert_ok!(Membership::guarantee(signed(DAVE), ALICE));
			assert!(!Proteges::<Test>::contains_key(DAVE, ALICE));
			assert_eq!(Offers::<Test>::get(ALICE).to_vec(), vec![DAVE]);
			assert_eq!(escrow_of(DAVE, ALICE), None);
			assert_noop!(
				Membership::guarantee(signed(DAVE), ALICE),
				MembershipError::AlreadyOffered
			);
			// Declined by the member: nothing moved but the offer.
			assert_ok!(Membership::drop_guarantor(signed(ALICE), DAVE));
			System::assert_last_event(
				MembershipEvent::OfferWithdrawn { member: ALICE, guarantor: DAVE }.into(),
			);
			assert!(Offers::<Test>::get(ALICE).is_empty());
			assert_eq!(member(ALICE).guarantors.to_vec(), vec![BOB, CHARLIE]);
			// Offered again and withdrawn by the guarantor.
			assert_ok!(Membership::guarantee(signed(DAVE), ALICE));
			assert_ok!(Membership::revoke(signed(DAVE), ALICE));
			System::assert_last_event(
				MembershipEvent::OfferWithdrawn { member: ALICE, guarantor: DAVE }.into(),
			);
			// Offered and accepted: now a guarantee, with its escrow.
			assert_ok!(Membership::guarantee(signed(DAVE), ALICE));
			assert_ok!(Membership::accept_guarantee(signed(ALICE), DAVE));
			assert_eq!(escrow_of(DAVE, ALICE), Some(MANAGERS_QUANTUM));
			assert_eq!(member(ALICE).guarantors.to_vec(), vec![BOB, CHARLIE, DAVE]);
			System::assert_last_event(
				MembershipEvent::MemberGuaranteed { member: ALICE, guarantor: DAVE }.into(),
			);
		});
	}

	#[test]
	fn accept_guarantee_errors_move_nothing() {
		test(|| {
			assert_noop!(
				Membership::accept_guarantee(signed(ALICE), DAVE),
				MembershipError::NoOffer
			);
			assert_ok!(Membership::guarantee(signed(DAVE), ALICE));
			// The guarantor blocked since the offer: refused, the offer stays.
			block(DAVE);
			assert_noop!(
				Membership::accept_guarantee(signed(ALICE), DAVE),
				MembershipError::Blocked
			);
			unblock(DAVE);
			// The guarantor cannot pay the quantum any more.
			let free = Balances::balance(&DAVE);
			assert_ok!(<Balances as frame_support::traits::fungible::Mutate<_>>::transfer(
				&DAVE,
				&EVE,
				free - 10,
				frame_support::traits::tokens::Preservation::Preserve
			));
			assert!(Membership::accept_guarantee(signed(ALICE), DAVE).is_err());
			assert_eq!(Offers::<Test>::get(ALICE).to_vec(), vec![DAVE]);
		});
	}

	#[test]
	fn offers_are_forgotten_with_the_member() {
		test(|| {
			assert_ok!(Membership::set_class(RuntimeOrigin::root(), 3, name("cheap"), 1, 0));
			for (candidate, guarantors) in [(EVE, [ALICE, BOB]), (FERDIE, [BOB, CHARLIE])] {
				assert_ok!(Membership::propose(signed(guarantors[0]), candidate, 3));
				assert_ok!(Membership::guarantee(signed(guarantors[1]), candidate));
				assert_ok!(Membership::accept(signed(candidate)));
			}
			assert_ok!(Membership::guarantee(signed(EVE), DAVE));
			assert_ok!(Membership::guarantee(signed(FERDIE), DAVE));
			assert_ok!(Membership::guarantee(signed(CHARLIE), DAVE));
			assert_eq!(Offers::<Test>::get(DAVE).len(), 3);
			assert_ok!(Membership::expel(&DAVE));
			assert!(Offers::<Test>::get(DAVE).is_empty());
		});
	}

	#[test]
	fn a_protege_drops_a_guarantor_and_the_escrow_stays_as_insurance_needs() {
		test(|| {
			assert_ok!(Membership::drop_guarantor(signed(ALICE), BOB));
			assert_eq!(member(ALICE).guarantors.to_vec(), vec![CHARLIE]);
			assert!(!Proteges::<Test>::contains_key(BOB, ALICE));
			assert_eq!(escrow_of(BOB, ALICE), None, "released: nothing insured needs it");
			assert!(member(ALICE).status.in_grace());
			let events = membership_events();
			assert!(events
				.contains(&MembershipEvent::GuarantorDropped { protege: ALICE, guarantor: BOB }));
			assert!(matches!(
				events.last(),
				Some(MembershipEvent::GraceStarted { member: ALICE, .. })
			));
		});
	}

	#[test]
	fn drop_guarantor_errors_move_nothing() {
		test(|| {
			assert_noop!(Membership::drop_guarantor(signed(ALICE), DAVE), MembershipError::NoOffer);
			assert_noop!(
				Membership::drop_guarantor(signed(EVE), ALICE),
				MembershipError::NotMember
			);
			block(ALICE);
			assert_noop!(Membership::drop_guarantor(signed(ALICE), BOB), MembershipError::Blocked);
			unblock(ALICE);
			put_under_review(BOB, ALICE);
			assert_noop!(
				Membership::drop_guarantor(signed(ALICE), BOB),
				MembershipError::UnderReview
			);
		});
	}
}

mod ages {
	use super::*;
	use synergy_primitives::GuaranteeAges;

	#[test]
	fn other_pallets_see_when_each_guarantee_began() {
		test(|| {
			run_to_block(5);
			admit_newcomer();
			assert_eq!(Proteges::<Test>::get(ALICE, NEWCOMER), Some(5));
			assert_eq!(Proteges::<Test>::get(BOB, ALICE), Some(0), "a founder's, from genesis");
			run_to_block(8);
			assert_ok!(Membership::guarantee(signed(CHARLIE), NEWCOMER));
			assert_ok!(Membership::accept_guarantee(signed(NEWCOMER), CHARLIE));
			assert_eq!(Membership::guarantors_before(&NEWCOMER, 5), Vec::<AccountId>::new());
			assert_eq!(Membership::guarantors_before(&NEWCOMER, 6), vec![ALICE, BOB]);
			assert_eq!(Membership::guarantors_before(&NEWCOMER, 9), vec![ALICE, BOB, CHARLIE]);
		});
	}
}

mod readmission {
	use super::*;

	#[test]
	fn an_expelled_account_is_barred_and_a_lapsed_one_is_not() {
		test(|| {
			admit_newcomer();
			assert_ok!(Membership::expel(&NEWCOMER));
			System::assert_has_event(
				MembershipEvent::Barred { who: NEWCOMER, until: 1 + READMISSION_BAR }.into(),
			);
			assert_eq!(Barred::<Test>::get(NEWCOMER), Some(1 + READMISSION_BAR));
			run_to_block(READMISSION_BAR);
			assert_noop!(
				Membership::propose(signed(ALICE), NEWCOMER, PENSIONERS),
				MembershipError::ExpulsionBar
			);
			// Once the bar has passed, a proposal clears it.
			run_to_block(1 + READMISSION_BAR);
			assert_ok!(Membership::propose(signed(ALICE), NEWCOMER, PENSIONERS));
			assert!(!Barred::<Test>::contains_key(NEWCOMER));
		});
	}

	#[test]
	fn a_lapse_bars_nobody() {
		test(|| {
			admit_newcomer();
			assert_ok!(Membership::revoke(signed(BOB), NEWCOMER));
			run_to_block(2 + GRACE_PERIOD);
			assert!(!Members::<Test>::contains_key(NEWCOMER));
			assert!(!Barred::<Test>::contains_key(NEWCOMER));
			run_to_block(3 + GRACE_PERIOD);
			assert_ok!(Membership::propose(signed(ALICE), NEWCOMER, PENSIONERS));
		});
	}

	#[test]
	fn the_general_meeting_readmits() {
		test(|| {
			admit_newcomer();
			assert_ok!(Membership::expel(&NEWCOMER));
			assert_noop!(Membership::readmit(signed(ALICE), NEWCOMER), DispatchError::BadOrigin);
			assert_noop!(
				Membership::readmit(RuntimeOrigin::root(), EVE),
				MembershipError::NotBarred
			);
			assert_ok!(Membership::readmit(RuntimeOrigin::root(), NEWCOMER));
			System::assert_last_event(MembershipEvent::Readmitted { who: NEWCOMER }.into());
			run_to_block(2);
			assert_ok!(Membership::propose(signed(ALICE), NEWCOMER, PENSIONERS));
		});
	}
}

mod banned {
	use super::*;

	#[test]
	fn a_banned_guarantor_neither_proposes_nor_guarantees_and_their_guarantees_stand() {
		test(|| {
			assert_ok!(Membership::propose(signed(BOB), NEWCOMER, PENSIONERS));
			ban(ALICE);
			assert_noop!(
				Membership::propose(signed(ALICE), EVE, PENSIONERS),
				MembershipError::BannedFromGuaranteeing
			);
			assert_noop!(
				Membership::guarantee(signed(ALICE), NEWCOMER),
				MembershipError::BannedFromGuaranteeing
			);
			// An offer made before the ban cannot be accepted during it.
			assert_ok!(Membership::guarantee(signed(DAVE), ALICE));
			ban(DAVE);
			assert_noop!(
				Membership::accept_guarantee(signed(ALICE), DAVE),
				MembershipError::BannedFromGuaranteeing
			);
			// What ALICE already guarantees stands.
			assert_eq!(member(CHARLIE).guarantors.to_vec(), vec![DAVE, ALICE]);
		});
	}
}

mod migrations {
	use super::*;
	use crate::migrations::v1;
	use frame_support::{
		storage::unhashed,
		traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
	};

	// (That a chain built from its genesis starts at the code's version is tested on the
	// runtime, whose genesis writes it.)
	#[test]
	fn the_code_is_at_storage_version_one() {
		assert_eq!(Membership::in_code_storage_version(), StorageVersion::new(1));
	}

	#[test]
	fn v1_drops_the_departure_counter_and_keeps_every_departure() {
		test(|| {
			// The state version 0 left: a departure in progress, counted.
			StorageVersion::new(0).put::<Membership>();
			Departing::<Test>::insert(NEWCOMER, 3);
			unhashed::put(&v1::counter_key::<Test>(), &1u32);

			v1::MigrateV0ToV1::<Test>::on_runtime_upgrade();
			assert!(!unhashed::exists(&v1::counter_key::<Test>()));
			assert_eq!(Departing::<Test>::get(NEWCOMER), Some(3));
			assert_eq!(Membership::on_chain_storage_version(), StorageVersion::new(1));

			// At version 1 it does nothing.
			unhashed::put(&v1::counter_key::<Test>(), &1u32);
			v1::MigrateV0ToV1::<Test>::on_runtime_upgrade();
			assert!(unhashed::exists(&v1::counter_key::<Test>()));
			unhashed::kill(&v1::counter_key::<Test>());
			Departing::<Test>::remove(NEWCOMER);
		});
	}
}
