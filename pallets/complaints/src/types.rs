//! The records of the complaints pallet.

// The `*NoBound` derives need the field types' bounds on the generics themselves.
#![allow(clippy::multiple_bound_locations)]

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_core::H256;
pub use synergy_primitives::{CaseId, DealId};

/// What a panel member votes for one side of a case, and what a side is decided as.
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
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "Balance: core::fmt::Display",
		deserialize = "Balance: core::str::FromStr"
	))
)]
pub enum Verdict<Balance> {
	/// Pay this amount (at most the deal's) from the escrow behind the accused to the
	/// complainant.
	#[codec(index = 0)]
	Compensate(
		#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))] Balance,
	),
	/// The complaint is unfounded; it counts against the complainant's record.
	#[codec(index = 1)]
	Dismiss,
	/// Pay this amount, then the guarantors withdraw: the accused is expelled.
	#[codec(index = 2)]
	Revoke(#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))] Balance),
}

impl<Balance: Copy> Verdict<Balance> {
	/// The compensation this verdict pays, if any.
	pub fn compensation(&self) -> Option<Balance> {
		match self {
			Verdict::Compensate(amount) | Verdict::Revoke(amount) => Some(*amount),
			Verdict::Dismiss => None,
		}
	}
}

/// Who decides a side of a case now.
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
pub enum Stage<BlockNumber> {
	/// A panel of guarantors at `level` (0: the accused's own guarantors), until `deadline`.
	#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
	#[codec(index = 0)]
	Panel { level: u32, deadline: BlockNumber },
	/// The top of the guarantor graph: the general vote of all members decides, by `until`;
	/// then the side is dismissed.
	#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
	#[codec(index = 1)]
	GeneralVote { until: BlockNumber },
	/// Decided, or withdrawn by the complainant, and applied.
	#[codec(index = 2)]
	Done,
	/// Decided for a compensation that could not be paid yet (the complainant's account
	/// cannot receive it, for instance): the accused stays blocked and the escrow behind them
	/// frozen; the payment is tried again at `retry_at`, or sooner by anyone.
	#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
	#[codec(index = 3)]
	Paying { retry_at: BlockNumber },
}

/// How a side of a case ended.
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
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "Balance: core::fmt::Display",
		deserialize = "Balance: core::str::FromStr"
	))
)]
pub enum Outcome<Balance> {
	/// Decided, at this level (`None`: by the general vote).
	#[codec(index = 0)]
	Decided { verdict: Verdict<Balance>, level: Option<u32> },
	/// The complainant withdrew the complaint.
	#[codec(index = 1)]
	Withdrawn,
}

/// One complaint of a case: a complainant against an accused, and who decides it.
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
#[scale_info(skip_type_params(MaxPanel))]
#[codec(mel_bound(
	AccountId: MaxEncodedLen,
	Balance: MaxEncodedLen,
	BlockNumber: MaxEncodedLen
))]
pub struct Side<
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxPanel: Get<u32>,
> {
	/// Who complained.
	pub complainant: AccountId,
	/// Who the complaint is against.
	pub accused: AccountId,
	/// The hash of evidence kept off chain, if any; no reason is required.
	pub evidence: Option<H256>,
	/// Who decides now, and until when.
	pub stage: Stage<BlockNumber>,
	/// The panel of the current level: guarantors, each sitting for the member they guarantee
	/// (the accused at level 0, a member of the previous panel above).
	pub panel: BoundedVec<(AccountId, AccountId), MaxPanel>,
	/// How it ended, once it has.
	pub outcome: Option<Outcome<Balance>>,
	/// What the compensation actually paid, once paid.
	pub paid: Balance,
	/// The most a compensation could take from the escrow behind the accused when the
	/// complaint was filed: a decided compensation pays all of it unless this was smaller.
	pub insured: Balance,
	/// The complaint bond held from the complainant while the side is open (kept after, to
	/// show what was staked): returned when the side is upheld or withdrawn before its first
	/// deadline, paid to the accused otherwise.
	pub bond: Balance,
}

/// A case: one or two complaints about one deal (a complaint and the counter-complaint),
/// decided together.
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
#[scale_info(skip_type_params(MaxPanel))]
#[codec(mel_bound(
	AccountId: MaxEncodedLen,
	Balance: MaxEncodedLen,
	BlockNumber: MaxEncodedLen
))]
pub struct Case<
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxPanel: Get<u32>,
> {
	/// The deal disputed.
	pub deal: DealId,
	/// The deal's amount: the most a compensation may be.
	pub amount: Balance,
	/// When the deal was opened: only guarantees older than it sit on the case's panels.
	pub deal_opened: BlockNumber,
	/// The complaint, then the counter-complaint if any.
	pub sides: BoundedVec<
		Side<AccountId, Balance, BlockNumber, MaxPanel>,
		frame_support::traits::ConstU32<2>,
	>,
	/// When the case was opened.
	pub opened_at: BlockNumber,
	/// When it closed; `None` while it is open.
	pub closed_at: Option<BlockNumber>,
}

/// Why an account is blocked by a case.
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
pub enum BlockReason {
	/// Accused: no new deals, guarantees or revocations by or of them; escrow frozen.
	#[codec(index = 0)]
	Accused,
	/// Drawn into a panel: the guarantee they sit for cannot be revoked.
	#[codec(index = 1)]
	Panel,
}

/// A member's record, the cooperative's rating: what anyone can read about how they behave
/// in complaints, as a party, as a panel member and as a guarantor.
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
pub struct Record {
	/// Complaints they filed.
	pub filed: u32,
	/// Complaints filed against them.
	pub received: u32,
	/// Complaints against them that were upheld (compensation or revocation).
	pub upheld: u32,
	/// Complaints they filed that were dismissed.
	pub dismissed: u32,
	/// Panels they were drawn into.
	pub panels: u32,
	/// Panels whose deadline passed without their vote.
	pub strikes: u32,
	/// Complaints upheld against members they guarantee (directly).
	pub proteges_upheld: u32,
	/// Decisions of panels they sat on that went against their vote.
	pub dissents: u32,
}

/// Why a member was banned from guaranteeing.
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
pub enum BanReason {
	/// Too many upheld complaints against their protégés.
	#[codec(index = 0)]
	ProtegesUpheld,
	/// Too many panels let pass without a vote.
	#[codec(index = 1)]
	Strikes,
}

/// A ban from guaranteeing: from when, until when, why.
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
pub struct Ban<BlockNumber> {
	/// The block it began in.
	pub from: BlockNumber,
	/// The first block the member may guarantee again.
	pub until: BlockNumber,
	/// Why.
	pub reason: BanReason,
}

/// What counts towards a ban in a member's current record window.
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
pub struct WindowCount<BlockNumber> {
	/// The block the window began in.
	pub start: BlockNumber,
	/// Upheld complaints against their protégés in it.
	pub upheld: u32,
	/// Their strikes in it.
	pub strikes: u32,
	/// Complaints they filed that were dismissed in it.
	pub dismissed: u32,
}

/// A bar from filing complaints: from when, until when.
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
pub struct FilingBar<BlockNumber> {
	/// The block it began in: the one that dismissed the complaint that reached the limit.
	pub from: BlockNumber,
	/// The first block the member may file again.
	pub until: BlockNumber,
}
