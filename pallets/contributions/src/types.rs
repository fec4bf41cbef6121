//! The records of the contribution-accounting pallet.

// The `*NoBound` derives need the field types' bounds on the generics themselves.
#![allow(clippy::multiple_bound_locations)]

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::{ConstU32, Get},
	BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::Perbill;

/// The number of a project.
pub type ProjectId = u32;
/// The number of a contribution.
pub type ContributionId = u64;
/// The number of a version of a project's value equation (the first is 0).
pub type Version = u32;
/// Validated points: quantity × weight.
pub type Points = u128;
/// An amount of the chain's currency, in its smallest unit.
pub type Amount = u128;
/// The name of a project-defined kind of contribution (UTF-8, at most 32 bytes).
pub type KindName = BoundedVec<u8, ConstU32<32>>;

/// What a contribution is.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub enum Kind {
	/// Working time, in hours.
	#[codec(index = 0)]
	Time,
	/// Money put in, in whole currency units.
	#[codec(index = 1)]
	Money,
	/// Materials, in the project's unit for them.
	#[codec(index = 2)]
	Materials,
	/// Introductions: customers, suppliers, partners brought in.
	#[codec(index = 3)]
	Introductions,
	/// The project-defined kind at this index of the equation's `custom` list.
	#[codec(index = 4)]
	Custom(u8),
}

/// A project-defined kind of contribution and its weight.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct CustomKind {
	/// Its name.
	pub name: KindName,
	/// Points per unit.
	pub weight: u32,
}

/// A project's **value equation**: points per unit of each kind of contribution (a kind
/// weighing 0 is not accepted), the shares of revenue taken before the pro-rata split, and the
/// rules by which contributions are validated.
///
/// A contribution earns `quantity × weight` points under the version in force when it was
/// recorded; revenue is split by the version in force when it is paid.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
#[scale_info(skip_type_params(MaxCustom))]
pub struct Equation<BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug, MaxCustom: Get<u32>> {
	/// Points per hour of time.
	pub time: u32,
	/// Points per whole currency unit of money.
	pub money: u32,
	/// Points per unit of materials.
	pub materials: u32,
	/// Points per introduction.
	pub introductions: u32,
	/// The project's own kinds.
	pub custom: BoundedVec<CustomKind, MaxCustom>,
	/// The common fund's share of revenue.
	pub fund_share: Perbill,
	/// The organisers' share of revenue, split equally among them.
	pub organisers_share: Perbill,
	/// How many approvals of other participants an unchallenged contribution needs by the end
	/// of its challenge window to be validated then (0: the window passing suffices). Approvals
	/// never close the window early.
	pub approvals: u32,
	/// How long a contribution stays open to challenge; it is decided when it ends.
	pub challenge_period: BlockNumber,
	/// How long the participants vote on a challenged contribution, a new equation, an
	/// admission or an appointment.
	pub voting_period: BlockNumber,
}

impl<BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug, MaxCustom: Get<u32>>
	Equation<BlockNumber, MaxCustom>
{
	/// Points per unit of `kind`; `None` when the equation does not accept it.
	pub fn weight_of(&self, kind: Kind) -> Option<u32> {
		let weight = match kind {
			Kind::Time => self.time,
			Kind::Money => self.money,
			Kind::Materials => self.materials,
			Kind::Introductions => self.introductions,
			Kind::Custom(index) => self.custom.get(usize::from(index))?.weight,
		};
		(weight > 0).then_some(weight)
	}

	/// The cooperative's customary equation: one point per unit of every kind, 10 % of revenue
	/// to the common fund and 10 % to the organisers (seed 003), two approvals by the end of the
	/// challenge window, and the given periods.
	pub fn customary(challenge_period: BlockNumber, voting_period: BlockNumber) -> Self {
		Self {
			time: 1,
			money: 1,
			materials: 1,
			introductions: 1,
			custom: BoundedVec::new(),
			fund_share: Perbill::from_percent(10),
			organisers_share: Perbill::from_percent(10),
			approvals: 2,
			challenge_period,
			voting_period,
		}
	}
}

/// What the revenue paid into a project came to, in total.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct Totals {
	/// Revenue paid in.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub revenue: Amount,
	/// Paid to the common fund as its share.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub fund: Amount,
	/// Credited to the organisers.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub organisers: Amount,
	/// Credited to the participants pro rata.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub participants: Amount,
	/// Units no one could be given exactly, paid to the common fund.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub remainder: Amount,
	/// Claimed by organisers and participants.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub claimed: Amount,
}

impl Totals {
	/// Credited and not yet claimed: what the pallet holds for the project.
	pub fn unclaimed(&self) -> Amount {
		self.organisers.saturating_add(self.participants).saturating_sub(self.claimed)
	}
}

/// A project: a "virtual corporation" of members.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
#[scale_info(skip_type_params(MaxOrganisers))]
pub struct Project<
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxOrganisers: Get<u32>,
> {
	/// Who created it.
	pub founder: AccountId,
	/// The hash of its description.
	pub description: H256,
	/// When it was created.
	pub created: BlockNumber,
	/// Its organisers (participants, who share the organisers' share).
	pub organisers: BoundedVec<AccountId, MaxOrganisers>,
	/// The version of the value equation in force.
	pub version: Version,
	/// How many members participate now.
	pub participants: u32,
	/// The validated points of the members who participate now.
	pub total_points: Points,
	/// What one point has earned since the project began: the accumulator of the pro-rata
	/// split, in the currency's smallest unit per point.
	pub reward_per_point: Amount,
	/// The revenue and where it went.
	pub totals: Totals,
	/// How many equation votes have been opened (the round of the next).
	pub rounds: u32,
	/// How many admission and appointment motions have been opened (the round of the next).
	pub motions: u32,
	/// How many of them are open now.
	pub open_motions: u32,
}

/// Whether an account takes part in a project now.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub enum Standing {
	/// A participant: their points earn a share of revenue.
	#[codec(index = 0)]
	Participant,
	/// Left (or was removed on leaving the cooperative): keeps their points on record and what
	/// they earned, but earns nothing more until they rejoin.
	#[codec(index = 1)]
	Left,
}

/// An account's place in a project: its points and what it has earned.
///
/// Earned and not yet claimed: `owed + points × (reward_per_point − seen)` while participating,
/// `owed` after leaving.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct Share<BlockNumber> {
	/// Participant or left.
	pub standing: Standing,
	/// When they last joined.
	pub since: BlockNumber,
	/// Their validated points.
	pub points: Points,
	/// The project's reward per point when their earnings were last brought into `owed`.
	pub seen: Amount,
	/// Earned, brought to account and not yet claimed.
	pub owed: Amount,
	/// Claimed so far.
	pub claimed: Amount,
}

impl<BlockNumber> Share<BlockNumber> {
	/// Whether they participate now.
	pub fn is_active(&self) -> bool {
		self.standing == Standing::Participant
	}

	/// What they may claim when the project's reward per point is `reward_per_point`.
	///
	/// Cannot overflow: `points × (reward_per_point − seen)` is at most the revenue the project
	/// has credited to its participants since `seen`.
	pub fn claimable(&self, reward_per_point: Amount) -> Amount {
		if !self.is_active() {
			return self.owed;
		}
		self.owed
			.saturating_add(self.points.saturating_mul(reward_per_point.saturating_sub(self.seen)))
	}

	/// Brings what they earned up to `reward_per_point` into `owed`.
	pub fn settle(&mut self, reward_per_point: Amount) {
		self.owed = self.claimable(reward_per_point);
		self.seen = reward_per_point;
	}
}

/// How a contribution was validated.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub enum Validation {
	/// Its challenge window passed unchallenged (or its vote undecided) with the approvals its
	/// equation asks.
	#[codec(index = 0)]
	Approved,
	/// Its challenge window passed unchallenged (or its vote undecided), its equation asking
	/// for no approvals.
	#[codec(index = 1)]
	Unchallenged,
	/// It was challenged and a majority of the votes cast, with a quorum, accepted it.
	#[codec(index = 2)]
	Vote,
}

/// Why a contribution was rejected.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub enum Rejection {
	/// It was challenged and a majority of the votes cast, with a quorum, rejected it.
	#[codec(index = 0)]
	Vote,
	/// Its window passed (or its vote was undecided) without the approvals its equation asks.
	#[codec(index = 1)]
	Unapproved,
}

/// Where a contribution stands.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub enum Status<AccountId, BlockNumber> {
	/// Open to approvals and challenges until its window ends (`window_ends`).
	#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
	#[codec(index = 0)]
	Pending { approvals: u32, window_ends: BlockNumber },
	/// Challenged: the participants but its contributor and challenger vote until `ends`; at
	/// least `quorum` votes decide it by their majority, else its approvals do.
	#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
	#[codec(index = 1)]
	Challenged {
		challenger: AccountId,
		approvals: u32,
		electorate: u32,
		quorum: u32,
		opened: BlockNumber,
		ends: BlockNumber,
		accept: u32,
		reject: u32,
	},
	/// Validated: its points count.
	#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
	#[codec(index = 2)]
	Validated { at: BlockNumber, by: Validation },
	/// Rejected: it earns nothing.
	#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
	#[codec(index = 3)]
	Rejected { at: BlockNumber, by: Rejection },
}

/// A recorded contribution.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct Contribution<AccountId, BlockNumber> {
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
	/// The equation version in force when it was recorded.
	pub version: Version,
	/// Its points: `quantity ×` the weight of `kind` in `version`.
	pub points: Points,
	/// The approvals that validate it (the version's rule).
	pub approvals_needed: u32,
	/// When it was recorded.
	pub recorded: BlockNumber,
	/// Where it stands.
	pub status: Status<AccountId, BlockNumber>,
	/// The block its deadline is due at (where it was filed), while it is undecided: the hook
	/// decides it then or, after a burst, a few blocks later, never before.
	pub due: Option<BlockNumber>,
}

/// A proposed new value equation, voted by the project's participants.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
#[scale_info(skip_type_params(MaxCustom))]
pub struct EquationProposal<
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxCustom: Get<u32>,
> {
	/// The vote's round in the project.
	pub round: u32,
	/// Who proposed it (their proposal is their aye).
	pub proposer: AccountId,
	/// The equation proposed.
	pub equation: Equation<BlockNumber, MaxCustom>,
	/// When the vote opened: only participants who joined before may vote.
	pub opened: BlockNumber,
	/// When the vote ends; without a majority of the electorate by then it fails.
	pub ends: BlockNumber,
	/// The participants when it opened: it passes when more than half of them vote aye.
	pub electorate: u32,
	/// Ayes so far.
	pub ayes: u32,
	/// Nays so far.
	pub nays: u32,
	/// The block its deadline is due at (where it was filed): the hook closes it then or,
	/// after a burst, a few blocks later, never before.
	pub due: BlockNumber,
}

/// What a motion of a project's participants decides about its candidate.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub enum MotionKind {
	/// To admit a member: at once if they asked to join, else by an invitation they accept.
	#[codec(index = 0)]
	Admission,
	/// To appoint a participant organiser.
	#[codec(index = 1)]
	Appointment,
}

/// A motion to admit a member to a project or appoint a participant organiser, voted by the
/// participants (the candidate has no vote).
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct Motion<AccountId, BlockNumber> {
	/// Admission or appointment.
	pub kind: MotionKind,
	/// The motion's round in the project (its votes are kept under it).
	pub round: u32,
	/// Who proposed it (their proposal is their aye).
	pub proposer: AccountId,
	/// When it opened: only participants who joined before may vote.
	pub opened: BlockNumber,
	/// When the vote ends; without a majority of the electorate by then it fails.
	pub ends: BlockNumber,
	/// The participants when it opened, the candidate not counted: it passes when more than
	/// half of them vote aye.
	pub electorate: u32,
	/// Ayes so far.
	pub ayes: u32,
	/// Nays so far.
	pub nays: u32,
	/// The block its deadline is due at (where it was filed): the hook closes it then or,
	/// after a burst, a few blocks later, never before.
	pub due: BlockNumber,
}

/// What a block's hook decides.
#[derive(
	Clone,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Due<AccountId> {
	/// A contribution whose challenge window or vote ends.
	#[codec(index = 0)]
	Contribution(ContributionId),
	/// A project's equation vote, which ends.
	#[codec(index = 1)]
	Equation(ProjectId),
	/// A project's motion about this candidate, which ends.
	#[codec(index = 2)]
	Motion(ProjectId, AccountId),
}

/// The exact split of a revenue amount: `fund + per_organiser × organisers + reward_per_point ×
/// points + remainder == revenue`.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct Split {
	/// The revenue split.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub revenue: Amount,
	/// The common fund's share: `fund_share × revenue`, rounded down.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub fund: Amount,
	/// Each organiser's part of `organisers_share × revenue` (rounded down), split equally.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub per_organiser: Amount,
	/// How many organisers share it.
	pub organisers: u32,
	/// What each validated point earns of the rest, rounded down.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub reward_per_point: Amount,
	/// The participants' validated points it is divided by.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub points: Points,
	/// What rounding left, paid to the common fund.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub remainder: Amount,
}

impl Split {
	/// Splits `revenue` by `fund_share` and `organisers_share` among `organisers` organisers
	/// and `points` validated points. Never overflows: every part is at most `revenue`. With no
	/// organisers their share is remainder; with no points the rest is.
	pub fn compute(
		revenue: Amount,
		fund_share: Perbill,
		organisers_share: Perbill,
		organisers: u32,
		points: Points,
	) -> Self {
		let fund = fund_share.mul_floor(revenue);
		let for_organisers = organisers_share.mul_floor(revenue);
		let rest = revenue.saturating_sub(fund).saturating_sub(for_organisers);
		let per_organiser = for_organisers.checked_div(Amount::from(organisers)).unwrap_or(0);
		let reward_per_point = rest.checked_div(points).unwrap_or(0);
		let remainder = revenue
			.saturating_sub(fund)
			.saturating_sub(per_organiser.saturating_mul(Amount::from(organisers)))
			.saturating_sub(reward_per_point.saturating_mul(points));
		Self { revenue, fund, per_organiser, organisers, reward_per_point, points, remainder }
	}

	/// What the organisers receive together.
	pub fn to_organisers(&self) -> Amount {
		self.per_organiser.saturating_mul(Amount::from(self.organisers))
	}

	/// What the participants receive together.
	pub fn to_participants(&self) -> Amount {
		self.reward_per_point.saturating_mul(self.points)
	}
}
