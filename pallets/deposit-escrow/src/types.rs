//! The records of the escrow pallet.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::H256;
use synergy_primitives::EscrowStanding;

pub use synergy_primitives::DealId;

/// One guarantor's escrow behind one protégé.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "Balance: core::fmt::Display, BlockNumber: serde::Serialize",
		deserialize = "Balance: core::str::FromStr, BlockNumber: serde::Deserialize<'de>"
	))
)]
pub struct EscrowRecord<Balance, BlockNumber> {
	/// What is held now.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub held: Balance,
	/// What the guarantee is for: the class quantum when it was given. After a compensation
	/// `held` is below it until the guarantor tops up.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub quantum: Balance,
	/// After a compensation: the block by which the guarantor must top up, or the guarantee
	/// lapses.
	pub top_up_by: Option<BlockNumber>,
	/// After a compensation, while the protégé is accused: the blocks left to top up. The
	/// clock stops while a complaint against the protégé is open, and runs on when the last
	/// one closes (then [`Self::top_up_by`] is set again).
	pub top_up_paused: Option<BlockNumber>,
	/// The guarantee has ended (revoked, the guarantor departed, the protégé departed, or a
	/// top-up was missed) while the escrow was still needed: by the protégé's open deals, by
	/// their completed deals still open to complaints, or by an open complaint against them.
	/// What is held stays, insuring those, and returns to the guarantor as they close.
	pub ended: bool,
}

/// Where a deal stands.
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
pub enum DealStatus<BlockNumber> {
	/// Opened by the initiator, waiting for the counterparty.
	#[codec(index = 0)]
	Proposed,
	/// Accepted by both; completes when both confirm, or on its own at `completes_at`.
	#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
	#[codec(index = 1)]
	Open { completes_at: BlockNumber },
	/// Completed at block `at`; kept for [`crate::SettledPeriod`] so that a party may
	/// still complain about it, then forgotten (its record lives in the events).
	#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
	#[codec(index = 2)]
	Completed { at: BlockNumber },
}

/// An insured deal between two members.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "AccountId: serde::Serialize, Balance: core::fmt::Display, BlockNumber: serde::Serialize",
		deserialize = "AccountId: serde::Deserialize<'de>, Balance: core::str::FromStr, BlockNumber: serde::Deserialize<'de>"
	))
)]
pub struct Deal<AccountId, Balance, BlockNumber> {
	/// Who opened it.
	pub initiator: AccountId,
	/// Who it was opened with.
	pub counterparty: AccountId,
	/// Its value: at most the insured quantum of either party.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub amount: Balance,
	/// The hash of the terms the parties agreed off chain.
	pub terms: H256,
	/// Proposed or open.
	pub status: DealStatus<BlockNumber>,
	/// The block it was proposed in.
	pub opened_at: BlockNumber,
	/// Whether the initiator has confirmed completion.
	pub initiator_confirmed: bool,
	/// Whether the counterparty has confirmed completion.
	pub counterparty_confirmed: bool,
}

impl<AccountId: PartialEq, Balance, BlockNumber> Deal<AccountId, Balance, BlockNumber> {
	/// Whether `who` is one of the two parties.
	pub fn is_party(&self, who: &AccountId) -> bool {
		&self.initiator == who || &self.counterparty == who
	}

	/// The parties whose exposure and deal slots the deal counts against: a proposal, only the
	/// initiator's; an open deal, both.
	pub fn parties_charged(&self) -> Vec<&AccountId> {
		match self.status {
			DealStatus::Proposed => alloc::vec![&self.initiator],
			_ => alloc::vec![&self.initiator, &self.counterparty],
		}
	}
}

/// A deal with its number, as the runtime API returns it.
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
pub struct DealView<AccountId, Balance, BlockNumber> {
	/// The deal's number.
	pub id: DealId,
	/// The deal.
	#[cfg_attr(feature = "std", serde(flatten))]
	pub deal: Deal<AccountId, Balance, BlockNumber>,
}

/// One guarantor's escrow behind a member, as the runtime API returns it.
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
pub struct GuaranteeEscrowView<AccountId, Balance, BlockNumber> {
	/// The guarantor.
	pub guarantor: AccountId,
	/// Their escrow.
	#[cfg_attr(feature = "std", serde(flatten))]
	pub escrow: EscrowRecord<Balance, BlockNumber>,
}

/// The escrow behind a member, guarantor by guarantor, and the deals it insures.
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
pub struct EscrowView<AccountId, Balance, BlockNumber> {
	/// The totals: behind, exposure, headroom, insured quantum, frozen.
	#[cfg_attr(feature = "std", serde(flatten))]
	pub standing: EscrowStanding<Balance>,
	/// Each guarantor's escrow.
	pub guarantees: Vec<GuaranteeEscrowView<AccountId, Balance, BlockNumber>>,
	/// The member's proposed and open deals.
	pub deals: Vec<DealId>,
}

/// What a party must still do for a deal: accept it, or confirm it completed.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub enum DealAction {
	/// Accept (or decline) a deal proposed to them.
	Accept,
	/// Confirm an open deal completed (it completes on its own at the deadline otherwise).
	Confirm,
}

/// A deal waiting for one of its parties.
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
pub struct DealDue<AccountId, Balance, BlockNumber> {
	/// The deal.
	pub deal: DealId,
	/// What the party must do.
	pub action: DealAction,
	/// The other party.
	pub with: AccountId,
	/// The deal's value.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub amount: Balance,
	/// Until when: a proposal expires then unanswered; an open deal completes on its own then
	/// (after a burst of deadlines in one block, the queue may reach it a few blocks later).
	pub by: BlockNumber,
}

/// A top-up a guarantor owes behind a protégé after a compensation, or lose the guarantee.
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
pub struct TopUpDue<AccountId, Balance, BlockNumber> {
	/// The protégé.
	pub protege: AccountId,
	/// What brings the escrow back to the guarantee's quantum.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub owed: Balance,
	/// The block by which to top up; `None` while a complaint against the protégé stops the
	/// clock.
	pub by: Option<BlockNumber>,
	/// While the clock is stopped: the blocks that will be left once it runs again.
	pub paused_left: Option<BlockNumber>,
}
