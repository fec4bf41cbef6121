//! What the cooperative asks of one account, and by when: the panel votes waiting for them,
//! the top-ups they owe, the deals waiting for their answer or confirmation, what their own
//! application still misses, the guarantees offered to them and the proposals open to their
//! vote. One answer, read by the portal's duties page and by any wallet (`synergy_duties`).
//!
//! Nothing on chain calls [`duties`]: it is a read-only runtime API. Every list is bounded by
//! what the pallets bound (a member's protégés, deals, panel seats; the newest proposals).

use crate::{AccountId, Balance, BlockNumber, Runtime};
use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_support::traits::Get;
use pallet_complaints::PanelVoteDue;
use pallet_deposit_escrow::{DealDue, TopUpDue};
use pallet_fund_voting::VoteDue;
use pallet_guarantee_membership::ApplicationView;
use scale_info::TypeInfo;

sp_api::decl_runtime_apis! {
	/// What the cooperative asks of an account, with deadlines.
	pub trait SynergyDutiesApi {
		/// `who`'s duties at this block.
		fn duties(who: AccountId) -> Duties;
	}
}

/// What the cooperative asks of one account at one block.
#[derive(Clone, PartialEq, Eq, Debug, Default, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct Duties {
	/// The block the answer is for: every deadline below is a block number to compare with it.
	pub at: BlockNumber,
	/// Their own application, while they are a candidate: the guarantees it still misses,
	/// their acceptance, the fee, and when it expires.
	pub application: Option<ApplicationView<AccountId, Balance, BlockNumber>>,
	/// Members who offered to guarantee them and wait for their consent.
	pub guarantees_offered: Vec<AccountId>,
	/// Panels they sit on that wait for their vote.
	pub panel_votes: Vec<PanelVoteDue<AccountId, BlockNumber>>,
	/// Escrow they owe behind their protégés after a compensation.
	pub top_ups: Vec<TopUpDue<AccountId, Balance, BlockNumber>>,
	/// Deals proposed to them to accept, and their open deals to confirm.
	pub deals: Vec<DealDue<AccountId, Balance, BlockNumber>>,
	/// Proposals of the general meeting open to their vote.
	pub votes: Vec<VoteDue<BlockNumber>>,
}

impl Duties {
	/// Whether nothing is asked of them.
	pub fn is_empty(&self) -> bool {
		self.application.is_none()
			&& self.guarantees_offered.is_empty()
			&& self.panel_votes.is_empty()
			&& self.top_ups.is_empty()
			&& self.deals.is_empty()
			&& self.votes.is_empty()
	}
}

/// `who`'s duties at the current block.
pub fn duties(who: &AccountId) -> Duties {
	let max_proteges =
		<<Runtime as pallet_guarantee_membership::Config>::MaxProteges as Get<u32>>::get() as usize;
	let proteges =
		pallet_guarantee_membership::Proteges::<Runtime>::iter_key_prefix(who).take(max_proteges);
	Duties {
		at: frame_system::Pallet::<Runtime>::block_number(),
		application: pallet_guarantee_membership::Pallet::<Runtime>::application_view(who),
		guarantees_offered: pallet_guarantee_membership::Offers::<Runtime>::get(who).into_inner(),
		panel_votes: pallet_complaints::Pallet::<Runtime>::panel_votes_due(who),
		top_ups: pallet_deposit_escrow::Pallet::<Runtime>::top_ups_due(who, proteges),
		deals: pallet_deposit_escrow::Pallet::<Runtime>::deals_due(who),
		votes: pallet_fund_voting::Pallet::<Runtime>::votes_due(who),
	}
}
