//! The records of the fund-voting pallet.

// The `*NoBound` derives need the field types' bounds on the generics themselves.
#![allow(clippy::multiple_bound_locations)]

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::{PerThing, Perbill};
pub use synergy_primitives::Inflow;

/// The number of a proposal.
pub type ProposalId = u32;

/// The fund's running statement: what came in, by source; what went out; what is committed to
/// approved spends not yet paid. The fund holds exactly `total_in() − out`.
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
#[cfg_attr(
	feature = "std",
	serde(
		rename_all = "camelCase",
		bound(
			serialize = "Balance: core::fmt::Display",
			deserialize = "Balance: core::str::FromStr"
		)
	)
)]
pub struct Statement<Balance> {
	/// Put in at genesis.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub endowment: Balance,
	/// Admission fees of new members.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub admission_fees: Balance,
	/// The fund's share of project revenue.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub project_revenue: Balance,
	/// Donations.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub donations: Balance,
	/// Rounding remainders of exact splits.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub remainders: Balance,
	/// Deposits of proposals rejected as spam.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub forfeits: Balance,
	/// Paid out by executed spends.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub out: Balance,
	/// Approved spends not yet paid.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub committed: Balance,
}

impl<Balance: sp_runtime::traits::AtLeast32BitUnsigned + Copy> Statement<Balance> {
	/// The total of one source.
	pub fn source_mut(&mut self, source: Inflow) -> &mut Balance {
		match source {
			Inflow::Endowment => &mut self.endowment,
			Inflow::AdmissionFee => &mut self.admission_fees,
			Inflow::ProjectRevenue => &mut self.project_revenue,
			Inflow::Donation => &mut self.donations,
			Inflow::Remainder => &mut self.remainders,
			Inflow::Forfeit => &mut self.forfeits,
		}
	}

	/// Everything that came in, from every source (saturating: the total issuance bounds it).
	pub fn total_in(&self) -> Balance {
		[
			self.endowment,
			self.admission_fees,
			self.project_revenue,
			self.donations,
			self.remainders,
			self.forfeits,
		]
		.into_iter()
		.fold(Balance::zero(), |total, part| total.saturating_add(part))
	}
}

/// The general meeting's rules for proposals and the fund, set by a motion
/// ([`crate::Pallet::set_parameters`]).
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
// Serde in every build: the parameters are part of the genesis config.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Parameters<Balance, BlockNumber> {
	/// What a proposer holds while a proposal is open.
	pub proposal_deposit: Balance,
	/// How long members vote on a proposal.
	pub voting_period: BlockNumber,
	/// How long an approved proposal waits, open to objection, before it is executed.
	pub grace_period: BlockNumber,
	/// The least turnout (aye, nay and abstain) of the proposal's electorate for a decision.
	pub quorum: Perbill,
	/// The share of ayes among ayes and nays a proposal must exceed to pass.
	pub approval: Perbill,
	/// The share of ayes a large spend or a critical motion must exceed to pass.
	pub super_approval: Perbill,
	/// A spend above this share of the fund is large.
	pub large_spend: Perbill,
	/// The share of the electorate whose objections cancel an approved proposal in its grace.
	pub objection: Perbill,
	/// A proposal with quorum whose nays reach this share of ayes and nays is spam: its
	/// deposit goes to the fund.
	pub spam: Perbill,
	/// What the fund keeps that no spend may touch.
	pub reserve: Balance,
	/// The most that spends approved in one budget period may commit.
	pub budget: Balance,
	/// The length of a budget period.
	pub budget_period: BlockNumber,
}

/// The bounds of every parameter of the general meeting, fixed in the runtime: no motion sets
/// a parameter outside them, so that no motion can make the meeting unable to decide — a
/// threshold it can never exceed, a vote that never ends, an objection threshold that cancels
/// everything, a quorum nobody reaches.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct ParameterLimits<Balance, BlockNumber> {
	/// The least value of each parameter.
	pub min: Parameters<Balance, BlockNumber>,
	/// The greatest value of each parameter.
	pub max: Parameters<Balance, BlockNumber>,
}

/// The spending of the current budget period.
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
pub struct BudgetPeriod<Balance, BlockNumber> {
	/// The block the period began.
	pub start: BlockNumber,
	/// What spends approved in it committed.
	pub spent: Balance,
}

/// What a proposal asks.
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
#[scale_info(skip_type_params(MaxCallLen))]
#[codec(mel_bound(AccountId: MaxEncodedLen, Balance: MaxEncodedLen))]
pub enum ProposalKind<
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxCallLen: Get<u32>,
> {
	/// Pay `amount` from the fund to `beneficiary`, for the reasons in the document hashed
	/// `rationale`.
	#[codec(index = 0)]
	Spend { beneficiary: AccountId, amount: Balance, rationale: H256 },
	/// Execute the SCALE-encoded runtime call `call` with the general meeting's origin.
	#[codec(index = 1)]
	Motion { call: BoundedVec<u8, MaxCallLen>, rationale: H256 },
}

/// A member's vote.
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
pub enum Vote {
	#[codec(index = 0)]
	Aye,
	#[codec(index = 1)]
	Nay,
	#[codec(index = 2)]
	Abstain,
}

/// A vote as stored: the choice, and the membership number it was cast under (so that anyone
/// can check it came from the proposal's electorate, whatever became of the voter since).
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
pub struct Ballot {
	/// Aye, nay or abstain.
	pub vote: Vote,
	/// The voter's membership number.
	pub member: u32,
}

/// The votes cast on a proposal, and the objections to it once approved.
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
pub struct Tally {
	pub ayes: u32,
	pub nays: u32,
	pub abstains: u32,
	pub objections: u32,
}

impl Tally {
	/// Everyone who voted.
	pub fn turnout(&self) -> u32 {
		self.ayes.saturating_add(self.nays).saturating_add(self.abstains)
	}

	/// The count of one kind of vote.
	pub fn count_mut(&mut self, vote: Vote) -> &mut u32 {
		match vote {
			Vote::Aye => &mut self.ayes,
			Vote::Nay => &mut self.nays,
			Vote::Abstain => &mut self.abstains,
		}
	}
}

/// Whether `part` is more than `share` of `whole`, exactly.
pub fn exceeds(part: u32, whole: u32, share: Perbill) -> bool {
	u64::from(part).saturating_mul(u64::from(Perbill::ACCURACY))
		> u64::from(share.deconstruct()).saturating_mul(u64::from(whole))
}

/// Whether `part` is at least `share` of `whole`, exactly.
pub fn reaches(part: u32, whole: u32, share: Perbill) -> bool {
	u64::from(part).saturating_mul(u64::from(Perbill::ACCURACY))
		>= u64::from(share.deconstruct()).saturating_mul(u64::from(whole))
}

/// Where a proposal stands. Every state but `Voting` and `Approved` is final.
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
#[cfg_attr(feature = "std", serde(rename_all = "camelCase", tag = "state"))]
pub enum Status<BlockNumber> {
	/// Members vote until `ends`.
	#[codec(index = 0)]
	Voting { ends: BlockNumber },
	/// Passed; executed at `executes` unless objected to before.
	#[codec(index = 1)]
	Approved { executes: BlockNumber },
	/// Executed at `at`; a motion's call returned `ok`.
	#[codec(index = 2)]
	Executed { at: BlockNumber, ok: bool },
	/// Quorum reached, approval not: rejected at `at`; `spam` when its deposit was forfeited.
	#[codec(index = 3)]
	Rejected { at: BlockNumber, spam: bool },
	/// Closed at `at` without quorum.
	#[codec(index = 4)]
	Expired { at: BlockNumber },
	/// Withdrawn by its proposer before any vote.
	#[codec(index = 5)]
	Cancelled { at: BlockNumber },
	/// Cancelled in its grace by the members' objections.
	#[codec(index = 6)]
	Objected { at: BlockNumber },
	/// Approved, but the fund above its reserve, or the period's budget, could not cover it.
	#[codec(index = 7)]
	Unfunded { at: BlockNumber },
	/// Approved, but paying the beneficiary failed at execution.
	#[codec(index = 8)]
	Failed { at: BlockNumber },
}

impl<BlockNumber> Status<BlockNumber> {
	/// Whether the proposal is still open: voting, or approved and waiting.
	pub fn is_open(&self) -> bool {
		matches!(self, Status::Voting { .. } | Status::Approved { .. })
	}
}

/// A proposal to the general meeting.
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
#[scale_info(skip_type_params(MaxCallLen))]
#[codec(mel_bound(AccountId: MaxEncodedLen, Balance: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct Proposal<
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxCallLen: Get<u32>,
> {
	/// The member who proposed it.
	pub proposer: AccountId,
	/// What the proposer holds until the proposal ends.
	pub deposit: Balance,
	/// A spend or a motion.
	pub kind: ProposalKind<AccountId, Balance, MaxCallLen>,
	/// The block it opened in.
	pub opened: BlockNumber,
	/// How many members could vote on it: the members of voting age when it opened, less
	/// those it concerns.
	pub electorate: u32,
	/// Members numbered below this may vote: those of voting age when it opened.
	pub voters_below: u32,
	/// Members numbered below this had been admitted when it opened (the others are refused
	/// as outside the electorate; those between the two bounds, as too young).
	pub members_below: u32,
	/// The share of ayes it must exceed to pass (the ordinary or the super approval).
	pub approval: Perbill,
	/// The votes and objections.
	pub tally: Tally,
	/// Where it stands.
	pub status: Status<BlockNumber>,
	/// The block whose deadline queue holds it, while open; `None` when every block near its
	/// deadline was full and only [`crate::Pallet::close`] will move it on.
	pub due: Option<BlockNumber>,
}
