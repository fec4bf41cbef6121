//! The general meeting on the real runtime: a spend voted by the founders pays exactly from the
//! fund; a motion changes the class table with the meeting's origin; motions carry only
//! governance calls, every change of a rule needs the super approval and stays within the
//! runtime's bounds, and a complaint at the general vote is decided by a motion the chain opened
//! for it, its parties recused; the validator
//! set reaches the session pallet at a session boundary.

// A test fails loudly, with the reason, where the runtime and node never may.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use crate::common;

use codec::Encode;
use common::{ext_from_preset, founders, initialize_block};
use frame_support::{assert_noop, assert_ok};
use pallet_fund_voting::{CurrentParameters, Proposals, Status, Vote};
use sp_core::H256;
use sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring;
use sp_runtime::Perbill;
use synergy_runtime::{
	currency::UNITS, AccountId, Balances, Complaints, Escrow, Fund, Runtime, RuntimeCall,
	RuntimeOrigin, ValidatorSet,
};

fn signed(who: &AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.clone())
}

fn check_invariants() {
	pallet_fund_voting::Pallet::<Runtime>::do_try_state().unwrap();
	pallet_validator_set::Pallet::<Runtime>::do_try_state().unwrap();
	pallet_guarantee_membership::Pallet::<Runtime>::do_try_state().unwrap();
}

/// Runs blocks up to `to`, as block authors would, from the block after `from`.
fn run_blocks(from: u32, to: u32) {
	for n in from + 1..=to {
		initialize_block(n);
	}
}

/// Passes proposal `id` with the ayes of `voters`, through its vote and grace; returns the block
/// it executed in.
fn pass(id: u32, voters: &[AccountId], from: u32) -> u32 {
	for voter in voters {
		assert_ok!(Fund::vote(signed(voter), id, Vote::Aye));
	}
	let parameters = CurrentParameters::<Runtime>::get();
	let end = from + parameters.voting_period + parameters.grace_period;
	run_blocks(from, end);
	end
}

#[test]
fn a_spend_voted_by_the_founders_pays_exactly_from_the_fund() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, bob, charlie, _] = founders();
		let eve = Sr25519Keyring::Eve.to_account_id();
		initialize_block(1);
		let fund = Fund::fund_balance();
		assert_eq!(fund, 100_000 * UNITS, "the local testnet's endowment");
		let eve_before = Balances::free_balance(&eve);
		assert_ok!(Fund::propose_spend(signed(&alice), eve.clone(), 1_234 * UNITS, H256::zero()));
		let at = pass(0, &[alice, bob, charlie], 1);
		assert_eq!(Proposals::<Runtime>::get(0).unwrap().status, Status::Executed { at, ok: true });
		assert_eq!(Balances::free_balance(&eve), eve_before + 1_234 * UNITS);
		assert_eq!(Fund::fund_balance(), fund - 1_234 * UNITS);
		assert_eq!(pallet_fund_voting::FundStatement::<Runtime>::get().out, 1_234 * UNITS);
		check_invariants();
	});
}

#[test]
fn a_motion_changes_a_class_quantum_with_the_general_meetings_origin() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, bob, charlie, _] = founders();
		initialize_block(1);
		let name: frame_support::BoundedVec<u8, _> = b"pensioners".to_vec().try_into().unwrap();
		// A member alone cannot change the class table.
		assert_noop!(
			synergy_runtime::Membership::set_class(signed(&alice), 2, name.clone(), 12 * UNITS, 0),
			sp_runtime::DispatchError::BadOrigin
		);
		let call = RuntimeCall::Membership(pallet_guarantee_membership::Call::set_class {
			class: 2,
			name,
			quantum: 12 * UNITS,
			fee: 0,
		});
		assert_ok!(Fund::propose_motion(signed(&alice), Box::new(call), H256::zero()));
		pass(0, &[alice, bob, charlie], 1);
		assert_eq!(
			pallet_guarantee_membership::Classes::<Runtime>::get(2).unwrap().quantum,
			12 * UNITS
		);
		check_invariants();
	});
}

#[test]
fn motions_carry_only_governance_calls_and_validator_changes_need_the_super_approval() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, ..] = founders();
		initialize_block(1);
		let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: alice.clone().into(),
			value: UNITS,
		});
		assert_noop!(
			Fund::propose_motion(signed(&alice), Box::new(transfer), H256::zero()),
			pallet_fund_voting::Error::<Runtime>::MotionNotAllowed
		);
		let remove = RuntimeCall::ValidatorSet(pallet_validator_set::Call::remove_validator {
			validator: alice.clone(),
		});
		assert_ok!(Fund::propose_motion(signed(&alice), Box::new(remove), H256::zero()));
		let parameters = CurrentParameters::<Runtime>::get();
		assert_eq!(Proposals::<Runtime>::get(0).unwrap().approval, parameters.super_approval);
		// Every change of a rule may be moved and needs the super approval, not only the
		// validator set's.
		let rules = [
			RuntimeCall::Fund(pallet_fund_voting::Call::set_parameters { parameters }),
			RuntimeCall::ValidatorSet(pallet_validator_set::Call::set_session_length { blocks: 5 }),
			RuntimeCall::Complaints(pallet_complaints::Call::set_escalation_period { period: 5 }),
			RuntimeCall::Complaints(pallet_complaints::Call::set_complaint_bond {
				class: 2,
				amount: UNITS,
			}),
			RuntimeCall::Membership(pallet_guarantee_membership::Call::remove_class { class: 9 }),
		];
		type Rules = synergy_runtime::configs::governance::Motions;
		for call in rules {
			assert!(<Rules as pallet_fund_voting::MotionRules<_, _>>::allowed(&call));
			assert!(<Rules as pallet_fund_voting::MotionRules<_, _>>::critical(&call));
		}
		check_invariants();
	});
}

/// A side that reaches the top opens the general meeting's motions by itself, one for each
/// option, with its parties recused; the members pass one, and it decides the side.
#[test]
fn a_side_at_the_general_vote_is_decided_by_a_motion_the_chain_opened() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, bob, charlie, dave] = founders();
		initialize_block(1);
		let deal = pallet_deposit_escrow::NextDealId::<Runtime>::get();
		assert_ok!(Escrow::open_deal(signed(&alice), bob.clone().into(), UNITS, [1; 32].into()));
		assert_ok!(Escrow::accept_deal(signed(&bob), deal));
		assert_ok!(Complaints::file(signed(&alice), deal, None));
		let decide = |verdict| {
			RuntimeCall::Complaints(pallet_complaints::Call::decide { case: 0, side: 0, verdict })
		};
		// Not before the side reaches the general vote: the motion's recusal would be fixed
		// before its parties are.
		assert_noop!(
			Fund::propose_motion(
				signed(&charlie),
				Box::new(decide(pallet_complaints::Verdict::Dismiss)),
				H256::zero()
			),
			pallet_fund_voting::Error::<Runtime>::MotionNotAllowed
		);
		// Level 0 (Charlie and Dave), then nobody — one seat per case: the top.
		let period = pallet_complaints::EscalationPeriod::<Runtime>::get();
		let top = 1 + period;
		run_blocks(1, top);
		assert!(Complaints::at_general_vote(0, 0));
		assert_eq!(Proposals::<Runtime>::get(0).unwrap().opened, top);
		// Three motions, opened by the chain: compensate, revoke, dismiss.
		let options = [
			pallet_complaints::Verdict::Compensate(UNITS),
			pallet_complaints::Verdict::Revoke(UNITS),
			pallet_complaints::Verdict::Dismiss,
		];
		for (id, verdict) in options.into_iter().enumerate() {
			let proposal = Proposals::<Runtime>::get(id as u32).unwrap();
			assert_eq!((proposal.proposer, proposal.deposit), (Fund::account_id(), 0));
			let pallet_fund_voting::ProposalKind::Motion { call, .. } = proposal.kind else {
				panic!("a motion")
			};
			assert_eq!(call.to_vec(), decide(verdict).encode());
			assert_eq!(proposal.electorate, 2, "four members, less the two parties");
		}
		for party in [&alice, &bob] {
			assert_noop!(
				Fund::vote(signed(party), 0, Vote::Nay),
				pallet_fund_voting::Error::<Runtime>::Recused
			);
		}
		// Charlie and Dave pass the compensation: Alice is paid from the escrow behind Bob.
		let at = pass(0, &[charlie, dave], top);
		assert_eq!(Proposals::<Runtime>::get(0).unwrap().status, Status::Executed { at, ok: true });
		let case = pallet_complaints::Cases::<Runtime>::get(0).unwrap();
		assert_eq!(case.sides[0].stage, pallet_complaints::Stage::Done);
		assert_eq!(case.sides[0].paid, UNITS);
		assert!(frame_system::Pallet::<Runtime>::events().iter().any(|r| r.event
			== pallet_complaints::Event::<Runtime>::CompensationPaid {
				case: 0,
				side: 0,
				accused: bob.clone(),
				complainant: alice.clone(),
				decided: UNITS,
				paid: UNITS,
			}
			.into()));
		// The other options, without votes, expire.
		for id in [1, 2] {
			assert!(matches!(
				Proposals::<Runtime>::get(id).unwrap().status,
				Status::Expired { .. }
			));
		}
		check_invariants();
		pallet_complaints::Pallet::<Runtime>::do_try_state().unwrap();
		pallet_deposit_escrow::Pallet::<Runtime>::do_try_state().unwrap();
	});
}

#[test]
fn the_members_validator_set_reaches_the_session_at_its_boundary() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, bob, charlie, dave] = founders();
		initialize_block(1);
		let genesis = vec![alice.clone(), bob.clone(), charlie.clone(), dave.clone()];
		assert_eq!(pallet_session::Validators::<Runtime>::get(), genesis);
		// At four, none may leave: GRANDPA must keep a set that tolerates a fault.
		let remove = RuntimeCall::ValidatorSet(pallet_validator_set::Call::remove_validator {
			validator: dave.clone(),
		});
		assert_ok!(Fund::propose_motion(signed(&alice), Box::new(remove), H256::zero()));
		let at = pass(0, &[alice.clone(), bob.clone(), charlie.clone(), dave.clone()], 1);
		assert_eq!(
			Proposals::<Runtime>::get(0).unwrap().status,
			Status::Executed { at, ok: false }
		);
		assert!(frame_system::Pallet::<Runtime>::events().iter().any(|r| r.event
			== pallet_fund_voting::Event::<Runtime>::MotionExecuted {
				id: 0,
				result: Err(pallet_validator_set::Error::<Runtime>::TooFewValidators.into()),
			}
			.into()));
		// A session change on its own keeps the set.
		let length = pallet_validator_set::SessionLength::<Runtime>::get();
		run_blocks(at, at + 2 * length);
		assert_eq!(pallet_session::Validators::<Runtime>::get(), genesis);
		check_invariants();
	});
}

#[test]
fn anyone_may_donate_to_the_fund_but_do_nothing_else() {
	use common::signed as wallet;
	use pallet_guarantee_membership::NOT_A_MEMBER;
	use sp_runtime::transaction_validity::{InvalidTransaction, TransactionValidityError};
	use synergy_runtime::Executive;
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		initialize_block(1);
		let ferdie = Sr25519Keyring::Ferdie;
		let donate = RuntimeCall::Fund(pallet_fund_voting::Call::donate { amount: 5 * UNITS });
		assert_ok!(Executive::apply_extrinsic(wallet(donate, ferdie, 0)).unwrap());
		assert_eq!(pallet_fund_voting::FundStatement::<Runtime>::get().donations, 5 * UNITS);
		let propose = RuntimeCall::Fund(pallet_fund_voting::Call::propose_spend {
			beneficiary: ferdie.to_account_id(),
			amount: UNITS,
			rationale: H256::zero(),
		});
		assert_eq!(
			Executive::apply_extrinsic(wallet(propose, ferdie, 1)),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(NOT_A_MEMBER)))
		);
		check_invariants();
	});
}

/// Issue 14, attack 3: one ordinary motion set the approval to 100 % (or an objection threshold
/// of 0 %, or an endless vote) and disabled the general meeting for good.
#[test]
fn no_motion_can_make_the_meeting_unable_to_decide() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, ..] = founders();
		initialize_block(1);
		let parameters = CurrentParameters::<Runtime>::get();
		let percent = Perbill::from_percent;
		for disabling in [
			pallet_fund_voting::Parameters {
				approval: percent(100),
				super_approval: percent(100),
				..parameters.clone()
			},
			pallet_fund_voting::Parameters { objection: percent(0), ..parameters.clone() },
			pallet_fund_voting::Parameters { voting_period: u32::MAX, ..parameters.clone() },
			pallet_fund_voting::Parameters { quorum: percent(100), ..parameters.clone() },
		] {
			assert_noop!(
				Fund::set_parameters(RuntimeOrigin::root(), disabling),
				pallet_fund_voting::Error::<Runtime>::ParameterOutOfBounds
			);
		}
		assert_noop!(
			ValidatorSet::set_session_length(RuntimeOrigin::root(), u32::MAX),
			pallet_validator_set::Error::<Runtime>::SessionTooLong
		);
		assert_noop!(
			Complaints::set_escalation_period(RuntimeOrigin::root(), u32::MAX),
			pallet_complaints::Error::<Runtime>::PeriodTooLong
		);
		// And a change of the rules needs the super approval.
		let call = RuntimeCall::Fund(pallet_fund_voting::Call::set_parameters { parameters });
		assert_ok!(Fund::propose_motion(signed(&alice), Box::new(call), H256::zero()));
		let super_approval = CurrentParameters::<Runtime>::get().super_approval;
		assert_eq!(Proposals::<Runtime>::get(0).unwrap().approval, super_approval);
		check_invariants();
	});
}

/// The review's attack: two founders admit three pensioner-class socks and pass a 9 999 SYN
/// spend to an outsider against the two honest founders. The socks are too young to vote on a
/// proposal opened as they join; the electorate counts only the members of voting age, so the
/// spend fails two against two; and the ring cannot bring more socks in than the bounds allow.
#[test]
fn a_ring_of_fresh_socks_cannot_buy_the_general_meeting() {
	use pallet_guarantee_membership::{CurrentSafeguards, Error as MembershipError};
	use synergy_runtime::Membership;
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, bob, charlie, dave] = founders();
		let socks = [Sr25519Keyring::Eve, Sr25519Keyring::Ferdie, Sr25519Keyring::One]
			.map(|k| k.to_account_id());
		let outsider = Sr25519Keyring::Two.to_account_id();
		initialize_block(1);
		let safeguards = CurrentSafeguards::<Runtime>::get();
		assert_eq!(safeguards.per_guarantor, 3, "the development safeguards");
		for sock in &socks {
			assert_ok!(Membership::propose(signed(&alice), sock.clone().into(), 2));
			assert_ok!(Membership::guarantee(signed(&bob), sock.clone().into()));
			assert_ok!(Membership::accept(signed(sock)));
		}
		// A fourth sock in the same admission period: each attacker has given three.
		assert_noop!(
			Membership::propose(signed(&alice), outsider.clone().into(), 2),
			MembershipError::<Runtime>::GuaranteeLimitReached
		);
		assert_ok!(Fund::propose_spend(
			signed(&alice),
			outsider.clone(),
			9_999 * UNITS,
			H256::zero()
		));
		let proposal = Proposals::<Runtime>::get(0).unwrap();
		assert_eq!(proposal.electorate, 4, "the socks do not count");
		for sock in &socks {
			assert_noop!(
				Fund::vote(signed(sock), 0, Vote::Aye),
				pallet_fund_voting::Error::<Runtime>::TooYoungToVote
			);
		}
		for attacker in [&alice, &bob] {
			assert_ok!(Fund::vote(signed(attacker), 0, Vote::Aye));
		}
		for honest in [&charlie, &dave] {
			assert_ok!(Fund::vote(signed(honest), 0, Vote::Nay));
		}
		let before = Balances::free_balance(&outsider);
		let parameters = CurrentParameters::<Runtime>::get();
		run_blocks(1, 1 + parameters.voting_period + parameters.grace_period);
		assert!(matches!(Proposals::<Runtime>::get(0).unwrap().status, Status::Rejected { .. }));
		assert_eq!(Balances::free_balance(&outsider), before);
		// Of age now, the socks count on the next proposal — which the honest see coming.
		assert_eq!(pallet_guarantee_membership::Seniors::<Runtime>::get().count, 7);
		check_invariants();
	});
}

/// The review's attack: founders bring socks in as fast as they can propose them. The
/// cooperative opens at most its growth bound of applications an admission period (on
/// development chains ten, or half the membership if more): the eleventh is refused, whoever
/// proposes it, until the next period.
#[test]
fn the_cooperative_opens_no_more_applications_a_period_than_its_growth_allows() {
	use pallet_guarantee_membership::{CurrentSafeguards, Error as MembershipError};
	use synergy_runtime::Membership;
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let founders = founders();
		initialize_block(1);
		let safeguards = CurrentSafeguards::<Runtime>::get();
		assert_eq!((safeguards.growth_floor, safeguards.per_guarantor), (10, 3));
		let candidate = |i: u8| AccountId::from([100u8.saturating_add(i); 32]);
		let mut opened = 0u8;
		for proposer in &founders[..3] {
			for _ in 0..3 {
				assert_ok!(Membership::propose(signed(proposer), candidate(opened).into(), 2));
				opened += 1;
			}
		}
		assert_ok!(Membership::propose(signed(&founders[3]), candidate(opened).into(), 2));
		opened += 1;
		assert_noop!(
			Membership::propose(signed(&founders[3]), candidate(opened).into(), 2),
			MembershipError::<Runtime>::GrowthLimitReached
		);
		// The next admission period opens again.
		run_blocks(1, 1 + safeguards.period);
		assert_ok!(Membership::propose(signed(&founders[3]), candidate(opened).into(), 2));
		check_invariants();
	});
}

/// The review's attack: a validator purges its session keys, the session pallet seats the
/// other three, and one more fault would stall finality. The pool refuses the purge from a
/// validator of the decided, planned or current set; once the members have voted it out and
/// the session has moved on, it may.
#[test]
fn a_validator_cannot_purge_its_keys_out_of_the_set() {
	use common::signed as wallet;
	use sp_runtime::transaction_validity::{
		InvalidTransaction, TransactionSource, TransactionValidityError,
	};
	use synergy_runtime::{configs::cooperative::VALIDATOR_MUST_KEEP_KEYS, Executive};
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		initialize_block(1);
		let purge = RuntimeCall::Session(pallet_session::Call::purge_keys {});
		let refused =
			TransactionValidityError::Invalid(InvalidTransaction::Custom(VALIDATOR_MUST_KEEP_KEYS));
		let xt = wallet(purge.clone(), Sr25519Keyring::Dave, 0);
		assert_eq!(
			Executive::validate_transaction(
				TransactionSource::External,
				xt.clone(),
				frame_system::Pallet::<Runtime>::block_hash(0),
			),
			Err(refused)
		);
		assert_eq!(Executive::apply_extrinsic(xt), Err(refused));
		assert_eq!(pallet_session::Validators::<Runtime>::get().len(), 4);
		assert!(pallet_session::NextKeys::<Runtime>::contains_key(
			Sr25519Keyring::Dave.to_account_id()
		));
		check_invariants();
	});
}

/// Reads the version of any code as `version`, as the node's executor would read it from a
/// real Wasm blob.
struct CodeVersion(sp_version::RuntimeVersion);
impl sp_core::traits::ReadRuntimeVersion for CodeVersion {
	fn read_runtime_version(
		&self,
		_code: &[u8],
		_ext: &mut dyn sp_core::traits::Externalities,
	) -> Result<Vec<u8>, String> {
		Ok(self.0.encode())
	}
}

/// The externalities of the local testnet, where any code reads as `version`.
fn ext_with_code_version(version: sp_version::RuntimeVersion) -> sp_io::TestExternalities {
	let mut ext = ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET);
	ext.register_extension(sp_core::traits::ReadRuntimeVersionExt::new(CodeVersion(version)));
	ext
}

fn next_version() -> sp_version::RuntimeVersion {
	sp_version::RuntimeVersion {
		spec_version: synergy_runtime::VERSION.spec_version + 1,
		..synergy_runtime::VERSION
	}
}

fn code_in_state() -> Option<Vec<u8>> {
	sp_io::storage::get(sp_core::storage::well_known_keys::CODE).map(|c| c.to_vec())
}

/// Proposes the authorization of `code`'s hash and passes it with the super approval; returns
/// the block it executed in.
fn authorize(code: &[u8]) -> u32 {
	let [alice, bob, charlie, _] = founders();
	let code_hash = H256(sp_io::hashing::blake2_256(code));
	let call = RuntimeCall::System(frame_system::Call::authorize_upgrade { code_hash });
	let id = pallet_fund_voting::NextProposalId::<Runtime>::get();
	assert_ok!(Fund::propose_motion(signed(&alice), Box::new(call), H256::zero()));
	let proposal = Proposals::<Runtime>::get(id).unwrap();
	assert_eq!(proposal.approval, CurrentParameters::<Runtime>::get().super_approval);
	let at = pass(id, &[alice, bob, charlie], 1);
	assert_eq!(Proposals::<Runtime>::get(id).unwrap().status, Status::Executed { at, ok: true });
	at
}

/// Issue 16: the general meeting authorizes a runtime's hash by a critical motion; anyone then
/// applies that code, and only that code.
#[test]
fn the_general_meeting_upgrades_the_runtime_and_only_to_the_code_it_voted() {
	ext_with_code_version(next_version()).execute_with(|| {
		let [_, _, _, dave] = founders();
		initialize_block(1);
		let before = code_in_state();
		let code = b"the runtime the members voted".to_vec();
		// Nothing is authorized yet: no one can set code.
		assert_noop!(
			frame_system::Pallet::<Runtime>::apply_authorized_upgrade(signed(&dave), code.clone()),
			frame_system::Error::<Runtime>::NothingAuthorized
		);
		// A member alone cannot authorize.
		assert_noop!(
			frame_system::Pallet::<Runtime>::authorize_upgrade(signed(&dave), H256::zero()),
			sp_runtime::DispatchError::BadOrigin
		);
		// The check-skipping authorization is never a motion.
		let unchecked = RuntimeCall::System(frame_system::Call::authorize_upgrade_without_checks {
			code_hash: H256::zero(),
		});
		assert_noop!(
			Fund::propose_motion(signed(&dave), Box::new(unchecked), H256::zero()),
			pallet_fund_voting::Error::<Runtime>::MotionNotAllowed
		);
		authorize(&code);
		let code_hash = H256(sp_io::hashing::blake2_256(&code));
		assert!(frame_system::Pallet::<Runtime>::events().iter().any(|r| r.event
			== frame_system::Event::<Runtime>::UpgradeAuthorized {
				code_hash,
				check_version: true
			}
			.into()));
		// Another blob is refused by name and changes nothing.
		assert_noop!(
			frame_system::Pallet::<Runtime>::apply_authorized_upgrade(
				signed(&dave),
				b"a runtime nobody voted".to_vec()
			),
			frame_system::Error::<Runtime>::Unauthorized
		);
		assert_eq!(code_in_state(), before);
		// The voted code, from anyone.
		assert_ok!(frame_system::Pallet::<Runtime>::apply_authorized_upgrade(
			signed(&dave),
			code.clone()
		));
		assert_eq!(code_in_state(), Some(code.clone()));
		// The authorization is spent: the same code cannot be applied twice.
		assert_noop!(
			frame_system::Pallet::<Runtime>::apply_authorized_upgrade(signed(&dave), code.clone()),
			frame_system::Error::<Runtime>::NothingAuthorized
		);
		assert!(frame_system::Pallet::<Runtime>::events().iter().any(|r| matches!(
			r.event,
			synergy_runtime::RuntimeEvent::System(frame_system::Event::CodeUpdated { .. })
		)));
		check_invariants();
	});
}

/// An authorized code whose spec version does not increase is rejected when applied, with an
/// event; the runtime stays.
#[test]
fn an_authorized_code_that_does_not_raise_the_spec_version_is_rejected() {
	ext_with_code_version(synergy_runtime::VERSION).execute_with(|| {
		let [_, _, _, dave] = founders();
		initialize_block(1);
		let before = code_in_state();
		let code = b"the same version again".to_vec();
		authorize(&code);
		assert_ok!(frame_system::Pallet::<Runtime>::apply_authorized_upgrade(
			signed(&dave),
			code.clone()
		));
		assert_eq!(code_in_state(), before);
		assert!(frame_system::Pallet::<Runtime>::events().iter().any(|r| matches!(
			&r.event,
			synergy_runtime::RuntimeEvent::System(
				frame_system::Event::RejectedInvalidAuthorizedUpgrade { .. }
			)
		)));
		check_invariants();
	});
}

/// The runtime's migrations on the real runtime: a chain whose membership storage is at
/// version 0 reaches version 1, its departure counter gone; a chain that started at version 1
/// is left as it is.
#[test]
fn the_runtime_migrates_membership_storage_from_version_zero_and_only_from_it() {
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	use pallet_guarantee_membership::migrations::v1::counter_key;
	type Membership = synergy_runtime::Membership;
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		initialize_block(1);
		assert_eq!(Membership::on_chain_storage_version(), StorageVersion::new(1));
		let untouched = sp_io::storage::root(sp_runtime::StateVersion::V1);
		<synergy_runtime::Migrations as OnRuntimeUpgrade>::on_runtime_upgrade();
		assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), untouched);

		StorageVersion::new(0).put::<Membership>();
		frame_support::storage::unhashed::put(&counter_key::<Runtime>(), &0u32);
		<synergy_runtime::Migrations as OnRuntimeUpgrade>::on_runtime_upgrade();
		assert!(!frame_support::storage::unhashed::exists(&counter_key::<Runtime>()));
		assert_eq!(Membership::on_chain_storage_version(), StorageVersion::new(1));
		check_invariants();
	});
}
