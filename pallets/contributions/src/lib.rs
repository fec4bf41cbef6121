//! # Contributions: projects, validated contributions and an exact revenue split
//!
//! The cooperative's open value network (regulation §4): members form **projects** ("virtual
//! corporations": a farmer, a sausage workshop, a feed supplier, a transporter), record what they
//! contribute, validate each other's records, and share the revenue the project earns in
//! proportion to their validated contribution, weighted by a **value equation** everyone reads.
//!
//! ## Projects and participants
//! A member creates a project with the hash of its description and its first [`Equation`]; they
//! are its first participant and organiser. Who else takes part, and who organises, **the
//! participants decide by vote**: a participant proposes to admit a member ([`Pallet::invite`],
//! or [`Pallet::admit`] for one who asked with [`Pallet::request_to_join`]) or to appoint a
//! participant organiser ([`Pallet::appoint_organiser`]); the proposal is their aye, and the
//! participants who joined before it vote ([`Pallet::vote_on_motion`]). The candidate has no
//! vote. A motion passes as soon as **more than half of the participants when it opened** (the
//! candidate not counted) vote aye, fails as soon as half vote nay, and fails at the end of the
//! equation's voting period without a majority. An admission passed admits a member who asked to
//! join at once, and otherwise invites them: they join when they accept ([`Pallet::join`]), so
//! nobody is made a participant without their consent. At most [`Config::MaxOpenMotions`]
//! motions are open in a project, one per candidate; at most [`Config::MaxParticipants`]
//! participants and [`Config::MaxOrganisers`] organisers. A participant may [`Pallet::leave`]
//! (the only organiser may not); one who leaves the cooperative is removed by anyone
//! ([`Pallet::remove_departed`]).
//!
//! Why a majority and not an organiser: a project of several members is theirs together, and an
//! organiser who could admit alone could bring in accounts of their own ("socks") until they
//! outvote the others on the equation, then vote the organisers all the revenue. With the
//! majority rule no participant admits or appoints alone once another member has joined. While
//! the founder is the only participant their aye is the majority: a project of one member and the
//! accounts they bring in is that member's own, and a member who is asked to join it sees its
//! participants before accepting.
//!
//! ## The value equation
//! Points per unit of each kind of contribution ([`Kind`]: time, money, materials, introductions
//! and up to [`Config::MaxCustomKinds`] kinds of the project's own), the common fund's and the
//! organisers' shares of revenue (together at most 100 %), and the validation rules. Changing it
//! takes a vote of the participants ([`Pallet::propose_equation`], [`Pallet::vote_on_equation`]):
//! it passes when more than half of the participants at the vote's opening vote aye, and becomes
//! a new version; every version stays in [`EquationVersions`].
//!
//! **The fund's share has a floor**, [`MinFundShare`], which the general meeting sets
//! ([`Pallet::set_min_fund_share`], at most [`Config::MaxMinFundShare`]): no equation below it
//! is accepted, and revenue is always split with at least the floor to the fund, so a raised floor
//! applies at once to equations adopted before it (the organisers' share gives way if the two no
//! longer fit in the whole). A project's majority can shape its own split, never the common
//! fund's.
//!
//! ## Contributions
//! A participant records a contribution ([`Pallet::record`]: kind, quantity, evidence hash); it
//! earns `quantity × weight` points of the version in force when recorded, once **validated**.
//! Every contribution stays open for its whole challenge window ([`Equation::challenge_period`]):
//! - other participants **approve** it within the window ([`Pallet::approve`]); approvals never
//!   validate early;
//! - when the window ends unchallenged it is validated if it has the approvals its equation asks
//!   ([`Equation::approvals`]; with 0, the window alone validates it), else rejected;
//! - another participant may **challenge** it within the window ([`Pallet::challenge`]): this
//!   opens a vote of the participants ([`Pallet::vote_on_contribution`]) in which **neither the
//!   contributor nor the challenger votes or counts**, and the challenge is no vote. When at least
//!   the quorum ([`Config::ChallengeQuorum`] of that electorate, at least one vote) has voted, a
//!   majority of the votes cast decides: more accepts validate it, more rejects reject it. A
//!   vote without quorum, or tied, leaves the contribution to its approvals, as if unchallenged.
//!   A majority of the whole electorate decides before the end.
//!
//! So no single participant rejects a contribution, and no pair of friends validates one before
//! the others have had the whole window to challenge it.
//!
//! ## Deadlines
//! A block's hook decides what is due in it (windows and votes that end), through a deadline
//! queue that refuses no filing ([`synergy_primitives::deadlines`], [`DueQueue`]): however many
//! deadlines fall in one block, a record, a challenge or a proposal is never refused for want of
//! room. A block's deadlines fill as many pages of [`Config::DeadlinePageSize`] items as they
//! need; each block handles at most [`Config::DeadlinePagesPerBlock`] pages, and a burst is
//! handled over the next blocks, in order, never early. Items are never taken off the queue: a
//! contribution challenged (its deadline moved to the vote's end) or decided, a vote decided
//! early, leaves its old item queued, and the hook checks each record's own deadline when an
//! item comes, so that a stale item decides nothing (not even a newer motion or equation vote of
//! the same candidate or project). Each account may have at most
//! [`Config::MaxPendingPerParticipant`] undecided items — its records, the challenges it opened,
//! the votes it proposed.
//!
//! ## Revenue
//! Anyone pays revenue into a project ([`Pallet::pay_revenue`]). It is split exactly ([`Split`]):
//! - the **fund share** (the equation's, at least the floor) to the common fund
//!   ([`Inflow::ProjectRevenue`]);
//! - the **organisers' share**, equally among the organisers;
//! - the rest **pro rata** over the participants' validated points: each point earns
//!   `⌊rest / points⌋`, added to the project's accumulator [`Project::reward_per_point`];
//! - what rounding left (less than one unit per organiser and per point) to the common fund
//!   ([`Inflow::Remainder`]).
//!
//! `fund + per_organiser × organisers + reward_per_point × points + remainder == revenue`, to the
//! unit. The cost does not depend on the number of participants: each one's earnings are
//! `points × (accumulator − accumulator when last settled)`, brought to account when their
//! points change and paid when they **claim** ([`Pallet::claim`]). Credited money is held by the
//! pallet's account ([`HoldReason::Entitlements`]) until claimed; **it never expires**: a
//! participant who leaves, or leaves the cooperative, keeps what they earned claimable for good.
//!
//! ## Calls by who makes them
//! - members: [`Pallet::create_project`], [`Pallet::request_to_join`], [`Pallet::join`];
//! - participants: [`Pallet::invite`], [`Pallet::admit`], [`Pallet::appoint_organiser`],
//!   [`Pallet::vote_on_motion`], [`Pallet::leave`], [`Pallet::record`], [`Pallet::approve`],
//!   [`Pallet::challenge`], [`Pallet::vote_on_contribution`], [`Pallet::propose_equation`],
//!   [`Pallet::vote_on_equation`];
//! - anyone: [`Pallet::remove_departed`], [`Pallet::pay_revenue`], [`Pallet::claim`];
//! - the general meeting ([`Config::ParameterOrigin`]): [`Pallet::set_min_fund_share`].
//!
//! ```text
//! recorded ── window (approvals, challenge) ──┬─ unchallenged ─┬─ approvals met ──► validated
//!                                             │                └─ short ─────────► rejected
//!                                             └─ challenged ── vote ─┬─ quorum, majority ─► validated / rejected
//!                                                                    └─ no quorum or tie ─► by its approvals
//! ```

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

use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{self, Inspect, InspectHold, Mutate, MutateHold},
		tokens::{Fortitude, Precision, Preservation, Restriction},
	},
	PalletId,
};
use frame_system::pallet_prelude::*;
use sp_core::H256;
use sp_runtime::{
	traits::{AccountIdConversion, Saturating},
	Perbill,
};
use synergy_primitives::DeadlineQueue;
pub use synergy_primitives::{CommonFund, Inflow, MembershipInspect};

pub use pallet::*;
pub use types::*;
pub use views::*;
pub use weights::WeightInfo;

/// A project's value equation as stored.
pub type EquationOf<T> = Equation<BlockNumberFor<T>, <T as Config>::MaxCustomKinds>;
/// A project as stored.
pub type ProjectOf<T> = Project<
	<T as frame_system::Config>::AccountId,
	BlockNumberFor<T>,
	<T as Config>::MaxOrganisers,
>;
/// A contribution as stored.
pub type ContributionOf<T> =
	Contribution<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
/// An equation vote as stored.
pub type EquationProposalOf<T> = EquationProposal<
	<T as frame_system::Config>::AccountId,
	BlockNumberFor<T>,
	<T as Config>::MaxCustomKinds,
>;
/// An admission or appointment motion as stored.
pub type MotionOf<T> = Motion<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
/// What a block's hook decides, as stored.
pub type DueOf<T> = Due<<T as frame_system::Config>::AccountId>;

/// What the hooks decide, due in each block (see [`Deadlines`]).
pub type DueQueue<T> = DeadlineQueue<
	Deadlines<T>,
	DeadlineOverflow<T>,
	DeadlinePages<T>,
	DeadlineBacklog<T>,
	BlockNumberFor<T>,
	DueOf<T>,
	<T as Config>::DeadlinePageSize,
>;

/// How the benchmarks make members on the runtime they run on.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Makes `who` a member in good standing.
	fn make_member(who: &AccountId);
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
		/// The currency revenue is paid in (balances of 128 bits: the accumulator's arithmetic
		/// is exact in them).
		type Currency: fungible::Mutate<Self::AccountId, Balance = Amount>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reasons.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who the members are.
		type Members: MembershipInspect<Self::AccountId>;

		/// The common fund, which takes the fund share and the remainders.
		type Fund: CommonFund<Self::AccountId, Amount>;

		/// The account holding credited revenue until claimed is derived from this id.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The most participants a project may have.
		#[pallet::constant]
		type MaxParticipants: Get<u32>;

		/// The most organisers a project may have (the organisers' share is credited to each).
		#[pallet::constant]
		type MaxOrganisers: Get<u32>;

		/// The most project-defined kinds of contribution an equation may weigh.
		#[pallet::constant]
		type MaxCustomKinds: Get<u32>;

		/// The contribution and vote deadlines in one page of the deadline queue: a block's
		/// deadlines fill as many pages as they need.
		#[pallet::constant]
		type DeadlinePageSize: Get<u32>;

		/// The most pages of deadlines one block handles (the bound of the hook's work); the
		/// rest wait for the next blocks.
		#[pallet::constant]
		type DeadlinePagesPerBlock: Get<u32>;

		/// The most undecided items (records, challenges, proposed votes) one account may have,
		/// all projects together: what one account keeps open for others to decide on.
		#[pallet::constant]
		type MaxPendingPerParticipant: Get<u32>;

		/// The most admission and appointment motions a project may have open.
		#[pallet::constant]
		type MaxOpenMotions: Get<u32>;

		/// The share of a challenge vote's electorate (the participants but the contributor and
		/// the challenger) that must vote for the majority of the votes cast to decide.
		#[pallet::constant]
		type ChallengeQuorum: Get<Perbill>;

		/// The floor of the common fund's share of revenue until genesis or the general meeting
		/// sets one.
		#[pallet::constant]
		type DefaultMinFundShare: Get<Perbill>;

		/// The highest floor the general meeting may set, so that projects keep a share of their
		/// revenue.
		#[pallet::constant]
		type MaxMinFundShare: Get<Perbill>;

		/// Who sets the floor of the fund's share: the general meeting.
		type ParameterOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The most items (participants, versions, contributions) one query lists.
		#[pallet::constant]
		type MaxListed: Get<u32>;

		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;

		/// Makes members for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Why the pallet holds money.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// Revenue credited to organisers and participants and not yet claimed, on the pallet's
		/// account.
		#[codec(index = 0)]
		Entitlements,
	}

	/// The number the next project gets.
	#[pallet::storage]
	pub type NextProjectId<T: Config> = StorageValue<_, ProjectId, ValueQuery>;

	/// Every project.
	#[pallet::storage]
	pub type Projects<T: Config> = StorageMap<_, Twox64Concat, ProjectId, ProjectOf<T>>;

	/// Every version of every project's value equation.
	#[pallet::storage]
	pub type EquationVersions<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ProjectId, Twox64Concat, Version, EquationOf<T>>;

	/// Each account's place in each project it joined: points and earnings (kept after leaving).
	#[pallet::storage]
	pub type Shares<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ProjectId,
		Blake2_128Concat,
		T::AccountId,
		Share<BlockNumberFor<T>>,
	>;

	/// The projects each account has joined (an index of [`Shares`] by account).
	#[pallet::storage]
	pub type ProjectsOf<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, ProjectId, ()>;

	/// Open invitations: the participants voted to admit these members, who have not yet
	/// accepted.
	#[pallet::storage]
	pub type Invitations<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ProjectId, Blake2_128Concat, T::AccountId, ()>;

	/// Open requests to join, waiting for the participants' vote.
	#[pallet::storage]
	pub type Requests<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ProjectId, Blake2_128Concat, T::AccountId, ()>;

	/// The number the next contribution gets.
	#[pallet::storage]
	pub type NextContributionId<T: Config> = StorageValue<_, ContributionId, ValueQuery>;

	/// Every contribution, pending or decided.
	#[pallet::storage]
	pub type Contributions<T: Config> =
		StorageMap<_, Twox64Concat, ContributionId, ContributionOf<T>>;

	/// The contributions of each account (an index of [`Contributions`]).
	#[pallet::storage]
	pub type ContributionsOf<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, ContributionId, ()>;

	/// Approvals of pending contributions, by contribution and approver.
	#[pallet::storage]
	pub type Approvals<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ContributionId, Blake2_128Concat, T::AccountId, ()>;

	/// Votes on challenged contributions (`true`: accept), by contribution and voter.
	#[pallet::storage]
	pub type ContributionVotes<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ContributionId, Blake2_128Concat, T::AccountId, bool>;

	/// Each project's open equation vote.
	#[pallet::storage]
	pub type EquationProposals<T: Config> =
		StorageMap<_, Twox64Concat, ProjectId, EquationProposalOf<T>>;

	/// Votes on equations (`true`: aye), by project, round and voter (kept after the vote).
	#[pallet::storage]
	pub type EquationVotes<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, ProjectId>,
			NMapKey<Twox64Concat, u32>,
			NMapKey<Blake2_128Concat, T::AccountId>,
		),
		bool,
	>;

	/// Each project's open admission and appointment motions, by candidate.
	#[pallet::storage]
	pub type Motions<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ProjectId, Blake2_128Concat, T::AccountId, MotionOf<T>>;

	/// Votes on motions (`true`: aye), by project, round and voter (kept after the vote).
	#[pallet::storage]
	pub type MotionVotes<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, ProjectId>,
			NMapKey<Twox64Concat, u32>,
			NMapKey<Blake2_128Concat, T::AccountId>,
		),
		bool,
	>;

	/// How many undecided items each account has waiting in the deadline queues: its pending and
	/// challenged records, the challenges it opened, the equation votes and motions it proposed.
	#[pallet::storage]
	pub type PendingOf<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The floor of the common fund's share of every project's revenue, set by the general
	/// meeting.
	#[pallet::storage]
	pub type MinFundShare<T: Config> = StorageValue<_, Perbill, ValueQuery, T::DefaultMinFundShare>;

	/// What each block's hook decides: contributions whose window or vote ends, equation votes
	/// and motions that end. The first page of each block's queue ([`DueQueue`]).
	#[pallet::storage]
	pub type Deadlines<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<DueOf<T>, T::DeadlinePageSize>,
		ValueQuery,
	>;

	/// The further pages of a block's deadlines, numbered from 1.
	#[pallet::storage]
	pub type DeadlineOverflow<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		Twox64Concat,
		u32,
		BoundedVec<DueOf<T>, T::DeadlinePageSize>,
		ValueQuery,
	>;

	/// How many further pages of deadlines a block has.
	#[pallet::storage]
	pub type DeadlinePages<T: Config> =
		StorageMap<_, Twox64Concat, BlockNumberFor<T>, u32, ValueQuery>;

	/// The oldest block whose deadlines still wait, when a burst left more than a block
	/// handles.
	#[pallet::storage]
	pub type DeadlineBacklog<T: Config> = StorageValue<_, BlockNumberFor<T>, OptionQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The floor of the fund's share; `None` keeps [`Config::DefaultMinFundShare`].
		pub min_fund_share: Option<Perbill>,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// The account's existential deposit keeps it alive; it is nobody's entitlement.
			#![allow(clippy::expect_used)]
			T::Currency::mint_into(&Pallet::<T>::account_id(), T::Currency::minimum_balance())
				.expect("the entitlements account can be created");
			if let Some(share) = self.min_fund_share {
				assert!(share <= T::MaxMinFundShare::get(), "the fund's floor is above its limit");
				MinFundShare::<T>::put(share);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A member created a project; its first equation is version 0.
		ProjectCreated { project: ProjectId, founder: T::AccountId, description: H256 },
		/// A version of a project's value equation came into force.
		EquationAdopted { project: ProjectId, version: Version, equation: EquationOf<T> },
		/// The participants voted to admit a member, who joins when they accept.
		Invited { project: ProjectId, who: T::AccountId },
		/// A member asked to join.
		JoinRequested { project: ProjectId, who: T::AccountId },
		/// A member joined (again, with the points they had).
		Joined { project: ProjectId, who: T::AccountId, points: Points },
		/// A participant left; `departed` when removed for having left the cooperative.
		Left { project: ProjectId, who: T::AccountId, departed: bool },
		/// The participants appointed an organiser.
		OrganiserAppointed { project: ProjectId, who: T::AccountId },
		/// A participant proposed to admit or appoint a candidate (their proposal is their aye):
		/// the participants vote until `ends`.
		MotionProposed {
			project: ProjectId,
			candidate: T::AccountId,
			kind: MotionKind,
			round: u32,
			proposer: T::AccountId,
			electorate: u32,
			ends: BlockNumberFor<T>,
		},
		/// A participant voted on a motion.
		MotionVoted {
			project: ProjectId,
			candidate: T::AccountId,
			round: u32,
			who: T::AccountId,
			aye: bool,
		},
		/// A majority of the participants passed a motion (what it decided follows: `Invited`,
		/// `Joined` or `OrganiserAppointed`; nothing if its candidate is no longer eligible).
		MotionPassed { project: ProjectId, candidate: T::AccountId, kind: MotionKind, round: u32 },
		/// A motion did not win a majority of the participants.
		MotionRefused { project: ProjectId, candidate: T::AccountId, kind: MotionKind, round: u32 },
		/// A participant recorded a contribution, pending until validated.
		ContributionRecorded {
			id: ContributionId,
			project: ProjectId,
			contributor: T::AccountId,
			kind: Kind,
			quantity: u64,
			evidence: H256,
			version: Version,
			points: Points,
			window_ends: BlockNumberFor<T>,
		},
		/// A participant approved a pending contribution.
		ContributionApproved { id: ContributionId, by: T::AccountId, approvals: u32 },
		/// A participant challenged a pending contribution: the participants but its contributor
		/// and challenger (`electorate`) vote until `ends`; `quorum` votes make the vote count.
		ContributionChallenged {
			id: ContributionId,
			by: T::AccountId,
			electorate: u32,
			quorum: u32,
			ends: BlockNumberFor<T>,
		},
		/// A participant voted on a challenged contribution.
		ContributionVoted { id: ContributionId, who: T::AccountId, accept: bool },
		/// A contribution was validated: its points now count.
		ContributionValidated {
			id: ContributionId,
			project: ProjectId,
			contributor: T::AccountId,
			points: Points,
			by: Validation,
		},
		/// A contribution was rejected: it earns nothing.
		ContributionRejected {
			id: ContributionId,
			project: ProjectId,
			contributor: T::AccountId,
			by: Rejection,
		},
		/// A participant proposed a new equation (their proposal is their aye).
		EquationProposed {
			project: ProjectId,
			round: u32,
			proposer: T::AccountId,
			electorate: u32,
			ends: BlockNumberFor<T>,
		},
		/// A participant voted on a proposed equation.
		EquationVoted { project: ProjectId, round: u32, who: T::AccountId, aye: bool },
		/// A proposed equation did not win a majority of the participants.
		EquationRefused { project: ProjectId, round: u32 },
		/// Revenue was paid into a project and split exactly by equation `version`.
		RevenuePaid { project: ProjectId, payer: T::AccountId, version: Version, split: Split },
		/// An organiser or participant claimed what they earned.
		Claimed { project: ProjectId, who: T::AccountId, amount: Amount },
		/// The general meeting set the floor of the fund's share of every project's revenue.
		MinFundShareSet { share: Perbill },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Only members in good standing may create or join projects.
		NotMember,
		/// No project has this number.
		UnknownProject,
		/// No contribution has this number.
		UnknownContribution,
		/// The account does not participate in the project.
		NotParticipant,
		/// The member already participates.
		AlreadyParticipant,
		/// The member is already invited.
		AlreadyInvited,
		/// The member was not invited.
		NotInvited,
		/// The member has already asked to join.
		AlreadyRequested,
		/// The member has not asked to join.
		NoRequest,
		/// The project has as many participants as allowed.
		ProjectFull,
		/// The only organiser may not leave: appoint another first.
		LastOrganiser,
		/// The participant is already an organiser.
		AlreadyOrganiser,
		/// The project has as many organisers as allowed.
		TooManyOrganisers,
		/// The participant is still a member of the cooperative.
		StillMember,
		/// The fund's and the organisers' shares add up to more than the whole.
		SharesOverWhole,
		/// The challenge and voting periods must be above zero.
		InvalidRules,
		/// The fund's share is below the floor the general meeting set.
		FundShareBelowFloor,
		/// The floor is above the highest the runtime allows.
		FloorAboveLimit,
		/// The equation in force does not accept this kind of contribution.
		KindNotInEquation,
		/// A contribution of nothing.
		ZeroQuantity,
		/// A contributor may not approve, challenge or vote on their own contribution.
		OwnContribution,
		/// A challenger may not vote on their own challenge.
		OwnChallenge,
		/// The contribution is not pending.
		NotPending,
		/// The participant has already approved this contribution.
		AlreadyApproved,
		/// The contribution's challenge window has passed: it is no longer approved or
		/// challenged.
		ChallengeWindowClosed,
		/// The contribution is not challenged.
		NotChallenged,
		/// The participant has already voted.
		AlreadyVoted,
		/// The participant joined after the vote opened.
		JoinedAfterVoteOpened,
		/// The vote has ended.
		VoteEnded,
		/// The project already has an equation vote open.
		VoteOpen,
		/// The project has no equation vote open.
		NoVote,
		/// The candidate already has a motion open in the project.
		MotionOpen,
		/// The candidate has no motion open in the project.
		NoMotion,
		/// The project has as many motions open as allowed.
		TooManyMotions,
		/// A candidate may not propose or vote on their own motion.
		OwnMotion,
		/// The account has as many undecided records, challenges and proposed votes as allowed.
		TooManyPending,
		/// Revenue of nothing.
		ZeroRevenue,
		/// No participant has validated points yet: the revenue would have no one to go to.
		NoValidatedPoints,
		/// The payer cannot pay that much (and stay alive).
		CannotPay,
		/// The project's accounting would overflow.
		Overflow,
		/// There is nothing to claim.
		NothingToClaim,
		/// The claim could not be paid (to an account below the existential deposit); it stays
		/// claimable.
		ClaimFailed,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Decides the contributions whose challenge window or vote ends this block, and the
		/// equation votes and motions that end: those due in this block or, after a burst, those
		/// the earlier blocks left (at most [`Config::DeadlinePagesPerBlock`] pages a block).
		/// Each record is checked against its own deadline: a stale item decides nothing.
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			let due = DueQueue::<T>::take_due(now, T::DeadlinePagesPerBlock::get());
			if due.items.is_empty() && due.blocks <= 1 {
				return T::WeightInfo::on_initialize_idle();
			}
			let stepped = due.blocks;
			let (mut contributions, mut votes) = (0u32, 0u32);
			for item in due.items {
				match item {
					Due::Contribution(id) => {
						contributions.saturating_inc();
						Self::contribution_due(id, now);
					},
					Due::Equation(project) => {
						votes.saturating_inc();
						// A vote decided early, or a newer one due later: not this item's.
						if let Some(proposal) =
							EquationProposals::<T>::get(project).filter(|p| p.due <= now)
						{
							let passed = majority(proposal.ayes, proposal.electorate);
							Self::decide_equation(project, proposal, passed);
						}
					},
					Due::Motion(project, candidate) => {
						votes.saturating_inc();
						// A motion decided early, or a newer one due later: not this item's.
						if let Some(motion) =
							Motions::<T>::get(project, &candidate).filter(|m| m.due <= now)
						{
							let passed = majority(motion.ayes, motion.electorate);
							Self::decide_motion(project, &candidate, motion, passed);
						}
					},
				}
			}
			// A motion closed at its end is refused (a majority passes it at once), which costs
			// less than an equation adopted; a contribution is charged as one decided by its
			// vote, which releases its contributor's and its challenger's counts.
			T::WeightInfo::on_initialize_contributions(contributions, stepped)
				.saturating_add(T::WeightInfo::on_initialize_equations(votes))
		}

		fn integrity_test() {
			assert!(T::DeadlinePageSize::get() > 0, "a deadline page would hold nothing");
			assert!(T::DeadlinePagesPerBlock::get() > 0, "no deadline would ever be handled");
			assert!(T::MaxPendingPerParticipant::get() > 0, "nobody could record anything");
			assert!(T::MaxOpenMotions::get() > 0, "nobody could be admitted");
			assert!(
				T::DefaultMinFundShare::get() <= T::MaxMinFundShare::get(),
				"the default floor of the fund's share is above its limit"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Creates a project with the hash of its description and its first value equation; the
		/// creator is its first participant and organiser.
		#[pallet::call_index(0)]
		// Measured before the floor of the fund's share: one more read.
		#[pallet::weight(T::WeightInfo::create_project().saturating_add(T::DbWeight::get().reads(1)))]
		pub fn create_project(
			origin: OriginFor<T>,
			description: H256,
			equation: EquationOf<T>,
		) -> DispatchResult {
			let founder = ensure_signed(origin)?;
			ensure!(T::Members::is_in_good_standing(&founder), Error::<T>::NotMember);
			Self::check_equation(&equation)?;
			let project = NextProjectId::<T>::get();
			let now = frame_system::Pallet::<T>::block_number();
			let organisers = BoundedVec::truncate_from(alloc::vec![founder.clone()]);
			NextProjectId::<T>::put(project.checked_add(1).ok_or(Error::<T>::Overflow)?);
			Projects::<T>::insert(
				project,
				Project {
					founder: founder.clone(),
					description,
					created: now,
					organisers,
					version: 0,
					participants: 1,
					total_points: 0,
					reward_per_point: 0,
					totals: Totals::default(),
					rounds: 0,
					motions: 0,
					open_motions: 0,
				},
			);
			Shares::<T>::insert(project, &founder, Self::new_share(now, 0));
			ProjectsOf::<T>::insert(&founder, project, ());
			EquationVersions::<T>::insert(project, 0, &equation);
			Self::deposit_event(Event::ProjectCreated { project, founder, description });
			Self::deposit_event(Event::EquationAdopted { project, version: 0, equation });
			Ok(())
		}

		/// A participant proposes to admit a member in good standing; the participants vote
		/// ([`Pallet::vote_on_motion`]; the proposal is the proposer's aye). Passed, the member is
		/// admitted at once if they asked to join, else invited: they join with [`Pallet::join`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::invite())]
		pub fn invite(
			origin: OriginFor<T>,
			project: ProjectId,
			who: T::AccountId,
		) -> DispatchResult {
			let by = ensure_signed(origin)?;
			let record = Self::project(project)?;
			ensure!(Self::participates(project, &by), Error::<T>::NotParticipant);
			ensure!(T::Members::is_in_good_standing(&who), Error::<T>::NotMember);
			ensure!(!Self::participates(project, &who), Error::<T>::AlreadyParticipant);
			ensure!(!Invitations::<T>::contains_key(project, &who), Error::<T>::AlreadyInvited);
			Self::open_motion(project, record, by, who, MotionKind::Admission)
		}

		/// A member asks to join; a participant proposes their admission with [`Pallet::admit`]
		/// and the participants vote.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::request_to_join())]
		pub fn request_to_join(origin: OriginFor<T>, project: ProjectId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::project(project)?;
			ensure!(T::Members::is_in_good_standing(&who), Error::<T>::NotMember);
			ensure!(!Self::participates(project, &who), Error::<T>::AlreadyParticipant);
			ensure!(!Invitations::<T>::contains_key(project, &who), Error::<T>::AlreadyInvited);
			ensure!(!Requests::<T>::contains_key(project, &who), Error::<T>::AlreadyRequested);
			Requests::<T>::insert(project, &who, ());
			Self::deposit_event(Event::JoinRequested { project, who });
			Ok(())
		}

		/// A member the participants voted to admit accepts the invitation and joins.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::join())]
		pub fn join(origin: OriginFor<T>, project: ProjectId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let record = Self::project(project)?;
			ensure!(Invitations::<T>::contains_key(project, &who), Error::<T>::NotInvited);
			Self::activate(project, record, &who)
		}

		/// A participant proposes to admit a member who asked to join; the participants vote
		/// ([`Pallet::vote_on_motion`]; the proposal is the proposer's aye). Passed, the member
		/// joins at once.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::admit())]
		pub fn admit(
			origin: OriginFor<T>,
			project: ProjectId,
			who: T::AccountId,
		) -> DispatchResult {
			let by = ensure_signed(origin)?;
			let record = Self::project(project)?;
			ensure!(Self::participates(project, &by), Error::<T>::NotParticipant);
			ensure!(Requests::<T>::contains_key(project, &who), Error::<T>::NoRequest);
			ensure!(T::Members::is_in_good_standing(&who), Error::<T>::NotMember);
			Self::open_motion(project, record, by, who, MotionKind::Admission)
		}

		/// A participant leaves: their points stop earning, what they earned stays claimable,
		/// their pending contributions are still decided. The only organiser may not leave.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::leave())]
		pub fn leave(origin: OriginFor<T>, project: ProjectId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let record = Self::project(project)?;
			ensure!(
				record.organisers.len() != 1 || !record.organisers.contains(&who),
				Error::<T>::LastOrganiser
			);
			Self::deactivate(project, record, &who, false)
		}

		/// A participant proposes to appoint another participant organiser; the participants but
		/// the candidate vote ([`Pallet::vote_on_motion`]; the proposal is the proposer's aye).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::appoint_organiser())]
		pub fn appoint_organiser(
			origin: OriginFor<T>,
			project: ProjectId,
			who: T::AccountId,
		) -> DispatchResult {
			let by = ensure_signed(origin)?;
			let record = Self::project(project)?;
			ensure!(Self::participates(project, &by), Error::<T>::NotParticipant);
			ensure!(by != who, Error::<T>::OwnMotion);
			ensure!(Self::participates(project, &who), Error::<T>::NotParticipant);
			ensure!(!record.organisers.contains(&who), Error::<T>::AlreadyOrganiser);
			ensure!(
				(record.organisers.len() as u32) < T::MaxOrganisers::get(),
				Error::<T>::TooManyOrganisers
			);
			Self::open_motion(project, record, by, who, MotionKind::Appointment)
		}

		/// Anyone removes a participant who is no longer a member of the cooperative: their
		/// points stop earning; what they earned stays claimable.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::remove_departed())]
		pub fn remove_departed(
			origin: OriginFor<T>,
			project: ProjectId,
			who: T::AccountId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			let record = Self::project(project)?;
			ensure!(!T::Members::is_member(&who), Error::<T>::StillMember);
			Self::deactivate(project, record, &who, true)
		}

		/// A participant records a contribution: `quantity` of `kind` (in the kind's unit), with
		/// the hash of its evidence. It earns `quantity ×` the kind's weight in the equation in
		/// force, once validated.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::record())]
		pub fn record(
			origin: OriginFor<T>,
			project: ProjectId,
			kind: Kind,
			quantity: u64,
			evidence: H256,
		) -> DispatchResult {
			let contributor = ensure_signed(origin)?;
			let record = Self::project(project)?;
			ensure!(Self::participates(project, &contributor), Error::<T>::NotParticipant);
			ensure!(quantity > 0, Error::<T>::ZeroQuantity);
			let equation = Self::equation(project, record.version)?;
			let weight = equation.weight_of(kind).ok_or(Error::<T>::KindNotInEquation)?;
			let points = Points::from(quantity).saturating_mul(Points::from(weight));
			let now = frame_system::Pallet::<T>::block_number();
			let window_ends = now.saturating_add(equation.challenge_period);
			let pending = Self::one_more_pending(&contributor)?;
			let id = NextContributionId::<T>::get();
			let due = Self::file(now, window_ends, Due::Contribution(id));
			NextContributionId::<T>::put(id.saturating_add(1));
			PendingOf::<T>::insert(&contributor, pending);
			Contributions::<T>::insert(
				id,
				Contribution {
					project,
					contributor: contributor.clone(),
					kind,
					quantity,
					evidence,
					version: record.version,
					points,
					approvals_needed: equation.approvals,
					recorded: now,
					status: Status::Pending { approvals: 0, window_ends },
					due: Some(due),
				},
			);
			ContributionsOf::<T>::insert(&contributor, id, ());
			Self::deposit_event(Event::ContributionRecorded {
				id,
				project,
				contributor,
				kind,
				quantity,
				evidence,
				version: record.version,
				points,
				window_ends,
			});
			Ok(())
		}

		/// Another participant approves a pending contribution within its window. Approvals do
		/// not close the window: when it ends unchallenged, the contribution is validated if it
		/// has the approvals its equation asks.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::approve())]
		pub fn approve(origin: OriginFor<T>, id: ContributionId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut contribution = Self::contribution(id)?;
			let Status::Pending { approvals, window_ends } = contribution.status else {
				return Err(Error::<T>::NotPending.into());
			};
			Self::ensure_peer(&contribution, &who)?;
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now < window_ends, Error::<T>::ChallengeWindowClosed);
			ensure!(!Approvals::<T>::contains_key(id, &who), Error::<T>::AlreadyApproved);
			Approvals::<T>::insert(id, &who, ());
			let approvals = approvals.saturating_add(1);
			contribution.status = Status::Pending { approvals, window_ends };
			Contributions::<T>::insert(id, contribution);
			Self::deposit_event(Event::ContributionApproved { id, by: who, approvals });
			Ok(())
		}

		/// Another participant challenges a pending contribution within its window: the
		/// participants but its contributor and challenger vote on it. The challenge is no vote.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::challenge())]
		pub fn challenge(origin: OriginFor<T>, id: ContributionId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut contribution = Self::contribution(id)?;
			let Status::Pending { approvals, window_ends } = contribution.status else {
				return Err(Error::<T>::NotPending.into());
			};
			Self::ensure_peer(&contribution, &who)?;
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now < window_ends, Error::<T>::ChallengeWindowClosed);
			let pending = Self::one_more_pending(&who)?;
			let project = Self::project(contribution.project)?;
			let voting_period =
				Self::equation(contribution.project, contribution.version)?.voting_period;
			let ends = now.saturating_add(voting_period);
			// The window's item stays queued, stale: the contribution's deadline is the vote's.
			let due = Self::file(now, ends, Due::Contribution(id));
			// Neither the contributor nor the challenger votes, nor counts.
			let contributor_votes =
				u32::from(Self::participates(contribution.project, &contribution.contributor));
			let electorate =
				project.participants.saturating_sub(contributor_votes).saturating_sub(1);
			let quorum = T::ChallengeQuorum::get().mul_ceil(electorate).max(1);
			contribution.due = Some(due);
			contribution.status = Status::Challenged {
				challenger: who.clone(),
				approvals,
				electorate,
				quorum,
				opened: now,
				ends,
				accept: 0,
				reject: 0,
			};
			PendingOf::<T>::insert(&who, pending);
			Contributions::<T>::insert(id, contribution);
			Self::deposit_event(Event::ContributionChallenged {
				id,
				by: who,
				electorate,
				quorum,
				ends,
			});
			Ok(())
		}

		/// A participant (who joined before the challenge; neither the contributor nor the
		/// challenger) votes on a challenged contribution. With the quorum reached, a majority of
		/// the whole electorate either way decides it at once.
		#[pallet::call_index(11)]
		// The measured weight, plus releasing the contributor's and challenger's counts.
		#[pallet::weight(T::WeightInfo::vote_on_contribution()
			.saturating_add(T::DbWeight::get().reads_writes(2, 2)))]
		pub fn vote_on_contribution(
			origin: OriginFor<T>,
			id: ContributionId,
			accept: bool,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut contribution = Self::contribution(id)?;
			let Status::Challenged { ref challenger, opened, ends, .. } = contribution.status
			else {
				return Err(Error::<T>::NotChallenged.into());
			};
			ensure!(who != contribution.contributor, Error::<T>::OwnContribution);
			ensure!(who != *challenger, Error::<T>::OwnChallenge);
			Self::ensure_voter(contribution.project, &who, opened, ends)?;
			ensure!(!ContributionVotes::<T>::contains_key(id, &who), Error::<T>::AlreadyVoted);
			ContributionVotes::<T>::insert(id, &who, accept);
			if let Status::Challenged { accept: ayes, reject: nays, .. } = &mut contribution.status
			{
				if accept {
					ayes.saturating_inc();
				} else {
					nays.saturating_inc();
				}
			}
			Self::deposit_event(Event::ContributionVoted { id, who, accept });
			Self::decide_early(id, &mut contribution);
			Contributions::<T>::insert(id, contribution);
			Ok(())
		}

		/// A participant proposes a new value equation; the participants vote on it (the
		/// proposal is the proposer's aye). It applies to contributions recorded after it passes.
		#[pallet::call_index(12)]
		// Measured before the floor of the fund's share: one more read.
		#[pallet::weight(T::WeightInfo::propose_equation().saturating_add(T::DbWeight::get().reads(1)))]
		pub fn propose_equation(
			origin: OriginFor<T>,
			project: ProjectId,
			equation: EquationOf<T>,
		) -> DispatchResult {
			let proposer = ensure_signed(origin)?;
			let mut record = Self::project(project)?;
			ensure!(Self::participates(project, &proposer), Error::<T>::NotParticipant);
			ensure!(!EquationProposals::<T>::contains_key(project), Error::<T>::VoteOpen);
			Self::check_equation(&equation)?;
			let pending = Self::one_more_pending(&proposer)?;
			let now = frame_system::Pallet::<T>::block_number();
			let ends = now.saturating_add(Self::equation(project, record.version)?.voting_period);
			let due = Self::file(now, ends, Due::Equation(project));
			let round = record.rounds;
			record.rounds = round.saturating_add(1);
			let electorate = record.participants;
			Projects::<T>::insert(project, record);
			PendingOf::<T>::insert(&proposer, pending);
			EquationVotes::<T>::insert((project, round, &proposer), true);
			Self::deposit_event(Event::EquationProposed {
				project,
				round,
				proposer: proposer.clone(),
				electorate,
				ends,
			});
			let proposal = EquationProposal {
				round,
				proposer,
				equation,
				opened: now,
				ends,
				electorate,
				ayes: 1,
				nays: 0,
				due,
			};
			Self::decide_equation_early(project, proposal);
			Ok(())
		}

		/// A participant (who joined before the vote opened) votes on a proposed equation. More
		/// than half of the electorate voting aye adopts it at once; half voting nay refuses it.
		#[pallet::call_index(13)]
		// The measured weight, plus releasing the proposer's count.
		#[pallet::weight(T::WeightInfo::vote_on_equation()
			.saturating_add(T::DbWeight::get().reads_writes(1, 1)))]
		pub fn vote_on_equation(
			origin: OriginFor<T>,
			project: ProjectId,
			aye: bool,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut proposal = EquationProposals::<T>::get(project).ok_or(Error::<T>::NoVote)?;
			Self::ensure_voter(project, &who, proposal.opened, proposal.ends)?;
			let key = (project, proposal.round, &who);
			ensure!(!EquationVotes::<T>::contains_key(key), Error::<T>::AlreadyVoted);
			EquationVotes::<T>::insert(key, aye);
			if aye {
				proposal.ayes.saturating_inc();
			} else {
				proposal.nays.saturating_inc();
			}
			Self::deposit_event(Event::EquationVoted { project, round: proposal.round, who, aye });
			Self::decide_equation_early(project, proposal);
			Ok(())
		}

		/// Anyone pays revenue into a project. It is split at once, exactly: the fund share and
		/// the remainder to the common fund, the organisers' share and the pro-rata rest credited
		/// to organisers and participants, who claim it with [`Pallet::claim`].
		#[pallet::call_index(14)]
		// Measured before the floor of the fund's share: one more read.
		#[pallet::weight(T::WeightInfo::pay_revenue().saturating_add(T::DbWeight::get().reads(1)))]
		pub fn pay_revenue(
			origin: OriginFor<T>,
			project: ProjectId,
			amount: Amount,
		) -> DispatchResult {
			let payer = ensure_signed(origin)?;
			ensure!(amount > 0, Error::<T>::ZeroRevenue);
			let mut record = Self::project(project)?;
			ensure!(record.total_points > 0, Error::<T>::NoValidatedPoints);
			ensure!(
				T::Currency::reducible_balance(&payer, Preservation::Preserve, Fortitude::Polite)
					>= amount,
				Error::<T>::CannotPay
			);
			let split = Self::split(project, &record, amount)?;
			record.reward_per_point = record
				.reward_per_point
				.checked_add(split.reward_per_point)
				.ok_or(Error::<T>::Overflow)?;
			T::Fund::pay_in(&payer, split.fund, Inflow::ProjectRevenue)?;
			T::Fund::pay_in(&payer, split.remainder, Inflow::Remainder)?;
			let credited = split.to_organisers().saturating_add(split.to_participants());
			if credited > 0 {
				T::Currency::transfer_and_hold(
					&HoldReason::Entitlements.into(),
					&payer,
					&Self::account_id(),
					credited,
					Precision::Exact,
					Preservation::Preserve,
					Fortitude::Polite,
				)
				.map_err(|_| Error::<T>::CannotPay)?;
			}
			for organiser in &record.organisers {
				Shares::<T>::mutate(project, organiser, |share| {
					if let Some(share) = share {
						share.owed = share.owed.saturating_add(split.per_organiser);
					}
				});
			}
			let totals = &mut record.totals;
			totals.revenue = totals.revenue.saturating_add(amount);
			totals.fund = totals.fund.saturating_add(split.fund);
			totals.organisers = totals.organisers.saturating_add(split.to_organisers());
			totals.participants = totals.participants.saturating_add(split.to_participants());
			totals.remainder = totals.remainder.saturating_add(split.remainder);
			let version = record.version;
			Projects::<T>::insert(project, record);
			Self::deposit_event(Event::RevenuePaid { project, payer, version, split });
			Ok(())
		}

		/// An organiser or participant (or one who left) claims everything they earned in a
		/// project.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::claim())]
		pub fn claim(origin: OriginFor<T>, project: ProjectId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Self::project(project)?;
			let mut share = Shares::<T>::get(project, &who).ok_or(Error::<T>::NothingToClaim)?;
			share.settle(record.reward_per_point);
			let amount = share.owed;
			ensure!(amount > 0, Error::<T>::NothingToClaim);
			T::Currency::transfer_on_hold(
				&HoldReason::Entitlements.into(),
				&Self::account_id(),
				&who,
				amount,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Polite,
			)
			.map_err(|_| Error::<T>::ClaimFailed)?;
			share.owed = 0;
			share.claimed = share.claimed.saturating_add(amount);
			record.totals.claimed = record.totals.claimed.saturating_add(amount);
			Shares::<T>::insert(project, &who, share);
			Projects::<T>::insert(project, record);
			Self::deposit_event(Event::Claimed { project, who, amount });
			Ok(())
		}

		/// A participant (who joined before the motion opened; not its candidate) votes on a
		/// motion to admit or appoint `candidate`. More than half of the electorate voting aye
		/// passes it at once; half voting nay refuses it.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::vote_on_motion())]
		pub fn vote_on_motion(
			origin: OriginFor<T>,
			project: ProjectId,
			candidate: T::AccountId,
			aye: bool,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut motion = Motions::<T>::get(project, &candidate).ok_or(Error::<T>::NoMotion)?;
			ensure!(who != candidate, Error::<T>::OwnMotion);
			Self::ensure_voter(project, &who, motion.opened, motion.ends)?;
			let key = (project, motion.round, &who);
			ensure!(!MotionVotes::<T>::contains_key(key), Error::<T>::AlreadyVoted);
			MotionVotes::<T>::insert(key, aye);
			if aye {
				motion.ayes.saturating_inc();
			} else {
				motion.nays.saturating_inc();
			}
			Self::deposit_event(Event::MotionVoted {
				project,
				candidate: candidate.clone(),
				round: motion.round,
				who,
				aye,
			});
			Self::decide_motion_early(project, &candidate, motion);
			Ok(())
		}

		/// The general meeting sets the floor of the common fund's share of every project's
		/// revenue: equations below it are refused, and every split gives the fund at least it.
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::set_min_fund_share())]
		pub fn set_min_fund_share(origin: OriginFor<T>, share: Perbill) -> DispatchResult {
			T::ParameterOrigin::ensure_origin(origin)?;
			ensure!(share <= T::MaxMinFundShare::get(), Error::<T>::FloorAboveLimit);
			MinFundShare::<T>::put(share);
			Self::deposit_event(Event::MinFundShareSet { share });
			Ok(())
		}
	}
}

/// More than half of `electorate`.
fn majority(votes: u32, electorate: u32) -> bool {
	u64::from(votes).saturating_mul(2) > u64::from(electorate)
}

/// At least half of `electorate`: the rest can no longer make a majority.
fn blocking(votes: u32, electorate: u32) -> bool {
	u64::from(votes).saturating_mul(2) >= u64::from(electorate)
}

impl<T: Config> Pallet<T> {
	/// The account holding credited revenue until claimed.
	pub fn account_id() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// What the pallet holds for organisers and participants.
	pub fn entitlements_held() -> Amount {
		T::Currency::balance_on_hold(&HoldReason::Entitlements.into(), &Self::account_id())
	}

	/// The exact split of `revenue` paid into `project` (whose record is `record`) now: the
	/// fund takes the equation's share or the floor, whichever is more; the organisers' share
	/// gives way if the two no longer fit in the whole.
	pub fn split(
		project: ProjectId,
		record: &ProjectOf<T>,
		revenue: Amount,
	) -> Result<Split, DispatchError> {
		let equation = Self::equation(project, record.version)?;
		let fund_share = equation.fund_share.max(MinFundShare::<T>::get());
		let room = Perbill::one().deconstruct().saturating_sub(fund_share.deconstruct());
		let organisers_share = equation.organisers_share.min(Perbill::from_parts(room));
		Ok(Split::compute(
			revenue,
			fund_share,
			organisers_share,
			record.organisers.len() as u32,
			record.total_points,
		))
	}

	fn project(id: ProjectId) -> Result<ProjectOf<T>, DispatchError> {
		Projects::<T>::get(id).ok_or_else(|| Error::<T>::UnknownProject.into())
	}

	fn contribution(id: ContributionId) -> Result<ContributionOf<T>, DispatchError> {
		Contributions::<T>::get(id).ok_or_else(|| Error::<T>::UnknownContribution.into())
	}

	fn equation(project: ProjectId, version: Version) -> Result<EquationOf<T>, DispatchError> {
		EquationVersions::<T>::get(project, version)
			.ok_or_else(|| Error::<T>::UnknownProject.into())
	}

	/// Whether `who` participates in `project` now.
	pub fn participates(project: ProjectId, who: &T::AccountId) -> bool {
		Self::active_share(project, who).is_ok()
	}

	/// The share of `who` in `project`, if they participate now.
	fn active_share(
		project: ProjectId,
		who: &T::AccountId,
	) -> Result<Share<BlockNumberFor<T>>, DispatchError> {
		Shares::<T>::get(project, who)
			.filter(|share| share.is_active())
			.ok_or_else(|| Error::<T>::NotParticipant.into())
	}

	fn new_share(now: BlockNumberFor<T>, seen: Amount) -> Share<BlockNumberFor<T>> {
		Share { standing: Standing::Participant, since: now, points: 0, seen, owed: 0, claimed: 0 }
	}

	fn check_equation(equation: &EquationOf<T>) -> DispatchResult {
		ensure!(
			equation
				.fund_share
				.deconstruct()
				.saturating_add(equation.organisers_share.deconstruct())
				<= sp_runtime::Perbill::one().deconstruct(),
			Error::<T>::SharesOverWhole
		);
		ensure!(equation.fund_share >= MinFundShare::<T>::get(), Error::<T>::FundShareBelowFloor);
		let zero = BlockNumberFor::<T>::default();
		ensure!(
			equation.challenge_period > zero && equation.voting_period > zero,
			Error::<T>::InvalidRules
		);
		Ok(())
	}

	/// The count of undecided items `who` would have with one more; refused at the bound.
	fn one_more_pending(who: &T::AccountId) -> Result<u32, DispatchError> {
		let pending = PendingOf::<T>::get(who);
		ensure!(pending < T::MaxPendingPerParticipant::get(), Error::<T>::TooManyPending);
		Ok(pending.saturating_add(1))
	}

	/// One undecided item of `who` was decided.
	fn release(who: &T::AccountId) {
		PendingOf::<T>::mutate_exists(who, |pending| {
			*pending = pending.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0);
		});
	}

	/// Files `item` as due at `at` (never refused); returns the block it is due at, which the
	/// record keeps as its deadline.
	fn file(now: BlockNumberFor<T>, at: BlockNumberFor<T>, item: DueOf<T>) -> BlockNumberFor<T> {
		DueQueue::<T>::file(now, at, item).at
	}

	/// Opens a motion of `project`'s participants about `candidate`, proposed by `proposer`
	/// (their aye), and decides it at once when the proposer is a majority by themselves.
	fn open_motion(
		project: ProjectId,
		mut record: ProjectOf<T>,
		proposer: T::AccountId,
		candidate: T::AccountId,
		kind: MotionKind,
	) -> DispatchResult {
		ensure!(!Motions::<T>::contains_key(project, &candidate), Error::<T>::MotionOpen);
		ensure!(record.open_motions < T::MaxOpenMotions::get(), Error::<T>::TooManyMotions);
		let pending = Self::one_more_pending(&proposer)?;
		let now = frame_system::Pallet::<T>::block_number();
		let ends = now.saturating_add(Self::equation(project, record.version)?.voting_period);
		let due = Self::file(now, ends, Due::Motion(project, candidate.clone()));
		let round = record.motions;
		record.motions = round.saturating_add(1);
		record.open_motions.saturating_inc();
		// The candidate has no vote: an appointment's candidate participates, an admission's
		// does not.
		let electorate =
			record.participants.saturating_sub(u32::from(kind == MotionKind::Appointment));
		Projects::<T>::insert(project, record);
		PendingOf::<T>::insert(&proposer, pending);
		MotionVotes::<T>::insert((project, round, &proposer), true);
		Self::deposit_event(Event::MotionProposed {
			project,
			candidate: candidate.clone(),
			kind,
			round,
			proposer: proposer.clone(),
			electorate,
			ends,
		});
		let motion =
			Motion { kind, round, proposer, opened: now, ends, electorate, ayes: 1, nays: 0, due };
		Self::decide_motion_early(project, &candidate, motion);
		Ok(())
	}

	/// Stores a motion, or decides it when a majority of its electorate has spoken.
	fn decide_motion_early(project: ProjectId, candidate: &T::AccountId, motion: MotionOf<T>) {
		let passed = majority(motion.ayes, motion.electorate);
		if !passed && !blocking(motion.nays, motion.electorate) {
			Motions::<T>::insert(project, candidate, motion);
			return;
		}
		// Its item stays queued, stale: the hook finds no motion due then.
		Self::decide_motion(project, candidate, motion, passed);
	}

	/// Closes a motion and, passed, does what it decided if its candidate is still eligible:
	/// admits a member who asked to join (else invites them), or appoints an organiser.
	fn decide_motion(
		project: ProjectId,
		candidate: &T::AccountId,
		motion: MotionOf<T>,
		passed: bool,
	) {
		Motions::<T>::remove(project, candidate);
		Self::release(&motion.proposer);
		let Some(mut record) = Projects::<T>::get(project) else { return };
		record.open_motions.saturating_dec();
		let (kind, round) = (motion.kind, motion.round);
		let who = candidate.clone();
		if !passed {
			Projects::<T>::insert(project, record);
			Self::deposit_event(Event::MotionRefused { project, candidate: who, kind, round });
			return;
		}
		Self::deposit_event(Event::MotionPassed { project, candidate: who.clone(), kind, round });
		match kind {
			MotionKind::Admission => {
				// `activate` checks before it writes: refused, nothing moved.
				if Requests::<T>::contains_key(project, candidate)
					&& Self::activate(project, record.clone(), candidate).is_ok()
				{
					return;
				}
				Invitations::<T>::insert(project, candidate, ());
				Projects::<T>::insert(project, record);
				Self::deposit_event(Event::Invited { project, who });
			},
			MotionKind::Appointment => {
				let appointed = Self::participates(project, candidate)
					&& !record.organisers.contains(candidate)
					&& record.organisers.try_push(who.clone()).is_ok();
				Projects::<T>::insert(project, record);
				if appointed {
					Self::deposit_event(Event::OrganiserAppointed { project, who });
				}
			},
		}
	}

	/// Makes `who` (a member in good standing) a participant of `project`, again with the
	/// points they had if they had left, and stores the project's record.
	fn activate(
		project: ProjectId,
		mut record: ProjectOf<T>,
		who: &T::AccountId,
	) -> DispatchResult {
		ensure!(T::Members::is_in_good_standing(who), Error::<T>::NotMember);
		ensure!(record.participants < T::MaxParticipants::get(), Error::<T>::ProjectFull);
		let now = frame_system::Pallet::<T>::block_number();
		let share = match Shares::<T>::get(project, who) {
			Some(share) if share.is_active() => return Err(Error::<T>::AlreadyParticipant.into()),
			// Nothing is earned for the time away.
			Some(share) => Share {
				standing: Standing::Participant,
				since: now,
				seen: record.reward_per_point,
				..share
			},
			None => Self::new_share(now, record.reward_per_point),
		};
		record.total_points =
			record.total_points.checked_add(share.points).ok_or(Error::<T>::Overflow)?;
		record.participants.saturating_inc();
		let points = share.points;
		Shares::<T>::insert(project, who, share);
		ProjectsOf::<T>::insert(who, project, ());
		Projects::<T>::insert(project, record);
		Invitations::<T>::remove(project, who);
		Requests::<T>::remove(project, who);
		Self::deposit_event(Event::Joined { project, who: who.clone(), points });
		Ok(())
	}

	/// `who` stops participating in `project`: earnings settled, points out of the total,
	/// no longer an organiser; stores the project's record.
	fn deactivate(
		project: ProjectId,
		mut record: ProjectOf<T>,
		who: &T::AccountId,
		departed: bool,
	) -> DispatchResult {
		let mut share = Self::active_share(project, who)?;
		share.settle(record.reward_per_point);
		share.standing = Standing::Left;
		record.total_points = record.total_points.saturating_sub(share.points);
		record.participants.saturating_dec();
		record.organisers.retain(|organiser| organiser != who);
		Shares::<T>::insert(project, who, share);
		Projects::<T>::insert(project, record);
		Self::deposit_event(Event::Left { project, who: who.clone(), departed });
		Ok(())
	}

	/// `who` may approve or challenge (a participant, not the contributor).
	fn ensure_peer(contribution: &ContributionOf<T>, who: &T::AccountId) -> DispatchResult {
		ensure!(*who != contribution.contributor, Error::<T>::OwnContribution);
		ensure!(Self::participates(contribution.project, who), Error::<T>::NotParticipant);
		Ok(())
	}

	/// `who` may vote in a vote of `project` opened at `opened` and ending at `ends`.
	fn ensure_voter(
		project: ProjectId,
		who: &T::AccountId,
		opened: BlockNumberFor<T>,
		ends: BlockNumberFor<T>,
	) -> DispatchResult {
		ensure!(frame_system::Pallet::<T>::block_number() < ends, Error::<T>::VoteEnded);
		let share = Self::active_share(project, who)?;
		ensure!(share.since < opened, Error::<T>::JoinedAfterVoteOpened);
		Ok(())
	}

	/// A contribution is decided: its contributor's and challenger's undecided items are one
	/// fewer.
	fn release_decided(contribution: &ContributionOf<T>) {
		Self::release(&contribution.contributor);
		if let Status::Challenged { challenger, .. } = &contribution.status {
			Self::release(challenger);
		}
	}

	/// Validates a contribution: its points go to its contributor's share.
	fn validate(id: ContributionId, contribution: &mut ContributionOf<T>, by: Validation) {
		Self::release_decided(contribution);
		let now = frame_system::Pallet::<T>::block_number();
		contribution.status = Status::Validated { at: now, by };
		contribution.due = None;
		let project = contribution.project;
		let points = contribution.points;
		Projects::<T>::mutate(project, |record| {
			let Some(record) = record else { return };
			Shares::<T>::mutate(project, &contribution.contributor, |share| {
				let Some(share) = share else { return };
				if share.is_active() {
					share.settle(record.reward_per_point);
					// Cannot overflow in practice: each contribution adds at most 2^96 points.
					record.total_points = record.total_points.saturating_add(points);
				}
				share.points = share.points.saturating_add(points);
			});
		});
		Self::deposit_event(Event::ContributionValidated {
			id,
			project,
			contributor: contribution.contributor.clone(),
			points,
			by,
		});
	}

	fn reject(id: ContributionId, contribution: &mut ContributionOf<T>, by: Rejection) {
		Self::release_decided(contribution);
		let at = frame_system::Pallet::<T>::block_number();
		contribution.status = Status::Rejected { at, by };
		contribution.due = None;
		Self::deposit_event(Event::ContributionRejected {
			id,
			project: contribution.project,
			contributor: contribution.contributor.clone(),
			by,
		});
	}

	/// Decides a challenged contribution as soon as the quorum has voted and a majority of its
	/// whole electorate has spoken either way (the rest could not change the outcome).
	fn decide_early(id: ContributionId, contribution: &mut ContributionOf<T>) {
		let Status::Challenged { electorate, quorum, accept, reject, .. } = contribution.status
		else {
			return;
		};
		if accept.saturating_add(reject) < quorum {
			return;
		}
		// Its item stays queued, stale: decided, the contribution has no deadline.
		if majority(accept, electorate) {
			Self::validate(id, contribution, Validation::Vote);
		} else if majority(reject, electorate) {
			Self::reject(id, contribution, Rejection::Vote);
		}
	}

	/// Decides a contribution by its approvals, as when its window passes unchallenged.
	fn decide_by_approvals(
		id: ContributionId,
		contribution: &mut ContributionOf<T>,
		approvals: u32,
	) {
		if contribution.approvals_needed == 0 {
			Self::validate(id, contribution, Validation::Unchallenged);
		} else if approvals >= contribution.approvals_needed {
			Self::validate(id, contribution, Validation::Approved);
		} else {
			Self::reject(id, contribution, Rejection::Unapproved);
		}
	}

	/// Decides a contribution at its deadline: unchallenged, by its approvals; challenged, by the
	/// majority of the votes cast if the quorum voted, else (or tied) by its approvals. Nothing
	/// when its deadline has not come (a stale item of a window a challenge moved on) or it has
	/// none (decided).
	fn contribution_due(id: ContributionId, now: BlockNumberFor<T>) {
		let Some(mut contribution) = Contributions::<T>::get(id) else { return };
		if contribution.due.is_none_or(|due| due > now) {
			return;
		}
		match contribution.status {
			Status::Pending { approvals, .. } => {
				Self::decide_by_approvals(id, &mut contribution, approvals)
			},
			Status::Challenged { quorum, accept, reject, approvals, .. } => {
				let counted = accept.saturating_add(reject) >= quorum;
				if counted && accept > reject {
					Self::validate(id, &mut contribution, Validation::Vote)
				} else if counted && reject > accept {
					Self::reject(id, &mut contribution, Rejection::Vote)
				} else {
					Self::decide_by_approvals(id, &mut contribution, approvals)
				}
			},
			Status::Validated { .. } | Status::Rejected { .. } => return,
		}
		Contributions::<T>::insert(id, contribution);
	}

	/// Stores an equation vote, or decides it when a majority of its electorate has spoken.
	fn decide_equation_early(project: ProjectId, proposal: EquationProposalOf<T>) {
		let passed = majority(proposal.ayes, proposal.electorate);
		if !passed && !blocking(proposal.nays, proposal.electorate) {
			EquationProposals::<T>::insert(project, proposal);
			return;
		}
		// Its item stays queued, stale: the hook finds no vote due then.
		Self::decide_equation(project, proposal, passed);
	}

	/// Closes an equation vote: adopted as the next version,
	/// or refused.
	fn decide_equation(project: ProjectId, proposal: EquationProposalOf<T>, passed: bool) {
		EquationProposals::<T>::remove(project);
		Self::release(&proposal.proposer);
		if !passed {
			Self::deposit_event(Event::EquationRefused { project, round: proposal.round });
			return;
		}
		Projects::<T>::mutate(project, |record| {
			let Some(record) = record else { return };
			let version = record.version.saturating_add(1);
			record.version = version;
			EquationVersions::<T>::insert(project, version, &proposal.equation);
			Self::deposit_event(Event::EquationAdopted {
				project,
				version,
				equation: proposal.equation.clone(),
			});
		});
	}

	/// The pallet's invariants:
	/// - in each project, the participants' points are its total and all its accounts' points
	///   are the points of its validated contributions; its count of participants is right;
	///   its organisers participate;
	/// - in each project, revenue == fund + organisers + participants + remainder, and what its
	///   accounts may claim is exactly what was credited and not claimed;
	/// - the pallet holds exactly what all projects' accounts may claim;
	/// - every undecided contribution, open equation vote and open motion has its deadline
	///   queued at its block, and the queue's pages are as counted; each project counts its
	///   open motions right, within the bound;
	/// - each account's count of undecided items is exactly its undecided records, open
	///   challenges and open proposals, within the bound;
	/// - the floor of the fund's share is within its limit.
	///
	/// Always compiled, so that the runtime's integration tests check it too; the Wasm keeps
	/// it only with `try-runtime`.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::{btree_map::BTreeMap, btree_set::BTreeSet};
		DueQueue::<T>::check_pages()?;
		let queued: BTreeSet<(BlockNumberFor<T>, DueOf<T>)> =
			DueQueue::<T>::queued().into_iter().collect();
		ensure!(
			MinFundShare::<T>::get() <= T::MaxMinFundShare::get(),
			"the fund's floor is above its limit"
		);
		let mut pending: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		let mut count = |who: &T::AccountId| {
			let n = pending.entry(who.clone()).or_default();
			*n = n.saturating_add(1);
		};
		let mut validated: BTreeMap<ProjectId, Points> = BTreeMap::new();
		for (id, contribution) in Contributions::<T>::iter() {
			match &contribution.status {
				Status::Validated { .. } => {
					let total = validated.entry(contribution.project).or_default();
					*total = total.saturating_add(contribution.points);
				},
				Status::Rejected { .. } => {},
				Status::Pending { .. } | Status::Challenged { .. } => {
					count(&contribution.contributor);
					if let Status::Challenged { challenger, .. } = &contribution.status {
						count(challenger);
					}
					let due =
						contribution.due.ok_or("an undecided contribution without deadline")?;
					ensure!(
						queued.contains(&(due, Due::Contribution(id))),
						"an undecided contribution off its queue"
					);
				},
			}
		}
		for (_, proposal) in EquationProposals::<T>::iter() {
			count(&proposal.proposer);
		}
		for (project, candidate, motion) in Motions::<T>::iter() {
			count(&motion.proposer);
			ensure!(
				queued.contains(&(motion.due, Due::Motion(project, candidate))),
				"an open motion off its queue"
			);
		}
		let mut accounts = 0usize;
		for (who, n) in PendingOf::<T>::iter() {
			accounts.saturating_inc();
			ensure!(n > 0, "an empty count of undecided items is stored");
			ensure!(n <= T::MaxPendingPerParticipant::get(), "too many undecided items");
			ensure!(pending.get(&who) == Some(&n), "a count of undecided items differs");
		}
		ensure!(accounts == pending.len(), "an account's undecided items are not counted");
		let mut owed_by_all: Amount = 0;
		for (id, record) in Projects::<T>::iter() {
			let (mut active, mut active_points, mut all_points, mut claimable) = (0u32, 0, 0, 0);
			for (who, share) in Shares::<T>::iter_prefix(id) {
				ensure!(ProjectsOf::<T>::contains_key(&who, id), "a share off its index");
				ensure!(share.seen <= record.reward_per_point, "a share seen past the accumulator");
				if share.is_active() {
					active.saturating_inc();
					active_points = active_points.saturating_add(share.points);
				}
				all_points = all_points.saturating_add(share.points);
				claimable = claimable.saturating_add(share.claimable(record.reward_per_point));
			}
			ensure!(active == record.participants, "a participant count differs");
			ensure!(
				active_points == record.total_points,
				"participants' points differ from the total"
			);
			ensure!(
				all_points == validated.get(&id).copied().unwrap_or_default(),
				"points differ from the validated contributions'"
			);
			ensure!(
				record.organisers.iter().all(|who| Self::participates(id, who)),
				"an organiser who does not participate"
			);
			let totals = record.totals;
			ensure!(
				totals.revenue
					== totals
						.fund
						.saturating_add(totals.organisers)
						.saturating_add(totals.participants)
						.saturating_add(totals.remainder),
				"a split that is not exact"
			);
			ensure!(claimable == totals.unclaimed(), "claimable differs from credited − claimed");
			ensure!(
				EquationVersions::<T>::contains_key(id, record.version),
				"the equation in force is missing"
			);
			if let Some(proposal) = EquationProposals::<T>::get(id) {
				ensure!(
					queued.contains(&(proposal.due, Due::Equation(id))),
					"an open equation vote off its queue"
				);
			}
			let motions = Motions::<T>::iter_prefix(id).count();
			ensure!(motions == record.open_motions as usize, "a count of open motions differs");
			ensure!(record.open_motions <= T::MaxOpenMotions::get(), "too many open motions");
			owed_by_all = owed_by_all.saturating_add(totals.unclaimed());
		}
		ensure!(
			Self::entitlements_held() == owed_by_all,
			"the pallet does not hold exactly the unclaimed entitlements"
		);
		Ok(())
	}
}
