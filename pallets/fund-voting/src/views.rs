//! What auditors read: the fund's statement, proposals with their live tallies, and a member's
//! votes, as the runtime API returns them, readable as JSON through the node's `synergy_` RPC
//! methods.

use crate::{
	BalanceOf, Config, CurrentParameters, FundStatement, NextProposalId, Objections, Pallet,
	ProposalId, ProposalKind, ProposalOf, Proposals, Statement, Status, Tally, Vote, Votes,
};
use alloc::{collections::btree_map::BTreeMap, vec::Vec};
use codec::{Decode, Encode};
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::{traits::Saturating, Perbill};

/// The fund as an auditor sees it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "AccountId: serde::Serialize, Balance: core::fmt::Display",
		deserialize = "AccountId: serde::Deserialize<'de>, Balance: core::str::FromStr"
	))
)]
pub struct FundView<AccountId, Balance> {
	/// The fund's account.
	pub account: AccountId,
	/// What the fund holds: total in − total out.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub balance: Balance,
	/// In by source, out, and committed.
	pub statement: Statement<Balance>,
	/// What no spend may touch.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub reserve: Balance,
	/// What newly approved spends may still commit: balance − reserve − committed.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub available: Balance,
	/// What is left of this budget period's budget.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub budget_left: Balance,
}

/// What a proposal asks, readable.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "AccountId: serde::Serialize, Balance: core::fmt::Display",
		deserialize = "AccountId: serde::Deserialize<'de>, Balance: core::str::FromStr"
	))
)]
pub enum KindView<AccountId, Balance> {
	/// Pay `amount` to `beneficiary`.
	#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
	Spend {
		beneficiary: AccountId,
		#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
		amount: Balance,
		rationale: H256,
	},
	/// Execute a call: its SCALE encoding (hex) and BLAKE2-256 hash.
	#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
	Motion {
		#[cfg_attr(feature = "std", serde(with = "sp_core::bytes"))]
		call: Vec<u8>,
		call_hash: H256,
		rationale: H256,
	},
}

/// A proposal with its live tally.
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
pub struct ProposalView<AccountId, Balance, BlockNumber> {
	/// The proposal's number.
	pub id: ProposalId,
	/// Who proposed it.
	pub proposer: AccountId,
	/// Their deposit.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub deposit: Balance,
	/// A spend or a motion.
	pub kind: KindView<AccountId, Balance>,
	/// The block it opened in.
	pub opened: BlockNumber,
	/// How many members may vote on it.
	pub electorate: u32,
	/// The votes and objections so far.
	pub tally: Tally,
	/// Turnout as a share of the electorate, in parts per billion.
	pub turnout: Perbill,
	/// The turnout the decision needs.
	pub quorum: Perbill,
	/// The share of ayes among ayes and nays it must exceed.
	pub approval: Perbill,
	/// Voting, approved, or how it ended.
	pub status: Status<BlockNumber>,
	/// Blocks until its vote closes or it executes; zero once due or ended.
	pub blocks_left: BlockNumber,
}

/// The most proposals a listing looks through, newest first.
pub const MAX_SCANNED: u32 = 10_000;

/// A member's vote on a proposal.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct VoteView {
	/// The proposal.
	pub proposal: ProposalId,
	/// The vote, if cast.
	pub vote: Option<Vote>,
	/// Whether the member objected to it in its grace.
	pub objected: bool,
}

/// A proposal waiting for a member's vote: they are in its electorate, old enough to vote, not
/// recused, and have not voted yet.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct VoteDue<BlockNumber> {
	/// The proposal.
	pub proposal: ProposalId,
	/// A motion (a call for the general meeting), else a spend from the fund.
	pub motion: bool,
	/// The last block of its vote.
	pub ends: BlockNumber,
}

impl<T: Config> Pallet<T> {
	/// The fund's statement.
	pub fn fund_view() -> FundView<T::AccountId, BalanceOf<T>> {
		let parameters = CurrentParameters::<T>::get();
		let now = frame_system::Pallet::<T>::block_number();
		FundView {
			account: Self::account_id(),
			balance: Self::fund_balance(),
			statement: FundStatement::<T>::get(),
			reserve: parameters.reserve,
			available: Self::available(),
			budget_left: parameters.budget.saturating_sub(Self::budget_at(now).spent),
		}
	}

	fn view(
		id: ProposalId,
		proposal: ProposalOf<T>,
	) -> ProposalView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>> {
		let now = frame_system::Pallet::<T>::block_number();
		let blocks_left = match proposal.status {
			Status::Voting { ends } => ends.saturating_sub(now),
			Status::Approved { executes } => executes.saturating_sub(now),
			_ => Default::default(),
		};
		let kind = match proposal.kind {
			ProposalKind::Spend { beneficiary, amount, rationale } => {
				KindView::Spend { beneficiary, amount, rationale }
			},
			ProposalKind::Motion { call, rationale } => KindView::Motion {
				call_hash: H256(sp_io::hashing::blake2_256(&call)),
				call: call.into_inner(),
				rationale,
			},
		};
		ProposalView {
			id,
			proposer: proposal.proposer,
			deposit: proposal.deposit,
			kind,
			opened: proposal.opened,
			electorate: proposal.electorate,
			tally: proposal.tally,
			turnout: Perbill::from_rational(proposal.tally.turnout(), proposal.electorate.max(1)),
			quorum: CurrentParameters::<T>::get().quorum,
			approval: proposal.approval,
			status: proposal.status,
			blocks_left,
		}
	}

	/// The proposals kept, newest first, from the newest [`MAX_SCANNED`] ids.
	fn newest_proposals() -> impl Iterator<Item = (ProposalId, ProposalOf<T>)> {
		let next = NextProposalId::<T>::get();
		(next.saturating_sub(MAX_SCANNED)..next)
			.rev()
			.filter_map(|id| Proposals::<T>::get(id).map(|proposal| (id, proposal)))
	}

	/// Proposal `id`, with its tally.
	pub fn proposal_view(
		id: ProposalId,
	) -> Option<ProposalView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		Proposals::<T>::get(id).map(|proposal| Self::view(id, proposal))
	}

	/// The newest proposals, newest first: only the open ones when `open_only`; at most
	/// [`Config::MaxListed`], from the newest [`MAX_SCANNED`].
	pub fn proposals_view(
		open_only: bool,
	) -> Vec<ProposalView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		Self::newest_proposals()
			.filter(|(_, proposal)| !open_only || proposal.status.is_open())
			.take(T::MaxListed::get() as usize)
			.map(|(id, proposal)| Self::view(id, proposal))
			.collect()
	}

	/// The votes and objections of `who`, newest proposal first; at most [`Config::MaxListed`].
	pub fn votes_view(who: &T::AccountId) -> Vec<VoteView> {
		let mut by_proposal: BTreeMap<ProposalId, VoteView> = Votes::<T>::iter_prefix(who)
			.map(|(proposal, ballot)| {
				(proposal, VoteView { proposal, vote: Some(ballot.vote), objected: false })
			})
			.collect();
		for (proposal, ()) in Objections::<T>::iter_prefix(who) {
			by_proposal
				.entry(proposal)
				.or_insert(VoteView { proposal, vote: None, objected: false })
				.objected = true;
		}
		let mut votes: Vec<VoteView> = by_proposal.into_values().rev().collect();
		votes.truncate(T::MaxListed::get() as usize);
		votes
	}

	/// The proposals in their vote that wait for `who`'s vote, newest first; at most
	/// [`Config::MaxListed`], from the newest [`MAX_SCANNED`].
	pub fn votes_due(who: &T::AccountId) -> Vec<VoteDue<BlockNumberFor<T>>> {
		Self::newest_proposals()
			.filter_map(|(id, proposal)| match proposal.status {
				Status::Voting { ends } => Some((id, proposal, ends)),
				_ => None,
			})
			.filter(|(id, proposal, _)| {
				Self::ensure_elector(*id, proposal, who).is_ok()
					&& !Votes::<T>::contains_key(who, id)
			})
			.take(T::MaxListed::get() as usize)
			.map(|(proposal, record, ends)| VoteDue {
				proposal,
				motion: matches!(record.kind, ProposalKind::Motion { .. }),
				ends,
			})
			.collect()
	}
}
