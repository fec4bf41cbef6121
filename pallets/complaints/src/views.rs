//! What auditors read: cases, records and blocks as the runtime API returns them, readable as
//! JSON through the node's `synergy_` RPC methods.

use crate::{
	BalanceOf, Ban, Bans, BlockReason, Blocks, Cases, CasesOf, Config, FilingBar, FilingBars,
	Outcome, Pallet, Panels, Record, Records, Stage, Verdict, Votes,
};
use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_core::H256;
use synergy_primitives::{CaseId, DealId};

/// The most entries one answer about blocked accounts holds.
pub const MAX_BLOCKS_LISTED: u32 = 1_024;

/// A panel member of a side's current level, and their vote so far.
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
pub struct SeatView<AccountId, Balance> {
	/// The guarantor on the panel.
	pub member: AccountId,
	/// The member they guarantee, for whom they sit.
	pub sits_for: AccountId,
	/// Their vote, if they have voted.
	pub vote: Option<Verdict<Balance>>,
}

/// A level of a side: its panel and their votes.
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
pub struct LevelView<AccountId, Balance> {
	/// The level: 0 for the accused's guarantors.
	pub level: u32,
	/// Its panel and their votes (`None`: did not vote).
	pub panel: Vec<SeatView<AccountId, Balance>>,
}

/// One side of a case.
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
pub struct SideView<AccountId, Balance, BlockNumber> {
	/// Who complained.
	pub complainant: AccountId,
	/// Who the complaint is against.
	pub accused: AccountId,
	/// The evidence hash, if any.
	pub evidence: Option<H256>,
	/// The level and its deadline, the general vote, a payment waiting to be retried, or done.
	pub stage: Stage<BlockNumber>,
	/// The current panel (or the one that decided) and its votes.
	pub panel: Vec<SeatView<AccountId, Balance>>,
	/// Every level's panel, with who voted what: the whole history, kept after the case closes.
	pub levels: Vec<LevelView<AccountId, Balance>>,
	/// How it ended, once it has.
	pub outcome: Option<Outcome<Balance>>,
	/// What the compensation paid.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub paid: Balance,
	/// What could have paid a compensation when the complaint was filed.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub insured: Balance,
	/// The complaint bond the complainant staked: held while the side is open, then returned
	/// (upheld, or withdrawn before the first deadline) or paid to the accused.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub bond: Balance,
}

/// A case with its sides.
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
pub struct CaseView<AccountId, Balance, BlockNumber> {
	/// The case's number.
	pub id: CaseId,
	/// The deal disputed.
	pub deal: DealId,
	/// The deal's amount: the most a compensation may be.
	#[cfg_attr(feature = "std", serde(with = "synergy_primitives::serde_balance"))]
	pub amount: Balance,
	/// When it was opened.
	pub opened_at: BlockNumber,
	/// When it closed, if it has.
	pub closed_at: Option<BlockNumber>,
	/// The complaint, and the counter-complaint if any.
	pub sides: Vec<SideView<AccountId, Balance, BlockNumber>>,
}

/// A member's record, the ban from guaranteeing and the bar from filing in force if any.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct RecordView<BlockNumber> {
	/// The counts.
	#[cfg_attr(feature = "std", serde(flatten))]
	pub record: Record,
	/// The ban from guaranteeing in force, if any.
	pub ban: Option<Ban<BlockNumber>>,
	/// The bar from filing complaints in force, if any.
	pub filing_bar: Option<FilingBar<BlockNumber>>,
}

/// Why an account is blocked, case by case.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct BlockView<AccountId> {
	/// The account blocked.
	pub account: AccountId,
	/// The open case that blocks it.
	pub case: CaseId,
	/// Accused, or drawn into a panel.
	pub reason: BlockReason,
}

/// A panel vote waiting for a member: they sit on the current panel of a case's side and have
/// not voted.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct PanelVoteDue<AccountId, BlockNumber> {
	/// The case.
	pub case: CaseId,
	/// The side: 0 the complaint, 1 the counter-complaint.
	pub side: u8,
	/// The level the side stands at (0: the accused's own guarantors).
	pub level: u32,
	/// Who the complaint is against.
	pub accused: AccountId,
	/// The member the panel member guarantees, for whom they sit.
	pub sits_for: AccountId,
	/// The last block of the level: then the side climbs, and a panel member who did not vote
	/// is counted as refusing to answer.
	pub deadline: BlockNumber,
}

impl<T: Config> Pallet<T> {
	/// Case `id` with its sides, current panels and votes.
	pub fn case_view(
		id: CaseId,
	) -> Option<CaseView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		let case = Cases::<T>::get(id)?;
		let sides = case
			.sides
			.into_iter()
			.enumerate()
			.map(|(index, side)| SideView {
				panel: {
					let level = match (side.stage, side.outcome) {
						(Stage::Panel { level, .. }, _) => Some(level),
						(_, Some(Outcome::Decided { level, .. })) => level,
						_ => None,
					};
					side.panel
						.into_iter()
						.map(|(member, sits_for)| SeatView {
							vote: level.and_then(|level| {
								Votes::<T>::get((id, index as u8, level), &member)
							}),
							member,
							sits_for,
						})
						.collect()
				},
				levels: (0..=T::MaxEscalationDepth::get())
					.map_while(|level| {
						let panel = Panels::<T>::get((id, index as u8, level))?;
						Some(LevelView {
							level,
							panel: panel
								.into_iter()
								.map(|(member, sits_for)| SeatView {
									vote: Votes::<T>::get((id, index as u8, level), &member),
									member,
									sits_for,
								})
								.collect(),
						})
					})
					.collect(),
				complainant: side.complainant,
				accused: side.accused,
				evidence: side.evidence,
				stage: side.stage,
				outcome: side.outcome,
				paid: side.paid,
				insured: side.insured,
				bond: side.bond,
			})
			.collect();
		Some(CaseView {
			id,
			deal: case.deal,
			amount: case.amount,
			opened_at: case.opened_at,
			closed_at: case.closed_at,
			sides,
		})
	}

	/// The recent cases of `who` as a party, open and closed, newest first.
	pub fn cases_of(
		who: &T::AccountId,
	) -> Vec<CaseView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		CasesOf::<T>::get(who).into_iter().rev().filter_map(Self::case_view).collect()
	}

	/// The record of `who`.
	pub fn record_of(who: &T::AccountId) -> RecordView<BlockNumberFor<T>> {
		let now = frame_system::Pallet::<T>::block_number();
		RecordView {
			record: Records::<T>::get(who),
			ban: Bans::<T>::get(who).filter(|ban| now < ban.until),
			filing_bar: FilingBars::<T>::get(who).filter(|bar| now < bar.until),
		}
	}

	/// Who is blocked and why: for one account, or for everyone (at most
	/// [`MAX_BLOCKS_LISTED`] entries).
	pub fn blocks(who: Option<T::AccountId>) -> Vec<BlockView<T::AccountId>> {
		let entries: alloc::boxed::Box<dyn Iterator<Item = (T::AccountId, CaseId, BlockReason)>> =
			match who {
				Some(account) => alloc::boxed::Box::new(
					Blocks::<T>::iter_prefix(&account).map(move |(c, r)| (account.clone(), c, r)),
				),
				None => alloc::boxed::Box::new(Blocks::<T>::iter()),
			};
		entries
			.take(MAX_BLOCKS_LISTED as usize)
			.map(|(account, case, reason)| BlockView { account, case, reason })
			.collect()
	}

	/// The panel votes waiting for `who`: every side of an open case whose current panel seats
	/// them and holds no vote of theirs (at most [`MAX_BLOCKS_LISTED`] cases looked at: a
	/// panel seat blocks its member's guarantee, so [`Blocks`] lists them).
	pub fn panel_votes_due(
		who: &T::AccountId,
	) -> Vec<PanelVoteDue<T::AccountId, BlockNumberFor<T>>> {
		let mut due = Vec::new();
		for (id, _) in Blocks::<T>::iter_prefix(who).take(MAX_BLOCKS_LISTED as usize) {
			let Some(case) = Cases::<T>::get(id) else { continue };
			for (index, side) in case.sides.into_iter().enumerate() {
				let Stage::Panel { level, deadline } = side.stage else { continue };
				let Ok(index) = u8::try_from(index) else { continue };
				let Some((_, sits_for)) = side.panel.iter().find(|(member, _)| member == who)
				else {
					continue;
				};
				if Votes::<T>::contains_key((id, index, level), who) {
					continue;
				}
				due.push(PanelVoteDue {
					case: id,
					side: index,
					level,
					accused: side.accused.clone(),
					sits_for: sits_for.clone(),
					deadline,
				});
			}
		}
		due
	}
}
