//! # Synergy primitives
//!
//! The small traits through which Synergy's pallets talk to each other, wired in the runtime's
//! configs. No pallet reads another's storage: each asks through one of these, so that each can
//! be tested with a mock of the others.
//!
//! | trait | implemented by | used by |
//! |---|---|---|
//! | [`MembershipInspect`] | membership by guarantee | escrow, complaints, fund voting, contributions |
//! | [`GuaranteeAges`] | membership by guarantee | complaints |
//! | [`GuaranteeEscrow`] | escrowed deposit quanta | membership by guarantee |
//! | [`BlockedInspect`] | complaints | membership by guarantee, escrow |
//! | [`OnTopUpMissed`] | membership by guarantee | escrow |
//! | [`Expel`] | membership by guarantee | complaints |
//! | [`DisputeEscrow`] | escrowed deposit quanta | complaints |
//! | [`ReferToMeeting`] | fund voting | complaints |
//! | [`OnAccusation`] | membership by guarantee | complaints |
//! | [`CommonFund`] | fund voting | membership by guarantee, contributions |
//! | [`InsuredDeals`] | escrowed deposit quanta | board |
//! | [`OnDealEnded`] | board | escrowed deposit quanta |
//! | [`ConductInspect`] | complaints | board |

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod deadlines;
#[cfg(feature = "test-doubles")]
pub mod doubles;
pub use deadlines::{DeadlineQueue, Due, Filed};

use alloc::vec::Vec;
use codec::{Decode, Encode, FullCodec};
use frame_support::{storage::StorageMap, traits::Get, BoundedVec};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{One, Saturating},
	DispatchError, DispatchResult,
};

/// A membership class: a row of the class table (name, guarantee quantum).
pub type ClassId = u16;

/// The number of an insured deal.
pub type DealId = u64;

/// The number of a complaint case.
pub type CaseId = u32;

/// What other pallets may ask about the cooperative's members.
pub trait MembershipInspect<AccountId> {
	/// Whether `who` is a member (active or in grace).
	fn is_member(who: &AccountId) -> bool;
	/// Whether `who` is a member who may act: a member, not blocked.
	fn is_in_good_standing(who: &AccountId) -> bool;
	/// The class of member `who`.
	fn class_of(who: &AccountId) -> Option<ClassId>;
	/// The members who guarantee `who` (at most the configured bound).
	fn guarantors_of(who: &AccountId) -> Vec<AccountId>;
	/// The number of members.
	fn member_count() -> u32;
	/// The membership number of member `who`: members are numbered in the order they were
	/// admitted, from zero, and a number is never given twice.
	fn membership_number(who: &AccountId) -> Option<u32>;
	/// The number the next admitted member will get: every member numbered below it was
	/// admitted before now.
	fn next_membership_number() -> u32;
	/// The members who may vote in the general meeting now: those admitted at least the voting
	/// age ago. Without a voting age, every member.
	fn electorate() -> Electorate {
		Electorate { below: Self::next_membership_number(), count: Self::member_count() }
	}
	/// The members and candidates `who` guarantees (at most the configured bound of protégés).
	fn proteges_of(_who: &AccountId) -> Vec<AccountId> {
		Vec::new()
	}
}

/// Who may vote in the general meeting: the members numbered below `below` — admitted long
/// enough ago — of whom `count` are members still.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	codec::DecodeWithMemTracking,
	codec::MaxEncodedLen,
	TypeInfo,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct Electorate {
	/// Every member numbered below this one is old enough to vote.
	pub below: u32,
	/// How many of them are members still.
	pub count: u32,
}

/// When guarantees began: a complaint's panels are drawn only from guarantees older than the
/// disputed deal, so that nobody can seat a panel after the fact.
pub trait GuaranteeAges<AccountId, BlockNumber> {
	/// The guarantors of `who` whose guarantee began before block `before` (at most the
	/// configured bound of guarantors).
	fn guarantors_before(who: &AccountId, before: BlockNumber) -> Vec<AccountId>;
}

/// The escrow behind guarantees: the money a guarantor puts up for a protégé.
///
/// The membership pallet decides who guarantees whom; the escrow pallet holds the money.
pub trait GuaranteeEscrow<AccountId, Balance> {
	/// Moves `amount` from `guarantor`'s free balance into escrow for `protege`.
	fn lock(guarantor: &AccountId, protege: &AccountId, amount: Balance) -> DispatchResult;
	/// Whether the escrow of `guarantor` for `protege` may be released now by the guarantor's
	/// choice (it is not frozen by a complaint, nor committed to open insured deals).
	fn ensure_releasable(guarantor: &AccountId, protege: &AccountId) -> DispatchResult;
	/// Ends the escrow of `guarantor` for `protege`, whatever ended the guarantee: returns to
	/// the guarantor what the protégé's deals and cases do not need (all of it stays while the
	/// protégé is accused), keeping the rest held until they close. Returns the amount released.
	fn release(guarantor: &AccountId, protege: &AccountId) -> Result<Balance, DispatchError>;
	/// The escrow behind `protege` and what it insures now.
	fn standing(protege: &AccountId) -> EscrowStanding<Balance>;
	/// Whether anything of a membership of `who` is still settling: escrow behind them, open or
	/// recent deals, an open case. A former member is not admitted again until none is, so
	/// that a new membership's guarantors never answer for an old one.
	fn has_commitments(who: &AccountId) -> bool;
}

/// The escrow behind a member and what it insures, as auditors read it.
#[derive(Clone, PartialEq, Eq, Debug, Default, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "Balance: core::fmt::Display",
		deserialize = "Balance: core::str::FromStr"
	))
)]
pub struct EscrowStanding<Balance> {
	/// The total escrowed behind the member by all their guarantors.
	#[cfg_attr(feature = "std", serde(with = "serde_balance"))]
	pub behind: Balance,
	/// The sum of the member's open deals and of the deals they proposed.
	#[cfg_attr(feature = "std", serde(with = "serde_balance"))]
	pub exposure: Balance,
	/// The sum of the member's completed deals still open to complaints: the escrow that
	/// insured them stays held until they are forgotten.
	#[cfg_attr(feature = "std", serde(with = "serde_balance"))]
	pub settling: Balance,
	/// How much more the member may commit to deals: `behind − exposure`.
	#[cfg_attr(feature = "std", serde(with = "serde_balance"))]
	pub headroom: Balance,
	/// The largest single deal the member may make: the smallest escrow one guarantor holds.
	#[cfg_attr(feature = "std", serde(with = "serde_balance"))]
	pub insured_quantum: Balance,
	/// Whether a complaint has frozen the escrow.
	pub frozen: bool,
}

/// Whether an account is blocked by an open complaint.
pub trait BlockedInspect<AccountId> {
	/// Whether `who` is blocked: no new deals, guarantees or revocations by or of them.
	fn is_blocked(who: &AccountId) -> bool;
	/// Whether the guarantee of `guarantor` for `protege` is under review by an open case
	/// (the guarantor sits on its panel for that protégé): it cannot be revoked.
	fn is_under_review(guarantor: &AccountId, protege: &AccountId) -> bool;
	/// Whether `who` is banned from guaranteeing (their protégés failed too often, or they let
	/// too many panels pass): no new proposals or guarantees by them.
	fn is_banned(_who: &AccountId) -> bool {
		false
	}
}

/// No complaints pallet: nobody is blocked.
impl<AccountId> BlockedInspect<AccountId> for () {
	fn is_blocked(_: &AccountId) -> bool {
		false
	}

	fn is_under_review(_: &AccountId, _: &AccountId) -> bool {
		false
	}
}

/// Removing a member under the regulation.
pub trait Expel<AccountId> {
	/// Expels member `who`: their membership ends and the guarantees they gave end in bounded
	/// pages.
	fn expel(who: &AccountId) -> DispatchResult;
	/// Ends `guarantor`'s guarantee of member `protege`, who refused to answer for them in a
	/// complaint: the guarantor loses guarantor status towards them (the escrow stays held as
	/// far as the protégé's deals and cases need it); the protégé, left short, enters grace.
	fn forfeit_guarantee(guarantor: &AccountId, protege: &AccountId) -> DispatchResult;
}

/// A deal as a complaint sees it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct DealSummary<AccountId, Balance, BlockNumber> {
	/// Who opened it.
	pub initiator: AccountId,
	/// Who accepted it.
	pub counterparty: AccountId,
	/// Its value.
	pub amount: Balance,
	/// The block it was opened (proposed) in: only guarantees older than the deal sit on the
	/// panels of a complaint about it.
	pub opened_at: BlockNumber,
	/// `None` while it is open; the block it completed in, after.
	pub completed_at: Option<BlockNumber>,
}

/// What the complaints pallet needs of the escrow.
pub trait DisputeEscrow<AccountId, Balance, BlockNumber> {
	/// Deal `id`, if it is open (accepted) or completed recently enough to be complained about.
	fn deal(id: DealId) -> Option<DealSummary<AccountId, Balance, BlockNumber>>;
	/// Ends open deal `id` without completing it (it is disputed), lowering both parties'
	/// exposure. Nothing if it is not open. Called after any compensation about it is paid.
	fn close_disputed(id: DealId);
	/// Freezes the escrow behind `who` (they are accused): no guarantee of theirs can be
	/// revoked, and whatever ends one, its escrow stays until `unfreeze`.
	fn freeze(who: &AccountId);
	/// Unfreezes the escrow behind `who` (their last case closed).
	fn unfreeze(who: &AccountId);
	/// Whether the escrow behind `who` is frozen.
	fn is_frozen(who: &AccountId) -> bool;
	/// The most a compensation about deal `deal` may take from the escrow behind `accused`:
	/// the escrow behind them that their other open deals do not need.
	fn compensable(accused: &AccountId, deal: DealId) -> Balance;
	/// Pays exactly `amount` from the escrow behind `accused` to `injured`, split across the
	/// guarantors by the escrow's rule; nothing moves unless all of it can.
	fn compensate(accused: &AccountId, injured: &AccountId, amount: Balance) -> DispatchResult;
	/// [`Self::compensate`], the escrow of the guarantors in `first` paying first (each all
	/// they hold behind `accused`, in turn), the others sharing what remains.
	fn compensate_first(
		accused: &AccountId,
		injured: &AccountId,
		amount: Balance,
		first: &[AccountId],
	) -> DispatchResult {
		let _ = first;
		Self::compensate(accused, injured, amount)
	}
}

/// Told when a member becomes accused (their first open complaint) and when they are cleared
/// (their last one closed): the regulation's clocks that run against them stop meanwhile.
pub trait OnAccusation<AccountId> {
	/// `who` is accused by an open complaint.
	fn accused(who: &AccountId);
	/// No open complaint accuses `who` any more.
	fn cleared(who: &AccountId);
}

/// Nobody is told.
impl<AccountId> OnAccusation<AccountId> for () {
	fn accused(_: &AccountId) {}
	fn cleared(_: &AccountId) {}
}

/// The general meeting, for a complaint that reached the top of the guarantor graph: it opens
/// a motion of its own for each of the side's options (calls that decide the side), with the
/// parties recused, so that nobody needs to propose one.
pub trait ReferToMeeting<Call> {
	/// Side `side` of case `case` reached the general vote; `options` are the calls that
	/// decide it, one motion each. Returns the motions opened (none where a motion could not
	/// open: the side is then dismissed when its general vote lapses).
	fn refer(case: CaseId, side: u8, options: Vec<Call>) -> Vec<u32>;
}

/// No general meeting: nothing opens, and the side lapses at its deadline.
impl<Call> ReferToMeeting<Call> for () {
	fn refer(_: CaseId, _: u8, _: Vec<Call>) -> Vec<u32> {
		Vec::new()
	}
}

/// Where money paid into the common fund came from: the fund's statement keeps a total per
/// source.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	codec::DecodeWithMemTracking,
	TypeInfo,
	codec::MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub enum Inflow {
	/// What the chain's genesis put in the fund.
	#[codec(index = 0)]
	Endowment,
	/// The admission fee of a new member's class, paid by them or for them.
	#[codec(index = 1)]
	AdmissionFee,
	/// The common fund's fixed share of a project's revenue.
	#[codec(index = 2)]
	ProjectRevenue,
	/// A gift from anyone.
	#[codec(index = 3)]
	Donation,
	/// What an exact split could not give to anyone: the units left by rounding.
	#[codec(index = 4)]
	Remainder,
	/// The deposit of a proposal rejected as spam.
	#[codec(index = 5)]
	Forfeit,
}

/// The cooperative's common fund, for the pallets that pay into it.
pub trait CommonFund<AccountId, Balance> {
	/// Moves `amount` from `from` into the fund, recorded under `source`. Nothing moves on
	/// error.
	/// A zero amount moves nothing.
	fn pay_in(from: &AccountId, amount: Balance, source: Inflow) -> DispatchResult;
}

/// No fund: nothing is charged and nothing moves.
impl<AccountId, Balance> CommonFund<AccountId, Balance> for () {
	fn pay_in(_: &AccountId, _: Balance, _: Inflow) -> DispatchResult {
		Ok(())
	}
}

/// Insured deals opened by another pallet for a member: the board's one-step response to a
/// listing opens one as if the member had called the escrow's `open_deal`, every rule of the
/// escrow applying (membership, blocks, the insured quantum, exposure, deal slots).
pub trait InsuredDeals<AccountId, Balance> {
	/// Proposes a deal of `amount` from `initiator` to `counterparty` on the terms hashed as
	/// `terms`; returns its number. Nothing changes on error.
	fn open(
		initiator: &AccountId,
		counterparty: &AccountId,
		amount: Balance,
		terms: sp_core::H256,
	) -> Result<DealId, DispatchError>;
	/// The escrow behind `who` and what it insures now.
	fn standing(who: &AccountId) -> EscrowStanding<Balance>;
}

/// Told when an insured deal ends, however it ends.
pub trait OnDealEnded<AccountId> {
	/// Deal `deal` between `initiator` and `counterparty` completed.
	fn completed(deal: DealId, initiator: &AccountId, counterparty: &AccountId);
	/// Deal `deal` ended without completing: cancelled, expired unanswered, or disputed.
	fn closed(deal: DealId);
	/// The most either of the two may weigh: the escrow charges it on every call and hook
	/// that ends a deal.
	fn weight() -> frame_support::weights::Weight {
		frame_support::weights::Weight::zero()
	}
}

/// Nobody is told.
impl<AccountId> OnDealEnded<AccountId> for () {
	fn completed(_: DealId, _: &AccountId, _: &AccountId) {}
	fn closed(_: DealId) {}
}

/// What the complaints pallet knows of a member's conduct, for those who weigh whom to trust.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct Conduct {
	/// Complaints filed against them.
	pub received: u32,
	/// Complaints against them that were upheld.
	pub upheld: u32,
	/// Complaints upheld against the members they guarantee.
	pub proteges_upheld: u32,
	/// Whether they are banned from guaranteeing now.
	pub banned: bool,
}

/// A member's conduct as the complaints pallet records it.
pub trait ConductInspect<AccountId> {
	/// The conduct of `who`.
	fn conduct(who: &AccountId) -> Conduct;
}

/// No complaints pallet: a clean record for everyone.
impl<AccountId> ConductInspect<AccountId> for () {
	fn conduct(_: &AccountId) -> Conduct {
		Conduct::default()
	}
}

/// What happens to a guarantee whose guarantor did not top the escrow back up in time after a
/// compensation was paid from it: the guarantee lapses.
pub trait OnTopUpMissed<AccountId> {
	/// `guarantor` did not top up their escrow for `protege` in time.
	fn top_up_missed(guarantor: &AccountId, protege: &AccountId);
}

/// Nobody is told: the reduced escrow simply stays.
impl<AccountId> OnTopUpMissed<AccountId> for () {
	fn top_up_missed(_: &AccountId, _: &AccountId) {}
}

/// How many blocks past its own a deadline may be filed when the queues of those blocks are
/// full.
pub const DEADLINE_SPILL: u32 = 16;

/// Files `item` in the deadline queue `Queue` (block number → bounded list of due items) at
/// block `at` or, when that block's list is full, at the first of the following
/// [`DEADLINE_SPILL`] blocks with room. Returns the block it was filed at, or `None` when every
/// one of them was full.
///
/// Each block's list is bounded, so the work a block's hook does on its due items is bounded; a
/// burst of deadlines spills over the next blocks instead of being refused.
pub fn file_deadline<Queue, BlockNumber, Item, Bound>(
	at: BlockNumber,
	item: Item,
) -> Option<BlockNumber>
where
	Queue: StorageMap<BlockNumber, BoundedVec<Item, Bound>, Query = BoundedVec<Item, Bound>>,
	BlockNumber: FullCodec + Clone + One + Saturating,
	Item: FullCodec + Clone,
	Bound: Get<u32>,
{
	let mut block = at;
	for _ in 0..DEADLINE_SPILL {
		if Queue::mutate(block.clone(), |due| due.try_push(item.clone()).is_ok()) {
			return Some(block);
		}
		block.saturating_inc();
	}
	None
}

/// Optional balances in JSON as a decimal string or `null` (see [`serde_balance`]).
#[cfg(feature = "std")]
pub mod serde_option_balance {
	use serde::{Deserialize, Deserializer, Serializer};

	/// Writes `value` as a decimal string, or `null`.
	pub fn serialize<S: Serializer, T: core::fmt::Display>(
		value: &Option<T>,
		serializer: S,
	) -> Result<S::Ok, S::Error> {
		match value {
			Some(value) => serializer.serialize_str(&value.to_string()),
			None => serializer.serialize_none(),
		}
	}

	/// Reads a decimal string, or `null`.
	pub fn deserialize<'de, D: Deserializer<'de>, T: core::str::FromStr>(
		deserializer: D,
	) -> Result<Option<T>, D::Error> {
		Option::<String>::deserialize(deserializer)?
			.map(|text| {
				text.parse::<T>().map_err(|_| serde::de::Error::custom("not a decimal balance"))
			})
			.transpose()
	}
}

/// Balances in JSON as decimal strings: clients such as JavaScript's lose precision on numbers
/// above 2^53, and a balance of 12 decimals passes that at about 9 007 tokens.
#[cfg(feature = "std")]
pub mod serde_balance {
	use serde::{Deserialize, Deserializer, Serializer};

	/// Writes `value` as a decimal string.
	pub fn serialize<S: Serializer, T: core::fmt::Display>(
		value: &T,
		serializer: S,
	) -> Result<S::Ok, S::Error> {
		serializer.serialize_str(&value.to_string())
	}

	/// Reads a decimal string.
	pub fn deserialize<'de, D: Deserializer<'de>, T: core::str::FromStr>(
		deserializer: D,
	) -> Result<T, D::Error> {
		let text = String::deserialize(deserializer)?;
		text.parse::<T>().map_err(|_| serde::de::Error::custom("not a decimal balance"))
	}
}
