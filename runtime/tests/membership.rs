//! Membership by guarantee and its escrow on the real runtime: the founders of the presets,
//! the permissioned pool, and a candidate who holds nothing joining through two guarantors.

// A test fails loudly, with the reason, where the runtime and node never may.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use common::{ext_from_preset, initialize_block, signed, signed_by};
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
fn a_candidate_holding_nothing_joins_through_two_guarantors_and_accepts_for_free() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		initialize_block(1);
		let newcomer = sr25519::Pair::from_string("//Newcomer", None).unwrap();
		let who: AccountId = newcomer.public().into();
		assert_eq!(Balances::free_balance(&who), 0);

		let propose = RuntimeCall::Membership(MembershipCall::propose {
			candidate: who.clone().into(),
			class: 2,
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

		let accept = RuntimeCall::Membership(MembershipCall::accept {});
		assert_ok!(Executive::apply_extrinsic(signed_by(accept, &newcomer, 0)).unwrap());
		assert!(pallet_guarantee_membership::Members::<Runtime>::contains_key(&who));
		assert_eq!(Balances::free_balance(&who), 0, "acceptance costs a candidate nothing");
		assert_eq!(pallet_deposit_escrow::Behind::<Runtime>::get(&who), 2 * 10 * UNITS);
		pallet_guarantee_membership::Pallet::<Runtime>::do_try_state().unwrap();
		pallet_deposit_escrow::Pallet::<Runtime>::do_try_state().unwrap();
	});
}
