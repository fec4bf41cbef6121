//! # Runtime API of contribution accounting
//!
//! What auditors read about projects, contributions and revenue splits, reachable with
//! `state_call` by any client, and as readable JSON through the node's `synergy_` RPC methods
//! (`pallet-contributions-rpc`).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_contributions::{
	Amount, ClaimableView, ContributionView, ProjectId, ProjectView, SplitPreview,
};

sp_api::decl_runtime_apis! {
	/// Projects, contributions, claims and split previews.
	#[api_version(1)]
	pub trait ContributionsApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// Project `id` with its equation versions, participants, points and totals.
		fn project(id: ProjectId) -> Option<ProjectView<AccountId, BlockNumber>>;
		/// The contributions of `who`, newest first, with their status.
		fn contributions_of(who: AccountId) -> Vec<ContributionView<AccountId, BlockNumber>>;
		/// What `who` may claim, by project.
		fn claimable(who: AccountId) -> Vec<ClaimableView>;
		/// What paying `revenue` into `project` now would give to the common fund and to each
		/// organiser and participant.
		fn split_preview(project: ProjectId, revenue: Amount) -> Option<SplitPreview<AccountId>>;
	}
}
