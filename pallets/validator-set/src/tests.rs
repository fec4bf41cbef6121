//! Unit tests: every call, error and event; the invariants are checked after each test.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use pallet_session::SessionManager;
use sp_runtime::DispatchError;

type SetError = crate::Error<Test>;
type SetEvent = crate::Event<Test>;

fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

fn set() -> Vec<AccountId> {
	crate::Validators::<Test>::get().into_inner()
}

#[test]
fn genesis_validators_stay_until_the_members_change_them() {
	test(|| {
		assert_eq!(set(), vec![1, 2, 3]);
		assert_eq!(<ValidatorSet as SessionManager<_>>::new_session(1), None);
		assert_eq!(SessionPeriod::<Test>::get(), 10);
	});
}

#[test]
fn an_added_member_validates_from_the_next_planned_session() {
	test(|| {
		candidate(4);
		assert_ok!(ValidatorSet::add_validator(root(), 4));
		System::assert_last_event(SetEvent::ValidatorAdded { validator: 4 }.into());
		assert_eq!(<ValidatorSet as SessionManager<_>>::new_session(2), Some(vec![1, 2, 3, 4]));
		System::assert_last_event(
			SetEvent::SetPlanned { session: 2, validators: vec![1, 2, 3, 4] }.into(),
		);
		// Planned once: the next session keeps it.
		assert_eq!(<ValidatorSet as SessionManager<_>>::new_session(3), None);
		assert_ok!(ValidatorSet::remove_validator(root(), 4));
		System::assert_last_event(SetEvent::ValidatorRemoved { validator: 4 }.into());
		assert_eq!(<ValidatorSet as SessionManager<_>>::new_session(4), Some(vec![1, 2, 3]));
	});
}

#[test]
fn add_validator_errors_change_nothing() {
	test(|| {
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::signed(1), 4),
			DispatchError::BadOrigin
		);
		assert_noop!(ValidatorSet::add_validator(root(), 4), SetError::NotMember);
		candidate(4);
		block(4);
		assert_noop!(ValidatorSet::add_validator(root(), 4), SetError::NotMember);
		member_without_keys(5);
		assert_noop!(ValidatorSet::add_validator(root(), 5), SetError::NoSessionKeys);
		assert_noop!(ValidatorSet::add_validator(root(), 1), SetError::AlreadyValidator);
		candidate(6);
		candidate(7);
		assert_ok!(ValidatorSet::add_validator(root(), 6));
		assert_noop!(ValidatorSet::add_validator(root(), 7), SetError::TooManyValidators);
	});
}

#[test]
fn remove_validator_errors_change_nothing() {
	test(|| {
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::signed(1), 3),
			DispatchError::BadOrigin
		);
		assert_noop!(ValidatorSet::remove_validator(root(), 9), SetError::NotValidator);
		assert_ok!(ValidatorSet::remove_validator(root(), 3));
		assert_noop!(ValidatorSet::remove_validator(root(), 2), SetError::TooFewValidators);
	});
}

#[test]
fn a_validator_who_leaves_the_cooperative_is_dropped_but_never_below_the_minimum() {
	test(|| {
		depart(3);
		assert_eq!(<ValidatorSet as SessionManager<_>>::new_session(1), Some(vec![1, 2]));
		assert!(System::events()
			.iter()
			.any(|r| r.event == SetEvent::ValidatorDropped { validator: 3 }.into()));
		depart(2);
		assert_eq!(<ValidatorSet as SessionManager<_>>::new_session(2), None);
		assert_eq!(set(), vec![1, 2]);
	});
}

#[test]
fn only_validators_with_keys_are_planned_and_counted() {
	test(|| {
		candidate(4);
		assert_ok!(ValidatorSet::add_validator(root(), 4));
		assert_eq!(<ValidatorSet as SessionManager<_>>::new_session(1), Some(vec![1, 2, 3, 4]));
		// A validator's keys gone (only a fault could do it: the runtime refuses their purge):
		// the plan says what the session pallet will seat.
		purge_keys(4);
		assert_eq!(<ValidatorSet as SessionManager<_>>::new_session(2), Some(vec![1, 2, 3]));
		System::assert_last_event(
			SetEvent::SetPlanned { session: 2, validators: vec![1, 2, 3] }.into(),
		);
		assert_eq!(<ValidatorSet as SessionManager<_>>::new_session(3), None);
		// Four decided, three keyed: removing one keyed validator would leave two keyed, which
		// is the minimum; removing a second is refused although three would stay decided.
		assert_ok!(ValidatorSet::remove_validator(root(), 3));
		assert_noop!(ValidatorSet::remove_validator(root(), 2), SetError::TooFewValidators);
		// The keyless one may go: the keyed count does not change.
		assert_ok!(ValidatorSet::remove_validator(root(), 4));
		assert_eq!(set(), vec![1, 2]);
	});
}

#[test]
fn a_set_short_of_keys_is_planned_as_it_is_and_said() {
	test(|| {
		purge_keys(2);
		purge_keys(3);
		assert_eq!(<ValidatorSet as SessionManager<_>>::new_session(1), Some(vec![1]));
		assert!(System::events()
			.iter()
			.any(|r| r.event == SetEvent::TooFewKeyed { session: 1, keyed: 1 }.into()));
	});
}

#[test]
fn validators_of_the_decided_or_planned_set_must_keep_their_keys() {
	test(|| {
		assert!(ValidatorSet::must_keep_keys(&1));
		assert!(!ValidatorSet::must_keep_keys(&4));
		candidate(4);
		assert_ok!(ValidatorSet::add_validator(root(), 4));
		assert!(ValidatorSet::must_keep_keys(&4));
		assert_eq!(<ValidatorSet as SessionManager<_>>::new_session(1), Some(vec![1, 2, 3, 4]));
		// Removed by the members, still planned: the keys stay until it is replanned.
		assert_ok!(ValidatorSet::remove_validator(root(), 4));
		assert!(ValidatorSet::must_keep_keys(&4));
		assert_eq!(<ValidatorSet as SessionManager<_>>::new_session(2), Some(vec![1, 2, 3]));
		assert!(!ValidatorSet::must_keep_keys(&4));
	});
}

#[test]
fn the_members_set_the_session_length() {
	test(|| {
		assert_ok!(ValidatorSet::set_session_length(root(), 30));
		System::assert_last_event(SetEvent::SessionLengthSet { blocks: 30 }.into());
		assert_eq!(SessionPeriod::<Test>::get(), 30);
		assert_noop!(ValidatorSet::set_session_length(root(), 0), SetError::ZeroSessionLength);
		assert_noop!(ValidatorSet::set_session_length(root(), 6_001), SetError::SessionTooLong);
		assert_noop!(
			ValidatorSet::set_session_length(RuntimeOrigin::signed(1), 5),
			DispatchError::BadOrigin
		);
	});
}
