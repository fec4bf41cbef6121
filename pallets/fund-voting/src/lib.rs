//! # Fund voting: the common fund and the general meeting
//!
//! The cooperative's common cash desk, spent only by the members' vote, and the same vote as the
//! **general meeting** that governs the chain (regulation §5: "the common cash desk is full of
//! funds that are distributed by voting, with no fraud, and anyone can track the account").
//!
//! ## The fund
//! An account derived from [`Config::PalletId`], whose money is held under
//! [`HoldReason::Fund`] so that exactly what was recorded is counted: every inflow is tagged by
//! its [`Inflow`] source (endowment, admission fees, project revenue, donations, rounding
//! remainders, forfeited deposits) and the running [`Statement`] keeps the totals in, the total
//! out and what approved spends have committed. The fund holds `total in − out`; at least the
//! [`Parameters::reserve`] always stays, and spends approved in one budget period commit at most
//! [`Parameters::budget`].
//!
//! ## Proposals
//! A member in good standing proposes, holding [`Parameters::proposal_deposit`]:
//! - a **spend**: pay an amount from the fund to a beneficiary, with the hash of its rationale;
//! - a **motion**: a runtime call, allowed by [`Config::Motions`] and at most
//!   [`Config::MaxMotionWeight`], executed with the general meeting's origin
//!   ([`Origin::GeneralMeeting`], checked by [`EnsureGeneralMeeting`]) — or as Root for the
//!   few calls of other pallets that accept nothing else and that the rules name
//!   ([`MotionRules::as_root`]: in the runtime, frame-system's `authorize_upgrade`, so that the
//!   members, and only they, upgrade the runtime).
//!
//! The chain proposes too: a complaint that reaches the general vote opens a motion for each
//! of its options by itself ([`ReferToMeeting`]), proposed by the fund's account with no
//! deposit, so that no side waits for a member to propose its decision.
//!
//! The **electorate** is fixed when a proposal opens: the members who had reached the voting
//! age by then ([`MembershipInspect::electorate`], by membership number: a member admitted
//! moments before cannot vote), less the members it concerns — a spend's beneficiary, the parties of a
//! complaint a motion decides — who may not vote on it (recusal).
//!
//! ## Lifecycle
//! ```text
//!  propose ─► Voting ──(voting period ends)──┬─ turnout < quorum ─────────► Expired
//!     │        │ vote / change vote           ├─ ayes ≤ approval ──────────► Rejected (spam: deposit forfeited)
//!     │        └─ cancel (no votes yet) ─► Cancelled
//!     │                                       └─ ayes > approval ─┬─ fund or budget short ─► Unfunded
//!     │                                                           ▼
//!     │                                 Approved (grace: objections ≥ objection share ─► Objected)
//!     │                                                           │ grace ends
//!     │                                                           ▼
//!     │                                       Executed (spend paid / motion dispatched), or Failed
//! ```
//! Deadlines close proposals on their own in `on_initialize`, a bounded number per block
//! ([`Config::MaxDeadlinesPerBlock`]; a burst spills over the next blocks); [`Pallet::close`] is
//! the permissionless fallback. Votes and proposals stay in storage after the end: nothing is
//! lost, and every tally can be checked against the votes behind it.
//!
//! The deposit returns in every final state but one: a proposal that reached quorum and whose
//! nays reached [`Parameters::spam`] of the ayes and nays is **spam**, and its deposit goes to
//! the fund ([`Inflow::Forfeit`]).
//!
//! ## Thresholds
//! A decision needs a turnout (aye, nay, abstain) of at least [`Parameters::quorum`] of the
//! electorate, and more than [`Parameters::approval`] ayes among ayes and nays; a spend above
//! [`Parameters::large_spend`] of the fund and a critical motion (the validator set:
//! [`MotionRules::critical`]) need more than [`Parameters::super_approval`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod views;
pub mod weights;

use alloc::{boxed::Box, vec::Vec};
use codec::DecodeLimit;
use frame_support::{
	dispatch::GetDispatchInfo,
	pallet_prelude::*,
	traits::{
		fungible::{self, Inspect, InspectHold, Mutate, MutateHold},
		tokens::{Fortitude, Precision, Preservation, Restriction},
		EnsureOrigin,
	},
	PalletId,
};
use frame_system::pallet_prelude::*;
use sp_core::H256;
use sp_runtime::{
	traits::{AccountIdConversion, Dispatchable, Saturating, Zero},
	Perbill,
};
use synergy_primitives::file_deadline;
pub use synergy_primitives::{
	CaseId, CommonFund, Electorate, Inflow, MembershipInspect, ReferToMeeting,
};

pub use pallet::*;
pub use types::*;
pub use views::*;
pub use weights::WeightInfo;

/// A balance of the fund's currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// The general meeting's parameters as stored.
pub type ParametersOf<T> = Parameters<BalanceOf<T>, BlockNumberFor<T>>;
/// A proposal as stored.
pub type ProposalOf<T> = Proposal<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as Config>::MaxCallLen,
>;
/// A proposal's kind as stored.
pub type ProposalKindOf<T> =
	ProposalKind<<T as frame_system::Config>::AccountId, BalanceOf<T>, <T as Config>::MaxCallLen>;

const LOG_TARGET: &str = "runtime::fund-voting";

/// How deeply nested a motion's call may be when decoded.
const MAX_CALL_DEPTH: u32 = 8;

/// The runtime's rules for motions.
pub trait MotionRules<AccountId, Call> {
	/// Whether a motion may carry `call`.
	fn allowed(call: &Call) -> bool;
	/// Whether `call` needs the super approval (the validator set).
	fn critical(call: &Call) -> bool;
	/// The members `call` decides about, who may not vote on it (the parties of a complaint).
	fn parties(call: &Call) -> Vec<AccountId>;
	/// Whether a passed motion dispatches `call` as Root rather than as
	/// [`Origin::GeneralMeeting`]: only for the calls of other pallets that accept nothing
	/// else (frame-system's `authorize_upgrade`). `allowed` still decides what a motion may
	/// carry; this only decides the origin it runs with.
	fn as_root(_call: &Call) -> bool {
		false
	}
}

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
		frame_support::traits::StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config:
		frame_system::Config<RuntimeOrigin: From<Origin>, RuntimeCall: From<Call<Self>>>
	{
		/// The currency of the fund.
		type Currency: fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reasons.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who the members are, and their membership numbers.
		type Members: MembershipInspect<Self::AccountId>;

		/// Which calls a motion may carry, which are critical, and whom they concern.
		type Motions: MotionRules<Self::AccountId, <Self as frame_system::Config>::RuntimeCall>;

		/// The fund's account is derived from this id.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Who may set the parameters: the general meeting ([`EnsureGeneralMeeting`]).
		type MeetingOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The parameters until the general meeting sets its own.
		type DefaultParameters: Get<ParametersOf<Self>>;

		/// The bounds of every parameter: genesis and the general meeting stay within them.
		type Limits: Get<ParameterLimits<BalanceOf<Self>, BlockNumberFor<Self>>>;

		/// The longest encoded call a motion may carry.
		#[pallet::constant]
		type MaxCallLen: Get<u32>;

		/// The most a motion's call may weigh.
		#[pallet::constant]
		type MaxMotionWeight: Get<Weight>;

		/// The most proposals one member may have open.
		#[pallet::constant]
		type MaxOpenPerMember: Get<u32>;

		/// The most proposal deadlines that may fall in one block.
		#[pallet::constant]
		type MaxDeadlinesPerBlock: Get<u32>;

		/// The most proposals or votes one query lists.
		#[pallet::constant]
		type MaxListed: Get<u32>;

		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;

		/// Makes members for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The general meeting: the origin a passed motion's call is executed with.
	#[pallet::origin]
	#[derive(
		Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
	)]
	pub enum Origin {
		/// The members, by a passed motion.
		#[codec(index = 0)]
		GeneralMeeting,
	}

	/// Why the pallet holds money.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The common fund's money, on the fund's account.
		#[codec(index = 0)]
		Fund,
		/// A proposer's deposit while the proposal is open.
		#[codec(index = 1)]
		ProposalDeposit,
	}

	#[pallet::type_value]
	pub fn DefaultParametersOf<T: Config>() -> ParametersOf<T> {
		T::DefaultParameters::get()
	}

	/// The general meeting's parameters.
	#[pallet::storage]
	pub type CurrentParameters<T: Config> =
		StorageValue<_, ParametersOf<T>, ValueQuery, DefaultParametersOf<T>>;

	/// The fund's running statement.
	#[pallet::storage]
	pub type FundStatement<T: Config> = StorageValue<_, Statement<BalanceOf<T>>, ValueQuery>;

	/// The current budget period and what its approved spends committed.
	#[pallet::storage]
	pub type Budget<T: Config> =
		StorageValue<_, BudgetPeriod<BalanceOf<T>, BlockNumberFor<T>>, ValueQuery>;

	/// The number the next proposal gets.
	#[pallet::storage]
	pub type NextProposalId<T: Config> = StorageValue<_, ProposalId, ValueQuery>;

	/// Every proposal, open or ended.
	#[pallet::storage]
	pub type Proposals<T: Config> = StorageMap<_, Twox64Concat, ProposalId, ProposalOf<T>>;

	/// The members a proposal concerns, who may not vote on it.
	#[pallet::storage]
	pub type Recused<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ProposalId,
		Blake2_128Concat,
		T::AccountId,
		(),
		OptionQuery,
	>;

	/// Every vote, by voter and proposal (kept after the proposal ends).
	#[pallet::storage]
	pub type Votes<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		ProposalId,
		Ballot,
		OptionQuery,
	>;

	/// Every objection to an approved proposal, by objector and proposal.
	#[pallet::storage]
	pub type Objections<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		ProposalId,
		(),
		OptionQuery,
	>;

	/// How many open proposals each member has.
	#[pallet::storage]
	pub type OpenOf<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The proposals whose voting or grace ends in each block, handled in `on_initialize`.
	#[pallet::storage]
	pub type Deadlines<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<ProposalId, T::MaxDeadlinesPerBlock>,
		ValueQuery,
	>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The general meeting's parameters at genesis (the runtime's defaults when `None`).
		pub parameters: Option<ParametersOf<T>>,
		/// What the fund holds at genesis, recorded as [`Inflow::Endowment`].
		pub endowment: BalanceOf<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// Genesis is checked once, by whoever builds the chain spec: invalid parameters
			// must stop the build with the reason rather than start a broken chain.
			#![allow(clippy::expect_used)]
			if let Some(parameters) = &self.parameters {
				Pallet::<T>::check_parameters(parameters).expect("invalid fund parameters");
				CurrentParameters::<T>::put(parameters);
			}
			let fund = Pallet::<T>::account_id();
			// The account's existential deposit keeps it alive; it is not the fund's money.
			T::Currency::mint_into(&fund, T::Currency::minimum_balance())
				.expect("the fund account can be created");
			if !self.endowment.is_zero() {
				T::Currency::mint_into(&fund, self.endowment).expect("the endowment can be minted");
				T::Currency::hold(&HoldReason::Fund.into(), &fund, self.endowment)
					.expect("the endowment can be held");
				FundStatement::<T>::mutate(|s| *s.source_mut(Inflow::Endowment) = self.endowment);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Money came into the fund.
		PaidIn { from: T::AccountId, amount: BalanceOf<T>, source: Inflow },
		/// A member proposed a spend.
		SpendProposed {
			id: ProposalId,
			proposer: T::AccountId,
			beneficiary: T::AccountId,
			amount: BalanceOf<T>,
			ends: BlockNumberFor<T>,
		},
		/// A member proposed a motion; `call_hash` is the BLAKE2-256 of the encoded call.
		MotionProposed {
			id: ProposalId,
			proposer: T::AccountId,
			call_hash: H256,
			ends: BlockNumberFor<T>,
		},
		/// A member voted, or changed their vote (`previous`).
		Voted { id: ProposalId, voter: T::AccountId, vote: Vote, previous: Option<Vote> },
		/// The proposer withdrew a proposal before any vote.
		Cancelled { id: ProposalId },
		/// The vote passed; the proposal executes at `executes` unless objected to.
		Approved { id: ProposalId, executes: BlockNumberFor<T> },
		/// The vote reached quorum but not approval.
		Rejected { id: ProposalId, spam: bool },
		/// The vote closed without quorum.
		Expired { id: ProposalId },
		/// Approved, but the fund above its reserve or the period's budget could not cover it.
		Unfunded { id: ProposalId },
		/// A member objected to an approved proposal.
		ObjectionRaised { id: ProposalId, objector: T::AccountId },
		/// A member withdrew their objection.
		ObjectionWithdrawn { id: ProposalId, objector: T::AccountId },
		/// The members' objections cancelled an approved proposal.
		Objected { id: ProposalId },
		/// An approved spend was paid.
		SpendPaid { id: ProposalId, beneficiary: T::AccountId, amount: BalanceOf<T> },
		/// Paying an approved spend failed; nothing left the fund.
		SpendFailed { id: ProposalId, error: DispatchError },
		/// A passed motion's call was executed with the general meeting's origin.
		MotionExecuted { id: ProposalId, result: DispatchResult },
		/// A proposal's deposit was returned to its proposer.
		DepositReturned { id: ProposalId, proposer: T::AccountId, amount: BalanceOf<T> },
		/// A spam proposal's deposit went to the fund.
		DepositForfeited { id: ProposalId, proposer: T::AccountId, amount: BalanceOf<T> },
		/// The general meeting set new parameters.
		ParametersSet { parameters: ParametersOf<T> },
		/// A side of a complaint reached the top of the guarantor graph: the general meeting
		/// decides it. `motions` are the motions the chain opened for its options (proposed by
		/// the fund's account, holding no deposit), the parties recused.
		ComplaintReferred { case: CaseId, side: u8, motions: Vec<ProposalId> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Only members in good standing may propose.
		NotMember,
		/// The voter was admitted after the proposal opened.
		NotInElectorate,
		/// The voter had not reached the voting age when the proposal opened.
		TooYoungToVote,
		/// The proposal concerns the voter (a spend paying them, a complaint of theirs).
		Recused,
		/// No proposal has this number.
		UnknownProposal,
		/// The proposal is not open to votes.
		NotVoting,
		/// The proposal is not approved and waiting.
		NotApproved,
		/// The proposal's deadline has not come.
		TooEarly,
		/// Only the proposer may cancel.
		NotProposer,
		/// Votes were cast: the proposal can no longer be cancelled.
		HasVotes,
		/// The voter has already objected.
		AlreadyObjected,
		/// The voter has not objected.
		NoObjection,
		/// A spend of nothing.
		ZeroAmount,
		/// The spend is more than the fund holds above its reserve.
		ExceedsFund,
		/// The proposer cannot hold the deposit.
		CannotHoldDeposit,
		/// The member has as many open proposals as allowed.
		TooManyOpen,
		/// Motions may not carry this call.
		MotionNotAllowed,
		/// The motion's call weighs more than a motion may.
		MotionTooHeavy,
		/// The motion's call is longer than a motion may carry.
		MotionTooLong,
		/// The deadline queues of the blocks around the deadline are full.
		TooManyDeadlines,
		/// Periods must be above zero, the ordinary approval at most the super approval, and
		/// the reserve at least the existential deposit.
		InvalidParameters,
		/// A parameter is outside the bounds the runtime fixes ([`Config::Limits`]).
		ParameterOutOfBounds,
		/// The payer cannot pay that amount into the fund.
		CannotPay,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Closes the votes and executes the approved proposals whose deadline is this block.
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			let due = Deadlines::<T>::take(now);
			let mut weight = T::WeightInfo::on_initialize(due.len() as u32);
			for id in due {
				match Self::advance(id, now) {
					Ok(used) => weight.saturating_accrue(used),
					// Closed through `close` since: nothing to do.
					Err(error) => log::debug!(target: LOG_TARGET, "proposal {id}: {error:?}"),
				}
			}
			weight
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Gives `amount` to the fund, keeping the giver's account alive.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::donate())]
		pub fn donate(origin: OriginFor<T>, amount: BalanceOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			Self::take_in(&who, amount, Inflow::Donation, Preservation::Preserve)
		}

		/// Proposes paying `amount` from the fund to `beneficiary`, for the reasons in the
		/// document hashed `rationale`. Holds the proposal deposit.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::propose_spend())]
		pub fn propose_spend(
			origin: OriginFor<T>,
			beneficiary: T::AccountId,
			amount: BalanceOf<T>,
			rationale: H256,
		) -> DispatchResult {
			let proposer = ensure_signed(origin)?;
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			let parameters = CurrentParameters::<T>::get();
			let held = Self::fund_balance();
			ensure!(amount <= held.saturating_sub(parameters.reserve), Error::<T>::ExceedsFund);
			let approval = if amount > parameters.large_spend.mul_floor(held) {
				parameters.super_approval
			} else {
				parameters.approval
			};
			let kind = ProposalKind::Spend { beneficiary: beneficiary.clone(), amount, rationale };
			let (id, ends) =
				Self::open(Some(proposer.clone()), kind, approval, [beneficiary.clone()])?;
			Self::deposit_event(Event::SpendProposed { id, proposer, beneficiary, amount, ends });
			Ok(())
		}

		/// Proposes that the general meeting execute `call` (one [`Config::Motions`] allows),
		/// for the reasons in the document hashed `rationale`. Holds the proposal deposit.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::propose_motion())]
		pub fn propose_motion(
			origin: OriginFor<T>,
			call: Box<<T as frame_system::Config>::RuntimeCall>,
			rationale: H256,
		) -> DispatchResult {
			let proposer = ensure_signed(origin)?;
			ensure!(T::Motions::allowed(&call), Error::<T>::MotionNotAllowed);
			ensure!(
				call.get_dispatch_info().call_weight.all_lte(T::MaxMotionWeight::get()),
				Error::<T>::MotionTooHeavy
			);
			let encoded = call.encode();
			let call_hash = H256(sp_io::hashing::blake2_256(&encoded));
			let bytes = BoundedVec::try_from(encoded).map_err(|_| Error::<T>::MotionTooLong)?;
			let parameters = CurrentParameters::<T>::get();
			let approval = if T::Motions::critical(&call) {
				parameters.super_approval
			} else {
				parameters.approval
			};
			let kind = ProposalKind::Motion { call: bytes, rationale };
			let (id, ends) =
				Self::open(Some(proposer.clone()), kind, approval, T::Motions::parties(&call))?;
			Self::deposit_event(Event::MotionProposed { id, proposer, call_hash, ends });
			Ok(())
		}

		/// Votes on proposal `id`, or changes the vote cast before; open until the voting
		/// period ends. One member, one vote: only members admitted before the proposal opened,
		/// and not those it concerns.
		#[pallet::call_index(3)]
		// The cost of a vote does not depend on the number of members (the benchmark shows
		// it); it is charged at the largest membership measured.
		#[pallet::weight(T::WeightInfo::vote(1_000))]
		pub fn vote(origin: OriginFor<T>, id: ProposalId, vote: Vote) -> DispatchResult {
			let voter = ensure_signed(origin)?;
			let mut proposal = Self::proposal(id)?;
			ensure!(matches!(proposal.status, Status::Voting { .. }), Error::<T>::NotVoting);
			let member = Self::ensure_elector(id, &proposal, &voter)?;
			let previous = Votes::<T>::get(&voter, id).map(|ballot| ballot.vote);
			if let Some(previous) = previous {
				proposal.tally.count_mut(previous).saturating_dec();
			}
			proposal.tally.count_mut(vote).saturating_inc();
			Votes::<T>::insert(&voter, id, Ballot { vote, member });
			Proposals::<T>::insert(id, proposal);
			Self::deposit_event(Event::Voted { id, voter, vote, previous });
			Ok(())
		}

		/// Objects to approved proposal `id` during its grace; when the objections reach
		/// [`Parameters::objection`] of the electorate, the proposal is cancelled at once.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::object())]
		pub fn object(origin: OriginFor<T>, id: ProposalId) -> DispatchResult {
			let objector = ensure_signed(origin)?;
			let mut proposal = Self::proposal(id)?;
			ensure!(matches!(proposal.status, Status::Approved { .. }), Error::<T>::NotApproved);
			Self::ensure_elector(id, &proposal, &objector)?;
			ensure!(!Objections::<T>::contains_key(&objector, id), Error::<T>::AlreadyObjected);
			Objections::<T>::insert(&objector, id, ());
			proposal.tally.objections.saturating_inc();
			Self::deposit_event(Event::ObjectionRaised { id, objector });
			let threshold = CurrentParameters::<T>::get().objection;
			if reaches(proposal.tally.objections, proposal.electorate, threshold) {
				let now = frame_system::Pallet::<T>::block_number();
				Self::unschedule(id, &proposal);
				Self::release_commitment(&proposal);
				Self::finish(id, &mut proposal, Status::Objected { at: now });
				Self::deposit_event(Event::Objected { id });
			}
			Proposals::<T>::insert(id, proposal);
			Ok(())
		}

		/// Withdraws an objection to approved proposal `id`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::withdraw_objection())]
		pub fn withdraw_objection(origin: OriginFor<T>, id: ProposalId) -> DispatchResult {
			let objector = ensure_signed(origin)?;
			let mut proposal = Self::proposal(id)?;
			ensure!(matches!(proposal.status, Status::Approved { .. }), Error::<T>::NotApproved);
			ensure!(Objections::<T>::take(&objector, id).is_some(), Error::<T>::NoObjection);
			proposal.tally.objections.saturating_dec();
			Proposals::<T>::insert(id, proposal);
			Self::deposit_event(Event::ObjectionWithdrawn { id, objector });
			Ok(())
		}

		/// Withdraws proposal `id` before anyone voted on it; the deposit is returned.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::cancel())]
		pub fn cancel(origin: OriginFor<T>, id: ProposalId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut proposal = Self::proposal(id)?;
			ensure!(proposal.proposer == who, Error::<T>::NotProposer);
			ensure!(matches!(proposal.status, Status::Voting { .. }), Error::<T>::NotVoting);
			ensure!(proposal.tally.turnout() == 0, Error::<T>::HasVotes);
			Self::unschedule(id, &proposal);
			let now = frame_system::Pallet::<T>::block_number();
			Self::finish(id, &mut proposal, Status::Cancelled { at: now });
			Proposals::<T>::insert(id, proposal);
			Self::deposit_event(Event::Cancelled { id });
			Ok(())
		}

		/// Moves proposal `id` on once its deadline has passed: closes its vote, or executes it
		/// at the end of its grace. Anyone may call it; the pallet does the same on its own at
		/// the deadline, so this is the fallback.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::close().saturating_add(T::MaxMotionWeight::get()))]
		pub fn close(origin: OriginFor<T>, id: ProposalId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let proposal = Self::proposal(id)?;
			let now = frame_system::Pallet::<T>::block_number();
			let deadline = match proposal.status {
				Status::Voting { ends } => ends,
				Status::Approved { executes } => executes,
				_ => return Err(Error::<T>::NotVoting.into()),
			};
			ensure!(now >= deadline, Error::<T>::TooEarly);
			Self::unschedule(id, &proposal);
			let used = Self::advance(id, now)?;
			Ok(Some(T::WeightInfo::close().saturating_add(used)).into())
		}

		/// Sets the general meeting's parameters (by a passed motion).
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::set_parameters())]
		pub fn set_parameters(origin: OriginFor<T>, parameters: ParametersOf<T>) -> DispatchResult {
			T::MeetingOrigin::ensure_origin(origin)?;
			Self::check_parameters(&parameters)?;
			CurrentParameters::<T>::put(&parameters);
			Self::deposit_event(Event::ParametersSet { parameters });
			Ok(())
		}
	}
}

/// Ensures the general meeting's origin: a passed motion.
pub struct EnsureGeneralMeeting;
impl<O: Into<Result<Origin, O>> + From<Origin>> EnsureOrigin<O> for EnsureGeneralMeeting {
	type Success = ();

	fn try_origin(o: O) -> Result<Self::Success, O> {
		o.into().map(|Origin::GeneralMeeting| ())
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		Ok(O::from(Origin::GeneralMeeting))
	}
}

impl<T: Config> Pallet<T> {
	/// The fund's account.
	pub fn account_id() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// What the fund holds: its money under [`HoldReason::Fund`].
	pub fn fund_balance() -> BalanceOf<T> {
		T::Currency::balance_on_hold(&HoldReason::Fund.into(), &Self::account_id())
	}

	/// What approved spends may still commit: the fund above its reserve and its commitments.
	pub fn available() -> BalanceOf<T> {
		let parameters = CurrentParameters::<T>::get();
		Self::fund_balance()
			.saturating_sub(parameters.reserve)
			.saturating_sub(FundStatement::<T>::get().committed)
	}

	/// The budget period as of `now` (a new one when the stored one is over).
	pub fn budget_at(now: BlockNumberFor<T>) -> BudgetPeriod<BalanceOf<T>, BlockNumberFor<T>> {
		let period = CurrentParameters::<T>::get().budget_period;
		let budget = Budget::<T>::get();
		let elapsed = now.saturating_sub(budget.start);
		if elapsed < period || period.is_zero() {
			return budget;
		}
		BudgetPeriod { start: now.saturating_sub(elapsed % period), spent: Zero::zero() }
	}

	fn check_parameters(parameters: &ParametersOf<T>) -> DispatchResult {
		let ParameterLimits { min, max } = T::Limits::get();
		macro_rules! within {
			($($field:ident),*) => {
				$(ensure!(
					min.$field <= parameters.$field && parameters.$field <= max.$field,
					Error::<T>::ParameterOutOfBounds
				);)*
			};
		}
		within!(
			proposal_deposit,
			voting_period,
			grace_period,
			quorum,
			approval,
			super_approval,
			large_spend,
			objection,
			spam,
			reserve,
			budget,
			budget_period
		);
		ensure!(
			!parameters.voting_period.is_zero()
				&& !parameters.grace_period.is_zero()
				&& !parameters.budget_period.is_zero()
				&& parameters.approval <= parameters.super_approval
				&& parameters.reserve >= T::Currency::minimum_balance(),
			Error::<T>::InvalidParameters
		);
		Ok(())
	}

	fn proposal(id: ProposalId) -> Result<ProposalOf<T>, DispatchError> {
		Proposals::<T>::get(id).ok_or_else(|| Error::<T>::UnknownProposal.into())
	}

	/// Moves `amount` from `from` into the fund under `source`.
	fn take_in(
		from: &T::AccountId,
		amount: BalanceOf<T>,
		source: Inflow,
		preservation: Preservation,
	) -> DispatchResult {
		T::Currency::transfer_and_hold(
			&HoldReason::Fund.into(),
			from,
			&Self::account_id(),
			amount,
			Precision::Exact,
			preservation,
			Fortitude::Polite,
		)
		.map_err(|_| Error::<T>::CannotPay)?;
		FundStatement::<T>::mutate(|s| {
			let total = s.source_mut(source);
			*total = total.saturating_add(amount);
		});
		Self::deposit_event(Event::PaidIn { from: from.clone(), amount, source });
		Ok(())
	}

	/// Whether `who` may vote on (or object to) proposal `id`: a member admitted before it
	/// opened, whom it does not concern. Returns their membership number.
	fn ensure_elector(
		id: ProposalId,
		proposal: &ProposalOf<T>,
		who: &T::AccountId,
	) -> Result<u32, DispatchError> {
		let number = T::Members::membership_number(who).ok_or(Error::<T>::NotMember)?;
		ensure!(number < proposal.members_below, Error::<T>::NotInElectorate);
		ensure!(number < proposal.voters_below, Error::<T>::TooYoungToVote);
		ensure!(!Recused::<T>::contains_key(id, who), Error::<T>::Recused);
		Ok(number)
	}

	/// Opens a proposal: holds the deposit, fixes the electorate, files the voting deadline.
	/// The proposer is a member, holding the deposit, or with `None` the chain itself (a
	/// complaint referred to the general meeting): the fund's account proposes, holding nothing.
	fn open(
		proposer: Option<T::AccountId>,
		kind: ProposalKindOf<T>,
		approval: Perbill,
		parties: impl IntoIterator<Item = T::AccountId>,
	) -> Result<(ProposalId, BlockNumberFor<T>), DispatchError> {
		let parameters = CurrentParameters::<T>::get();
		let (proposer, deposit) = match proposer {
			Some(member) => {
				ensure!(T::Members::is_in_good_standing(&member), Error::<T>::NotMember);
				let open = OpenOf::<T>::get(&member);
				ensure!(open < T::MaxOpenPerMember::get(), Error::<T>::TooManyOpen);
				(member, parameters.proposal_deposit)
			},
			None => (Self::account_id(), Zero::zero()),
		};
		let open = OpenOf::<T>::get(&proposer);
		let now = frame_system::Pallet::<T>::block_number();
		let ends = now.saturating_add(parameters.voting_period);
		let id = NextProposalId::<T>::get();
		let due =
			file_deadline::<Deadlines<T>, _, _, _>(ends, id).ok_or(Error::<T>::TooManyDeadlines)?;
		if !deposit.is_zero() {
			T::Currency::hold(&HoldReason::ProposalDeposit.into(), &proposer, deposit)
				.map_err(|_| Error::<T>::CannotHoldDeposit)?;
		}
		let Electorate { below: voters_below, count: mut electorate } = T::Members::electorate();
		for party in parties {
			let votes =
				T::Members::membership_number(&party).is_some_and(|number| number < voters_below);
			if votes && !Recused::<T>::contains_key(id, &party) {
				electorate.saturating_dec();
			}
			Recused::<T>::insert(id, party, ());
		}
		NextProposalId::<T>::put(id.saturating_add(1));
		OpenOf::<T>::insert(&proposer, open.saturating_add(1));
		Proposals::<T>::insert(
			id,
			Proposal {
				proposer,
				deposit,
				kind,
				opened: now,
				electorate,
				voters_below,
				members_below: T::Members::next_membership_number(),
				approval,
				tally: Tally::default(),
				status: Status::Voting { ends },
				due: Some(due),
			},
		);
		Ok((id, ends))
	}

	/// Opens the chain's own motion for `call`, an option of a referred complaint.
	fn open_referred(
		call: &<T as frame_system::Config>::RuntimeCall,
	) -> Result<ProposalId, DispatchError> {
		ensure!(
			call.get_dispatch_info().call_weight.all_lte(T::MaxMotionWeight::get()),
			Error::<T>::MotionTooHeavy
		);
		let encoded = call.encode();
		let call_hash = H256(sp_io::hashing::blake2_256(&encoded));
		let bytes = BoundedVec::try_from(encoded).map_err(|_| Error::<T>::MotionTooLong)?;
		let parameters = CurrentParameters::<T>::get();
		let approval = if T::Motions::critical(call) {
			parameters.super_approval
		} else {
			parameters.approval
		};
		// The rationale is the case itself, on chain: no document to hash.
		let kind = ProposalKind::Motion { call: bytes, rationale: H256::zero() };
		let (id, ends) = Self::open(None, kind, approval, T::Motions::parties(call))?;
		Self::deposit_event(Event::MotionProposed {
			id,
			proposer: Self::account_id(),
			call_hash,
			ends,
		});
		Ok(id)
	}

	/// Takes proposal `id` off the deadline queue it waits in.
	fn unschedule(id: ProposalId, proposal: &ProposalOf<T>) {
		if let Some(due) = proposal.due {
			Deadlines::<T>::mutate(due, |ids| ids.retain(|other| *other != id));
		}
	}

	/// Moves an open proposal on at its deadline: closes the vote or executes it. Returns the
	/// weight a motion's call used.
	fn advance(id: ProposalId, now: BlockNumberFor<T>) -> Result<Weight, DispatchError> {
		let mut proposal = Self::proposal(id)?;
		let used = match proposal.status {
			Status::Voting { .. } => {
				Self::close_vote(id, &mut proposal, now);
				Weight::zero()
			},
			Status::Approved { .. } => Self::execute(id, &mut proposal, now),
			_ => return Err(Error::<T>::NotVoting.into()),
		};
		Proposals::<T>::insert(id, proposal);
		Ok(used)
	}

	/// Counts the votes of a proposal whose voting period ended.
	fn close_vote(id: ProposalId, proposal: &mut ProposalOf<T>, now: BlockNumberFor<T>) {
		let parameters = CurrentParameters::<T>::get();
		let tally = proposal.tally;
		if !reaches(tally.turnout(), proposal.electorate, parameters.quorum) {
			Self::finish(id, proposal, Status::Expired { at: now });
			Self::deposit_event(Event::Expired { id });
			return;
		}
		let decisive = tally.ayes.saturating_add(tally.nays);
		if decisive == 0 || !exceeds(tally.ayes, decisive, proposal.approval) {
			let spam = decisive > 0 && reaches(tally.nays, decisive, parameters.spam);
			Self::finish(id, proposal, Status::Rejected { at: now, spam });
			Self::deposit_event(Event::Rejected { id, spam });
			return;
		}
		if let ProposalKind::Spend { amount, .. } = proposal.kind {
			let budget = Self::budget_at(now);
			let spent = budget.spent.saturating_add(amount);
			if amount > Self::available() || spent > parameters.budget {
				Self::finish(id, proposal, Status::Unfunded { at: now });
				Self::deposit_event(Event::Unfunded { id });
				return;
			}
			Budget::<T>::put(BudgetPeriod { start: budget.start, spent });
			FundStatement::<T>::mutate(|s| s.committed = s.committed.saturating_add(amount));
		}
		let executes = now.saturating_add(parameters.grace_period);
		// With every block near the end of the grace full, `close` executes it.
		proposal.due = file_deadline::<Deadlines<T>, _, _, _>(executes, id);
		proposal.status = Status::Approved { executes };
		Self::deposit_event(Event::Approved { id, executes });
	}

	/// Executes an approved proposal at the end of its grace; returns the weight a motion's
	/// call used.
	fn execute(id: ProposalId, proposal: &mut ProposalOf<T>, now: BlockNumberFor<T>) -> Weight {
		let mut used = Weight::zero();
		let status = match &proposal.kind {
			ProposalKind::Spend { beneficiary, amount, .. } => {
				Self::release_commitment(proposal);
				match T::Currency::transfer_on_hold(
					&HoldReason::Fund.into(),
					&Self::account_id(),
					beneficiary,
					*amount,
					Precision::Exact,
					Restriction::Free,
					Fortitude::Polite,
				) {
					Ok(_) => {
						FundStatement::<T>::mutate(|s| s.out = s.out.saturating_add(*amount));
						Self::deposit_event(Event::SpendPaid {
							id,
							beneficiary: beneficiary.clone(),
							amount: *amount,
						});
						Status::Executed { at: now, ok: true }
					},
					Err(error) => {
						Self::deposit_event(Event::SpendFailed { id, error });
						Status::Failed { at: now }
					},
				}
			},
			ProposalKind::Motion { call, .. } => {
				let result = match <T as frame_system::Config>::RuntimeCall::decode_with_depth_limit(
					MAX_CALL_DEPTH,
					&mut &call[..],
				) {
					Ok(call) => {
						// Charged as declared: at most `MaxMotionWeight`, checked when proposed.
						used = call.get_dispatch_info().call_weight;
						let origin: <T as frame_system::Config>::RuntimeOrigin =
							if T::Motions::as_root(&call) {
								frame_system::RawOrigin::Root.into()
							} else {
								Origin::GeneralMeeting.into()
							};
						call.dispatch(origin).map(|_| ()).map_err(|error| error.error)
					},
					// A runtime upgrade changed the call's encoding since it was proposed.
					Err(_) => Err(DispatchError::Other("undecodable motion")),
				};
				Self::deposit_event(Event::MotionExecuted { id, result });
				Status::Executed { at: now, ok: result.is_ok() }
			},
		};
		Self::finish(id, proposal, status);
		used
	}

	/// Frees what an approved spend committed.
	fn release_commitment(proposal: &ProposalOf<T>) {
		if let ProposalKind::Spend { amount, .. } = proposal.kind {
			FundStatement::<T>::mutate(|s| s.committed = s.committed.saturating_sub(amount));
		}
	}

	/// Puts a proposal in final state `status`: its proposer's open count drops, and the
	/// deposit returns (or, for spam, goes to the fund).
	fn finish(id: ProposalId, proposal: &mut ProposalOf<T>, status: Status<BlockNumberFor<T>>) {
		proposal.status = status;
		proposal.due = None;
		let proposer = proposal.proposer.clone();
		OpenOf::<T>::mutate_exists(&proposer, |open| {
			*open = open.map(|n| n.saturating_sub(1)).filter(|n| *n > 0)
		});
		let amount = proposal.deposit;
		if amount.is_zero() {
			// A motion the chain opened: nothing was held.
			return;
		}
		let released = T::Currency::release(
			&HoldReason::ProposalDeposit.into(),
			&proposer,
			amount,
			Precision::BestEffort,
		)
		.unwrap_or_default();
		if matches!(status, Status::Rejected { spam: true, .. })
			&& Self::take_in(&proposer, released, Inflow::Forfeit, Preservation::Expendable).is_ok()
		{
			Self::deposit_event(Event::DepositForfeited { id, proposer, amount: released });
		} else {
			Self::deposit_event(Event::DepositReturned { id, proposer, amount: released });
		}
	}

	/// The pallet's invariants:
	/// - the fund holds exactly total in − total out;
	/// - committed ≤ fund − reserve, and committed is the sum of the approved spends;
	/// - every tally equals the votes and objections stored for the proposal, and every vote
	///   is from the proposal's electorate;
	/// - each member's open count is the number of their open proposals, and every open
	///   proposal with a deadline block is in that block's queue;
	/// - the parameters are valid and within the runtime's bounds.
	///
	/// Always compiled, so that the runtime's integration tests check it too; the Wasm keeps
	/// it only with `try-runtime`.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		ensure!(
			Self::check_parameters(&CurrentParameters::<T>::get()).is_ok(),
			"parameters outside their bounds"
		);
		let statement = FundStatement::<T>::get();
		let held = Self::fund_balance();
		ensure!(
			held == statement.total_in().saturating_sub(statement.out),
			"the fund does not hold total in − total out"
		);
		let reserve = CurrentParameters::<T>::get().reserve;
		ensure!(
			statement.committed <= held.saturating_sub(reserve),
			"commitments reach into the reserve"
		);
		let mut tallies: BTreeMap<ProposalId, Tally> = BTreeMap::new();
		for (voter, id, ballot) in Votes::<T>::iter() {
			let proposal = Self::proposal(id).map_err(|_| "a vote on no proposal")?;
			ensure!(ballot.member < proposal.voters_below, "a vote from outside the electorate");
			ensure!(!Recused::<T>::contains_key(id, &voter), "a vote from a recused member");
			tallies.entry(id).or_default().count_mut(ballot.vote).saturating_inc();
		}
		for (_, id, ()) in Objections::<T>::iter() {
			tallies.entry(id).or_default().objections.saturating_inc();
		}
		let mut committed = BalanceOf::<T>::zero();
		let mut open: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		for (id, proposal) in Proposals::<T>::iter() {
			let counted = tallies.get(&id).copied().unwrap_or_default();
			ensure!(proposal.tally == counted, "a tally differs from the stored votes");
			if proposal.status.is_open() {
				*open.entry(proposal.proposer.clone()).or_default() += 1;
				if let Some(due) = proposal.due {
					ensure!(
						Deadlines::<T>::get(due).contains(&id),
						"an open proposal off its queue"
					);
				}
			}
			if let (Status::Approved { .. }, ProposalKind::Spend { amount, .. }) =
				(&proposal.status, &proposal.kind)
			{
				committed = committed.saturating_add(*amount);
			}
		}
		ensure!(committed == statement.committed, "committed differs from the approved spends");
		for (who, count) in OpenOf::<T>::iter() {
			ensure!(open.get(&who).copied() == Some(count), "an open count differs");
		}
		ensure!(
			open.len() == OpenOf::<T>::iter().count(),
			"a proposer with open proposals has no count"
		);
		Ok(())
	}
}

impl<T: Config> CommonFund<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn pay_in(from: &T::AccountId, amount: BalanceOf<T>, source: Inflow) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		Self::take_in(from, amount, source, Preservation::Expendable)
	}
}

impl<T: Config> ReferToMeeting<<T as frame_system::Config>::RuntimeCall> for Pallet<T> {
	fn refer(
		case: CaseId,
		side: u8,
		options: Vec<<T as frame_system::Config>::RuntimeCall>,
	) -> Vec<ProposalId> {
		let mut motions = Vec::new();
		for call in options {
			match Self::open_referred(&call) {
				Ok(id) => motions.push(id),
				// The side still lapses at its deadline, dismissed: nobody stays blocked.
				Err(error) => log::warn!(
					target: LOG_TARGET,
					"no motion opened for case {case} side {side}: {error:?}"
				),
			}
		}
		Self::deposit_event(Event::ComplaintReferred { case, side, motions: motions.clone() });
		motions
	}
}
