//! The cooperative's headline figures: what an operator's dashboard shows beside the node's
//! own metrics (the node exports them to Prometheus as `synergy_chain_*`, at every finalized
//! block).
//!
//! Nothing on chain calls [`figures`]: it is a read-only runtime API. The members are a counter
//! the membership pallet keeps, the validators, the fund and the issuance are read as they
//! stand; the rest is counted or summed over its map (one entry per candidate, deal, accused
//! member or account with a hold), which is the size of the cooperative, not of its history.

use crate::{Balance, Runtime, RuntimeHoldReason};
use codec::{Decode, Encode};
use scale_info::TypeInfo;

sp_api::decl_runtime_apis! {
	/// The cooperative's headline figures, for operators' monitoring.
	pub trait SynergyFiguresApi {
		/// The figures at this block.
		fn figures() -> Figures;
	}
}

/// The cooperative's headline figures at one block.
#[derive(Clone, PartialEq, Eq, Debug, Default, Encode, Decode, TypeInfo)]
pub struct Figures {
	/// Members, of every class.
	pub members: u32,
	/// Applications waiting for guarantees, the candidate's acceptance or the fee.
	pub applications: u32,
	/// Complaints open at any level (each has one accused).
	pub open_cases: u32,
	/// Members blocked by at least one open case.
	pub accused: u32,
	/// Deals on record: proposed, open, or completed and not yet forgotten.
	pub deals: u32,
	/// Validators in the current set.
	pub validators: u32,
	/// The common fund: the money held on the fund's account.
	pub fund: Balance,
	/// Guarantors' escrow held behind their protégés.
	pub escrow_held: Balance,
	/// Complaint bonds held from complainants.
	pub bonds_held: Balance,
	/// Proposal deposits held from proposers.
	pub deposits_held: Balance,
	/// Project revenue credited and not yet claimed.
	pub entitlements_held: Balance,
	/// Every token in existence.
	pub total_issuance: Balance,
}

/// The figures at the current block.
pub fn figures() -> Figures {
	let mut figures = Figures {
		members: pallet_guarantee_membership::Members::<Runtime>::count(),
		applications: count(pallet_guarantee_membership::Applications::<Runtime>::iter_keys()),
		validators: count(pallet_session::Validators::<Runtime>::get().into_iter()),
		fund: pallet_fund_voting::Pallet::<Runtime>::fund_balance(),
		total_issuance: pallet_balances::TotalIssuance::<Runtime>::get(),
		deals: count(pallet_deposit_escrow::Deals::<Runtime>::iter_keys()),
		..Default::default()
	};
	for open in pallet_complaints::AccusedIn::<Runtime>::iter_values() {
		figures.open_cases = figures.open_cases.saturating_add(open);
		figures.accused = figures.accused.saturating_add(1);
	}
	for holds in pallet_balances::Holds::<Runtime>::iter_values() {
		for hold in holds {
			let total = match hold.id {
				RuntimeHoldReason::Escrow(_) => &mut figures.escrow_held,
				RuntimeHoldReason::Complaints(_) => &mut figures.bonds_held,
				RuntimeHoldReason::Fund(pallet_fund_voting::HoldReason::ProposalDeposit) => {
					&mut figures.deposits_held
				},
				RuntimeHoldReason::Contributions(_) => &mut figures.entitlements_held,
				// The fund's own money is `fund`, read from its account above.
				_ => continue,
			};
			*total = total.saturating_add(hold.amount);
		}
	}
	figures
}

fn count<T>(items: impl Iterator<Item = T>) -> u32 {
	u32::try_from(items.count()).unwrap_or(u32::MAX)
}
