//! Contribution accounting on the real runtime: the sausage cycle of four founders — records
//! approved by peers and validated when their challenge window ends, one challenged and rejected
//! by vote — earns
//! revenue paid by a customer who is not a member; the fund takes its share as project revenue
//! and the remainder; each party claims exactly what the preview showed.

// A test fails loudly, with the reason, where the runtime and node never may.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use crate::common;

use common::{ext_from_preset, initialize_block, signed as wallet};
use frame_support::assert_ok;
use pallet_contributions::{Equation, Kind, Status, Validation};
use pallet_guarantee_membership::NOT_A_MEMBER;
use sp_core::H256;
use sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring;
use sp_runtime::transaction_validity::{InvalidTransaction, TransactionValidityError};
use synergy_runtime::{
	currency::UNITS, AccountId, Balances, Contributions, Executive, Fund, Runtime, RuntimeCall,
	RuntimeOrigin,
};

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

#[test]
fn the_sausage_cycle_splits_its_revenue_exactly_and_each_party_claims_the_preview() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [farmer, workshop, feed, transport] = [
			Sr25519Keyring::Alice,
			Sr25519Keyring::Bob,
			Sr25519Keyring::Charlie,
			Sr25519Keyring::Dave,
		]
		.map(|k| k.to_account_id());
		initialize_block(1);
		let equation = Equation { time: 10, materials: 2, ..Equation::customary(5, 3) };
		assert_ok!(Contributions::create_project(signed(&farmer), H256::repeat_byte(1), equation));
		// The farmer, alone at first, admits the others by their own aye; they accept.
		for who in [&workshop, &feed, &transport] {
			assert_ok!(Contributions::invite(signed(&farmer), 0, who.clone()));
		}
		for who in [&workshop, &feed, &transport] {
			assert_ok!(Contributions::join(signed(who), 0));
		}
		initialize_block(2);
		let record = |who: &AccountId, kind, quantity| {
			assert_ok!(Contributions::record(signed(who), 0, kind, quantity, H256::zero()));
		};
		record(&farmer, Kind::Time, 10); // 0: 100 points
		record(&workshop, Kind::Materials, 50); // 1: 100
		record(&feed, Kind::Money, 300); // 2: 300
		record(&transport, Kind::Time, 5); // 3: 50
		record(&feed, Kind::Money, 1_000); // 4: challenged and rejected
		for (id, approvers) in [
			(0, [&workshop, &feed]),
			(1, [&farmer, &transport]),
			(2, [&farmer, &workshop]),
			(3, [&farmer, &feed]),
		] {
			for approver in approvers {
				assert_ok!(Contributions::approve(signed(approver), id));
			}
		}
		// Neither the feed supplier nor the transporter (the challenger) votes: the farmer and
		// the workshop, a majority of the two, reject it.
		assert_ok!(Contributions::challenge(signed(&transport), 4));
		assert_ok!(Contributions::vote_on_contribution(signed(&workshop), 4, false));
		assert_ok!(Contributions::vote_on_contribution(signed(&farmer), 4, false));
		assert!(matches!(status(4), Status::Rejected { .. }));
		// Approvals do not close the window: the records are validated when it ends.
		assert!(matches!(status(0), Status::Pending { approvals: 2, .. }));
		for n in 3..=7 {
			initialize_block(n);
		}
		assert_eq!(status(3), Status::Validated { at: 7, by: Validation::Approved });
		let project = pallet_contributions::Projects::<Runtime>::get(0).unwrap();
		assert_eq!(project.total_points, 550);

		// A customer who is not a member pays, as a wallet signs it.
		let customer = Sr25519Keyring::Ferdie;
		let revenue = 1_000 * UNITS + 7;
		let preview = Contributions::split_preview(0, revenue).unwrap();
		let fund_before = pallet_fund_voting::FundStatement::<Runtime>::get();
		let pay = RuntimeCall::Contributions(pallet_contributions::Call::pay_revenue {
			project: 0,
			amount: revenue,
		});
		assert_ok!(Executive::apply_extrinsic(wallet(pay, customer, 0)).unwrap());
		let statement = pallet_fund_voting::FundStatement::<Runtime>::get();
		assert_eq!(statement.project_revenue, fund_before.project_revenue + 100 * UNITS);
		assert_eq!(statement.remainders, fund_before.remainders + preview.split.remainder);
		assert_eq!(preview.to_fund, 100 * UNITS + preview.split.remainder);

		let mut total = preview.to_fund;
		for party in &preview.parties {
			let before = Balances::free_balance(&party.who);
			assert_ok!(Contributions::claim(signed(&party.who), 0));
			assert_eq!(Balances::free_balance(&party.who), before + party.total);
			total += party.total;
		}
		assert_eq!(total, revenue);
		assert_eq!(Contributions::entitlements_held(), 0);
		check_invariants();
	});
}

#[test]
fn anyone_may_pay_revenue_or_claim_but_only_members_create_projects() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		initialize_block(1);
		let ferdie = Sr25519Keyring::Ferdie;
		let create = RuntimeCall::Contributions(pallet_contributions::Call::create_project {
			description: H256::zero(),
			equation: Equation::customary(5, 3),
		});
		assert_eq!(
			Executive::apply_extrinsic(wallet(create, ferdie, 0)),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(NOT_A_MEMBER)))
		);
		// Past the pool, the pallet's own errors answer: nothing to claim, no such project.
		let claim = RuntimeCall::Contributions(pallet_contributions::Call::claim { project: 0 });
		assert_eq!(
			Executive::apply_extrinsic(wallet(claim, ferdie, 0)).unwrap(),
			Err(pallet_contributions::Error::<Runtime>::UnknownProject.into())
		);
		assert!(Fund::fund_balance() > 0);
		check_invariants();
	});
}
