//! The records of the board: categories, listings, responses, and the views auditors read.

// The `NoBound` derives need the bounds on the generics, and the codec derives repeat them.
#![allow(clippy::multiple_bound_locations)]

use alloc::{string::String, vec::Vec};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_core::H256;

pub use synergy_primitives::DealId;

/// The number of a category.
pub type CategoryId = u16;
/// The number of a listing.
pub type ListingId = u64;
/// A region code. [`ANYWHERE`] matches every region.
pub type Region = u16;
/// The region code of a listing that serves every region (delivery, a service online).
pub const ANYWHERE: Region = 0;

/// Whether a listing offers something or asks for it.
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
pub enum Side {
	/// "Offer": what the member has to give.
	#[codec(index = 0)]
	Offer,
	/// "Request": what the member needs.
	#[codec(index = 1)]
	Request,
}

impl Side {
	/// The side a listing of this side is matched with.
	pub fn opposite(self) -> Self {
		match self {
			Self::Offer => Self::Request,
			Self::Request => Self::Offer,
		}
	}
}

/// What a listing's quantity counts.
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
pub enum Unit {
	/// Pieces, heads, items.
	#[codec(index = 0)]
	Piece,
	/// Kilograms.
	#[codec(index = 1)]
	Kilogram,
	/// Litres.
	#[codec(index = 2)]
	Litre,
	/// Metres.
	#[codec(index = 3)]
	Metre,
	/// Hours of work or service.
	#[codec(index = 4)]
	Hour,
	/// Days of work, of a rental.
	#[codec(index = 5)]
	Day,
	/// Months of a rental, of a service.
	#[codec(index = 6)]
	Month,
	/// A whole lot, as described.
	#[codec(index = 7)]
	Lot,
}

/// What a listing asks or offers in return.
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
pub enum Price<Balance> {
	/// So much SYN a unit.
	#[codec(index = 0)]
	PerUnit(
		#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))] Balance,
	),
	/// In kind: goods or work in return, the value agreed when responding.
	#[codec(index = 1)]
	InKind,
}

/// A category of the board: a node of a tree the general meeting keeps.
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
pub struct Category<MaxNameLen: Get<u32>> {
	/// The category it belongs to; `None` at the top.
	pub parent: Option<CategoryId>,
	/// Its name (UTF-8).
	pub name: BoundedVec<u8, MaxNameLen>,
	/// How deep in the tree: 0 at the top.
	pub depth: u8,
	/// Retired by the meeting: nothing new is posted in it or below it.
	pub retired: bool,
}

/// What a member posts, or changes when editing.
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
#[scale_info(skip_type_params(MaxTitleLen))]
pub struct ListingTerms<
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxTitleLen: Get<u32>,
> {
	/// A short title (UTF-8).
	pub title: BoundedVec<u8, MaxTitleLen>,
	/// The hash of the details, kept off chain (photos, description, conditions).
	pub details: H256,
	/// How many units are offered or asked.
	pub quantity: u32,
	/// What a unit is.
	pub unit: Unit,
	/// The price of a unit, or in kind.
	pub price: Price<Balance>,
	/// Where.
	pub region: Region,
	/// The block it expires at: it leaves the board then, its deposit returned.
	pub expires: BlockNumber,
}

/// A listing on the board.
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
#[scale_info(skip_type_params(MaxTitleLen))]
#[codec(mel_bound(AccountId: MaxEncodedLen, Balance: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct Listing<
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxTitleLen: Get<u32>,
> {
	/// Who posted it.
	pub owner: AccountId,
	/// Offer or request.
	pub side: Side,
	/// Its category.
	pub category: CategoryId,
	/// What it offers or asks; `terms.quantity` is what is still open.
	pub terms: ListingTerms<Balance, BlockNumber, MaxTitleLen>,
	/// Of the open quantity, how much is in deals responded to it that have not ended yet.
	pub committed: u32,
	/// The deposit held for it.
	pub deposit: Balance,
	/// The block it was posted in.
	pub posted: BlockNumber,
}

/// What a response agreed, for a listing priced in kind: the value the deal insures.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct ResponseTerms<Balance> {
	/// The deal's value: required for a listing in kind; for a priced one, if given, it must be
	/// the price times the quantity.
	pub value: Option<Balance>,
	/// The hash of the terms agreed off chain (delivery, quality), the deal's terms.
	pub details: H256,
}

/// A deal opened by responding to a listing, while it runs.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct Response {
	/// The listing responded to.
	pub listing: ListingId,
	/// The quantity the deal takes from it.
	pub quantity: u32,
}

/// A category as auditors read it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct CategoryView {
	/// Its number.
	pub id: CategoryId,
	/// Its parent's number.
	pub parent: Option<CategoryId>,
	/// Its name.
	pub name: String,
	/// Its depth: 0 at the top.
	pub depth: u8,
	/// Whether it is retired (itself or a category above it).
	pub retired: bool,
}

/// A listing as the board shows it.
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
pub struct ListingView<AccountId, Balance, BlockNumber> {
	/// Its number.
	pub id: ListingId,
	/// Who posted it.
	pub owner: AccountId,
	/// Offer or request.
	pub side: Side,
	/// Its category.
	pub category: CategoryId,
	/// Its title.
	pub title: String,
	/// The hash of its details.
	pub details: H256,
	/// The quantity still open.
	pub quantity: u32,
	/// Of it, in deals that have not ended.
	pub committed: u32,
	/// What a unit is.
	pub unit: Unit,
	/// The price of a unit, or in kind.
	pub price: Price<Balance>,
	/// Where.
	pub region: Region,
	/// The block it expires at.
	pub expires: BlockNumber,
	/// The deposit held for it.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub deposit: Balance,
	/// The block it was posted in.
	pub posted: BlockNumber,
}

/// A page of the board.
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
pub struct BoardPage<AccountId, Balance, BlockNumber> {
	/// The listings of the page, newest first.
	pub listings: Vec<ListingView<AccountId, Balance, BlockNumber>>,
	/// The page's number, from 0.
	pub page: u32,
	/// Whether a further page has listings.
	pub more: bool,
	/// Whether the query met the bound of listings one query reads ([`crate::MAX_SCANNED`]):
	/// then only the newest of that many were ordered and paged.
	pub truncated: bool,
}

/// How far a member stands from another in the guarantor graph, and what their record says:
/// the parts of a match's score (docs/board.md gives the formula).
#[derive(Clone, PartialEq, Eq, Debug, Default, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct Score {
	/// The counterparty's deals completed (every insured deal on the chain).
	pub deals_completed: u32,
	/// Complaints filed against them.
	pub complaints_received: u32,
	/// Of them, upheld.
	pub complaints_upheld: u32,
	/// Complaints upheld against their guarantors, summed.
	pub guarantors_upheld: u32,
	/// Their guarantors banned from guaranteeing.
	pub guarantors_banned: u32,
	/// Whether they are banned from guaranteeing.
	pub banned: bool,
	/// Handshakes between the two in the guarantor graph (guarantees either way), if within
	/// [`crate::MAX_HANDSHAKES`].
	pub handshakes: Option<u8>,
	/// The deal's value, if known: the smaller quantity at the priced side's price.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_option_balance"))]
	pub deal_value: Option<u128>,
	/// Whether their insured quantum and headroom cover a deal of that value (`None` when the
	/// value is not known: both sides in kind).
	pub covered: Option<bool>,
	/// Points for the record: deals completed, less complaints and bans.
	pub record_points: i32,
	/// Points for their guarantors' record.
	pub guarantor_points: i32,
	/// Points for nearness in the graph.
	pub nearness_points: i32,
	/// Points for the escrow's cover of the deal.
	pub cover_points: i32,
	/// The score: [`crate::BASE_SCORE`] plus the points, at least 0.
	pub total: u32,
}

/// A listing matched with another, and why it ranks where it does.
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
pub struct MatchView<AccountId, Balance, BlockNumber> {
	/// The listing matched for.
	pub for_listing: ListingId,
	/// The opposite listing.
	pub listing: ListingView<AccountId, Balance, BlockNumber>,
	/// Its owner's score, with its parts.
	pub score: Score,
}

/// What to match: a listing's opposites, or those of every open listing of an account.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub enum MatchFor<AccountId> {
	/// One listing.
	#[codec(index = 0)]
	Listing(ListingId),
	/// Every open listing of an account.
	#[codec(index = 1)]
	Account(AccountId),
}
