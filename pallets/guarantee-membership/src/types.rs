//! The records of the membership pallet.

// The `*NoBound` derives need the field types' bounds on the generics themselves.
#![allow(clippy::multiple_bound_locations)]

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
pub use synergy_primitives::ClassId;

/// A row of the class table: who the class is for, the guarantee each guarantor escrows for a
/// member of it (the member's "quantum of action"), and the admission fee a new member of it
/// brings the common fund.
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
#[scale_info(skip_type_params(MaxNameLen))]
#[codec(mel_bound(Balance: MaxEncodedLen))]
pub struct Class<Balance: Clone + PartialEq + Eq + core::fmt::Debug, MaxNameLen: Get<u32>> {
	/// A human-readable name, e.g. "managers and business people".
	pub name: BoundedVec<u8, MaxNameLen>,
	/// The amount each guarantor escrows for a member of this class.
	pub quantum: Balance,
	/// The admission fee: paid into the common fund when a member of this class is admitted,
	/// by the candidate or by anyone for them. Zero (the seed's pensioners) admits for free.
	pub fee: Balance,
}

/// Where a member stands.
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
pub enum MemberStatus<BlockNumber> {
	/// Guaranteed by at least `MinGuarantors` members.
	#[codec(index = 0)]
	Active,
	/// Left with fewer than `MinGuarantors` guarantors: must find another before `until`, or the
	/// membership lapses.
	#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
	#[codec(index = 1)]
	Grace { until: BlockNumber },
	/// In grace while accused by an open complaint: the grace clock stands still with `left`
	/// blocks to go, and runs on (as `Grace`) when their last case closes. A complaint is
	/// never escaped by letting the membership lapse.
	#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
	#[codec(index = 2)]
	GracePaused { left: BlockNumber },
}

impl<BlockNumber> MemberStatus<BlockNumber> {
	/// Whether the member is in grace, its clock running or stopped.
	pub fn in_grace(&self) -> bool {
		!matches!(self, MemberStatus::Active)
	}
}

/// A member of the cooperative.
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
#[scale_info(skip_type_params(MaxGuarantors))]
#[codec(mel_bound(AccountId: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct MemberRecord<
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxGuarantors: Get<u32>,
> {
	/// The member's class: the quantum each of their guarantors escrows.
	pub class: ClassId,
	/// The membership number: members are numbered in the order they were admitted.
	pub number: u32,
	/// The block the member was admitted in.
	pub since: BlockNumber,
	/// Active, or in grace.
	pub status: MemberStatus<BlockNumber>,
	/// The members who guarantee this one, in the order they did.
	pub guarantors: BoundedVec<AccountId, MaxGuarantors>,
	/// How many members this one guarantees.
	pub proteges: u32,
}

/// An open application: a candidate proposed by a member, gathering guarantees.
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
#[scale_info(skip_type_params(MaxGuarantors))]
#[codec(mel_bound(AccountId: MaxEncodedLen, BlockNumber: MaxEncodedLen, Balance: MaxEncodedLen))]
pub struct Application<
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxGuarantors: Get<u32>,
> {
	/// The class applied for.
	pub class: ClassId,
	/// The members who guarantee the candidate so far, each with a quantum in escrow.
	pub guarantors: BoundedVec<AccountId, MaxGuarantors>,
	/// Whether the candidate has accepted.
	pub accepted: bool,
	/// The block after which the application expires if it is not complete.
	pub expires_at: BlockNumber,
	/// The admission fee due: the class's fee when the application opened.
	pub fee: Balance,
	/// Who paid the fee, if it is due and paid: it waits in the pallet's account until the
	/// admission pays it into the fund, or returns to them if the application closes.
	pub fee_paid_by: Option<AccountId>,
}

/// A deadline the pallet keeps on its own, at the block it falls due.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub enum Deadline<AccountId> {
	/// The application of this candidate expires.
	#[codec(index = 0)]
	ApplicationExpiry(AccountId),
	/// The grace period of this member ends.
	#[codec(index = 1)]
	GraceEnd(AccountId),
}

/// Why a membership ended.
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
pub enum Departure {
	/// The grace period ended without enough guarantors; the person may apply again.
	#[codec(index = 0)]
	Lapsed,
	/// Removed under the regulation (a complaint upheld with revocation).
	#[codec(index = 1)]
	Expelled,
}

/// The defences against a ring of sock puppets buying the general meeting: how fast the
/// cooperative, and each guarantor, may bring people in, and how long a new member waits before
/// voting. The general meeting changes them within the runtime's bounds
/// ([`crate::Config::SafeguardBounds`]).
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
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct Safeguards<BlockNumber> {
	/// The admission period, in blocks: the two counts below start again at each multiple.
	pub period: BlockNumber,
	/// The most guarantees (a proposal counts as one) one member may give in a period. Ending
	/// a guarantee does not give it back.
	pub per_guarantor: u32,
	/// The most applications the cooperative opens in a period, as a share of its members when
	/// the period's first application opened ...
	pub growth: sp_runtime::Perbill,
	/// ... but never fewer than this many, so that a small cooperative can grow.
	pub growth_floor: u32,
	/// How long after admission a member first votes in the general meeting, in blocks.
	pub voting_age: BlockNumber,
}

impl<BlockNumber: PartialOrd + Copy> Safeguards<BlockNumber> {
	/// Whether every field lies between `min`'s and `max`'s.
	pub fn within(&self, min: &Self, max: &Self) -> bool {
		fn between<V: PartialOrd>(value: V, low: V, high: V) -> bool {
			low <= value && value <= high
		}
		between(self.period, min.period, max.period)
			&& between(self.per_guarantor, min.per_guarantor, max.per_guarantor)
			&& between(self.growth, min.growth, max.growth)
			&& between(self.growth_floor, min.growth_floor, max.growth_floor)
			&& between(self.voting_age, min.voting_age, max.voting_age)
	}
}

/// How many guarantees one member, or applications the cooperative, opened in the current
/// admission period.
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
pub struct PeriodCount {
	/// The admission period counted (the block number divided by the period).
	pub period: u32,
	/// How many so far.
	pub count: u32,
	/// For the cooperative's growth: the members when the period's first application opened.
	pub base: u32,
}
