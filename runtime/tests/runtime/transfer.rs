//! A transfer signed as a wallet signs it goes through the real runtime's executive.

// A test fails loudly, with the reason, where the runtime and node never may.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use crate::common;

use common::{existential_deposit, ext_from_preset, initialize_block, signed};
use frame_support::assert_ok;
use sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	DispatchError,
};
use synergy_runtime::{currency::UNITS, Balances, BalancesCall, Executive, RuntimeCall, System};

fn transfer(to: Sr25519Keyring, value: u128) -> RuntimeCall {
	RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
		dest: to.to_account_id().into(),
		value,
	})
}

#[test]
fn a_signed_transfer_moves_the_amount_and_charges_a_fee() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		initialize_block(1);
		let alice = Sr25519Keyring::Alice.to_account_id();
		let bob = Sr25519Keyring::Bob.to_account_id();
		let (alice_before, bob_before) =
			(Balances::free_balance(&alice), Balances::free_balance(&bob));

		let outcome = Executive::apply_extrinsic(signed(
			transfer(Sr25519Keyring::Bob, 5 * UNITS),
			Sr25519Keyring::Alice,
			0,
		));
		assert_ok!(outcome.expect("the extrinsic is valid"));

		assert_eq!(Balances::free_balance(&bob), bob_before + 5 * UNITS);
		let fee = alice_before - 5 * UNITS - Balances::free_balance(&alice);
		assert!(fee > 0, "a signed transfer pays a fee");
		assert_eq!(System::account_nonce(&alice), 1);
		System::assert_has_event(
			pallet_balances::Event::Transfer { from: alice, to: bob, amount: 5 * UNITS }.into(),
		);
	});
}

#[test]
fn a_replayed_transfer_is_refused_as_stale() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		initialize_block(1);
		let xt = signed(transfer(Sr25519Keyring::Bob, UNITS), Sr25519Keyring::Alice, 0);
		assert_ok!(Executive::apply_extrinsic(xt.clone()).expect("valid"));
		assert_eq!(
			Executive::apply_extrinsic(xt),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Stale))
		);
	});
}

#[test]
fn a_transfer_that_would_reap_the_sender_fails_and_moves_nothing() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		initialize_block(1);
		let dave = Sr25519Keyring::Dave.to_account_id();
		let charlie = Sr25519Keyring::Charlie.to_account_id();
		let everything = Balances::free_balance(&dave);
		let charlie_before = Balances::free_balance(&charlie);

		let outcome = Executive::apply_extrinsic(signed(
			transfer(Sr25519Keyring::Charlie, everything - existential_deposit() / 2),
			Sr25519Keyring::Dave,
			0,
		))
		.expect("valid: the fee can be paid");

		assert!(matches!(outcome, Err(DispatchError::Token(_)) | Err(DispatchError::Module(_))));
		assert_eq!(Balances::free_balance(&charlie), charlie_before);
	});
}
