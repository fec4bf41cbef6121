//! The cooperative's invariants across its pallets: what each pallet's `do_try_state` checks,
//! and what no single pallet can see.
//!
//! Always compiled, so that the runtime's integration tests and its random-sequence test run it
//! after every block; nothing on chain calls it (try-runtime runs each pallet's own checks).
//! Auditors run it on any block of a node through [`SynergyInvariantsApi`]
//! (`state_call("SynergyInvariantsApi_check", "0x", block)`): it reads the whole state, so it
//! is for an auditor's own node, not a public endpoint.

use crate::Runtime;
use alloc::collections::btree_set::BTreeSet;
use frame_support::ensure;
use sp_runtime::TryRuntimeError;

sp_api::decl_runtime_apis! {
	/// The cooperative's invariants, for auditors.
	pub trait SynergyInvariantsApi {
		/// `Ok` when every invariant of [`check`] holds at this block; otherwise the first
		/// broken one, by name.
		fn check() -> Result<(), alloc::string::String>;
	}
}

/// [`check`], with the broken invariant's name as text (a `DispatchError` does not encode its
/// message).
pub fn report() -> Result<(), alloc::string::String> {
	check().map_err(|error| match error {
		sp_runtime::DispatchError::Other(message) => message.into(),
		other => alloc::format!("{other:?}"),
	})
}

type Membership = pallet_guarantee_membership::Pallet<Runtime>;
type Escrow = pallet_deposit_escrow::Pallet<Runtime>;
type Complaints = pallet_complaints::Pallet<Runtime>;

/// Checks every invariant of the cooperative:
/// - each pallet's own (`do_try_state` of membership, escrow, complaints, the fund, the
///   contributions and the validator set);
/// - the escrow behind a member is frozen exactly while a complaint accuses them;
/// - every standing guarantee (an edge of the guarantor graph) has its escrow record, still
///   running, and every running escrow record is a standing guarantee: the escrow of an ended
///   guarantee is only ever retained, for what the protégé's deals and cases need (which the
///   escrow pallet checks).
pub fn check() -> Result<(), TryRuntimeError> {
	Membership::do_try_state()?;
	Escrow::do_try_state()?;
	Complaints::do_try_state()?;
	pallet_fund_voting::Pallet::<Runtime>::do_try_state()?;
	pallet_contributions::Pallet::<Runtime>::do_try_state()?;
	pallet_validator_set::Pallet::<Runtime>::do_try_state()?;
	pallet_board::Pallet::<Runtime>::do_try_state()?;

	for member in pallet_deposit_escrow::Frozen::<Runtime>::iter_keys() {
		ensure!(
			pallet_complaints::AccusedIn::<Runtime>::get(&member) > 0,
			"escrow frozen behind a member nobody accuses"
		);
	}
	for member in pallet_complaints::AccusedIn::<Runtime>::iter_keys() {
		ensure!(
			pallet_deposit_escrow::Frozen::<Runtime>::contains_key(&member),
			"an accused member whose escrow is not frozen"
		);
	}

	let mut edges = BTreeSet::new();
	for (guarantor, protege, since) in pallet_guarantee_membership::Proteges::<Runtime>::iter() {
		if let Some(ban) = pallet_complaints::Bans::<Runtime>::get(&guarantor) {
			ensure!(
				since < ban.from || since >= ban.until,
				"a guarantee given by a member banned from guaranteeing"
			);
		}
		let record = pallet_deposit_escrow::Escrows::<Runtime>::get(&protege, &guarantor);
		ensure!(record.is_some_and(|r| !r.ended), "a guarantee without its running escrow");
		edges.insert((guarantor, protege));
	}
	for (protege, guarantor, record) in pallet_deposit_escrow::Escrows::<Runtime>::iter() {
		ensure!(
			record.ended || edges.contains(&(guarantor, protege)),
			"running escrow of a guarantee that has ended"
		);
	}
	Ok(())
}
