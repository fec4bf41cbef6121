//! What auditors read: a project with its equation versions, participants, points and totals;
//! an account's contributions and what it may claim; the split a revenue amount would make now.
//! Returned by the runtime API, readable as JSON through the node's `synergy_` RPC methods.

use crate::{
	Amount, Config, ContributionId, Contributions, ContributionsOf, EquationProposals,
	EquationVersions, Kind, Pallet, Points, ProjectId, Projects, ProjectsOf, Shares, Split,
	Standing, Status, Totals, Version,
};
use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::Perbill;

/// Bytes shown as text in JSON (UTF-8, invalid sequences replaced).
#[cfg(feature = "std")]
mod text {
	use serde::{Deserialize, Deserializer, Serializer};

	pub fn serialize<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
		serializer.serialize_str(&String::from_utf8_lossy(bytes))
	}

	pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
		Ok(String::deserialize(deserializer)?.into_bytes())
	}
}

/// A project-defined kind, readable.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
pub struct CustomKindView {
	/// Its name.
	#[cfg_attr(feature = "std", serde(with = "text"))]
	pub name: Vec<u8>,
	/// Points per unit.
	pub weight: u32,
}

/// A version of a value equation, readable.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct EquationView<BlockNumber> {
	/// The version.
	pub version: Version,
	/// Points per hour.
	pub time: u32,
	/// Points per whole currency unit.
	pub money: u32,
	/// Points per unit of materials.
	pub materials: u32,
	/// Points per introduction.
	pub introductions: u32,
	/// The project's own kinds, by index (`Custom(i)`).
	pub custom: Vec<CustomKindView>,
	/// The common fund's share of revenue.
	pub fund_share: Perbill,
	/// The organisers' share of revenue.
	pub organisers_share: Perbill,
	/// Approvals that validate a contribution.
	pub approvals: u32,
	/// Blocks a contribution stays open to challenge.
	pub challenge_period: BlockNumber,
	/// Blocks a vote lasts.
	pub voting_period: BlockNumber,
}

impl<BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug> EquationView<BlockNumber> {
	fn of<MaxCustom: Get<u32>>(
		version: Version,
		equation: crate::Equation<BlockNumber, MaxCustom>,
	) -> Self {
		Self {
			version,
			time: equation.time,
			money: equation.money,
			materials: equation.materials,
			introductions: equation.introductions,
			custom: equation
				.custom
				.into_iter()
				.map(|kind| CustomKindView { name: kind.name.into_inner(), weight: kind.weight })
				.collect(),
			fund_share: equation.fund_share,
			organisers_share: equation.organisers_share,
			approvals: equation.approvals,
			challenge_period: equation.challenge_period,
			voting_period: equation.voting_period,
		}
	}
}

/// An account's place in a project.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct ParticipantView<AccountId, BlockNumber> {
	/// The account.
	pub who: AccountId,
	/// Participant or left.
	pub standing: Standing,
	/// Whether an organiser.
	pub organiser: bool,
	/// When they last joined.
	pub since: BlockNumber,
	/// Their validated points.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub points: Points,
	/// The project's reward per point when their earnings were last settled.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub seen: Amount,
	/// What they may claim now.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub claimable: Amount,
	/// What they have claimed.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub claimed: Amount,
}

/// An open equation vote.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct EquationVoteView<AccountId, BlockNumber> {
	/// The vote's round.
	pub round: u32,
	/// Who proposed it.
	pub proposer: AccountId,
	/// The equation proposed (its version if adopted).
	pub equation: EquationView<BlockNumber>,
	/// When it opened.
	pub opened: BlockNumber,
	/// When it ends.
	pub ends: BlockNumber,
	/// The participants when it opened.
	pub electorate: u32,
	/// Ayes.
	pub ayes: u32,
	/// Nays.
	pub nays: u32,
}

/// A project with its equations, participants, points and totals.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct ProjectView<AccountId, BlockNumber> {
	/// The project's number.
	pub id: ProjectId,
	/// Who created it.
	pub founder: AccountId,
	/// The hash of its description.
	pub description: H256,
	/// When it was created.
	pub created: BlockNumber,
	/// Its organisers.
	pub organisers: Vec<AccountId>,
	/// The version of the equation in force.
	pub version: Version,
	/// The equation's versions, newest first (the newest `MaxListed`).
	pub equations: Vec<EquationView<BlockNumber>>,
	/// How many participate now.
	pub participant_count: u32,
	/// Their validated points.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub total_points: Points,
	/// What one point has earned since the project began.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub reward_per_point: Amount,
	/// Revenue and where it went.
	pub totals: Totals,
	/// Everyone who joined, participants and those who left (the first `MaxListed`).
	pub participants: Vec<ParticipantView<AccountId, BlockNumber>>,
	/// The open equation vote.
	pub equation_vote: Option<EquationVoteView<AccountId, BlockNumber>>,
}

/// A contribution, readable.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct ContributionView<AccountId, BlockNumber> {
	/// Its number.
	pub id: ContributionId,
	/// The project.
	pub project: ProjectId,
	/// Who contributed.
	pub contributor: AccountId,
	/// What.
	pub kind: Kind,
	/// How much, in the kind's unit.
	pub quantity: u64,
	/// The hash of the evidence.
	pub evidence: H256,
	/// The equation version it was recorded under.
	pub version: Version,
	/// Its points (counted once validated).
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub points: Points,
	/// When it was recorded.
	pub recorded: BlockNumber,
	/// Where it stands.
	pub status: Status<AccountId, BlockNumber>,
}

/// What an account may claim in one project.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct ClaimableView {
	/// The project.
	pub project: ProjectId,
	/// What may be claimed there now.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub amount: Amount,
}

/// What one party would receive of a revenue split.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct PartyView<AccountId> {
	/// The organiser or participant.
	pub who: AccountId,
	/// As an organiser.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub as_organiser: Amount,
	/// For their validated points.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub as_participant: Amount,
	/// Together.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub total: Amount,
}

/// What a revenue amount paid into a project now would give to whom.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct SplitPreview<AccountId> {
	/// The project.
	pub project: ProjectId,
	/// The equation version that would split it.
	pub version: Version,
	/// The split: fund share, per organiser, per point, remainder.
	pub split: Split,
	/// The common fund's account receives `split.fund + split.remainder`.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub to_fund: Amount,
	/// Each organiser and each participant with points (the first `MaxListed`).
	pub parties: Vec<PartyView<AccountId>>,
}

impl<T: Config> Pallet<T> {
	/// Project `id` with its equation versions, participants, points and totals.
	pub fn project_view(id: ProjectId) -> Option<ProjectView<T::AccountId, BlockNumberFor<T>>> {
		let record = Projects::<T>::get(id)?;
		let listed = T::MaxListed::get() as usize;
		let equations = (0..=record.version)
			.rev()
			.take(listed)
			.filter_map(|version| {
				EquationVersions::<T>::get(id, version)
					.map(|equation| EquationView::of(version, equation))
			})
			.collect();
		let participants = Shares::<T>::iter_prefix(id)
			.take(listed)
			.map(|(who, share)| ParticipantView {
				organiser: record.organisers.contains(&who),
				standing: share.standing,
				since: share.since,
				points: share.points,
				seen: share.seen,
				claimable: share.claimable(record.reward_per_point),
				claimed: share.claimed,
				who,
			})
			.collect();
		let equation_vote = EquationProposals::<T>::get(id).map(|proposal| EquationVoteView {
			round: proposal.round,
			proposer: proposal.proposer,
			equation: EquationView::of(record.version.saturating_add(1), proposal.equation),
			opened: proposal.opened,
			ends: proposal.ends,
			electorate: proposal.electorate,
			ayes: proposal.ayes,
			nays: proposal.nays,
		});
		Some(ProjectView {
			id,
			founder: record.founder,
			description: record.description,
			created: record.created,
			organisers: record.organisers.into_inner(),
			version: record.version,
			equations,
			participant_count: record.participants,
			total_points: record.total_points,
			reward_per_point: record.reward_per_point,
			totals: record.totals,
			participants,
			equation_vote,
		})
	}

	/// The contributions of `who`, newest first (the newest `MaxListed`).
	pub fn contributions_view(
		who: &T::AccountId,
	) -> Vec<ContributionView<T::AccountId, BlockNumberFor<T>>> {
		let mut ids: Vec<ContributionId> = ContributionsOf::<T>::iter_key_prefix(who).collect();
		ids.sort_unstable_by(|a, b| b.cmp(a));
		ids.into_iter()
			.take(T::MaxListed::get() as usize)
			.filter_map(|id| {
				Contributions::<T>::get(id).map(|c| ContributionView {
					id,
					project: c.project,
					contributor: c.contributor,
					kind: c.kind,
					quantity: c.quantity,
					evidence: c.evidence,
					version: c.version,
					points: c.points,
					recorded: c.recorded,
					status: c.status,
				})
			})
			.collect()
	}

	/// What `who` may claim, by project (only projects with something to claim).
	pub fn claimable_view(who: &T::AccountId) -> Vec<ClaimableView> {
		ProjectsOf::<T>::iter_key_prefix(who)
			.filter_map(|project| {
				let record = Projects::<T>::get(project)?;
				let amount = Shares::<T>::get(project, who)?.claimable(record.reward_per_point);
				(amount > 0).then_some(ClaimableView { project, amount })
			})
			.collect()
	}

	/// What paying `revenue` into `project` now would give to the fund and to each party.
	pub fn split_preview(
		project: ProjectId,
		revenue: Amount,
	) -> Option<SplitPreview<T::AccountId>> {
		let record = Projects::<T>::get(project)?;
		let split = Self::split(project, &record, revenue).ok()?;
		let mut parties: Vec<PartyView<T::AccountId>> = record
			.organisers
			.iter()
			.map(|who| PartyView {
				who: who.clone(),
				as_organiser: split.per_organiser,
				as_participant: 0,
				total: split.per_organiser,
			})
			.collect();
		let listed = T::MaxListed::get() as usize;
		for (who, share) in Shares::<T>::iter_prefix(project)
			.filter(|(_, share)| share.is_active() && share.points > 0)
			.take(listed)
		{
			let amount = split.reward_per_point.saturating_mul(share.points);
			match parties.iter_mut().find(|party| party.who == who) {
				Some(party) => {
					party.as_participant = amount;
					party.total = party.total.saturating_add(amount);
				},
				None => parties.push(PartyView {
					who,
					as_organiser: 0,
					as_participant: amount,
					total: amount,
				}),
			}
		}
		Some(SplitPreview {
			project,
			version: record.version,
			to_fund: split.fund.saturating_add(split.remainder),
			split,
			parties,
		})
	}
}
