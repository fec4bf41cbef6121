//! What auditors read: the records of this pallet as the runtime API returns them, readable as
//! JSON through the node's `synergy_` RPC methods.

use crate::{
	BalanceOf, BlockedInspect, ClassUsers, Classes, Config, GuaranteeEscrow, MemberStatus, Members,
	Offers, Pallet, Proteges, Seniors,
};
use alloc::{collections::btree_set::BTreeSet, string::String, vec::Vec};
use codec::{Decode, Encode};
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use synergy_primitives::{ClassId, EscrowStanding};

/// The furthest the guarantor graph is walked from the account asked about.
pub const MAX_GRAPH_DEPTH: u32 = 4;
/// The most accounts one guarantor-graph answer holds.
pub const MAX_GRAPH_NODES: u32 = 128;

/// A row of the class table.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "Balance: core::fmt::Display",
		deserialize = "Balance: core::str::FromStr"
	))
)]
pub struct ClassView<Balance> {
	/// The class's number.
	pub id: ClassId,
	/// Its name.
	pub name: String,
	/// What each guarantor escrows for a member of it.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub quantum: Balance,
	/// The admission fee of a new member of it (zero: admitted for free).
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub fee: Balance,
	/// Its members and open applications.
	pub users: u32,
}

/// A member: class, standing, guarantors, protégés and the escrow behind them.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "AccountId: serde::Serialize, Balance: core::fmt::Display, BlockNumber: serde::Serialize",
		deserialize = "AccountId: serde::Deserialize<'de>, Balance: core::str::FromStr, BlockNumber: serde::Deserialize<'de>"
	))
)]
pub struct MemberView<AccountId, Balance, BlockNumber> {
	/// The member's class.
	pub class: ClassId,
	/// Their membership number (members are numbered in the order they were admitted).
	pub number: u32,
	/// The block they were admitted in.
	pub since: BlockNumber,
	/// Active, or in grace until a block.
	pub status: MemberStatus<BlockNumber>,
	/// Whether an open complaint blocks them.
	pub blocked: bool,
	/// The members who guarantee them.
	pub guarantors: Vec<AccountId>,
	/// The members and candidates they guarantee.
	pub proteges: Vec<AccountId>,
	/// The escrow behind them and what it insures.
	pub escrow: EscrowStanding<Balance>,
	/// The guarantees offered to them, waiting for their consent.
	pub offers: Vec<AccountId>,
	/// Whether they have reached the voting age: proposals opened from now count them.
	pub of_voting_age: bool,
	/// How many guarantees they may still give in this admission period.
	pub guarantees_left: u32,
	/// Whether they are banned from guaranteeing (see `synergy_record` for until when).
	pub banned: bool,
}

/// An open application.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "AccountId: serde::Serialize, Balance: core::fmt::Display, BlockNumber: serde::Serialize",
		deserialize = "AccountId: serde::Deserialize<'de>, Balance: core::str::FromStr, BlockNumber: serde::Deserialize<'de>"
	))
)]
pub struct ApplicationView<AccountId, Balance, BlockNumber> {
	/// The class applied for.
	pub class: ClassId,
	/// What each guarantee escrows.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub quantum: Balance,
	/// The guarantors so far.
	pub guarantors: Vec<AccountId>,
	/// How many more guarantees admission needs.
	pub guarantees_missing: u32,
	/// Whether the candidate has accepted.
	pub accepted: bool,
	/// The block after which it expires unless complete.
	pub expires_at: BlockNumber,
	/// The admission fee due (zero: none).
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub fee: Balance,
	/// Who paid the fee, once paid.
	pub fee_paid_by: Option<AccountId>,
}

/// One account in the guarantor graph around another.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct GraphNode<AccountId> {
	/// The account.
	pub account: AccountId,
	/// How many guarantee links away from the account asked about (0: that account).
	pub distance: u32,
	/// Whether it is a member (else a candidate, or a departed account).
	pub member: bool,
	/// Who guarantees it: the edges upwards.
	pub guarantors: Vec<AccountId>,
	/// Whom it guarantees: the edges downwards.
	pub proteges: Vec<AccountId>,
}

/// The guarantor graph around an account: every account within a number of guarantee links,
/// in either direction, nearest first.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct GuarantorGraph<AccountId> {
	/// The depth walked: the one asked for, at most [`MAX_GRAPH_DEPTH`].
	pub depth: u32,
	/// The accounts reached, by distance, each with its edges.
	pub nodes: Vec<GraphNode<AccountId>>,
	/// Whether accounts within the depth were left out to keep to [`MAX_GRAPH_NODES`].
	pub truncated: bool,
}

impl<T: Config> Pallet<T> {
	/// The class table.
	pub fn class_views() -> Vec<ClassView<BalanceOf<T>>> {
		Classes::<T>::iter()
			.take(T::MaxClasses::get() as usize)
			.map(|(id, class)| ClassView {
				id,
				name: String::from_utf8_lossy(&class.name).into_owned(),
				quantum: class.quantum,
				fee: class.fee,
				users: ClassUsers::<T>::get(id),
			})
			.collect()
	}

	/// Member `who`, if they are one.
	pub fn member_view(
		who: &T::AccountId,
	) -> Option<MemberView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		let member = Members::<T>::get(who)?;
		Some(MemberView {
			class: member.class,
			number: member.number,
			since: member.since,
			status: member.status,
			blocked: T::Blocked::is_blocked(who),
			guarantors: member.guarantors.into_inner(),
			proteges: Self::proteges_of(who),
			escrow: T::Escrow::standing(who),
			offers: Offers::<T>::get(who).into_inner(),
			of_voting_age: member.number < Seniors::<T>::get().below,
			banned: T::Blocked::is_banned(who),
			guarantees_left: Self::guarantees_left(who, frame_system::Pallet::<T>::block_number()),
		})
	}

	/// The open application of `candidate`, if any.
	pub fn application_view(
		candidate: &T::AccountId,
	) -> Option<ApplicationView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		let application = crate::Applications::<T>::get(candidate)?;
		let quantum = Classes::<T>::get(application.class).map(|c| c.quantum).unwrap_or_default();
		Some(ApplicationView {
			class: application.class,
			quantum,
			guarantees_missing: T::MinGuarantors::get()
				.saturating_sub(application.guarantors.len() as u32),
			guarantors: application.guarantors.into_inner(),
			accepted: application.accepted,
			expires_at: application.expires_at,
			fee: application.fee,
			fee_paid_by: application.fee_paid_by,
		})
	}

	/// The guarantor graph within `depth` links of `who` (at most [`MAX_GRAPH_DEPTH`]), breadth
	/// first, at most [`MAX_GRAPH_NODES`] accounts.
	pub fn guarantor_graph(who: &T::AccountId, depth: u32) -> GuarantorGraph<T::AccountId> {
		let depth = depth.min(MAX_GRAPH_DEPTH);
		let mut seen = BTreeSet::from([who.clone()]);
		let mut nodes = Vec::new();
		let mut frontier = Vec::from([who.clone()]);
		let mut truncated = false;
		for distance in 0..=depth {
			let mut next = Vec::new();
			for account in frontier {
				let guarantors = Self::guarantors_or_candidates_guarantors(&account);
				let proteges = Self::proteges_of(&account);
				if distance < depth {
					for neighbour in guarantors.iter().chain(proteges.iter()) {
						if seen.len() as u32 >= MAX_GRAPH_NODES {
							truncated |= !seen.contains(neighbour);
						} else if seen.insert(neighbour.clone()) {
							next.push(neighbour.clone());
						}
					}
				}
				nodes.push(GraphNode {
					member: Members::<T>::contains_key(&account),
					account,
					distance,
					guarantors,
					proteges,
				});
			}
			frontier = next;
		}
		GuarantorGraph { depth, nodes, truncated }
	}

	/// Whom `guarantor` guarantees (members and candidates), at most `MaxProteges`.
	fn proteges_of(guarantor: &T::AccountId) -> Vec<T::AccountId> {
		Proteges::<T>::iter_key_prefix(guarantor).take(T::MaxProteges::get() as usize).collect()
	}

	/// The guarantors of a member, or of a candidate's open application.
	fn guarantors_or_candidates_guarantors(who: &T::AccountId) -> Vec<T::AccountId> {
		Members::<T>::get(who)
			.map(|m| m.guarantors.into_inner())
			.or_else(|| crate::Applications::<T>::get(who).map(|a| a.guarantors.into_inner()))
			.unwrap_or_default()
	}
}
