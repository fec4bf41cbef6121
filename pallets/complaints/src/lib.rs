//! # Complaints
//!
//! Complaints that block the accused and climb the guarantor graph until someone answers for
//! them, with compensation from the escrow behind the accused.
//!
//! ## Lifecycle
//! ```text
//!  file (the complaint bond held) ──► level 0: the accused's guarantors ──majority──► decided ──┐
//!             │ no majority, or silence until EscalationPeriod passes  │
//!             ▼                                                        │
//!           level 1: their guarantors ──majority──► decided ──────────┤
//!             │ no majority by the deadline                            │
//!             ▼          …                                             │
//!           level MaxEscalationDepth, or the graph ends                │
//!             ▼                                                        │
//!           general vote of all members (motions; TopOrigin)     ──────┤
//!  withdraw (by the complainant, any time) ────────────────────────────┤
//!                                                                      ▼
//!     each side as it is done: its outcome applied, its bond returned or paid to the
//!     accused, its accused's block lifted
//!     (a compensation that cannot be paid yet: the side waits, Paying, and is tried again)
//!                                                                      ▼
//!                every side done: the case closes, the panels' reviews lifted
//! ```
//!
//! ## Rules
//! - **Filing.** A party to a deal (open, or completed within the escrow pallet's
//!   `SettledPeriod`) files against the other party, with an optional evidence hash and no
//!   reason. **One complaint per deal per party, for the deal's whole life**: a withdrawn,
//!   dismissed or compensated complaint is never filed again ([`Complained`]), so one deal is
//!   never paid twice and nobody is blocked at will. At most [`Config::MaxOpenFiled`] open
//!   complaints filed by one member. The accused may complain back on the same deal: the
//!   **counter-complaint** is the second side of the same case; each side has its own panel.
//! - **Complaints cost the baseless.** Filing holds a **complaint bond** from the complainant
//!   ([`HoldReason::ComplaintBond`]): the bond of their class ([`ComplaintBonds`], set by
//!   [`Config::TopOrigin`] with [`Pallet::set_complaint_bond`] up to
//!   [`Config::MaxComplaintBond`]; none for a class without one), kept on the side
//!   (`Side::bond`). A counter-complaint holds **the same bond** as the complaint it answers,
//!   whatever the accused's class: both sides of a case stake alike. A bond the complainant
//!   cannot hold refuses the complaint ([`Error::CannotHoldBond`]). When the side is done, the
//!   bond is **returned** if the side was upheld (compensate or revoke) or withdrawn before its
//!   first deadline (level 0's, or the general vote's for a side that went there at once), and
//!   **paid to the accused** if it was dismissed — by a panel, by the general vote, or by the
//!   general vote's lapse — or withdrawn after that deadline ([`Event::BondHeld`],
//!   [`Event::BondReturned`], [`Event::BondForfeited`]). A bond the accused's account cannot
//!   receive goes back to the complainant rather than stay held for no side.
//! - **The filing bar.** A member with [`Config::DismissedLimit`] complaints dismissed within
//!   one [`RecordWindow`] is barred from filing — counter-complaints included — for a window
//!   ([`FilingBars`], [`Error::BarredFromFiling`]): the seed's baseless complainers, "quickly
//!   expelled … receiving counter-complaints". The dismissals count in the member's record
//!   window beside the counts towards a ban; lifting a ban leaves them.
//! - **Blocking.** While a side is open its accused is blocked (no new deals, guarantees given,
//!   revocations given or received), the escrow behind them is frozen (whatever ends a
//!   guarantee of theirs, its escrow stays held) and their grace and top-up clocks stop
//!   ([`Config::OnAccusation`]). Every guarantor drawn into a panel cannot revoke the guarantee
//!   they sit for, until the case closes.
//! - **Panels cannot be packed.** A panel is drawn only from guarantees **older than the
//!   disputed deal** ([`GuaranteeAges`]: nobody seats a panel after the fact), and a member is
//!   guaranteed only with their consent (the membership pallet's offers) and may drop a
//!   guarantor; **one account holds one seat in a case** (whoever sits on either side at any
//!   level, or is accused in it, is passed over); ties are broken by a **draw**
//!   ([`Config::Randomness`]), not by account ids, which can be ground.
//! - **Level 0** is the accused's guarantors (the complainant excluded). It decides by a
//!   **strict majority of the panel, once at least two thirds of it have voted**; a member who
//!   voted otherwise has the refusal on their record ([`Event::Dissent`], `Record::dissents`).
//!   Why not unanimity: the seed says "if the guarantors disagreed … the complaint would
//!   escalate", and with the two guarantors a member usually has, this rule *is* that rule (one
//!   of two is no majority: they climb). But with three or more, unanimity let one guarantor —
//!   one sock the accused or the complainant had placed — force every case up to the level
//!   where a ring could pack the panel; a majority with a quorum keeps the seed's sense (the
//!   guarantors who know the accused decide, and a real split climbs) without that lever.
//! - **Escalation.** When a level's deadline passes without a decision, the hook moves the side
//!   up on its own (bounded work per block; [`Pallet::escalate`] is the permissionless
//!   fallback). Absent members get a strike. The next panel is the guarantors of the current
//!   panel's members (by guarantees older than the deal), without the parties or anyone seated
//!   in the case already, each sitting for the first member of the current panel they
//!   guarantee. When there are more than [`Config::MaxPanel`], the panel is the ones who
//!   guarantee the most members of the current panel, ties broken by the draw. Levels above 0
//!   decide by a **strict majority of the panel** (more than half of its members vote the same
//!   verdict, amount included).
//! - **The chain of guarantors answers.** When a panel at level `L ≥ 1` upholds a side
//!   (compensate or revoke, any amount), the members of the level `L − 1` panel who **refused
//!   to answer** — voted to dismiss, or did not vote at all — **forfeit the guarantee they sat
//!   for** there ([`Expel::forfeit_guarantee`], [`Event::GuaranteeForfeited`]): they stop
//!   guaranteeing that member, who, left short of guarantors, enters grace. Whoever voted to
//!   uphold answered, whatever the amount or the kind, and keeps their guarantee. At level 1 the
//!   refusers are the accused's own guarantors, and **their escrow behind the accused pays the
//!   compensation first** — each all they hold, in the order the panel was drawn — and the
//!   guarantors who answered share only what remains ([`DisputeEscrow::compensate_first`]).
//!   Only the level right below the deciding panel answers so; a dismissal ends no guarantee,
//!   nor does the general vote's decision (it judges the accused, not a panel below it). It is
//!   the seed's threat that kept cases at the first level: "otherwise the entire chain of
//!   guarantors would risk losing their guarantor status". A worked example, Alice's complaint
//!   of 100 against Bob:
//!   ```text
//!    Bob ◄── B1, B2          B1 ◄── B11, B12          B2 ◄── B12, B21
//!    level 0  B1, B2 (for Bob): B1 votes dismiss, B2 does not vote: no decision, it climbs
//!    level 1  B11, B12 (for B1), B21 (for B2): B11 and B21 vote compensate 100: upheld
//!      → B1 and B2 refused: both forfeit their guarantee of Bob; the 100 is paid from B1's
//!        escrow behind Bob first (all 60 of it), then 40 of B2's; Bob, with no guarantor
//!        left, enters grace. B12, outvoted at level 1, keeps his guarantee of B1.
//!    had level 1 split and level 2 upheld instead: B12 and whoever else of level 1 did not
//!      vote to uphold forfeit the guarantee they sat for (B12's of B1); B1 and B2 keep
//!      theirs, and the escrow behind Bob pays by the usual split.
//!   ```
//! - **Top.** Above [`Config::MaxEscalationDepth`], or when the next panel would be empty, the
//!   side goes to the general vote ([`Config::GeneralVote`]), which **opens a motion by itself
//!   for each of the side's options** — compensate the deal's amount (paid up to the escrow
//!   behind the accused), revoke with that payment, dismiss — each carrying [`Pallet::decide`]
//!   with the parties recused; [`Config::TopOrigin`] (the passed motion) records the decision.
//!   The first option passed decides; the others then find the side decided. The general vote has a deadline
//!   ([`GeneralVotePeriod`]): a side it has not decided by then is **dismissed**
//!   ([`Event::GeneralVoteLapsed`]) and its accused freed — escalation stops somewhere, and
//!   nobody stays blocked past the top level's deadline.
//! - **Outcomes**, applied to each side as soon as it is decided (a decided side never waits for
//!   the other): *compensate* pays the amount from the escrow behind the accused to the
//!   complainant, split by the escrow pallet's rule (guarantors may then top up), and then
//!   closes the disputed deal if it is open — paid first, so that the escrow the deal's closing
//!   would release still pays; *revoke* pays too, then expels the accused; *dismiss* counts
//!   against the complainant's record. A compensation pays the decided amount unless the escrow
//!   behind the accused, beyond what their other open deals need, is smaller: then it pays all
//!   of that, and the side records what was paid. A payment that fails (the complainant's
//!   account cannot receive it) leaves the side [`Stage::Paying`]: the accused stays blocked and
//!   the payment is tried again each escalation period, or by anyone with
//!   [`Pallet::escalate`].
//! - **Deadlines** live in a deadline queue that refuses no filing
//!   ([`synergy_primitives::deadlines`]): a step always files its next deadline at its block;
//!   each block handles at most [`Config::DeadlinePagesPerBlock`] pages of due sides, and the
//!   rest in the next blocks, each side checked against its own deadline.
//! - **Records**: per member, complaints filed / received / upheld / dismissed, panels sat on,
//!   strikes, dissents, and the complaints upheld against the members they guarantee.
//! - **Bans**: a guarantor whose protégés had [`Config::BanThreshold`] upheld complaints within
//!   a [`RecordWindow`], or who collected [`Config::StrikeLimit`] strikes in it, is
//!   banned from guaranteeing for a window ([`Bans`]: no new proposals or guarantees; the
//!   guarantees they gave stand and still answer) — "once, twice, three times — the same
//!   guarantor — and boom, everyone gets banned". The general meeting may lift a ban
//!   ([`Pallet::lift_ban`]).
//!
//! ## Calls
//! - Members: [`Pallet::file`], [`Pallet::withdraw`] (complainants), [`Pallet::vote`] (panel
//!   members).
//! - Anyone: [`Pallet::escalate`], the fallback of the escalation hook.
//! - [`Config::TopOrigin`] (the general meeting): [`Pallet::decide`], the general vote's
//!   decision; [`Pallet::set_escalation_period`], [`Pallet::set_complaint_bond`] and
//!   [`Pallet::lift_ban`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod views;
pub mod weights;

use alloc::vec::Vec;
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{self, InspectHold, MutateHold},
		tokens::{Fortitude, Precision, Restriction},
	},
};
use frame_system::pallet_prelude::*;
use sp_core::H256;
use sp_runtime::traits::{One, Saturating, Zero};
use synergy_primitives::DeadlineQueue;
pub use synergy_primitives::{
	BlockedInspect, CaseId, ClassId, Conduct, ConductInspect, DealId, DealSummary, DisputeEscrow,
	Expel, GuaranteeAges, MembershipInspect, OnAccusation, ReferToMeeting,
};

pub use pallet::*;
pub use types::*;
pub use views::*;
pub use weights::WeightInfo;

/// A balance of the currency the escrow is held in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// A case as stored.
pub type CaseOf<T> = Case<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as Config>::MaxPanel,
>;
/// A side as stored.
pub type SideOf<T> = Side<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as Config>::MaxPanel,
>;
/// The escalation deadlines due in each block (see [`Deadlines`]).
pub type EscalationQueue<T> = DeadlineQueue<
	Deadlines<T>,
	DeadlineOverflow<T>,
	DeadlinePages<T>,
	DeadlineBacklog<T>,
	BlockNumberFor<T>,
	(CaseId, u8),
	<T as Config>::DeadlinePageSize,
>;
/// A panel as stored: (guarantor, the member they sit for).
pub type PanelOf<T> = BoundedVec<
	(<T as frame_system::Config>::AccountId, <T as frame_system::Config>::AccountId),
	<T as Config>::MaxPanel,
>;

const LOG_TARGET: &str = "runtime::complaints";

/// How the benchmarks make members, guarantees and deals on the runtime they run on.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// The most guarantors a member may have.
	fn max_guarantors() -> u32;
	/// Makes `who` a member guaranteed by `guarantors` (made members if they are not), each
	/// escrowing for them.
	fn guarantee(who: &AccountId, guarantors: &[AccountId]);
	/// Opens and accepts a deal between two members, as large as both are insured for;
	/// returns its number.
	fn deal(initiator: &AccountId, counterparty: &AccountId) -> DealId;
	/// Adds `count` members who take no part in the benchmark: the size of the cooperative.
	fn add_members(count: u32);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The version of the pallet's storage layout: every change of it comes with a migration
	/// and a bump of this number.
	const STORAGE_VERSION: frame_support::traits::StorageVersion =
		frame_support::traits::StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency of the escrow (for its balance type), in which complaint bonds are held.
		type Currency: fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reasons, of which [`HoldReason::ComplaintBond`] is this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who the members are and who guarantees whom.
		type Members: MembershipInspect<Self::AccountId>
			+ Expel<Self::AccountId>
			+ GuaranteeAges<Self::AccountId, BlockNumberFor<Self>>;

		/// The random source that breaks ties between candidates for a panel, given a subject
		/// that names the hash of the block before the climbing level's deadline: it must add
		/// nothing a caller chooses (the block they call in), so that the draw was fixed when
		/// the level fell due (the runtime's hashes the subject alone).
		type Randomness: frame_support::traits::Randomness<Self::Hash, BlockNumberFor<Self>>;

		/// The deals, and the escrow compensation is paid from.
		type Escrow: DisputeEscrow<Self::AccountId, BalanceOf<Self>, BlockNumberFor<Self>>;

		/// The runtime's calls, of which this pallet's [`Pallet::decide`] is one: the general
		/// meeting's motions for a side referred to it carry it.
		type RuntimeCall: From<Call<Self>> + IsType<<Self as frame_system::Config>::RuntimeCall>;

		/// The general vote of all members, the top of escalation: it opens a motion for each of
		/// a referred side's options by itself.
		type GeneralVote: ReferToMeeting<<Self as frame_system::Config>::RuntimeCall>;

		/// Told when a member becomes accused and when they are cleared: their grace clock
		/// stops meanwhile.
		type OnAccusation: OnAccusation<Self::AccountId>;

		/// Who records the general vote's decision (Root until the fund-voting pallet's general
		/// meeting).
		type TopOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// How long a level has to decide before the case climbs to the next, unless genesis or
		/// [`Pallet::set_escalation_period`] set [`EscalationPeriod`] (a day of blocks on a real
		/// network; a few on development networks).
		#[pallet::constant]
		type DefaultEscalationPeriod: Get<BlockNumberFor<Self>>;

		/// The longest escalation period the top origin may set: a level that never ends would
		/// keep the accused blocked and their escrow frozen for ever.
		#[pallet::constant]
		type MaxEscalationPeriod: Get<BlockNumberFor<Self>>;

		/// How long the general vote has to decide a side, unless genesis set
		/// [`GeneralVotePeriod`].
		#[pallet::constant]
		type DefaultGeneralVotePeriod: Get<BlockNumberFor<Self>>;

		/// How many levels above level 0 a case may climb before the general vote.
		#[pallet::constant]
		type MaxEscalationDepth: Get<u32>;

		/// The most members of one panel.
		#[pallet::constant]
		type MaxPanel: Get<u32>;

		/// The most open complaints one member may have filed.
		#[pallet::constant]
		type MaxOpenFiled: Get<u32>;

		/// How many recent cases are listed per account (older ones stay readable by number).
		#[pallet::constant]
		type MaxCasesListed: Get<u32>;

		/// The escalation deadlines in one page of the queue: a block's deadlines fill as many
		/// pages as they need.
		#[pallet::constant]
		type DeadlinePageSize: Get<u32>;

		/// The most pages of escalation deadlines one block handles (the bound of the hook's
		/// work); the rest wait for the next blocks.
		#[pallet::constant]
		type DeadlinePagesPerBlock: Get<u32>;

		/// How many upheld complaints against a guarantor's protégés, within one
		/// [`Config::RecordWindow`], ban them from guaranteeing ("once, twice, three times — the
		/// same guarantor — and boom, everyone gets banned").
		#[pallet::constant]
		type BanThreshold: Get<u32>;

		/// How many strikes (panels let pass without a vote) within one window ban a member
		/// from guaranteeing.
		#[pallet::constant]
		type StrikeLimit: Get<u32>;

		/// The window the two counts above are kept over, and how long a ban lasts, unless
		/// genesis set [`RecordWindow`].
		#[pallet::constant]
		type DefaultRecordWindow: Get<BlockNumberFor<Self>>;

		/// How many of a member's complaints dismissed within one record window bar them from
		/// filing for a window ([`FilingBars`]): the seed's baseless complainers, "quickly
		/// expelled". At least one.
		#[pallet::constant]
		type DismissedLimit: Get<u32>;

		/// The largest complaint bond the top origin may set for a class: a bond is a deterrent
		/// to the baseless, never a price that keeps the wronged from complaining.
		#[pallet::constant]
		type MaxComplaintBond: Get<BalanceOf<Self>>;

		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;

		/// Makes members, guarantees and deals for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Why the pallet holds money.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A complaint's bond, held from its complainant while the side is open: returned when
		/// the side is upheld or withdrawn before its first deadline, paid to the accused
		/// otherwise.
		#[codec(index = 0)]
		ComplaintBond,
	}

	/// How long a level has to decide before the case climbs to the next.
	#[pallet::storage]
	pub type EscalationPeriod<T: Config> =
		StorageValue<_, BlockNumberFor<T>, ValueQuery, T::DefaultEscalationPeriod>;

	/// How long the general vote has to decide a side that reached it; then the side is
	/// dismissed. Longer than a motion's vote and grace, so that a motion proposed at once can
	/// pass.
	#[pallet::storage]
	pub type GeneralVotePeriod<T: Config> =
		StorageValue<_, BlockNumberFor<T>, ValueQuery, T::DefaultGeneralVotePeriod>;

	/// The window upheld complaints and strikes count over towards a ban, and a ban's length.
	#[pallet::storage]
	pub type RecordWindow<T: Config> =
		StorageValue<_, BlockNumberFor<T>, ValueQuery, T::DefaultRecordWindow>;

	/// The bond a complaint holds from its complainant, by the complainant's class (a class
	/// without an entry: none). The top origin sets it; a counter-complaint holds the bond of
	/// the complaint it answers. Keyed by class numbers, which only the top origin chooses.
	#[pallet::storage]
	pub type ComplaintBonds<T: Config> =
		StorageMap<_, Twox64Concat, ClassId, BalanceOf<T>, ValueQuery>;

	/// Members barred from filing complaints, and until when: [`Config::DismissedLimit`] of
	/// their complaints were dismissed within one record window. A bar passed is forgotten when
	/// its member is next barred.
	#[pallet::storage]
	pub type FilingBars<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, FilingBar<BlockNumberFor<T>>, OptionQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The escalation period; zero keeps [`Config::DefaultEscalationPeriod`].
		pub escalation_period: BlockNumberFor<T>,
		/// The record window; zero keeps [`Config::DefaultRecordWindow`].
		pub record_window: BlockNumberFor<T>,
		/// The general vote's period; zero keeps [`Config::DefaultGeneralVotePeriod`].
		pub general_vote_period: BlockNumberFor<T>,
		/// The complaint bond of each class listed (each at most [`Config::MaxComplaintBond`]);
		/// a class not listed holds none.
		pub complaint_bonds: Vec<(ClassId, BalanceOf<T>)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if !self.escalation_period.is_zero() {
				EscalationPeriod::<T>::put(self.escalation_period);
			}
			if !self.record_window.is_zero() {
				RecordWindow::<T>::put(self.record_window);
			}
			if !self.general_vote_period.is_zero() {
				GeneralVotePeriod::<T>::put(self.general_vote_period);
			}
			for (class, amount) in &self.complaint_bonds {
				// Genesis is checked once, by whoever builds the chain spec: a bond no motion
				// could set must stop the build with the reason rather than start the chain.
				assert!(
					*amount <= T::MaxComplaintBond::get(),
					"the complaint bond of class {class} is above MaxComplaintBond"
				);
				if !amount.is_zero() {
					ComplaintBonds::<T>::insert(class, amount);
				}
			}
		}
	}

	/// The number the next case gets.
	#[pallet::storage]
	pub type NextCaseId<T: Config> = StorageValue<_, CaseId, ValueQuery>;

	/// Every case, open or closed.
	#[pallet::storage]
	pub type Cases<T: Config> = StorageMap<_, Twox64Concat, CaseId, CaseOf<T>>;

	/// The open case about each disputed deal.
	#[pallet::storage]
	pub type CaseOfDeal<T: Config> = StorageMap<_, Twox64Concat, DealId, CaseId>;

	/// Every complaint ever filed, by deal and complainant, with its case: one complaint per
	/// deal per party, for the deal's whole life (a withdrawal counts).
	#[pallet::storage]
	pub type Complained<T: Config> =
		StorageDoubleMap<_, Twox64Concat, DealId, Blake2_128Concat, T::AccountId, CaseId>;

	/// Every vote cast, by (case, side, level) and voter: kept when the side climbs or is
	/// decided, so that a closed case shows who voted what at each level (at most two sides ×
	/// `MaxEscalationDepth + 1` levels × `MaxPanel` votes a case).
	#[pallet::storage]
	pub type Votes<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		(CaseId, u8, u32),
		Blake2_128Concat,
		T::AccountId,
		Verdict<BalanceOf<T>>,
	>;

	/// What counts towards a ban, per member, in the current record window.
	#[pallet::storage]
	pub type WindowCounts<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, WindowCount<BlockNumberFor<T>>, ValueQuery>;

	/// Members banned from guaranteeing, and until when (their guarantees stand and still
	/// answer). A ban passed is forgotten when its member next counts.
	#[pallet::storage]
	pub type Bans<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Ban<BlockNumberFor<T>>, OptionQuery>;

	/// Every panel drawn, by (case, side, level): the history beside each side's current one.
	#[pallet::storage]
	pub type Panels<T: Config> = StorageMap<_, Twox64Concat, (CaseId, u8, u32), PanelOf<T>>;

	/// Who is blocked, by which open case, and why.
	#[pallet::storage]
	pub type Blocks<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, CaseId, BlockReason>;

	/// In how many open sides each account is the accused.
	#[pallet::storage]
	pub type AccusedIn<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Guarantees under review, (guarantor, protégé), with how many open case panels the
	/// guarantor sits on for that protégé.
	#[pallet::storage]
	pub type UnderReview<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		u32,
		ValueQuery,
	>;

	/// Every guarantee drawn into an open case, at any level: released when it closes.
	#[pallet::storage]
	pub type Reviews<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		CaseId,
		Blake2_128Concat,
		(T::AccountId, T::AccountId),
		(),
	>;

	/// How many open complaints each member has filed.
	#[pallet::storage]
	pub type OpenFiled<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The most recent cases of each account, as a party.
	#[pallet::storage]
	pub type CasesOf<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<CaseId, T::MaxCasesListed>,
		ValueQuery,
	>;

	/// Each member's record.
	#[pallet::storage]
	pub type Records<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, Record, ValueQuery>;

	/// The escalation deadlines that fall due in each block: (case, side). The first page of
	/// each block's queue ([`EscalationQueue`]).
	#[pallet::storage]
	pub type Deadlines<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<(CaseId, u8), T::DeadlinePageSize>,
		ValueQuery,
	>;

	/// The further pages of a block's escalation deadlines, numbered from 1.
	#[pallet::storage]
	pub type DeadlineOverflow<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		Twox64Concat,
		u32,
		BoundedVec<(CaseId, u8), T::DeadlinePageSize>,
		ValueQuery,
	>;

	/// How many further pages of escalation deadlines a block has.
	#[pallet::storage]
	pub type DeadlinePages<T: Config> =
		StorageMap<_, Twox64Concat, BlockNumberFor<T>, u32, ValueQuery>;

	/// The oldest block whose escalation deadlines still wait, when a burst left more than a
	/// block handles.
	#[pallet::storage]
	pub type DeadlineBacklog<T: Config> = StorageValue<_, BlockNumberFor<T>, OptionQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A complaint was filed: side `side` of case `case` (side 1 is a counter-complaint).
		ComplaintFiled {
			case: CaseId,
			side: u8,
			deal: DealId,
			complainant: T::AccountId,
			accused: T::AccountId,
			evidence: Option<H256>,
		},
		/// A panel was drawn for a side at `level`; it decides by `deadline`.
		PanelDrawn {
			case: CaseId,
			side: u8,
			level: u32,
			panel: Vec<T::AccountId>,
			deadline: BlockNumberFor<T>,
		},
		/// A panel member voted.
		Voted { case: CaseId, side: u8, voter: T::AccountId, verdict: Verdict<BalanceOf<T>> },
		/// A panel member's deadline passed without their vote.
		Strike { case: CaseId, side: u8, member: T::AccountId },
		/// A panel member's vote differed from the verdict their panel reached.
		Dissent { case: CaseId, side: u8, member: T::AccountId },
		/// A member is banned from guaranteeing until `until`: too many upheld complaints against
		/// their protégés, or too many strikes, within the record window.
		Banned { member: T::AccountId, until: BlockNumberFor<T>, reason: BanReason },
		/// The general meeting lifted a ban.
		BanLifted { member: T::AccountId },
		/// A side reached the top of the guarantor graph: the general vote decides, by `until`,
		/// through the general meeting's `motions` the chain opened for its options.
		ReferredToGeneralVote {
			case: CaseId,
			side: u8,
			until: BlockNumberFor<T>,
			motions: Vec<u32>,
		},
		/// The general vote did not decide side `side` by its deadline: it is dismissed and its
		/// accused free again — nobody stays blocked past the top level's deadline.
		GeneralVoteLapsed { case: CaseId, side: u8 },
		/// A side was decided (`level` `None`: by the general vote).
		SideDecided { case: CaseId, side: u8, verdict: Verdict<BalanceOf<T>>, level: Option<u32> },
		/// The complainant withdrew their complaint.
		ComplaintWithdrawn { case: CaseId, side: u8 },
		/// A compensation was paid from the escrow behind the accused.
		CompensationPaid {
			case: CaseId,
			side: u8,
			accused: T::AccountId,
			complainant: T::AccountId,
			decided: BalanceOf<T>,
			paid: BalanceOf<T>,
		},
		/// The accused was expelled by the verdict of revocation.
		AccusedExpelled { case: CaseId, side: u8, accused: T::AccountId },
		/// A member of the panel below the one that upheld side `side` refused to answer at
		/// `level` (voted to dismiss, or did not vote): their guarantee of `protege`, whom they
		/// sat for, ended.
		GuaranteeForfeited {
			case: CaseId,
			side: u8,
			level: u32,
			guarantor: T::AccountId,
			protege: T::AccountId,
		},
		/// Every side was done: the outcomes were applied and every block of the case lifted.
		CaseClosed { case: CaseId },
		/// The escalation period changed; it applies to levels drawn from now on.
		EscalationPeriodSet { period: BlockNumberFor<T> },
		/// A complaint's bond was held from its complainant (a bond of zero holds nothing and
		/// has no event).
		BondHeld { case: CaseId, side: u8, complainant: T::AccountId, amount: BalanceOf<T> },
		/// A side's bond went back to its complainant: the side was upheld, or withdrawn before
		/// its first deadline (or the accused's account could not receive it).
		BondReturned { case: CaseId, side: u8, complainant: T::AccountId, amount: BalanceOf<T> },
		/// A side's bond was paid to its accused: the side was dismissed (by a panel, by the
		/// general vote or by its lapse), or withdrawn after its first deadline.
		BondForfeited {
			case: CaseId,
			side: u8,
			complainant: T::AccountId,
			accused: T::AccountId,
			amount: BalanceOf<T>,
		},
		/// The top origin set the complaint bond of a class; it applies to complaints filed from
		/// now on.
		ComplaintBondSet { class: ClassId, amount: BalanceOf<T> },
		/// A member is barred from filing complaints until `until`: too many of their complaints
		/// were dismissed within the record window.
		FilingBarred { member: T::AccountId, until: BlockNumberFor<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Only members may complain.
		NotMember,
		/// No open or recently completed deal has this number.
		UnknownDeal,
		/// The caller is not a party to the deal.
		NotParty,
		/// The caller already complained about this deal.
		AlreadyComplained,
		/// The caller has as many open complaints as a member may.
		TooManyOpenComplaints,
		/// No case has this number.
		UnknownCase,
		/// The case is closed.
		CaseClosed,
		/// The case has no such side.
		UnknownSide,
		/// That side is decided or withdrawn.
		SideDone,
		/// The caller is not on the side's current panel.
		NotOnPanel,
		/// A compensation is above the deal's amount.
		AboveDealAmount,
		/// A compensation of nothing: vote to dismiss instead.
		ZeroCompensation,
		/// The side's current level has not reached its deadline.
		NotDue,
		/// The side is not before the general vote.
		NotAtGeneralVote,
		/// The side is before the general vote, not a panel.
		AtGeneralVote,
		/// An escalation period of zero blocks.
		ZeroPeriod,
		/// An escalation period above [`Config::MaxEscalationPeriod`].
		PeriodTooLong,
		/// The member is not banned.
		NotBanned,
		/// The complainant cannot hold the complaint bond (their free balance is too small).
		CannotHoldBond,
		/// The member is barred from filing: too many of their complaints were dismissed within
		/// the record window.
		BarredFromFiling,
		/// A complaint bond above [`Config::MaxComplaintBond`].
		BondTooLarge,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Escalates every side whose level's deadline has come and is undecided: those due in
		/// this block, or, after a burst, those the earlier blocks left (at most
		/// [`Config::DeadlinePagesPerBlock`] pages a block).
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			let due = EscalationQueue::<T>::take_due(now, T::DeadlinePagesPerBlock::get());
			if due.items.is_empty() && due.blocks <= 1 {
				return T::WeightInfo::on_initialize_idle();
			}
			let (count, stepped) = (due.items.len() as u32, due.blocks);
			for (case, side) in due.items {
				// Decided or closed since: nothing to do.
				if let Err(error) = Self::do_step(case, side, now) {
					log::debug!(target: LOG_TARGET, "case {case} side {side}: {error:?}")
				}
			}
			T::WeightInfo::on_initialize(count, stepped)
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Files a complaint about deal `deal` against the other party, with an optional hash
		/// of evidence kept off chain. No reason is required. Against the complainant of an
		/// open case about the same deal, this is the counter-complaint. Holds the complaint
		/// bond of the complainant's class ([`ComplaintBonds`]) — a counter-complaint, the bond
		/// of the complaint it answers — until the side is done.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::file())]
		pub fn file(origin: OriginFor<T>, deal: DealId, evidence: Option<H256>) -> DispatchResult {
			let complainant = ensure_signed(origin)?;
			ensure!(T::Members::is_member(&complainant), Error::<T>::NotMember);
			ensure!(!Self::is_barred_from_filing(&complainant), Error::<T>::BarredFromFiling);
			let summary = T::Escrow::deal(deal).ok_or(Error::<T>::UnknownDeal)?;
			let accused = if summary.initiator == complainant {
				summary.counterparty
			} else if summary.counterparty == complainant {
				summary.initiator
			} else {
				return Err(Error::<T>::NotParty.into());
			};
			ensure!(
				!Complained::<T>::contains_key(deal, &complainant),
				Error::<T>::AlreadyComplained
			);
			ensure!(
				OpenFiled::<T>::get(&complainant) < T::MaxOpenFiled::get(),
				Error::<T>::TooManyOpenComplaints
			);
			let now = frame_system::Pallet::<T>::block_number();
			let (id, mut case) = match CaseOfDeal::<T>::get(deal)
				.and_then(|id| Cases::<T>::get(id).map(|case| (id, case)))
			{
				Some((id, case)) => (id, case),
				None => {
					let id = NextCaseId::<T>::get();
					let case = Case {
						deal,
						amount: summary.amount,
						deal_opened: summary.opened_at,
						sides: BoundedVec::new(),
						opened_at: now,
						closed_at: None,
					};
					(id, case)
				},
			};
			let index = case.sides.len() as u8;
			// Both sides of a case stake the same: the accused answers a complaint at its own
			// price, whatever their class.
			let bond = match case.sides.first() {
				Some(complaint) => complaint.bond,
				None => T::Members::class_of(&complainant)
					.map(ComplaintBonds::<T>::get)
					.unwrap_or_default(),
			};
			let panel = Self::level_zero_panel(id, &case, &complainant, &accused);
			// An accused nobody else guarantees goes straight to the general vote, which has
			// its own deadline.
			let to_vote = panel.is_empty();
			let period =
				if to_vote { GeneralVotePeriod::<T>::get() } else { EscalationPeriod::<T>::get() };
			let due = Self::schedule(now.saturating_add(period), id, index);
			let deadline = (!to_vote).then_some(due);
			let side = Side {
				complainant: complainant.clone(),
				accused: accused.clone(),
				evidence,
				stage: deadline.map_or(Stage::GeneralVote { until: due }, |deadline| {
					Stage::Panel { level: 0, deadline }
				}),
				panel: BoundedVec::new(),
				outcome: None,
				paid: Zero::zero(),
				insured: T::Escrow::compensable(&accused, deal),
				bond,
			};
			case.sides.try_push(side).map_err(|_| Error::<T>::AlreadyComplained)?;
			if !bond.is_zero() {
				T::Currency::hold(&HoldReason::ComplaintBond.into(), &complainant, bond)
					.map_err(|_| Error::<T>::CannotHoldBond)?;
			}
			Complained::<T>::insert(deal, &complainant, id);
			if index == 0 {
				NextCaseId::<T>::put(id.saturating_add(1));
				CaseOfDeal::<T>::insert(deal, id);
				for party in [&complainant, &accused] {
					CasesOf::<T>::mutate(party, |list| {
						if list.is_full() {
							list.remove(0);
						}
						let _ = list.try_push(id);
					});
				}
			}
			OpenFiled::<T>::mutate(&complainant, |n| n.saturating_inc());
			Records::<T>::mutate(&complainant, |r| r.filed.saturating_inc());
			Records::<T>::mutate(&accused, |r| r.received.saturating_inc());
			let first = AccusedIn::<T>::mutate(&accused, |n| {
				n.saturating_inc();
				*n == 1
			});
			Blocks::<T>::insert(&accused, id, BlockReason::Accused);
			T::Escrow::freeze(&accused);
			if first {
				T::OnAccusation::accused(&accused);
			}
			Self::deposit_event(Event::ComplaintFiled {
				case: id,
				side: index,
				deal,
				complainant: complainant.clone(),
				accused,
				evidence,
			});
			if !bond.is_zero() {
				Self::deposit_event(Event::BondHeld {
					case: id,
					side: index,
					complainant,
					amount: bond,
				});
			}
			match deadline {
				Some(deadline) => Self::seat_panel(id, &mut case, index, panel, 0, deadline),
				None => {
					let options = Self::general_vote_options(id, &case, index);
					let motions = T::GeneralVote::refer(id, index, options);
					Self::deposit_event(Event::ReferredToGeneralVote {
						case: id,
						side: index,
						until: due,
						motions,
					});
				},
			}
			Cases::<T>::insert(id, case);
			Ok(())
		}

		/// A member of a side's current panel votes (or changes their vote): compensate,
		/// dismiss, or revoke. The side is decided as soon as its level's rule is met.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::vote())]
		pub fn vote(
			origin: OriginFor<T>,
			case: CaseId,
			side: u8,
			verdict: Verdict<BalanceOf<T>>,
		) -> DispatchResultWithPostInfo {
			let voter = ensure_signed(origin)?;
			let mut record = Self::open_case(case)?;
			Self::check_verdict(&record, &verdict)?;
			let current = record.sides.get(side as usize).ok_or(Error::<T>::UnknownSide)?;
			let level = match current.stage {
				Stage::Panel { level, .. } => level,
				Stage::GeneralVote { .. } => return Err(Error::<T>::AtGeneralVote.into()),
				Stage::Done | Stage::Paying { .. } => return Err(Error::<T>::SideDone.into()),
			};
			ensure!(current.panel.iter().any(|(g, _)| g == &voter), Error::<T>::NotOnPanel);
			let panel = current.panel.clone();
			Votes::<T>::insert((case, side, level), &voter, verdict);
			Self::deposit_event(Event::Voted { case, side, voter, verdict });
			let Some(decided) = Self::decision(case, side, &panel, level) else {
				// Recorded, nothing decided: the common vote, charged as such.
				return Ok(Some(T::WeightInfo::vote_recorded()).into());
			};
			Self::conclude(
				case,
				&mut record,
				side,
				Outcome::Decided { verdict: decided, level: Some(level) },
			);
			Cases::<T>::insert(case, record);
			Ok(().into())
		}

		/// The complainant withdraws their complaint; the case closes when no side is left.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::withdraw())]
		pub fn withdraw(origin: OriginFor<T>, case: CaseId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Self::open_case(case)?;
			let side = record
				.sides
				.iter()
				.position(|s| s.complainant == who)
				.ok_or(Error::<T>::NotParty)? as u8;
			ensure!(
				record.sides.get(side as usize).is_some_and(|s| s.outcome.is_none()),
				Error::<T>::SideDone
			);
			Self::deposit_event(Event::ComplaintWithdrawn { case, side });
			Self::conclude(case, &mut record, side, Outcome::Withdrawn);
			Cases::<T>::insert(case, record);
			Ok(())
		}

		/// Escalates a side whose level's deadline has passed without a decision, or tries
		/// again to pay a side's compensation that could not be paid yet. The pallet does this
		/// on its own in the deadline's block; anyone may call it as a fallback.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::escalate())]
		pub fn escalate(origin: OriginFor<T>, case: CaseId, side: u8) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_step(case, side, frame_system::Pallet::<T>::block_number())
		}

		/// Records the general vote's decision on a side that reached the top of the graph.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::decide())]
		pub fn decide(
			origin: OriginFor<T>,
			case: CaseId,
			side: u8,
			verdict: Verdict<BalanceOf<T>>,
		) -> DispatchResult {
			T::TopOrigin::ensure_origin(origin)?;
			let mut record = Self::open_case(case)?;
			Self::check_verdict(&record, &verdict)?;
			let current = record.sides.get(side as usize).ok_or(Error::<T>::UnknownSide)?;
			ensure!(
				matches!(current.stage, Stage::GeneralVote { .. }),
				Error::<T>::NotAtGeneralVote
			);
			Self::conclude(case, &mut record, side, Outcome::Decided { verdict, level: None });
			Cases::<T>::insert(case, record);
			Ok(())
		}

		/// Sets how long a level has to decide (the general meeting's parameter), from one block
		/// to [`Config::MaxEscalationPeriod`]. Levels already drawn keep their deadlines.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_escalation_period())]
		pub fn set_escalation_period(
			origin: OriginFor<T>,
			period: BlockNumberFor<T>,
		) -> DispatchResult {
			T::TopOrigin::ensure_origin(origin)?;
			ensure!(!period.is_zero(), Error::<T>::ZeroPeriod);
			ensure!(period <= T::MaxEscalationPeriod::get(), Error::<T>::PeriodTooLong);
			EscalationPeriod::<T>::put(period);
			Self::deposit_event(Event::EscalationPeriodSet { period });
			Ok(())
		}

		/// Lifts `member`'s ban from guaranteeing (the top origin: the general meeting); their
		/// window's counts start again.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::lift_ban())]
		pub fn lift_ban(origin: OriginFor<T>, member: T::AccountId) -> DispatchResult {
			T::TopOrigin::ensure_origin(origin)?;
			Bans::<T>::take(&member).ok_or(Error::<T>::NotBanned)?;
			// The dismissed complaints still count towards the bar from filing.
			WindowCounts::<T>::mutate_exists(&member, |count| {
				if let Some(c) = count {
					c.upheld = 0;
					c.strikes = 0;
					if c.dismissed == 0 {
						*count = None;
					}
				}
			});
			Self::deposit_event(Event::BanLifted { member });
			Ok(())
		}

		/// Sets the complaint bond of class `class` (the general meeting's parameter), from
		/// nothing to [`Config::MaxComplaintBond`]. Complaints already filed keep their bond.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::set_complaint_bond())]
		pub fn set_complaint_bond(
			origin: OriginFor<T>,
			class: ClassId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			T::TopOrigin::ensure_origin(origin)?;
			ensure!(amount <= T::MaxComplaintBond::get(), Error::<T>::BondTooLarge);
			if amount.is_zero() {
				ComplaintBonds::<T>::remove(class);
			} else {
				ComplaintBonds::<T>::insert(class, amount);
			}
			Self::deposit_event(Event::ComplaintBondSet { class, amount });
			Ok(())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Counts one more upheld complaint against a protégé of `who`, or one more strike of
	/// theirs, in their record window; at the threshold they are banned from guaranteeing for a
	/// window.
	fn count_towards_ban(who: &T::AccountId, reason: BanReason) {
		let now = frame_system::Pallet::<T>::block_number();
		let window = RecordWindow::<T>::get();
		let mut count = Self::window_count(who, now, window);
		let reached = match reason {
			BanReason::ProtegesUpheld => {
				count.upheld.saturating_inc();
				count.upheld >= T::BanThreshold::get()
			},
			BanReason::Strikes => {
				count.strikes.saturating_inc();
				count.strikes >= T::StrikeLimit::get()
			},
		};
		WindowCounts::<T>::insert(who, count);
		if reached && !Self::is_banned(who) {
			let until = now.saturating_add(window);
			Bans::<T>::insert(who, Ban { from: now, until, reason });
			Self::deposit_event(Event::Banned { member: who.clone(), until, reason });
		}
	}

	/// The counts of `who`'s record window at `now`: a fresh window from `now` if theirs has
	/// passed or counts nothing.
	fn window_count(
		who: &T::AccountId,
		now: BlockNumberFor<T>,
		window: BlockNumberFor<T>,
	) -> WindowCount<BlockNumberFor<T>> {
		let count = WindowCounts::<T>::get(who);
		if count.start.saturating_add(window) <= now
			|| (count.upheld == 0 && count.strikes == 0 && count.dismissed == 0)
		{
			WindowCount { start: now, ..Default::default() }
		} else {
			count
		}
	}

	/// Counts one more dismissed complaint of `who` in their record window; at
	/// [`Config::DismissedLimit`] they are barred from filing for a window.
	fn count_dismissed(who: &T::AccountId) {
		let now = frame_system::Pallet::<T>::block_number();
		let window = RecordWindow::<T>::get();
		let mut count = Self::window_count(who, now, window);
		count.dismissed.saturating_inc();
		WindowCounts::<T>::insert(who, count);
		if count.dismissed >= T::DismissedLimit::get() && !Self::is_barred_from_filing(who) {
			let until = now.saturating_add(window);
			FilingBars::<T>::insert(who, FilingBar { from: now, until });
			Self::deposit_event(Event::FilingBarred { member: who.clone(), until });
		}
	}

	/// Whether `who` is barred from filing complaints now.
	pub fn is_barred_from_filing(who: &T::AccountId) -> bool {
		FilingBars::<T>::get(who)
			.is_some_and(|bar| frame_system::Pallet::<T>::block_number() < bar.until)
	}

	/// Whether side `index` of `case`, not yet decided, is before its first deadline: still at
	/// level 0 before that level's deadline, or at the general vote it went to at once (no
	/// level-0 panel) before the vote's.
	fn before_first_deadline(case: CaseId, index: u8, side: &SideOf<T>) -> bool {
		let now = frame_system::Pallet::<T>::block_number();
		match side.stage {
			Stage::Panel { level: 0, deadline } => now < deadline,
			Stage::GeneralVote { until } => {
				now < until && !Panels::<T>::contains_key((case, index, 0))
			},
			_ => false,
		}
	}

	/// Side `index` is done: its bond goes back to the complainant if `returned`, else to
	/// the accused. A bond the accused's account cannot receive goes back rather than stay
	/// held with no side to account for it.
	fn settle_bond(case: CaseId, index: u8, side: &SideOf<T>, returned: bool) {
		if side.bond.is_zero() {
			return;
		}
		let reason = HoldReason::ComplaintBond.into();
		if !returned {
			match T::Currency::transfer_on_hold(
				&reason,
				&side.complainant,
				&side.accused,
				side.bond,
				Precision::BestEffort,
				Restriction::Free,
				Fortitude::Force,
			) {
				Ok(amount) => {
					Self::deposit_event(Event::BondForfeited {
						case,
						side: index,
						complainant: side.complainant.clone(),
						accused: side.accused.clone(),
						amount,
					});
					return;
				},
				Err(error) => log::warn!(
					target: LOG_TARGET,
					"case {case} side {index}: bond not paid to the accused, returned: {error:?}"
				),
			}
		}
		let amount =
			T::Currency::release(&reason, &side.complainant, side.bond, Precision::BestEffort)
				.unwrap_or_else(|error| {
					log::error!(target: LOG_TARGET, "case {case} side {index}: bond: {error:?}");
					Zero::zero()
				});
		Self::deposit_event(Event::BondReturned {
			case,
			side: index,
			complainant: side.complainant.clone(),
			amount,
		});
	}

	/// Whether `who` is banned from guaranteeing now.
	pub fn is_banned(who: &T::AccountId) -> bool {
		Bans::<T>::get(who).is_some_and(|ban| frame_system::Pallet::<T>::block_number() < ban.until)
	}

	/// The parties of case `case`: every side's complainant and accused.
	pub fn parties(case: CaseId) -> Vec<T::AccountId> {
		let mut parties = Vec::new();
		for side in Cases::<T>::get(case).map(|c| c.sides.into_inner()).unwrap_or_default() {
			for who in [side.complainant, side.accused] {
				if !parties.contains(&who) {
					parties.push(who);
				}
			}
		}
		parties
	}

	/// Whether side `side` of open case `case` waits for the general vote's decision.
	pub fn at_general_vote(case: CaseId, side: u8) -> bool {
		Cases::<T>::get(case).is_some_and(|c| {
			c.closed_at.is_none()
				&& c.sides
					.get(side as usize)
					.is_some_and(|s| matches!(s.stage, Stage::GeneralVote { .. }))
		})
	}

	fn open_case(case: CaseId) -> Result<CaseOf<T>, DispatchError> {
		let record = Cases::<T>::get(case).ok_or(Error::<T>::UnknownCase)?;
		ensure!(record.closed_at.is_none(), Error::<T>::CaseClosed);
		Ok(record)
	}

	fn check_verdict(case: &CaseOf<T>, verdict: &Verdict<BalanceOf<T>>) -> DispatchResult {
		match verdict {
			Verdict::Compensate(amount) => {
				ensure!(!amount.is_zero(), Error::<T>::ZeroCompensation);
				ensure!(*amount <= case.amount, Error::<T>::AboveDealAmount);
			},
			Verdict::Revoke(amount) => ensure!(*amount <= case.amount, Error::<T>::AboveDealAmount),
			Verdict::Dismiss => {},
		}
		Ok(())
	}

	/// Files side `side`'s deadline at `at` (at the earliest the next block); returns that
	/// block.
	fn schedule(at: BlockNumberFor<T>, case: CaseId, side: u8) -> BlockNumberFor<T> {
		EscalationQueue::<T>::file(frame_system::Pallet::<T>::block_number(), at, (case, side)).at
	}

	/// Whether `who` may sit on a panel of case `case`: not already seated in it (on either
	/// side, at any level) nor accused in it. One account, one seat in a case.
	fn may_sit(case: CaseId, who: &T::AccountId) -> bool {
		!Blocks::<T>::contains_key(who, case)
	}

	/// The accused's guarantors whose guarantee is older than the disputed deal, without the
	/// complainant and anyone already seated in the case, each sitting for the accused.
	fn level_zero_panel(
		id: CaseId,
		case: &CaseOf<T>,
		complainant: &T::AccountId,
		accused: &T::AccountId,
	) -> PanelOf<T> {
		let panel: Vec<_> = T::Members::guarantors_before(accused, case.deal_opened)
			.into_iter()
			.filter(|g| g != complainant && Self::may_sit(id, g))
			.map(|g| (g, accused.clone()))
			.take(T::MaxPanel::get() as usize)
			.collect();
		BoundedVec::truncate_from(panel)
	}

	/// The panel above `panel`: the guarantors of its members whose guarantee is older than the
	/// disputed deal, without the parties and anyone already seated in the case, each sitting
	/// for the first member they guarantee; if more than `MaxPanel`, those who guarantee the
	/// most members of `panel`, ties broken by a draw from [`Config::Randomness`] (an account
	/// id can be ground, the draw cannot). The draw's subject names the hash of the block before
	/// `due`, the deadline of the level below: the chain fixed it when the level fell due, so
	/// nobody steers the draw by choosing the block they call `escalate` in.
	fn next_panel(
		case: CaseId,
		record: &CaseOf<T>,
		index: u8,
		level: u32,
		due: BlockNumberFor<T>,
	) -> PanelOf<T> {
		let Some(side) = record.sides.get(index as usize) else { return BoundedVec::new() };
		// (guarantor, sits for, how many of the panel they guarantee), in first-seen order.
		let mut candidates: Vec<(T::AccountId, T::AccountId, u32)> = Vec::new();
		for (member, _) in side.panel.iter() {
			for guarantor in T::Members::guarantors_before(member, record.deal_opened) {
				if guarantor == side.complainant
					|| guarantor == side.accused
					|| !Self::may_sit(case, &guarantor)
				{
					continue;
				}
				match candidates.iter_mut().find(|(g, _, _)| g == &guarantor) {
					Some((_, _, count)) => count.saturating_inc(),
					None => candidates.push((guarantor, member.clone(), 1)),
				}
			}
		}
		let anchor = frame_system::Pallet::<T>::block_hash(due.saturating_sub(One::one()));
		let (seed, _) = <T::Randomness as frame_support::traits::Randomness<_, _>>::random(
			&(b"synergy/panel", case, index, level, anchor).encode(),
		);
		let draw = |who: &T::AccountId| {
			<sp_runtime::traits::BlakeTwo256 as sp_runtime::traits::Hash>::hash_of(&(seed, who))
		};
		candidates.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| draw(&a.0).cmp(&draw(&b.0))));
		BoundedVec::truncate_from(
			candidates
				.into_iter()
				.take(T::MaxPanel::get() as usize)
				.map(|(g, sits_for, _)| (g, sits_for))
				.collect(),
		)
	}

	/// Seats `panel` on side `index` at `level`: its guarantees go under review (until the
	/// case closes) and each member's record counts the panel.
	fn seat_panel(
		case: CaseId,
		record: &mut CaseOf<T>,
		index: u8,
		panel: PanelOf<T>,
		level: u32,
		deadline: BlockNumberFor<T>,
	) {
		for (guarantor, sits_for) in panel.iter() {
			if !Reviews::<T>::contains_key(case, (guarantor, sits_for)) {
				Reviews::<T>::insert(case, (guarantor, sits_for), ());
				UnderReview::<T>::mutate(guarantor, sits_for, |n| n.saturating_inc());
			}
			if !Blocks::<T>::contains_key(guarantor, case) {
				Blocks::<T>::insert(guarantor, case, BlockReason::Panel);
			}
			Records::<T>::mutate(guarantor, |r| r.panels.saturating_inc());
		}
		Panels::<T>::insert((case, index, level), &panel);
		Self::deposit_event(Event::PanelDrawn {
			case,
			side: index,
			level,
			panel: panel.iter().map(|(g, _)| g.clone()).collect(),
			deadline,
		});
		if let Some(side) = record.sides.get_mut(index as usize) {
			side.panel = panel;
		}
	}

	/// The verdict side `side` is decided as at `level` with the votes cast, if any: more than
	/// half of the panel voted it; at level 0, once at least two thirds of the panel have voted.
	fn decision(
		case: CaseId,
		side: u8,
		panel: &PanelOf<T>,
		level: u32,
	) -> Option<Verdict<BalanceOf<T>>> {
		let votes: Vec<Verdict<BalanceOf<T>>> =
			panel.iter().filter_map(|(g, _)| Votes::<T>::get((case, side, level), g)).collect();
		let size = panel.len();
		if level == 0 && votes.len().saturating_mul(3) < size.saturating_mul(2) {
			return None;
		}
		votes
			.iter()
			.find(|candidate| votes.iter().filter(|v| v == candidate).count() * 2 > size)
			.copied()
	}

	/// Moves side `side` of `case` up a level, or to the general vote, if its deadline passed
	/// without a decision.
	fn do_escalate(case: CaseId, side: u8, now: BlockNumberFor<T>) -> DispatchResult {
		let mut record = Self::open_case(case)?;
		let current = record.sides.get(side as usize).ok_or(Error::<T>::UnknownSide)?.clone();
		let (level, deadline) = match current.stage {
			Stage::Panel { level, deadline } => (level, deadline),
			Stage::GeneralVote { .. } => return Err(Error::<T>::AtGeneralVote.into()),
			Stage::Done | Stage::Paying { .. } => return Err(Error::<T>::SideDone.into()),
		};
		ensure!(deadline <= now, Error::<T>::NotDue);
		let next_level = level.saturating_add(1);
		let next = Self::next_panel(case, &record, side, next_level, deadline);
		let climbs = next_level <= T::MaxEscalationDepth::get() && !next.is_empty();
		let period =
			if climbs { EscalationPeriod::<T>::get() } else { GeneralVotePeriod::<T>::get() };
		let due = Self::schedule(now.saturating_add(period), case, side);
		let next_deadline = climbs.then_some(due);
		for (member, _) in current.panel.iter() {
			if !Votes::<T>::contains_key((case, side, level), member) {
				Records::<T>::mutate(member, |r| r.strikes.saturating_inc());
				Self::count_towards_ban(member, BanReason::Strikes);
				Self::deposit_event(Event::Strike { case, side, member: member.clone() });
			}
		}
		let stage = match next_deadline {
			Some(deadline) => {
				Self::seat_panel(case, &mut record, side, next, next_level, deadline);
				Stage::Panel { level: next_level, deadline }
			},
			None => {
				let options = Self::general_vote_options(case, &record, side);
				let motions = T::GeneralVote::refer(case, side, options);
				Self::deposit_event(Event::ReferredToGeneralVote {
					case,
					side,
					until: due,
					motions,
				});
				Stage::GeneralVote { until: due }
			},
		};
		if let Some(s) = record.sides.get_mut(side as usize) {
			s.stage = stage;
			if matches!(stage, Stage::GeneralVote { .. }) {
				s.panel = BoundedVec::new();
			}
		}
		Cases::<T>::insert(case, record);
		Ok(())
	}

	/// The general meeting's options for side `side` of a case: compensate the deal's amount
	/// (paid up to the escrow behind the accused that their other deals do not need), revoke
	/// with the same payment, or dismiss — each the [`Pallet::decide`] call a motion carries.
	fn general_vote_options(
		case: CaseId,
		record: &CaseOf<T>,
		side: u8,
	) -> Vec<<T as frame_system::Config>::RuntimeCall> {
		let mut verdicts = Vec::new();
		if !record.amount.is_zero() {
			verdicts.push(Verdict::Compensate(record.amount));
		}
		verdicts.push(Verdict::Revoke(record.amount));
		verdicts.push(Verdict::Dismiss);
		verdicts
			.into_iter()
			.map(|verdict| {
				let call: <T as Config>::RuntimeCall =
					Call::<T>::decide { case, side, verdict }.into();
				call.into()
			})
			.collect()
	}

	/// What a side's due deadline asks for: the next level, or another try at its payment.
	fn do_step(case: CaseId, side: u8, now: BlockNumberFor<T>) -> DispatchResult {
		let mut record = Self::open_case(case)?;
		let stage = record.sides.get(side as usize).ok_or(Error::<T>::UnknownSide)?.stage;
		match stage {
			Stage::Paying { .. } => {
				Self::apply(case, &mut record, side);
				Cases::<T>::insert(case, record);
				Ok(())
			},
			Stage::GeneralVote { until } => {
				ensure!(until <= now, Error::<T>::NotDue);
				Self::deposit_event(Event::GeneralVoteLapsed { case, side });
				let outcome = Outcome::Decided { verdict: Verdict::Dismiss, level: None };
				Self::conclude(case, &mut record, side, outcome);
				Cases::<T>::insert(case, record);
				Ok(())
			},
			_ => Self::do_escalate(case, side, now),
		}
	}

	/// Side `side` is decided or withdrawn with `outcome`: it is applied at once.
	fn conclude(case: CaseId, record: &mut CaseOf<T>, side: u8, outcome: Outcome<BalanceOf<T>>) {
		if let Outcome::Decided { verdict, level } = outcome {
			Self::deposit_event(Event::SideDecided { case, side, verdict, level });
			// The panel members who voted otherwise: the refusal is on their record.
			if let (Some(level), Some(current)) = (level, record.sides.get(side as usize)) {
				for (member, _) in current.panel.iter() {
					let vote = Votes::<T>::get((case, side, level), member);
					if vote.is_some_and(|vote| vote != verdict) {
						Records::<T>::mutate(member, |r| r.dissents.saturating_inc());
						Self::deposit_event(Event::Dissent { case, side, member: member.clone() });
					}
				}
			}
		}
		if let Some(s) = record.sides.get_mut(side as usize) {
			s.outcome = Some(outcome);
		}
		Self::apply(case, record, side);
	}

	/// Applies side `index`'s outcome: pays a compensation first, then closes the disputed
	/// deal; counts it in the records; lifts the block of the side's accused (unfreezing their
	/// escrow and restarting their clocks when no other case accuses them); expels them on a
	/// revocation. A payment that fails leaves the side [`Stage::Paying`], tried again later.
	/// When every side is done, the case closes.
	fn apply(case: CaseId, record: &mut CaseOf<T>, index: u8) {
		let deal = record.deal;
		let Some(side) = record.sides.get(index as usize).cloned() else { return };
		let Some(outcome) = side.outcome else { return };
		let mut expel = false;
		if let Outcome::Decided { verdict, level } = outcome {
			match verdict.compensation() {
				Some(decided) => {
					let refusers =
						level.map(|l| Self::refusers(case, index, l)).unwrap_or_default();
					let first: Vec<T::AccountId> = refusers
						.iter()
						.filter(|(_, sits_for)| sits_for == &side.accused)
						.map(|(guarantor, _)| guarantor.clone())
						.collect();
					let paid = match Self::pay(case, index, &side, decided, deal, &first) {
						Ok(paid) => paid,
						Err(error) => {
							log::warn!(target: LOG_TARGET, "case {case}: not paid yet: {error:?}");
							Self::retry_later(case, record, index);
							return;
						},
					};
					T::Escrow::close_disputed(deal);
					Records::<T>::mutate(&side.accused, |r| r.upheld.saturating_inc());
					for guarantor in T::Members::guarantors_of(&side.accused) {
						Records::<T>::mutate(&guarantor, |r| r.proteges_upheld.saturating_inc());
						Self::count_towards_ban(&guarantor, BanReason::ProtegesUpheld);
					}
					// Paid first, then their guarantees end: while the accused's escrow is
					// frozen, what their deals need stays held.
					if let Some(level) = level.and_then(|l| l.checked_sub(1)) {
						Self::forfeit(case, index, level, refusers);
					}
					if let Some(s) = record.sides.get_mut(index as usize) {
						s.paid = paid;
					}
					expel = matches!(verdict, Verdict::Revoke(_));
				},
				None => {
					Records::<T>::mutate(&side.complainant, |r| r.dismissed.saturating_inc());
					Self::count_dismissed(&side.complainant);
				},
			}
		}
		let returned = match outcome {
			Outcome::Decided { verdict, .. } => verdict.compensation().is_some(),
			Outcome::Withdrawn => Self::before_first_deadline(case, index, &side),
		};
		Self::settle_bond(case, index, &side, returned);
		if let Some(s) = record.sides.get_mut(index as usize) {
			s.stage = Stage::Done;
		}
		OpenFiled::<T>::mutate(&side.complainant, |n| n.saturating_dec());
		Blocks::<T>::remove(&side.accused, case);
		let left = AccusedIn::<T>::mutate_exists(&side.accused, |n| {
			let left = n.unwrap_or_default().saturating_sub(1);
			*n = (left > 0).then_some(left);
			left
		});
		if left == 0 {
			T::Escrow::unfreeze(&side.accused);
			T::OnAccusation::cleared(&side.accused);
		}
		// Last: the expelled member's own records are settled, and their escrow, no longer
		// frozen unless another case accuses them, goes home as far as nothing needs it.
		if expel && T::Members::expel(&side.accused).is_ok() {
			Self::deposit_event(Event::AccusedExpelled {
				case,
				side: index,
				accused: side.accused.clone(),
			});
		}
		if record.sides.iter().all(|s| s.stage == Stage::Done) {
			Self::close(case, record);
		}
	}

	/// The members of side `index`'s panel one level below `level` who refused to answer —
	/// voted to dismiss, or did not vote — with the member each sat for, in the panel's order:
	/// those whose guarantee a panel at `level` that upholds the side ends. None below level 0.
	fn refusers(case: CaseId, index: u8, level: u32) -> Vec<(T::AccountId, T::AccountId)> {
		let Some(below) = level.checked_sub(1) else { return Vec::new() };
		Panels::<T>::get((case, index, below))
			.unwrap_or_default()
			.into_iter()
			.filter(|(member, _)| {
				Votes::<T>::get((case, index, below), member)
					.is_none_or(|vote| vote.compensation().is_none())
			})
			.collect()
	}

	/// Ends the guarantee each refuser at `level` sat for. A guarantee that ended since (the
	/// guarantor or the protégé left) has nothing left to forfeit.
	fn forfeit(case: CaseId, side: u8, level: u32, refusers: Vec<(T::AccountId, T::AccountId)>) {
		for (guarantor, protege) in refusers {
			match T::Members::forfeit_guarantee(&guarantor, &protege) {
				Ok(()) => Self::deposit_event(Event::GuaranteeForfeited {
					case,
					side,
					level,
					guarantor,
					protege,
				}),
				Err(error) => log::debug!(
					target: LOG_TARGET,
					"case {case}: guarantee of {protege:?} by {guarantor:?} not forfeited: {error:?}"
				),
			}
		}
	}

	/// A payment of side `index` failed: it is tried again after the escalation period.
	fn retry_later(case: CaseId, record: &mut CaseOf<T>, index: u8) {
		let now = frame_system::Pallet::<T>::block_number();
		let retry_at =
			Self::schedule(now.saturating_add(EscalationPeriod::<T>::get()), case, index);
		if let Some(s) = record.sides.get_mut(index as usize) {
			s.stage = Stage::Paying { retry_at };
		}
	}

	/// Every side is done: the guarantees drawn into its panels leave review and the case
	/// closes.
	fn close(case: CaseId, record: &mut CaseOf<T>) {
		// At most sides × (MaxEscalationDepth + 1) × MaxPanel guarantees were drawn in.
		let reviewed: Vec<_> = Reviews::<T>::drain_prefix(case).map(|(pair, _)| pair).collect();
		for (guarantor, sits_for) in reviewed {
			UnderReview::<T>::mutate_exists(&guarantor, &sits_for, |n| {
				let left = n.unwrap_or_default().saturating_sub(1);
				*n = (left > 0).then_some(left);
			});
			if Blocks::<T>::get(&guarantor, case) == Some(BlockReason::Panel) {
				Blocks::<T>::remove(&guarantor, case);
			}
		}
		CaseOfDeal::<T>::remove(record.deal);
		record.closed_at = Some(frame_system::Pallet::<T>::block_number());
		Self::deposit_event(Event::CaseClosed { case });
	}

	/// Pays the compensation `decided` for side `index`: all of it, or all the escrow behind
	/// the accused that their other open deals do not need, if that is less; the escrow of the
	/// guarantors in `first` (who refused to answer) pays first. Returns what was paid; nothing
	/// moves on error.
	fn pay(
		case: CaseId,
		index: u8,
		side: &SideOf<T>,
		decided: BalanceOf<T>,
		deal: DealId,
		first: &[T::AccountId],
	) -> Result<BalanceOf<T>, DispatchError> {
		let paid = decided.min(T::Escrow::compensable(&side.accused, deal));
		if !paid.is_zero() {
			T::Escrow::compensate_first(&side.accused, &side.complainant, paid, first)?;
		}
		Self::deposit_event(Event::CompensationPaid {
			case,
			side: index,
			accused: side.accused.clone(),
			complainant: side.complainant.clone(),
			decided,
			paid,
		});
		Ok(paid)
	}

	/// Checks the pallet's invariants:
	/// - an account is blocked as accused exactly by the sides not yet done that accuse it,
	///   and its escrow is frozen while it is;
	/// - every block and every guarantee under review belongs to an open case;
	/// - every side before a panel or the general vote, or waiting to be paid, has its deadline
	///   in the queue;
	/// - no deal has more than one complaint by the same party, and every complaint is in
	///   [`Complained`];
	/// - a done side paid at most what it decided, and all of it unless the escrow that could
	///   pay it when it was filed was smaller or other cases against the same accused were paid
	///   from it;
	/// - every vote kept is from its level's panel, and a side before a panel sits the panel its
	///   level's history records;
	/// - every complainant holds under [`HoldReason::ComplaintBond`] exactly the bonds of their
	///   sides not yet done, and a counter-complaint's bond is its complaint's.
	///
	/// Always compiled, so that the runtime's integration tests check it too; the Wasm keeps
	/// it only with `try-runtime`.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		EscalationQueue::<T>::check_pages()?;
		let queued: alloc::collections::btree_set::BTreeSet<_> =
			EscalationQueue::<T>::queued().into_iter().collect();
		use alloc::collections::{btree_map::BTreeMap, btree_set::BTreeSet};
		let mut accused: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		let mut complaints: BTreeSet<(DealId, T::AccountId)> = BTreeSet::new();
		let mut bonds: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (id, case) in Cases::<T>::iter() {
			let open = case.closed_at.is_none();
			if let (Some(complaint), Some(counter)) = (case.sides.first(), case.sides.get(1)) {
				ensure!(complaint.bond == counter.bond, "a counter-complaint with another bond");
			}
			for side in case.sides.iter() {
				let held = bonds.entry(side.complainant.clone()).or_default();
				if side.stage != Stage::Done {
					*held = held.saturating_add(side.bond);
				}
			}
			ensure!(
				!open || CaseOfDeal::<T>::get(case.deal) == Some(id),
				"an open case its deal does not point to"
			);
			for (index, side) in case.sides.iter().enumerate() {
				ensure!(
					complaints.insert((case.deal, side.complainant.clone())),
					"a deal complained about twice by the same party"
				);
				ensure!(
					Complained::<T>::get(case.deal, &side.complainant) == Some(id),
					"a complaint missing from Complained"
				);
				if side.stage != Stage::Done {
					ensure!(open, "a closed case with an open side");
					accused.entry(side.accused.clone()).or_default().saturating_inc();
				}
				let due = match side.stage {
					Stage::Panel { deadline, .. } => Some(deadline),
					Stage::Paying { retry_at } => Some(retry_at),
					Stage::GeneralVote { until } => Some(until),
					_ => None,
				};
				if let Some(due) = due {
					ensure!(
						queued.contains(&(due, (id, index as u8))),
						"an open side without its deadline in the queue"
					);
				}
				if side.stage == Stage::Done {
					let decided = match side.outcome {
						Some(Outcome::Decided { verdict, .. }) => verdict.compensation(),
						_ => None,
					};
					let decided = decided.unwrap_or_default();
					ensure!(side.paid <= decided, "a side paid more than it decided");
					ensure!(
						side.paid == decided
							|| side.insured < decided
							|| Records::<T>::get(&side.accused).upheld > 1,
						"a side paid less than it decided from escrow that was there"
					);
				}
			}
		}
		ensure!(
			Complained::<T>::iter().count() == complaints.len(),
			"a complaint in Complained without its case"
		);
		for (who, bond) in bonds {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::ComplaintBond.into(), &who) == bond,
				"a complainant's bond held is not the bonds of their open sides"
			);
		}
		for (who, count) in AccusedIn::<T>::iter() {
			ensure!(accused.get(&who) == Some(&count), "an accused count without its cases");
		}
		for (who, count) in &accused {
			ensure!(AccusedIn::<T>::get(who) == *count, "an accused without their count");
			ensure!(T::Escrow::is_frozen(who), "an accused whose escrow is not frozen");
		}
		for (who, case, reason) in Blocks::<T>::iter() {
			ensure!(
				Cases::<T>::get(case).is_some_and(|c| c.closed_at.is_none()),
				"a block without an open case"
			);
			if reason == BlockReason::Accused {
				ensure!(
					Cases::<T>::get(case).is_some_and(|c| c
						.sides
						.iter()
						.any(|s| s.accused == who && s.stage != Stage::Done)),
					"blocked as accused by a side that is done"
				);
			}
		}
		for (case, _) in Reviews::<T>::iter_keys() {
			ensure!(
				Cases::<T>::get(case).is_some_and(|c| c.closed_at.is_none()),
				"a guarantee under review without an open case"
			);
		}
		for ((case, side, level), voter) in Votes::<T>::iter_keys() {
			ensure!(
				Panels::<T>::get((case, side, level))
					.is_some_and(|panel| panel.iter().any(|(g, _)| *g == voter)),
				"a vote from outside its level's panel"
			);
		}
		for (id, case) in Cases::<T>::iter() {
			for (index, side) in case.sides.iter().enumerate() {
				if let Stage::Panel { level, .. } = side.stage {
					ensure!(
						Panels::<T>::get((id, index as u8, level)).as_ref() == Some(&side.panel),
						"a side's panel is not its level's in the history"
					);
				}
			}
		}
		Ok(())
	}
}

impl<T: Config> BlockedInspect<T::AccountId> for Pallet<T> {
	fn is_blocked(who: &T::AccountId) -> bool {
		AccusedIn::<T>::get(who) > 0
	}

	fn is_under_review(guarantor: &T::AccountId, protege: &T::AccountId) -> bool {
		UnderReview::<T>::get(guarantor, protege) > 0
	}

	fn is_banned(who: &T::AccountId) -> bool {
		Self::is_banned(who)
	}
}

impl<T: Config> ConductInspect<T::AccountId> for Pallet<T> {
	fn conduct(who: &T::AccountId) -> Conduct {
		let record = Records::<T>::get(who);
		Conduct {
			received: record.received,
			upheld: record.upheld,
			proteges_upheld: record.proteges_upheld,
			banned: Self::is_banned(who),
		}
	}
}
