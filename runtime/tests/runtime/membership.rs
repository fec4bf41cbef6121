//! Membership by guarantee and its escrow on the real runtime: the founders of the presets,
//! the permissioned pool, and a candidate who holds nothing joining through two guarantors.

// A test fails loudly, with the reason, where the runtime and node never may.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use crate::common;

use codec::Encode;
use common::{ext_from_preset, initialize_block, signed, signed_by, signed_with_tip};
use frame_support::{assert_ok, traits::fungible::InspectHold};
use sp_core::{sr25519, Pair};
use sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring;
use sp_runtime::transaction_validity::{
	InvalidTransaction, TransactionSource, TransactionValidityError,
};
use synergy_runtime::{
	currency::UNITS, AccountId, Balances, BalancesCall, Executive, Runtime, RuntimeCall,
	RuntimeHoldReason,
};

type MembershipCall = pallet_guarantee_membership::Call<Runtime>;

const NOT_A_MEMBER: TransactionValidityError = TransactionValidityError::Invalid(
	InvalidTransaction::Custom(pallet_guarantee_membership::NOT_A_MEMBER),
);

const TIP_ON_A_FREE_ANSWER: TransactionValidityError = TransactionValidityError::Invalid(
	InvalidTransaction::Custom(pallet_guarantee_membership::TIP_ON_A_FREE_ANSWER),
);

fn escrow_held(who: &AccountId) -> u128 {
	Balances::balance_on_hold(
		&RuntimeHoldReason::Escrow(pallet_deposit_escrow::HoldReason::Guarantee),
		who,
	)
}

#[test]
fn the_founders_guarantee_each_other_with_real_escrow() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(pallet_guarantee_membership::Members::<Runtime>::count(), 4);
		assert_eq!(pallet_guarantee_membership::Classes::<Runtime>::count(), 3);
		for founder in [
			Sr25519Keyring::Alice,
			Sr25519Keyring::Bob,
			Sr25519Keyring::Charlie,
			Sr25519Keyring::Dave,
		] {
			let who = founder.to_account_id();
			let member = pallet_guarantee_membership::Members::<Runtime>::get(&who).unwrap();
			assert_eq!(member.guarantors.len(), 2);
			// Each founder guarantees two others with the managers' quantum.
			assert_eq!(escrow_held(&who), 2 * 2_100 * UNITS);
			assert_eq!(pallet_deposit_escrow::Behind::<Runtime>::get(&who), 2 * 2_100 * UNITS);
		}
		pallet_guarantee_membership::Pallet::<Runtime>::do_try_state().unwrap();
		pallet_deposit_escrow::Pallet::<Runtime>::do_try_state().unwrap();
	});
}

#[test]
fn the_pool_refuses_a_non_members_transfer() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		initialize_block(1);
		let transfer = RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
			dest: Sr25519Keyring::Alice.to_account_id().into(),
			value: UNITS,
		});
		let xt = signed(transfer, Sr25519Keyring::Ferdie, 0);
		assert_eq!(
			Executive::validate_transaction(
				TransactionSource::External,
				xt.clone(),
				frame_system::Pallet::<Runtime>::block_hash(0),
			),
			Err(NOT_A_MEMBER)
		);
		assert_eq!(Executive::apply_extrinsic(xt), Err(NOT_A_MEMBER));
	});
}

#[test]
fn a_candidate_holding_nothing_joins_and_a_sponsor_outside_the_cooperative_pays_the_fee() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		initialize_block(1);
		let newcomer = sr25519::Pair::from_string("//Newcomer", None).unwrap();
		let who: AccountId = newcomer.public().into();
		assert_eq!(Balances::free_balance(&who), 0);

		// The middle tier pays an admission fee.
		let fee = pallet_guarantee_membership::Classes::<Runtime>::get(1).unwrap().fee;
		assert_eq!(fee, 10 * UNITS);
		let propose = RuntimeCall::Membership(MembershipCall::propose {
			candidate: who.clone().into(),
			class: 1,
		});
		assert_ok!(Executive::apply_extrinsic(signed(propose, Sr25519Keyring::Alice, 0)).unwrap());
		let guarantee =
			RuntimeCall::Membership(MembershipCall::guarantee { person: who.clone().into() });
		assert_ok!(Executive::apply_extrinsic(signed(guarantee, Sr25519Keyring::Bob, 0)).unwrap());

		// Anything but the answer is refused at the pool.
		let transfer = RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
			dest: Sr25519Keyring::Alice.to_account_id().into(),
			value: 1,
		});
		assert_eq!(
			Executive::apply_extrinsic(signed_by(transfer, &newcomer, 0)),
			Err(NOT_A_MEMBER)
		);
		// Holding nothing, the candidate cannot pay their own fee: no free answer, and they
		// cannot pay the transaction's fee either, so the pool refuses it.
		let own_fee =
			RuntimeCall::Membership(MembershipCall::pay_fee { candidate: who.clone().into() });
		assert_eq!(
			Executive::apply_extrinsic(signed_by(own_fee.clone(), &newcomer, 0)),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Payment))
		);

		// The acceptance is free and recorded: the application waits for the fee.
		let accept = RuntimeCall::Membership(MembershipCall::accept {});
		assert_ok!(Executive::apply_extrinsic(signed_by(accept, &newcomer, 0)).unwrap());
		assert!(!pallet_guarantee_membership::Members::<Runtime>::contains_key(&who));

		// Ferdie, no member, pays it: the candidate is admitted in that moment.
		let ferdie = Sr25519Keyring::Ferdie.to_account_id();
		assert!(!pallet_guarantee_membership::Members::<Runtime>::contains_key(&ferdie));
		let ferdie_before = Balances::free_balance(&ferdie);
		let fund_before = pallet_fund_voting::Pallet::<Runtime>::fund_balance();
		assert_ok!(Executive::apply_extrinsic(signed(own_fee, Sr25519Keyring::Ferdie, 0)).unwrap());
		assert!(pallet_guarantee_membership::Members::<Runtime>::contains_key(&who));
		// The fee and the transaction's own fee: a sponsor's payment is no free answer.
		assert!(Balances::free_balance(&ferdie) < ferdie_before - fee);
		assert_eq!(Balances::free_balance(&who), 0);
		assert_eq!(pallet_fund_voting::Pallet::<Runtime>::fund_balance(), fund_before + fee);
		assert_eq!(pallet_fund_voting::FundStatement::<Runtime>::get().admission_fees, fee);
		assert_eq!(pallet_deposit_escrow::Behind::<Runtime>::get(&who), 2 * 100 * UNITS);
		pallet_guarantee_membership::Pallet::<Runtime>::do_try_state().unwrap();
		pallet_deposit_escrow::Pallet::<Runtime>::do_try_state().unwrap();
		pallet_fund_voting::Pallet::<Runtime>::do_try_state().unwrap();
	});
}

#[test]
fn a_pensioner_joins_for_free_and_pays_with_a_gift_of_exactly_a_fee_elsewhere() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		initialize_block(1);
		// A pensioner: no fee at all, nobody pays anything.
		let pensioner = sr25519::Pair::from_string("//Pensioner", None).unwrap();
		let who: AccountId = pensioner.public().into();
		assert_eq!(pallet_guarantee_membership::Classes::<Runtime>::get(2).unwrap().fee, 0);
		let propose = |candidate: &AccountId, class, nonce| {
			let call = RuntimeCall::Membership(MembershipCall::propose {
				candidate: candidate.clone().into(),
				class,
			});
			assert_ok!(
				Executive::apply_extrinsic(signed(call, Sr25519Keyring::Alice, nonce)).unwrap()
			);
			let call = RuntimeCall::Membership(MembershipCall::guarantee {
				person: candidate.clone().into(),
			});
			assert_ok!(
				Executive::apply_extrinsic(signed(call, Sr25519Keyring::Bob, nonce)).unwrap()
			);
		};
		propose(&who, 2, 0);
		let accept = RuntimeCall::Membership(MembershipCall::accept {});
		assert_ok!(Executive::apply_extrinsic(signed_by(accept.clone(), &pensioner, 0)).unwrap());
		assert!(pallet_guarantee_membership::Members::<Runtime>::contains_key(&who));
		assert_eq!(Balances::free_balance(&who), 0);
		assert_eq!(pallet_fund_voting::FundStatement::<Runtime>::get().admission_fees, 0);

		// A middle-tier candidate given exactly the fee, no existential deposit on top, pays
		// it themselves, free of transaction fees.
		let candidate = sr25519::Pair::from_string("//Candidate", None).unwrap();
		let who: AccountId = candidate.public().into();
		propose(&who, 1, 1);
		let fee = pallet_guarantee_membership::Classes::<Runtime>::get(1).unwrap().fee;
		let gift = RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
			dest: who.clone().into(),
			value: fee,
		});
		assert_ok!(Executive::apply_extrinsic(signed(gift, Sr25519Keyring::Charlie, 0)).unwrap());
		let own_fee =
			RuntimeCall::Membership(MembershipCall::pay_fee { candidate: who.clone().into() });
		assert_ok!(Executive::apply_extrinsic(signed_by(own_fee, &candidate, 0)).unwrap());
		assert_eq!(Balances::free_balance(&who), 0);
		assert_ok!(Executive::apply_extrinsic(signed_by(accept, &candidate, 1)).unwrap());
		assert!(pallet_guarantee_membership::Members::<Runtime>::contains_key(&who));
		assert_eq!(pallet_fund_voting::FundStatement::<Runtime>::get().admission_fees, fee);
		pallet_guarantee_membership::Pallet::<Runtime>::do_try_state().unwrap();
		pallet_fund_voting::Pallet::<Runtime>::do_try_state().unwrap();
	});
}

#[test]
fn an_expelled_guarantors_escrow_keeps_insuring_deals_until_their_time_for_complaints_passes() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		use pallet_deposit_escrow::{Escrows, Pallet as Escrow};
		use synergy_runtime::RuntimeOrigin;
		let [alice, bob, charlie, dave] = [
			Sr25519Keyring::Alice,
			Sr25519Keyring::Bob,
			Sr25519Keyring::Charlie,
			Sr25519Keyring::Dave,
		]
		.map(|k| k.to_account_id());
		let quantum = 2_100 * UNITS;
		let check_invariants = || {
			pallet_guarantee_membership::Pallet::<Runtime>::do_try_state().unwrap();
			Escrow::<Runtime>::do_try_state().unwrap();
		};
		initialize_block(1);
		// Alice commits all the escrow behind her (Bob's and Charlie's) to two deals.
		let mut deals = Vec::new();
		for other in [&charlie, &dave] {
			let id = pallet_deposit_escrow::NextDealId::<Runtime>::get();
			let origin = RuntimeOrigin::signed(alice.clone());
			assert_ok!(Escrow::<Runtime>::open_deal(
				origin,
				other.clone().into(),
				quantum,
				[7; 32].into()
			));
			assert_ok!(Escrow::<Runtime>::accept_deal(RuntimeOrigin::signed(other.clone()), id));
			deals.push((id, other.clone()));
		}

		// Bob is expelled: his guarantees end, but what Alice's deals need of his escrow stays.
		assert_ok!(pallet_guarantee_membership::Pallet::<Runtime>::expel(&bob));
		initialize_block(2);
		assert!(!pallet_guarantee_membership::Proteges::<Runtime>::contains_key(&bob, &alice));
		let retained = Escrows::<Runtime>::get(&alice, &bob).expect("retained");
		assert!(retained.ended);
		assert_eq!(retained.held, quantum);
		// Dave's deal needed none of Bob's escrow behind Dave: it went home at once.
		assert!(Escrows::<Runtime>::get(&dave, &bob).is_none());
		assert_eq!(escrow_held(&bob), quantum);
		check_invariants();

		// The deals complete: still open to complaints, so the escrow stays.
		for (id, other) in deals {
			assert_ok!(Escrow::<Runtime>::confirm_deal(RuntimeOrigin::signed(alice.clone()), id));
			assert_ok!(Escrow::<Runtime>::confirm_deal(RuntimeOrigin::signed(other), id));
		}
		assert_eq!(escrow_held(&bob), quantum);
		check_invariants();
		// Their time for complaints passes: Bob's escrow returns to him in full.
		let settled = pallet_deposit_escrow::SettledPeriod::<Runtime>::get();
		for n in 3..=2 + settled {
			initialize_block(n);
		}
		assert_eq!(escrow_held(&bob), 0);
		assert!(Escrows::<Runtime>::get(&alice, &bob).is_none());
		check_invariants();
	});
}

#[test]
fn a_candidate_cannot_fill_blocks_with_free_answers() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		initialize_block(1);
		let candidate = sr25519::Pair::from_string("//Flooder", None).unwrap();
		let who: AccountId = candidate.public().into();
		let propose = RuntimeCall::Membership(MembershipCall::propose {
			candidate: who.clone().into(),
			class: 2,
		});
		assert_ok!(Executive::apply_extrinsic(signed(propose, Sr25519Keyring::Alice, 0)).unwrap());
		let accept = RuntimeCall::Membership(MembershipCall::accept {});
		let validate = |xt| {
			Executive::validate_transaction(
				TransactionSource::External,
				xt,
				frame_system::Pallet::<Runtime>::block_hash(0),
			)
		};

		// A tip would buy priority for a transaction that pays nothing: refused.
		assert_eq!(
			validate(signed_with_tip(accept.clone(), &candidate, 0, 1_000_000 * UNITS)),
			Err(TIP_ON_A_FREE_ANSWER)
		);
		assert_eq!(
			Executive::apply_extrinsic(signed_with_tip(accept.clone(), &candidate, 0, 1)),
			Err(TIP_ON_A_FREE_ANSWER)
		);
		// Without one: the lowest priority, and one answer of the account in the pool at a time.
		let answer = validate(signed_by(accept.clone(), &candidate, 0)).unwrap();
		assert_eq!(answer.priority, 0);
		assert!(answer.provides.contains(&(b"synergy/answer", &who).encode()));
		// Any member's transaction goes ahead of it.
		let transfer = RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
			dest: Sr25519Keyring::Bob.to_account_id().into(),
			value: UNITS,
		});
		let paying = validate(signed(transfer.clone(), Sr25519Keyring::Alice, 1)).unwrap();
		assert!(paying.priority > answer.priority);

		// The answer is free, and no fee is reported for it.
		frame_system::Pallet::<Runtime>::reset_events();
		assert_ok!(Executive::apply_extrinsic(signed_by(accept.clone(), &candidate, 0)).unwrap());
		assert_eq!(Balances::free_balance(&who), 0);
		let fees_paid = || {
			frame_system::Pallet::<Runtime>::events()
				.into_iter()
				.filter_map(|record| match record.event {
					synergy_runtime::RuntimeEvent::TransactionPayment(
						pallet_transaction_payment::Event::TransactionFeePaid {
							who,
							actual_fee,
							tip,
						},
					) => Some((who, actual_fee, tip)),
					_ => None,
				})
				.collect::<Vec<_>>()
		};
		assert_eq!(fees_paid(), vec![]);

		// The attack: the same accept again and again, with a huge tip, each free at the top
		// priority. Already given, it is no free answer: refused at the pool and in a block.
		for nonce in 1..4 {
			let again = signed_with_tip(accept.clone(), &candidate, nonce, 1_000_000 * UNITS);
			assert_eq!(validate(again.clone()), Err(NOT_A_MEMBER));
			assert_eq!(Executive::apply_extrinsic(again), Err(NOT_A_MEMBER));
		}
		assert_eq!(frame_system::Pallet::<Runtime>::account_nonce(&who), 1);

		// A member's transaction pays, and its event reports exactly what was taken.
		let alice = Sr25519Keyring::Alice.to_account_id();
		let before = Balances::free_balance(&alice);
		assert_ok!(Executive::apply_extrinsic(signed(transfer, Sr25519Keyring::Alice, 1)).unwrap());
		let paid = fees_paid();
		assert_eq!(paid.len(), 1);
		let (payer, fee, tip) = paid[0].clone();
		assert_eq!((payer, tip), (alice.clone(), 0));
		assert!(fee > 0);
		assert_eq!(Balances::free_balance(&alice), before - UNITS - fee);
	});
}

/// The review's attack on panels starts with an uninvited guarantor: anyone could guarantee any
/// member and so sit on their level-0 panel. Now a guarantee of a member is only an offer until
/// the member accepts it, and a member drops a guarantor they no longer want.
#[test]
fn a_member_gets_a_guarantor_only_by_consent_and_may_drop_one() {
	use synergy_runtime::{Membership, RuntimeOrigin};
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		initialize_block(1);
		let [alice, bob, _, dave] = [
			Sr25519Keyring::Alice,
			Sr25519Keyring::Bob,
			Sr25519Keyring::Charlie,
			Sr25519Keyring::Dave,
		]
		.map(|k| k.to_account_id());
		let signed = |who: &AccountId| RuntimeOrigin::signed(who.clone());
		// Dave offers to guarantee Alice: no edge, no escrow, no seat on her panels.
		assert_ok!(Membership::guarantee(signed(&dave), alice.clone().into()));
		assert!(!pallet_guarantee_membership::Proteges::<Runtime>::contains_key(&dave, &alice));
		assert_eq!(Membership::member_view(&alice).map(|m| m.guarantors.len()), Some(2));
		// Alice declines; later she drops Bob, keeping Charlie, and enters grace.
		assert_ok!(Membership::drop_guarantor(signed(&alice), dave.clone().into()));
		assert_ok!(Membership::drop_guarantor(signed(&alice), bob.clone().into()));
		assert!(!pallet_guarantee_membership::Proteges::<Runtime>::contains_key(&bob, &alice));
		let status = pallet_guarantee_membership::Members::<Runtime>::get(&alice).unwrap().status;
		assert!(status.in_grace());
		// Dave offers again; with Alice's consent the guarantee starts and ends her grace.
		assert_ok!(Membership::guarantee(signed(&dave), alice.clone().into()));
		assert_ok!(Membership::accept_guarantee(signed(&alice), dave.clone().into()));
		let status = pallet_guarantee_membership::Members::<Runtime>::get(&alice).unwrap().status;
		assert!(!status.in_grace());
		synergy_runtime::invariants::check().unwrap();
	});
}

/// A member who drops a guarantor while insured deals rely on that escrow cannot take the
/// insurance away with it: what the deals need stays held, still insuring them, and goes home
/// only when they are done and forgotten.
#[test]
fn a_dropped_guarantors_escrow_stays_while_the_deals_it_insures_need_it() {
	use synergy_runtime::{Escrow, Membership, RuntimeOrigin};
	const QUANTUM: u128 = 2_100 * synergy_runtime::currency::UNITS;
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, bob, _, dave] = common::founders();
		let signed = |who: &AccountId| RuntimeOrigin::signed(who.clone());
		initialize_block(1);
		// Alice's two open deals with Dave need all 4 200 SYN behind her (Bob's and Charlie's).
		for id in 0..2u64 {
			assert_ok!(Escrow::open_deal(
				signed(&alice),
				dave.clone().into(),
				QUANTUM,
				[1; 32].into()
			));
			assert_ok!(Escrow::accept_deal(signed(&dave), id));
		}
		let bob_held = escrow_held(&bob);
		assert_ok!(Membership::drop_guarantor(signed(&alice), bob.clone().into()));
		// The guarantee ended; its escrow did not leave.
		assert!(!pallet_guarantee_membership::Proteges::<Runtime>::contains_key(&bob, &alice));
		let record = pallet_deposit_escrow::Escrows::<Runtime>::get(&alice, &bob).unwrap();
		assert!(record.ended);
		assert_eq!(record.held, QUANTUM);
		assert_eq!(escrow_held(&bob), bob_held);
		assert_eq!(pallet_deposit_escrow::Behind::<Runtime>::get(&alice), 2 * QUANTUM);
		synergy_runtime::invariants::check().unwrap();
		// Both deals complete, and once their time for complaints has passed, it goes home.
		for id in 0..2u64 {
			assert_ok!(Escrow::confirm_deal(signed(&alice), id));
			assert_ok!(Escrow::confirm_deal(signed(&dave), id));
		}
		assert_eq!(escrow_held(&bob), bob_held, "still insuring the completed deals");
		let settled = pallet_deposit_escrow::SettledPeriod::<Runtime>::get();
		for n in 2..=2 + settled {
			initialize_block(n);
		}
		assert!(pallet_deposit_escrow::Escrows::<Runtime>::get(&alice, &bob).is_none());
		assert_eq!(escrow_held(&bob), bob_held - QUANTUM);
		synergy_runtime::invariants::check().unwrap();
	});
}

/// Expulsion lasts: an expelled account is refused on re-proposal for the readmission bar (a
/// hundred blocks on development networks, a year on a real one), unless the general meeting
/// readmits it; it may still give to the common fund, as a customer.
#[test]
fn an_expelled_member_is_refused_on_re_proposal_until_the_bar_passes() {
	use synergy_runtime::{Membership, RuntimeOrigin};
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		initialize_block(1);
		let [alice, _, _, dave] = [
			Sr25519Keyring::Alice,
			Sr25519Keyring::Bob,
			Sr25519Keyring::Charlie,
			Sr25519Keyring::Dave,
		]
		.map(|k| k.to_account_id());
		assert_ok!(Membership::expel(&dave));
		let bar = pallet_guarantee_membership::ReadmissionBar::<Runtime>::get();
		assert_eq!(bar, 100, "development networks bar for a hundred blocks");
		assert_eq!(pallet_guarantee_membership::Barred::<Runtime>::get(&dave), Some(1 + bar));
		frame_support::assert_noop!(
			Membership::propose(RuntimeOrigin::signed(alice), dave.clone().into(), 2),
			pallet_guarantee_membership::Error::<Runtime>::ExpulsionBar
		);
		assert_ok!(synergy_runtime::Fund::donate(RuntimeOrigin::signed(dave), UNITS));
		synergy_runtime::invariants::check().unwrap();
	});
}
