//! The records of the escrow pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::H256;

/// The number of a deal.
pub type DealId = u64;

/// One guarantor's escrow behind one protégé.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct EscrowRecord<Balance, BlockNumber> {
	/// What is held now.
	pub held: Balance,
	/// What the guarantee is for: the class quantum when it was given. After a compensation
	/// `held` is below it until the guarantor tops up.
	pub quantum: Balance,
	/// After a compensation: the block by which the guarantor must top up, or the guarantee
	/// lapses.
	pub top_up_by: Option<BlockNumber>,
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
pub enum DealStatus<BlockNumber> {
	/// Opened by the initiator, waiting for the counterparty.
	Proposed,
	/// Accepted by both; completes when both confirm, or on its own at `completes_at`.
	Open { completes_at: BlockNumber },
}

/// An insured deal between two members.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct Deal<AccountId, Balance, BlockNumber> {
	/// Who opened it.
	pub initiator: AccountId,
	/// Who it was opened with.
	pub counterparty: AccountId,
	/// Its value: at most the insured quantum of either party.
	pub amount: Balance,
	/// The hash of the terms the parties agreed off chain.
	pub terms: H256,
	/// Proposed or open.
	pub status: DealStatus<BlockNumber>,
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
}
