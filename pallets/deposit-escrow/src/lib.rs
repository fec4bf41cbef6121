//! # Escrowed deposit quanta
//!
//! The money behind the guarantees, held on chain, and the insured deals it makes possible.
//! Each guarantee escrows the protégé's class quantum from the guarantor's free balance as a
//! fungible hold ([`HoldReason::Guarantee`]). That escrow insures every deal the protégé makes
//! up to their **quantum of action**, as many times as they like; when a deal goes wrong the
//! guarantors' decision (through the complaints pallet) pays the injured party from it.
//!
//! ## Terms
//! - **Escrow behind** a member: the sum held by all their guarantors for them.
//! - **Insured quantum** of a member: the smallest escrow one of their guarantors holds for
//!   them — every guarantor alone can answer for a deal of that size.
//! - **Exposure** of a member: the sum of their open deals and of the deals they proposed. It
//!   never exceeds the escrow behind them; a deal that would break that cap is refused. A
//!   proposal counts against its counterparty only once they accept it, and a proposal nobody
//!   accepts expires after [`DealPeriod`]: nobody can fill another member's deal slots.
//! - **Settling** deals of a member: their completed deals still open to complaints (for
//!   [`SettledPeriod`]). They do not count against exposure (a member may make deal after
//!   deal within the quantum), but escrow that insured them stays held until they are
//!   forgotten.
//! - The **need** of a member: their exposure plus their settling deals; while a complaint
//!   against them is open, all the escrow behind them.
//! - A guarantor's escrow is **committed** while releasing it would leave the protégé's exposure
//!   above the escrow left behind them, and **frozen** while a complaint against the protégé is
//!   open. Neither can be released by a revocation.
//! - A guarantee that ends however it ends (revoked, a missed top-up, the guarantor's or the
//!   protégé's departure, expulsion included) **retains** what the protégé's need requires
//!   beyond the rest of the escrow behind them: that part stays held, still insuring their deals
//!   and paying their cases, and returns to the guarantor as the deals are forgotten and the
//!   cases close. While the protégé is accused, the whole escrow stays: the escrow behind an
//!   accused member falls only by the payments of their cases.
//! - The top-up clock of a guarantor who paid part of a compensation stops while the protégé is
//!   accused, and runs on when their last case closes.
//!
//! ## Calls
//! - Members: [`Pallet::open_deal`], [`Pallet::accept_deal`], [`Pallet::cancel_deal`] (before
//!   acceptance), [`Pallet::confirm_deal`], [`Pallet::top_up`].
//! - Anyone: [`Pallet::complete_due_deal`], the fallback for what `on_initialize` does.
//! - Other pallets: [`GuaranteeEscrow`] (membership by guarantee) and, for the complaints
//!   pallet, [`Pallet::freeze`], [`Pallet::unfreeze`] and [`Pallet::compensate`].
//!
//! ## Deal lifecycle
//! ```text
//!  open_deal ──► Proposed ──accept_deal──► Open ──both confirm, or completes_at──► Completed
//!                   ├──cancel_deal──► cancelled                                      │
//!                   └──DealPeriod unanswered──► expired      SettledPeriod later: forgotten
//!                                                             (its record left in events)
//! ```
//!
//! ## Compensation rule
//! [`Pallet::compensate`] pays `amount` from the escrow behind the accused. Each guarantor pays
//! the share of `amount` proportional to what they hold (rounded down); the units left by the
//! rounding are paid one each by the guarantors holding the most (ties: the lower account id
//! first), skipping any whose escrow is exhausted. Retained escrow of ended guarantees pays its
//! share like any other. Each guarantor who paid, and whose guarantee stands, may then top the
//! escrow back up within [`TopUpPeriod`] (counted from when the protégé's last case closes);
//! otherwise their guarantee lapses. A compensation about an open deal is paid before that
//! deal closes, so the escrow its closing would release still pays it.
//!
//! ## Deadlines
//! Proposals expire, open deals complete and completed deals are forgotten at their blocks,
//! and missed top-ups end guarantees, through two deadline queues
//! ([`synergy_primitives::deadlines`]): filing is never refused, however many deadlines fall
//! in one block (a member's accept never fails because others accepted first), and each block
//! handles at most [`Config::DeadlinePagesPerBlock`] pages of [`Config::DeadlinePageSize`]
//! items of each; a burst is handled over the next blocks, each record checked against its own
//! deadline when its item comes.
//!
//! [`Pallet::compensate_first`] names guarantors who pay first — those the complaints pallet
//! found refused to answer for the accused: each pays all they hold behind the accused, in the
//! order named, until the amount is paid; the others share only what remains, by the rule
//! above.

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
pub mod weights;

use alloc::vec::Vec;
use frame_support::{
	pallet_prelude::*,
	storage::with_storage_layer,
	traits::{
		fungible::{self, Inspect, InspectHold, MutateHold},
		tokens::{Fortitude, Precision, Restriction},
	},
};
use frame_system::pallet_prelude::*;
use sp_core::H256;
use sp_runtime::{
	helpers_128bit,
	traits::{CheckedAdd, One, SaturatedConversion, Saturating, StaticLookup, Zero},
	DispatchResult, Rounding,
};
use synergy_primitives::DeadlineQueue;
pub use synergy_primitives::{
	BlockedInspect, DealSummary, DisputeEscrow, EscrowStanding, GuaranteeEscrow, InsuredDeals,
	MembershipInspect, OnDealEnded, OnTopUpMissed,
};

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

/// A balance of the escrowed currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// A deal as stored.
pub type DealOf<T> = Deal<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
/// An escrow record as stored.
pub type EscrowOf<T> = EscrowRecord<BalanceOf<T>, BlockNumberFor<T>>;
type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;
/// The deals due in each block (see [`DealDeadlines`]).
pub type DealQueue<T> = DeadlineQueue<
	DealDeadlines<T>,
	DealDeadlineOverflow<T>,
	DealDeadlinePages<T>,
	DealDeadlineBacklog<T>,
	BlockNumberFor<T>,
	DealId,
	<T as Config>::DeadlinePageSize,
>;
/// The top-ups due in each block (see [`TopUpDeadlines`]).
pub type TopUpQueue<T> = DeadlineQueue<
	TopUpDeadlines<T>,
	TopUpDeadlineOverflow<T>,
	TopUpDeadlinePages<T>,
	TopUpDeadlineBacklog<T>,
	BlockNumberFor<T>,
	(<T as frame_system::Config>::AccountId, <T as frame_system::Config>::AccountId),
	<T as Config>::DeadlinePageSize,
>;

/// What the benchmarks need from the runtime beyond this pallet.
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

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A guarantor's escrow behind a protégé.
		#[codec(index = 0)]
		Guarantee,
	}

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency escrow is held in.
		type Currency: fungible::Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ InspectHold<Self::AccountId>;

		/// The runtime's hold reasons, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who the members are.
		type Membership: MembershipInspect<Self::AccountId>;

		/// Who is blocked by an open complaint.
		type Blocked: BlockedInspect<Self::AccountId>;

		/// Told when a guarantor did not top up in time.
		type OnTopUpMissed: OnTopUpMissed<Self::AccountId>;

		/// Told when a deal completes or ends without completing (the board follows the deals
		/// opened from its listings).
		type OnDealEnded: OnDealEnded<Self::AccountId>;

		/// How long an open deal runs before it completes on its own, unless genesis set
		/// [`DealPeriod`] (development networks set a few blocks).
		#[pallet::constant]
		type DefaultDealPeriod: Get<BlockNumberFor<Self>>;

		/// How long a completed deal stays in state, so that a party may still complain about
		/// it, unless genesis set [`SettledPeriod`].
		#[pallet::constant]
		type DefaultSettledPeriod: Get<BlockNumberFor<Self>>;

		/// How long a guarantor has to top the escrow back up after a compensation, unless
		/// genesis set [`TopUpPeriod`].
		#[pallet::constant]
		type DefaultTopUpPeriod: Get<BlockNumberFor<Self>>;

		/// The most proposed and open deals one member may be party to.
		#[pallet::constant]
		type MaxDealsPerMember: Get<u32>;

		/// The most guarantors one member may have (the membership pallet's bound).
		#[pallet::constant]
		type MaxGuarantors: Get<u32>;

		/// The items in one page of a deadline queue (deal deadlines, top-up ends): a block's
		/// deadlines fill as many pages as they need.
		#[pallet::constant]
		type DeadlinePageSize: Get<u32>;

		/// The most pages of each deadline queue one block handles (the bound of the hook's
		/// work); the rest wait for the next blocks.
		#[pallet::constant]
		type DeadlinePagesPerBlock: Get<u32>;

		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;

		/// Makes accounts members for the benchmarks' setups.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// How long an open deal runs before it completes on its own.
	#[pallet::storage]
	pub type DealPeriod<T: Config> =
		StorageValue<_, BlockNumberFor<T>, ValueQuery, T::DefaultDealPeriod>;

	/// How long a completed deal stays in state, so that a party may still complain about it;
	/// then it is forgotten, in bounded steps.
	#[pallet::storage]
	pub type SettledPeriod<T: Config> =
		StorageValue<_, BlockNumberFor<T>, ValueQuery, T::DefaultSettledPeriod>;

	/// How long a guarantor has to top the escrow back up after a compensation.
	#[pallet::storage]
	pub type TopUpPeriod<T: Config> =
		StorageValue<_, BlockNumberFor<T>, ValueQuery, T::DefaultTopUpPeriod>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The deal period; zero keeps [`Config::DefaultDealPeriod`].
		pub deal_period: BlockNumberFor<T>,
		/// The settled period; zero keeps [`Config::DefaultSettledPeriod`].
		pub settled_period: BlockNumberFor<T>,
		/// The top-up period; zero keeps [`Config::DefaultTopUpPeriod`].
		pub top_up_period: BlockNumberFor<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if !self.deal_period.is_zero() {
				DealPeriod::<T>::put(self.deal_period);
			}
			if !self.settled_period.is_zero() {
				SettledPeriod::<T>::put(self.settled_period);
			}
			if !self.top_up_period.is_zero() {
				TopUpPeriod::<T>::put(self.top_up_period);
			}
		}
	}

	/// Each guarantor's escrow behind each protégé: (protégé, guarantor).
	#[pallet::storage]
	pub type Escrows<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		EscrowOf<T>,
	>;

	/// The escrow behind each member: the sum of their [`Escrows`].
	#[pallet::storage]
	pub type Behind<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, BalanceOf<T>, ValueQuery>;

	/// Members whose escrow is frozen by an open complaint, with the escrow that must stay
	/// behind them until their cases close: what was behind them when it froze, less what their
	/// cases have paid since.
	#[pallet::storage]
	pub type Frozen<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, BalanceOf<T>>;

	/// The settling deals of each member: the sum of their completed deals still open to
	/// complaints. Escrow that insured them stays held until they are forgotten.
	#[pallet::storage]
	pub type Settling<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, BalanceOf<T>, ValueQuery>;

	/// The deals proposed to each member and not answered yet: (counterparty, deal). They count
	/// against the counterparty only once accepted.
	#[pallet::storage]
	pub type ProposalsTo<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, DealId, ()>;

	/// Protégés behind whom an ended guarantee's escrow is retained: only their deals' closing
	/// looks for escrow to return, so an ordinary deal never walks the escrow records.
	#[pallet::storage]
	pub type Retaining<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, ()>;

	/// The proposed and open deals.
	#[pallet::storage]
	pub type Deals<T: Config> = StorageMap<_, Twox64Concat, DealId, DealOf<T>>;

	/// The number the next deal gets.
	#[pallet::storage]
	pub type NextDealId<T: Config> = StorageValue<_, DealId, ValueQuery>;

	/// The open deals of each member, and the deals they proposed.
	#[pallet::storage]
	pub type DealsOf<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<DealId, T::MaxDealsPerMember>,
		ValueQuery,
	>;

	/// The exposure of each member: the sum of their open deals and of the deals they proposed.
	#[pallet::storage]
	pub type Exposure<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, BalanceOf<T>, ValueQuery>;

	/// The deals due in each block: proposals that expire, open deals that complete on their
	/// own, completed deals forgotten. The first page of each block's queue ([`DealQueue`]).
	#[pallet::storage]
	pub type DealDeadlines<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<DealId, T::DeadlinePageSize>,
		ValueQuery,
	>;

	/// The further pages of a block's deal deadlines, numbered from 1.
	#[pallet::storage]
	pub type DealDeadlineOverflow<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		Twox64Concat,
		u32,
		BoundedVec<DealId, T::DeadlinePageSize>,
		ValueQuery,
	>;

	/// How many further pages of deal deadlines a block has.
	#[pallet::storage]
	pub type DealDeadlinePages<T: Config> =
		StorageMap<_, Twox64Concat, BlockNumberFor<T>, u32, ValueQuery>;

	/// The oldest block whose deal deadlines still wait, when a burst left more than a block
	/// handles.
	#[pallet::storage]
	pub type DealDeadlineBacklog<T: Config> = StorageValue<_, BlockNumberFor<T>, OptionQuery>;

	/// The top-ups that fall due in each block: (protégé, guarantor). The first page of each
	/// block's queue ([`TopUpQueue`]).
	#[pallet::storage]
	pub type TopUpDeadlines<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<(T::AccountId, T::AccountId), T::DeadlinePageSize>,
		ValueQuery,
	>;

	/// The further pages of a block's top-up deadlines, numbered from 1.
	#[pallet::storage]
	pub type TopUpDeadlineOverflow<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		Twox64Concat,
		u32,
		BoundedVec<(T::AccountId, T::AccountId), T::DeadlinePageSize>,
		ValueQuery,
	>;

	/// How many further pages of top-up deadlines a block has.
	#[pallet::storage]
	pub type TopUpDeadlinePages<T: Config> =
		StorageMap<_, Twox64Concat, BlockNumberFor<T>, u32, ValueQuery>;

	/// The oldest block whose top-up deadlines still wait.
	#[pallet::storage]
	pub type TopUpDeadlineBacklog<T: Config> = StorageValue<_, BlockNumberFor<T>, OptionQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A guarantor escrowed `amount` behind a protégé.
		EscrowLocked { guarantor: T::AccountId, protege: T::AccountId, amount: BalanceOf<T> },
		/// A completed deal's time for complaints passed: it left state.
		DealForgotten { deal: DealId },
		/// An open deal was ended without completing, because a complaint disputes it.
		DealDisputed { deal: DealId },
		/// An escrow (or part of a retained one) was returned to its guarantor.
		EscrowReleased { guarantor: T::AccountId, protege: T::AccountId, amount: BalanceOf<T> },
		/// A guarantee ended while the protégé's open deals needed its escrow: `amount` stays
		/// held, insuring them, until they close.
		EscrowRetained { guarantor: T::AccountId, protege: T::AccountId, amount: BalanceOf<T> },
		/// The escrow behind a member was frozen by a complaint.
		EscrowFrozen { member: T::AccountId },
		/// The escrow behind a member was unfrozen.
		EscrowUnfrozen { member: T::AccountId },
		/// A guarantor's escrow paid part of a compensation.
		EscrowPaid {
			guarantor: T::AccountId,
			accused: T::AccountId,
			injured: T::AccountId,
			amount: BalanceOf<T>,
		},
		/// An injured member was compensated from the escrow behind the accused.
		Compensated { accused: T::AccountId, injured: T::AccountId, amount: BalanceOf<T> },
		/// A guarantor topped the escrow back up to the quantum.
		ToppedUp { guarantor: T::AccountId, protege: T::AccountId, amount: BalanceOf<T> },
		/// A guarantor did not top up in time; the guarantee lapses.
		TopUpMissed { guarantor: T::AccountId, protege: T::AccountId },
		/// A member opened a deal with another.
		DealOpened {
			deal: DealId,
			initiator: T::AccountId,
			counterparty: T::AccountId,
			amount: BalanceOf<T>,
			terms: H256,
		},
		/// The counterparty accepted the deal; it completes on its own by `completes_at`.
		DealAccepted { deal: DealId, completes_at: BlockNumberFor<T> },
		/// A party confirmed the deal's completion.
		DealConfirmed { deal: DealId, by: T::AccountId },
		/// The deal completed; its record lives on in these events.
		DealCompleted { deal: DealId },
		/// A party cancelled the deal before it was accepted.
		DealCancelled { deal: DealId, by: T::AccountId },
		/// Nobody accepted the proposed deal within the deal period: it is gone.
		DealExpired { deal: DealId },
		/// A top-up clock stopped: the protégé is accused; `left` blocks remain once their
		/// last case closes.
		TopUpPaused { guarantor: T::AccountId, protege: T::AccountId, left: BlockNumberFor<T> },
		/// A stopped top-up clock runs again: the guarantor must top up by `by`.
		TopUpResumed { guarantor: T::AccountId, protege: T::AccountId, by: BlockNumberFor<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is not a member in good standing.
		NotMember,
		/// The account is blocked by an open complaint.
		Blocked,
		/// A member cannot deal with themselves.
		CannotDealWithSelf,
		/// A deal needs a positive amount.
		ZeroAmount,
		/// The amount is above the insured quantum of one of the parties.
		AboveQuantum,
		/// The deal would take a party's exposure above the escrow behind them.
		ExposureExceeded,
		/// A party already has the most deals allowed.
		TooManyDeals,
		/// No deal has this number.
		UnknownDeal,
		/// The caller is not a party to the deal.
		NotParty,
		/// Only the counterparty accepts a deal.
		NotCounterparty,
		/// The deal is not in the state this call needs.
		WrongDealStatus,
		/// The caller has already confirmed.
		AlreadyConfirmed,
		/// The deal is not due to complete yet.
		DealNotDue,
		/// The guarantor already escrows for this protégé.
		AlreadyEscrowed,
		/// There is no escrow for this guarantee.
		NoEscrow,
		/// The escrow behind the protégé is frozen by a complaint.
		EscrowFrozen,
		/// The escrow is committed to open insured deals.
		EscrowCommitted,
		/// The escrow is already at its quantum.
		NothingToTopUp,
		/// The escrow behind the accused is less than the compensation.
		InsufficientEscrow,
		/// An amount overflowed.
		Overflow,
		/// The guarantee has ended: its retained escrow cannot be topped up.
		GuaranteeEnded,
		/// The protégé already has as many escrow records as are kept, counting ended
		/// guarantees whose escrow still insures their open deals.
		TooManyEscrows,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			let pages = T::DeadlinePagesPerBlock::get();
			let deals = DealQueue::<T>::take_due(now, pages);
			let top_ups = TopUpQueue::<T>::take_due(now, pages);
			if deals.items.is_empty()
				&& top_ups.items.is_empty()
				&& deals.blocks <= 1
				&& top_ups.blocks <= 1
			{
				return T::WeightInfo::on_initialize_idle();
			}
			let (d, t) = (deals.items.len() as u32, top_ups.items.len() as u32);
			let stepped = deals.blocks.max(top_ups.blocks);
			let settled_period =
				if deals.items.is_empty() { Zero::zero() } else { SettledPeriod::<T>::get() };
			for id in deals.items {
				let Some(deal) = Deals::<T>::get(id) else { continue };
				match deal.status {
					// The only deadline filed while a deal is proposed is its expiry.
					DealStatus::Proposed => {
						Self::close(id, &deal);
						Self::deposit_event(Event::DealExpired { deal: id });
					},
					DealStatus::Open { completes_at } if completes_at <= now => {
						Self::complete(id, deal)
					},
					DealStatus::Completed { at } if at.saturating_add(settled_period) <= now => {
						Self::forget(id, &deal)
					},
					_ => {},
				}
			}
			for (protege, guarantor) in top_ups.items {
				Self::check_top_up(&protege, &guarantor, now);
			}
			T::WeightInfo::on_initialize(d, t, stepped)
				.saturating_add(T::OnDealEnded::weight().saturating_mul(u64::from(d)))
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Proposes a deal of `amount` to `counterparty` on the terms hashed as `terms`. The
		/// amount must be within the insured quantum of both parties and keep both parties'
		/// exposure within the escrow behind them. It counts against the caller's exposure and
		/// deal slots at once, against the counterparty's only once they accept; unanswered, it
		/// expires after [`DealPeriod`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::open_deal())]
		pub fn open_deal(
			origin: OriginFor<T>,
			counterparty: AccountIdLookupOf<T>,
			amount: BalanceOf<T>,
			terms: H256,
		) -> DispatchResult {
			let initiator = ensure_signed(origin)?;
			let counterparty = T::Lookup::lookup(counterparty)?;
			Self::do_open_deal(initiator, counterparty, amount, terms).map(|_| ())
		}

		/// The counterparty accepts a proposed deal; it completes when both confirm, or on its
		/// own after [`DealPeriod`]. Both parties are checked again: members, not blocked, the
		/// amount within their insured quantum and the counterparty's exposure within the
		/// escrow behind them.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::accept_deal())]
		pub fn accept_deal(origin: OriginFor<T>, deal: DealId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Deals::<T>::get(deal).ok_or(Error::<T>::UnknownDeal)?;
			ensure!(record.counterparty == who, Error::<T>::NotCounterparty);
			ensure!(record.status == DealStatus::Proposed, Error::<T>::WrongDealStatus);
			for party in [&record.initiator, &who] {
				ensure!(T::Membership::is_member(party), Error::<T>::NotMember);
				ensure!(!T::Blocked::is_blocked(party), Error::<T>::Blocked);
				ensure!(record.amount <= Self::insured_quantum(party), Error::<T>::AboveQuantum);
			}
			let exposure = Self::exposure_after(&who, record.amount)?;
			let mut deals = DealsOf::<T>::get(&who);
			deals.try_push(deal).map_err(|_| Error::<T>::TooManyDeals)?;
			let due =
				frame_system::Pallet::<T>::block_number().saturating_add(DealPeriod::<T>::get());
			let completes_at = Self::schedule_deal(due, deal);
			DealsOf::<T>::insert(&who, deals);
			Exposure::<T>::insert(&who, exposure);
			ProposalsTo::<T>::remove(&who, deal);
			record.status = DealStatus::Open { completes_at };
			Deals::<T>::insert(deal, record);
			Self::deposit_event(Event::DealAccepted { deal, completes_at });
			Ok(())
		}

		/// Either party cancels a deal that has not been accepted yet.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::cancel_deal().saturating_add(T::OnDealEnded::weight()))]
		pub fn cancel_deal(origin: OriginFor<T>, deal: DealId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let record = Deals::<T>::get(deal).ok_or(Error::<T>::UnknownDeal)?;
			ensure!(record.is_party(&who), Error::<T>::NotParty);
			ensure!(record.status == DealStatus::Proposed, Error::<T>::WrongDealStatus);
			Self::close(deal, &record);
			Self::deposit_event(Event::DealCancelled { deal, by: who });
			Ok(())
		}

		/// A party confirms an open deal's completion; with both confirmations it completes.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::confirm_deal().saturating_add(T::OnDealEnded::weight()))]
		pub fn confirm_deal(origin: OriginFor<T>, deal: DealId) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let mut record = Deals::<T>::get(deal).ok_or(Error::<T>::UnknownDeal)?;
			ensure!(record.is_party(&who), Error::<T>::NotParty);
			ensure!(matches!(record.status, DealStatus::Open { .. }), Error::<T>::WrongDealStatus);
			let confirmed = if record.initiator == who {
				&mut record.initiator_confirmed
			} else {
				&mut record.counterparty_confirmed
			};
			ensure!(!*confirmed, Error::<T>::AlreadyConfirmed);
			*confirmed = true;
			Self::deposit_event(Event::DealConfirmed { deal, by: who });
			if record.initiator_confirmed && record.counterparty_confirmed {
				Self::complete(deal, record);
				Ok(().into())
			} else {
				// The first confirmation only records itself, and is charged as such.
				Deals::<T>::insert(deal, record);
				Ok(Some(T::WeightInfo::confirm_deal_first()).into())
			}
		}

		/// Completes an open deal whose period has passed. The pallet does this on its own
		/// when the block comes; anyone may call it as a fallback.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::complete_due_deal().saturating_add(T::OnDealEnded::weight()))]
		pub fn complete_due_deal(origin: OriginFor<T>, deal: DealId) -> DispatchResult {
			ensure_signed(origin)?;
			let record = Deals::<T>::get(deal).ok_or(Error::<T>::UnknownDeal)?;
			let DealStatus::Open { completes_at } = record.status else {
				return Err(Error::<T>::WrongDealStatus.into());
			};
			ensure!(
				completes_at <= frame_system::Pallet::<T>::block_number(),
				Error::<T>::DealNotDue
			);
			Self::complete(deal, record);
			Ok(())
		}

		/// A guarantor tops their escrow behind `protege` back up to the quantum after a
		/// compensation was paid from it.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::top_up())]
		pub fn top_up(origin: OriginFor<T>, protege: AccountIdLookupOf<T>) -> DispatchResult {
			let guarantor = ensure_signed(origin)?;
			let protege = T::Lookup::lookup(protege)?;
			let mut record = Escrows::<T>::get(&protege, &guarantor).ok_or(Error::<T>::NoEscrow)?;
			ensure!(!record.ended, Error::<T>::GuaranteeEnded);
			let missing = record.quantum.saturating_sub(record.held);
			ensure!(!missing.is_zero(), Error::<T>::NothingToTopUp);
			T::Currency::hold(&HoldReason::Guarantee.into(), &guarantor, missing)?;
			record.held = record.quantum;
			record.top_up_by = None;
			record.top_up_paused = None;
			Escrows::<T>::insert(&protege, &guarantor, record);
			Behind::<T>::mutate(&protege, |b| b.saturating_accrue(missing));
			Self::deposit_event(Event::ToppedUp {
				guarantor,
				protege: protege.clone(),
				amount: missing,
			});
			Self::release_retained(&protege);
			Ok(())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Proposes a deal of `amount` from `initiator` to `counterparty` (see
	/// [`Pallet::open_deal`]); returns its number. Checks first, writes last: nothing changes on
	/// error.
	pub fn do_open_deal(
		initiator: T::AccountId,
		counterparty: T::AccountId,
		amount: BalanceOf<T>,
		terms: H256,
	) -> Result<DealId, DispatchError> {
		ensure!(initiator != counterparty, Error::<T>::CannotDealWithSelf);
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		for party in [&initiator, &counterparty] {
			ensure!(T::Membership::is_member(party), Error::<T>::NotMember);
			ensure!(!T::Blocked::is_blocked(party), Error::<T>::Blocked);
			ensure!(amount <= Self::insured_quantum(party), Error::<T>::AboveQuantum);
		}
		let initiator_exposure = Self::exposure_after(&initiator, amount)?;
		// Checked now so that a deal the counterparty could not accept is refused by name;
		// charged only when they accept.
		Self::exposure_after(&counterparty, amount)?;

		let id = NextDealId::<T>::get();
		let mut initiator_deals = DealsOf::<T>::get(&initiator);
		initiator_deals.try_push(id).map_err(|_| Error::<T>::TooManyDeals)?;
		let now = frame_system::Pallet::<T>::block_number();
		Self::schedule_deal(now.saturating_add(DealPeriod::<T>::get()), id);

		NextDealId::<T>::put(id.saturating_add(1));
		DealsOf::<T>::insert(&initiator, initiator_deals);
		Exposure::<T>::insert(&initiator, initiator_exposure);
		ProposalsTo::<T>::insert(&counterparty, id, ());
		Deals::<T>::insert(
			id,
			Deal {
				initiator: initiator.clone(),
				counterparty: counterparty.clone(),
				amount,
				terms,
				status: DealStatus::Proposed,
				opened_at: now,
				initiator_confirmed: false,
				counterparty_confirmed: false,
			},
		);
		Self::deposit_event(Event::DealOpened { deal: id, initiator, counterparty, amount, terms });
		Ok(id)
	}

	/// The insured quantum of `who`: the smallest escrow one guarantor holds for them (ended
	/// guarantees' retained escrow insures only the deals already open).
	pub fn insured_quantum(who: &T::AccountId) -> BalanceOf<T> {
		Self::records_behind(who)
			.filter(|(_, e)| !e.ended)
			.map(|(_, e)| e.held)
			.min()
			.unwrap_or_default()
	}

	/// The most escrow records kept behind one protégé: their guarantors, and as many ended
	/// guarantees whose escrow still insures open deals.
	fn max_records() -> u32 {
		T::MaxGuarantors::get().saturating_mul(2)
	}

	/// The escrow records behind `protege`, at most [`Self::max_records`].
	fn records_behind(protege: &T::AccountId) -> impl Iterator<Item = (T::AccountId, EscrowOf<T>)> {
		Escrows::<T>::iter_prefix(protege).take(Self::max_records() as usize)
	}

	/// The escrow behind `who` and what it insures.
	pub fn standing_of(who: &T::AccountId) -> EscrowStanding<BalanceOf<T>> {
		let behind = Behind::<T>::get(who);
		let exposure = Exposure::<T>::get(who);
		EscrowStanding {
			behind,
			exposure,
			settling: Settling::<T>::get(who),
			headroom: behind.saturating_sub(exposure),
			insured_quantum: Self::insured_quantum(who),
			frozen: Frozen::<T>::contains_key(who),
		}
	}

	/// The escrow behind `who`, guarantor by guarantor, and their deals (for the runtime API).
	pub fn escrow_view(
		who: &T::AccountId,
	) -> EscrowView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>> {
		EscrowView {
			standing: Self::standing_of(who),
			guarantees: Self::records_behind(who)
				.map(|(guarantor, escrow)| GuaranteeEscrowView { guarantor, escrow })
				.collect(),
			deals: DealsOf::<T>::get(who).into_inner(),
		}
	}

	/// `who`'s open deals, the deals they proposed, and (at most `MaxDealsPerMember` of) the
	/// deals proposed to them (for the runtime API).
	pub fn deals_of(
		who: &T::AccountId,
	) -> Vec<DealView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		let proposed_to =
			ProposalsTo::<T>::iter_key_prefix(who).take(T::MaxDealsPerMember::get() as usize);
		DealsOf::<T>::get(who)
			.into_iter()
			.chain(proposed_to)
			.filter_map(|id| Deals::<T>::get(id).map(|deal| DealView { id, deal }))
			.collect()
	}

	/// What `who` must still do for their deals: the proposals to them to accept (at most
	/// `MaxDealsPerMember`), then their open deals to confirm.
	pub fn deals_due(
		who: &T::AccountId,
	) -> Vec<DealDue<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		let period = DealPeriod::<T>::get();
		let to_accept = ProposalsTo::<T>::iter_key_prefix(who)
			.take(T::MaxDealsPerMember::get() as usize)
			.filter_map(|id| Deals::<T>::get(id).map(|deal| (id, deal)))
			.filter(|(_, deal)| deal.status == DealStatus::Proposed)
			.map(|(id, deal)| DealDue {
				deal: id,
				action: DealAction::Accept,
				with: deal.initiator,
				amount: deal.amount,
				by: deal.opened_at.saturating_add(period),
			});
		let to_confirm = DealsOf::<T>::get(who)
			.into_iter()
			.filter_map(|id| Deals::<T>::get(id).map(|deal| (id, deal)))
			.filter_map(|(id, deal)| {
				let DealStatus::Open { completes_at } = deal.status else { return None };
				let (confirmed, with) = if &deal.initiator == who {
					(deal.initiator_confirmed, deal.counterparty)
				} else {
					(deal.counterparty_confirmed, deal.initiator)
				};
				(!confirmed).then_some(DealDue {
					deal: id,
					action: DealAction::Confirm,
					with,
					amount: deal.amount,
					by: completes_at,
				})
			});
		to_accept.chain(to_confirm).collect()
	}

	/// The top-ups `guarantor` owes behind `proteges` (theirs, as membership lists them):
	/// every escrow below its quantum after a compensation, with its deadline.
	pub fn top_ups_due(
		guarantor: &T::AccountId,
		proteges: impl IntoIterator<Item = T::AccountId>,
	) -> Vec<TopUpDue<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		proteges
			.into_iter()
			.filter_map(|protege| Escrows::<T>::get(&protege, guarantor).map(|e| (protege, e)))
			.filter(|(_, escrow)| {
				!escrow.ended && (escrow.top_up_by.is_some() || escrow.top_up_paused.is_some())
			})
			.filter_map(|(protege, escrow)| {
				let owed = escrow.quantum.saturating_sub(escrow.held);
				(!owed.is_zero()).then_some(TopUpDue {
					protege,
					owed,
					by: escrow.top_up_by,
					paused_left: escrow.top_up_paused,
				})
			})
			.collect()
	}

	/// `who`'s exposure with `amount` more, if it stays within the escrow behind them.
	fn exposure_after(
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let exposure = Exposure::<T>::get(who).checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		ensure!(exposure <= Behind::<T>::get(who), Error::<T>::ExposureExceeded);
		Ok(exposure)
	}

	/// Files `deal`'s deadline at `at` (at the earliest the next block); returns that block.
	fn schedule_deal(at: BlockNumberFor<T>, deal: DealId) -> BlockNumberFor<T> {
		DealQueue::<T>::file(frame_system::Pallet::<T>::block_number(), at, deal).at
	}

	/// Forgets a proposed or open deal at once (cancelled, expired, or disputed); see
	/// [`Self::settle`].
	fn close(id: DealId, deal: &DealOf<T>) {
		Deals::<T>::remove(id);
		Self::settle(id, deal);
		T::OnDealEnded::closed(id);
	}

	/// Takes a proposed or open deal off the lists of the parties it counts against (a
	/// proposal: the initiator's; an open deal: both) and lowers their exposure.
	fn settle(id: DealId, deal: &DealOf<T>) {
		if deal.status == DealStatus::Proposed {
			ProposalsTo::<T>::remove(&deal.counterparty, id);
		}
		for party in deal.parties_charged() {
			DealsOf::<T>::mutate(party, |deals| deals.retain(|d| *d != id));
			Exposure::<T>::mutate(party, |e| e.saturating_reduce(deal.amount));
			Self::release_retained(party);
		}
	}

	/// Forgets a completed deal whose time for complaints has passed: the escrow that insured it
	/// may go home.
	fn forget(id: DealId, deal: &DealOf<T>) {
		Deals::<T>::remove(id);
		for party in [&deal.initiator, &deal.counterparty] {
			Settling::<T>::mutate_exists(party, |s| {
				let left = s.unwrap_or_default().saturating_sub(deal.amount);
				*s = (!left.is_zero()).then_some(left);
			});
			Self::release_retained(party);
		}
		Self::deposit_event(Event::DealForgotten { deal: id });
	}

	/// What the escrow behind `who` must cover now: their exposure and their settling deals.
	/// (While they are accused, all of it stays, whatever this says.)
	pub fn need(who: &T::AccountId) -> BalanceOf<T> {
		Exposure::<T>::get(who).saturating_add(Settling::<T>::get(who))
	}

	/// Returns to their guarantors the retained escrow of ended guarantees that `protege`'s
	/// need no longer requires, in the order the records are stored. Nothing while the protégé
	/// is accused.
	fn release_retained(protege: &T::AccountId) {
		if !Retaining::<T>::contains_key(protege) || Frozen::<T>::contains_key(protege) {
			return;
		}
		let mut spare = Behind::<T>::get(protege).saturating_sub(Self::need(protege));
		if spare.is_zero() {
			return;
		}
		let retained: Vec<_> = Self::records_behind(protege).filter(|(_, e)| e.ended).collect();
		let mut still_retained = false;
		for (guarantor, mut record) in retained {
			let amount = record.held.min(spare);
			// The records match the holds (an invariant): this does not fail; if it did, the
			// escrow would simply stay retained, whole, until the next deal closes.
			if amount.is_zero() || Self::return_escrow(&guarantor, protege, amount).is_err() {
				still_retained = true;
				continue;
			}
			spare.saturating_reduce(amount);
			record.held.saturating_reduce(amount);
			if record.held.is_zero() {
				Escrows::<T>::remove(protege, &guarantor);
			} else {
				still_retained = true;
				Escrows::<T>::insert(protege, &guarantor, record);
			}
		}
		if !still_retained {
			Retaining::<T>::remove(protege);
		}
	}

	/// Returns `amount` of `guarantor`'s escrow for `protege` to the guarantor's free balance
	/// and lowers the escrow behind the protégé; the caller updates the record. Returns what the
	/// guarantor got back.
	fn return_escrow(
		guarantor: &T::AccountId,
		protege: &T::AccountId,
		amount: BalanceOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		if amount.is_zero() {
			return Ok(amount);
		}
		let released = T::Currency::release(
			&HoldReason::Guarantee.into(),
			guarantor,
			amount,
			Precision::BestEffort,
		)?;
		Behind::<T>::mutate_exists(protege, |b| {
			let left = b.unwrap_or_default().saturating_sub(amount);
			*b = if left.is_zero() { None } else { Some(left) };
		});
		Self::deposit_event(Event::EscrowReleased {
			guarantor: guarantor.clone(),
			protege: protege.clone(),
			amount: released,
		});
		Ok(released)
	}

	/// Completes a deal: it leaves the parties' lists and exposure, and stays in state for
	/// [`SettledPeriod`], open to complaints and settling for both parties (at once forgotten
	/// if that is zero).
	fn complete(id: DealId, mut deal: DealOf<T>) {
		let (initiator, counterparty) = (deal.initiator.clone(), deal.counterparty.clone());
		let now = frame_system::Pallet::<T>::block_number();
		let forget_at = now.saturating_add(SettledPeriod::<T>::get());
		if forget_at > now {
			Self::schedule_deal(forget_at, id);
			// Settling before the exposure falls, so that no escrow that insured the deal
			// leaves in between.
			for party in [&deal.initiator, &deal.counterparty] {
				Settling::<T>::mutate(party, |s| s.saturating_accrue(deal.amount));
			}
			Self::settle(id, &deal);
			deal.status = DealStatus::Completed { at: now };
			Deals::<T>::insert(id, deal);
		} else {
			Self::settle(id, &deal);
			Deals::<T>::remove(id);
		}
		T::OnDealEnded::completed(id, &initiator, &counterparty);
		Self::deposit_event(Event::DealCompleted { deal: id });
	}

	fn check_top_up(protege: &T::AccountId, guarantor: &T::AccountId, now: BlockNumberFor<T>) {
		let Some(record) = Escrows::<T>::get(protege, guarantor) else { return };
		// A stopped clock (the protégé is accused) has no `top_up_by`: nothing is missed.
		if matches!(record.top_up_by, Some(by) if by <= now)
			&& record.held < record.quantum
			&& !record.ended
		{
			Self::deposit_event(Event::TopUpMissed {
				guarantor: guarantor.clone(),
				protege: protege.clone(),
			});
			T::OnTopUpMissed::top_up_missed(guarantor, protege);
		}
	}

	/// Freezes the escrow behind `member` (an open complaint against them): no guarantee of
	/// theirs can be revoked, and whatever ends one, its escrow stays held, until it is
	/// unfrozen; the top-up clocks behind them stop.
	pub fn freeze(member: &T::AccountId) {
		if Frozen::<T>::contains_key(member) {
			return;
		}
		Frozen::<T>::insert(member, Behind::<T>::get(member));
		Self::deposit_event(Event::EscrowFrozen { member: member.clone() });
		let now = frame_system::Pallet::<T>::block_number();
		let running: Vec<_> =
			Self::records_behind(member).filter(|(_, r)| r.top_up_by.is_some()).collect();
		for (guarantor, mut record) in running {
			let left = record.top_up_by.unwrap_or(now).saturating_sub(now);
			record.top_up_by = None;
			record.top_up_paused = Some(left);
			Escrows::<T>::insert(member, &guarantor, record);
			Self::deposit_event(Event::TopUpPaused { guarantor, protege: member.clone(), left });
		}
	}

	/// Unfreezes the escrow behind `member` (their last open case closed): the stopped top-up
	/// clocks run on, and retained escrow their need no longer requires goes home.
	pub fn unfreeze(member: &T::AccountId) {
		if Frozen::<T>::take(member).is_none() {
			return;
		}
		Self::deposit_event(Event::EscrowUnfrozen { member: member.clone() });
		let now = frame_system::Pallet::<T>::block_number();
		let stopped: Vec<_> =
			Self::records_behind(member).filter(|(_, r)| r.top_up_paused.is_some()).collect();
		for (guarantor, mut record) in stopped {
			// At least the next block: this block's deadlines have been handled already.
			let left = record.top_up_paused.unwrap_or_default().max(One::one());
			let by = Self::schedule_top_up(now.saturating_add(left), member, &guarantor);
			record.top_up_paused = None;
			record.top_up_by = Some(by);
			Escrows::<T>::insert(member, &guarantor, record);
			Self::deposit_event(Event::TopUpResumed { guarantor, protege: member.clone(), by });
		}
		Self::release_retained(member);
	}

	/// Pays `amount` to `injured` from the escrow behind `accused`, split across the guarantors
	/// by the rule in the crate documentation; each guarantor who paid may top up within
	/// [`TopUpPeriod`]. Nothing moves unless all of it can.
	pub fn compensate(
		accused: &T::AccountId,
		injured: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		Self::compensate_first(accused, injured, amount, &[])
	}

	/// [`Self::compensate`], but the escrow of the guarantors in `first` (who refused to answer
	/// for the accused when their panel sat) pays first, each all they hold behind the accused
	/// in turn, and the others share only what remains, by the same rule.
	pub fn compensate_first(
		accused: &T::AccountId,
		injured: &T::AccountId,
		amount: BalanceOf<T>,
		first: &[T::AccountId],
	) -> DispatchResult {
		let total = Behind::<T>::get(accused);
		ensure!(amount <= total, Error::<T>::InsufficientEscrow);
		if amount.is_zero() {
			return Ok(());
		}
		let (mut firsts, others): (Vec<_>, Vec<_>) =
			Self::records_behind(accused).partition(|(g, _)| first.contains(g));
		firsts.sort_by_key(|(g, _)| first.iter().position(|f| f == g));
		let mut left = amount;
		let mut shares: Vec<(T::AccountId, EscrowOf<T>, BalanceOf<T>)> = firsts
			.into_iter()
			.map(|(g, record)| {
				let share = record.held.min(left);
				left.saturating_reduce(share);
				(g, record, share)
			})
			.collect();
		// What the others share, by their escrow.
		let shared = left;
		let total =
			others.iter().fold(BalanceOf::<T>::zero(), |sum, (_, r)| sum.saturating_add(r.held));
		let mut rest: Vec<(T::AccountId, EscrowOf<T>, BalanceOf<T>)> = others
			.into_iter()
			.map(|(g, record)| {
				let share = Self::pro_rata_floor(shared, record.held, total);
				(g, record, share)
			})
			.collect();
		// Who pays the rounding units first: the largest escrow, then the lowest account id.
		rest.sort_by(|a, b| b.1.held.cmp(&a.1.held).then_with(|| a.0.cmp(&b.0)));
		let mut remainder = shared.saturating_sub(
			rest.iter().fold(Zero::zero(), |sum: BalanceOf<T>, s| sum.saturating_add(s.2)),
		);
		// At most one unit per guarantor per round; the shares were rounded down, so one
		// round over the guarantors always suffices (remainder < number of guarantors).
		for (_, record, share) in rest.iter_mut() {
			if remainder.is_zero() {
				break;
			}
			if *share < record.held {
				share.saturating_inc();
				remainder.saturating_dec();
			}
		}
		ensure!(remainder.is_zero(), Error::<T>::InsufficientEscrow);
		shares.extend(rest);

		// All the shares move, or none: a failure part-way rolls back the ones already paid.
		with_storage_layer(|| Self::pay_shares(accused, injured, amount, shares))
	}

	/// Pays each guarantor's `share` of the compensation; see [`Self::compensate`].
	fn pay_shares(
		accused: &T::AccountId,
		injured: &T::AccountId,
		amount: BalanceOf<T>,
		shares: Vec<(T::AccountId, EscrowOf<T>, BalanceOf<T>)>,
	) -> DispatchResult {
		let period = TopUpPeriod::<T>::get();
		let frozen = Frozen::<T>::contains_key(accused);
		for (guarantor, mut record, share) in shares {
			if share.is_zero() {
				continue;
			}
			T::Currency::transfer_on_hold(
				&HoldReason::Guarantee.into(),
				&guarantor,
				injured,
				share,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Force,
			)?;
			record.held.saturating_reduce(share);
			if !record.ended {
				// The clock starts when the accused's last case closes (see `unfreeze`).
				if frozen {
					record.top_up_by = None;
					record.top_up_paused = Some(period);
				} else {
					let now = frame_system::Pallet::<T>::block_number();
					let due =
						Self::schedule_top_up(now.saturating_add(period), accused, &guarantor);
					record.top_up_by = Some(due);
					record.top_up_paused = None;
				}
				Escrows::<T>::insert(accused, &guarantor, record);
			} else if record.held.is_zero() {
				// An ended guarantee is not topped up: spent, its record goes.
				Escrows::<T>::remove(accused, &guarantor);
			} else {
				Escrows::<T>::insert(accused, &guarantor, record);
			}
			Self::deposit_event(Event::EscrowPaid {
				guarantor,
				accused: accused.clone(),
				injured: injured.clone(),
				amount: share,
			});
		}
		Behind::<T>::mutate(accused, |b| b.saturating_reduce(amount));
		Frozen::<T>::mutate_extant(accused, |floor| floor.saturating_reduce(amount));
		Self::deposit_event(Event::Compensated {
			accused: accused.clone(),
			injured: injured.clone(),
			amount,
		});
		Ok(())
	}

	/// `amount × part ÷ whole`, rounded down, exactly (in 128 bits).
	fn pro_rata_floor(
		amount: BalanceOf<T>,
		part: BalanceOf<T>,
		whole: BalanceOf<T>,
	) -> BalanceOf<T> {
		helpers_128bit::multiply_by_rational_with_rounding(
			amount.saturated_into(),
			part.saturated_into(),
			whole.saturated_into(),
			Rounding::Down,
		)
		.map(|share| share.saturated_into())
		.unwrap_or_default()
	}

	/// Files the top-up deadline of `guarantor` behind `protege` at `at` (at the earliest the
	/// next block); returns that block.
	fn schedule_top_up(
		at: BlockNumberFor<T>,
		protege: &T::AccountId,
		guarantor: &T::AccountId,
	) -> BlockNumberFor<T> {
		let now = frame_system::Pallet::<T>::block_number();
		TopUpQueue::<T>::file(now, at, (protege.clone(), guarantor.clone())).at
	}

	/// Checks the pallet's invariants:
	/// - the total held under [`HoldReason::Guarantee`] equals the sum of the escrow records;
	/// - every member's `Behind` equals the sum of their escrow records;
	/// - no member's exposure exceeds the escrow behind them (a compensation is at most the
	///   disputed deal's amount and that deal closes right after it, so it keeps this too);
	/// - every open deal is listed by both parties, every proposal by its initiator and among
	///   the counterparty's proposals; exposures and settling sums are the sums of the deals;
	/// - the escrow behind an accused member never falls below what was behind them when they
	///   were accused, less what their cases paid;
	/// - retained escrow of ended guarantees is exactly what the protégé's need requires: kept
	///   only while they are accused or, without it, the escrow behind them would fall below
	///   their exposure plus their settling deals, and never spare (the escrow behind them is
	///   then at most that need); no protégé has more records than are kept;
	/// - a stopped top-up clock belongs to an accused protégé, and a record has one clock;
	/// - every open deal's completion is queued at its block, every proposed or completed
	///   deal's next deadline and every running top-up clock is queued, and the queues' pages
	///   are as counted.
	///
	/// Always compiled, so that the runtime's integration tests check it too; the Wasm keeps
	/// it only with `try-runtime`.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		let mut held_by: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut behind: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut retained: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut records: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		for (protege, guarantor, record) in Escrows::<T>::iter() {
			ensure!(record.held <= record.quantum, "an escrow above its quantum");
			ensure!(!record.ended || !record.held.is_zero(), "an empty retained escrow");
			ensure!(
				record.top_up_paused.is_none()
					|| (record.top_up_by.is_none() && Frozen::<T>::contains_key(&protege)),
				"a stopped top-up clock behind a member who is not accused"
			);
			held_by.entry(guarantor).or_default().saturating_accrue(record.held);
			behind.entry(protege.clone()).or_default().saturating_accrue(record.held);
			records.entry(protege.clone()).or_default().saturating_inc();
			if record.ended {
				retained.entry(protege).or_default().saturating_accrue(record.held);
			}
		}
		ensure!(records.values().all(|n| *n <= Self::max_records()), "too many escrow records");
		for protege in retained.keys() {
			ensure!(Retaining::<T>::contains_key(protege), "retained escrow without its marker");
		}
		for (protege, kept) in &retained {
			if Frozen::<T>::contains_key(protege) {
				continue;
			}
			// Retained escrow goes home as soon as it is spare: while any is kept, the escrow
			// behind the protégé is at most their need, and without it, below.
			let (total, need) = (Behind::<T>::get(protege), Self::need(protege));
			ensure!(total <= need, "retained escrow that is spare");
			ensure!(total.saturating_sub(*kept) < need, "retained escrow nothing needs");
		}
		for (member, floor) in Frozen::<T>::iter() {
			ensure!(Behind::<T>::get(&member) >= floor, "escrow left from behind an accused");
		}
		for (guarantor, held) in &held_by {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::Guarantee.into(), guarantor) == *held,
				"a guarantor's hold differs from their escrow records"
			);
		}
		for (member, total) in Behind::<T>::iter() {
			ensure!(behind.get(&member).copied().unwrap_or_default() == total, "Behind differs");
		}
		let mut exposure: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut settling: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (id, deal) in Deals::<T>::iter() {
			if matches!(deal.status, DealStatus::Completed { .. }) {
				for party in [&deal.initiator, &deal.counterparty] {
					settling.entry(party.clone()).or_default().saturating_accrue(deal.amount);
				}
				continue;
			}
			if deal.status == DealStatus::Proposed {
				ensure!(
					ProposalsTo::<T>::contains_key(&deal.counterparty, id)
						&& !DealsOf::<T>::get(&deal.counterparty).contains(&id),
					"a proposal its counterparty is charged for, or does not see"
				);
			}
			for party in deal.parties_charged() {
				ensure!(DealsOf::<T>::get(party).contains(&id), "a deal a party does not list");
				exposure.entry(party.clone()).or_default().saturating_accrue(deal.amount);
			}
		}
		for (_, id) in ProposalsTo::<T>::iter_keys() {
			ensure!(
				Deals::<T>::get(id).is_some_and(|d| d.status == DealStatus::Proposed),
				"a listed proposal that is not one"
			);
		}
		for (member, total) in Settling::<T>::iter() {
			ensure!(
				settling.get(&member).copied().unwrap_or_default() == total,
				"a settling sum differs from the member's completed deals"
			);
		}
		for (member, total) in &settling {
			ensure!(Settling::<T>::get(member) == *total, "completed deals not settling");
		}
		for (member, total) in Exposure::<T>::iter() {
			ensure!(
				exposure.get(&member).copied().unwrap_or_default() == total,
				"an exposure differs from the member's deals"
			);
			ensure!(total <= Behind::<T>::get(&member), "an exposure above the escrow behind");
		}
		Self::try_state_deadlines()
	}

	/// Every deal's next step and every running top-up clock is queued, and the queues' pages
	/// are as counted.
	fn try_state_deadlines() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_set::BTreeSet;
		DealQueue::<T>::check_pages()?;
		TopUpQueue::<T>::check_pages()?;
		let deals: BTreeSet<(BlockNumberFor<T>, DealId)> =
			DealQueue::<T>::queued().into_iter().collect();
		let queued: BTreeSet<DealId> = deals.iter().map(|(_, id)| *id).collect();
		for (id, deal) in Deals::<T>::iter() {
			match deal.status {
				DealStatus::Open { completes_at } => ensure!(
					deals.contains(&(completes_at, id)),
					"an open deal whose completion is not queued"
				),
				_ => ensure!(queued.contains(&id), "a proposed or completed deal not queued"),
			}
		}
		let top_ups: BTreeSet<_> = TopUpQueue::<T>::queued().into_iter().collect();
		let now = frame_system::Pallet::<T>::block_number();
		for (protege, guarantor, record) in Escrows::<T>::iter() {
			// A clock whose deadline has passed was checked then (it stays, run out, until a
			// top-up or the guarantee's end).
			if let Some(by) = record.top_up_by.filter(|by| *by > now) {
				ensure!(
					top_ups.contains(&(by, (protege, guarantor))),
					"a running top-up clock whose deadline is not queued"
				);
			}
		}
		Ok(())
	}
}

impl<T: Config> GuaranteeEscrow<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn lock(
		guarantor: &T::AccountId,
		protege: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!Escrows::<T>::contains_key(protege, guarantor), Error::<T>::AlreadyEscrowed);
		ensure!(
			(Self::records_behind(protege).count() as u32) < Self::max_records(),
			Error::<T>::TooManyEscrows
		);
		T::Currency::hold(&HoldReason::Guarantee.into(), guarantor, amount)?;
		Escrows::<T>::insert(
			protege,
			guarantor,
			EscrowRecord {
				held: amount,
				quantum: amount,
				top_up_by: None,
				top_up_paused: None,
				ended: false,
			},
		);
		Behind::<T>::mutate(protege, |b| b.saturating_accrue(amount));
		Self::deposit_event(Event::EscrowLocked {
			guarantor: guarantor.clone(),
			protege: protege.clone(),
			amount,
		});
		// More escrow behind the protégé: ended guarantees' retained escrow may go home.
		Self::release_retained(protege);
		Ok(())
	}

	fn ensure_releasable(guarantor: &T::AccountId, protege: &T::AccountId) -> DispatchResult {
		let record = Escrows::<T>::get(protege, guarantor).ok_or(Error::<T>::NoEscrow)?;
		ensure!(!Frozen::<T>::contains_key(protege), Error::<T>::EscrowFrozen);
		let left = Behind::<T>::get(protege).saturating_sub(record.held);
		ensure!(Exposure::<T>::get(protege) <= left, Error::<T>::EscrowCommitted);
		Ok(())
	}

	fn release(
		guarantor: &T::AccountId,
		protege: &T::AccountId,
	) -> Result<BalanceOf<T>, DispatchError> {
		let mut record = Escrows::<T>::get(protege, guarantor).ok_or(Error::<T>::NoEscrow)?;
		// While the protégé is accused, all of it stays; otherwise what their need requires
		// beyond the rest of the escrow behind them.
		let retained = if Frozen::<T>::contains_key(protege) {
			record.held
		} else {
			let rest = Behind::<T>::get(protege).saturating_sub(record.held);
			Self::need(protege).saturating_sub(rest).min(record.held)
		};
		let released =
			Self::return_escrow(guarantor, protege, record.held.saturating_sub(retained))?;
		if retained.is_zero() {
			Escrows::<T>::remove(protege, guarantor);
		} else {
			record.held = retained;
			record.top_up_by = None;
			record.top_up_paused = None;
			record.ended = true;
			Escrows::<T>::insert(protege, guarantor, record);
			Retaining::<T>::insert(protege, ());
			Self::deposit_event(Event::EscrowRetained {
				guarantor: guarantor.clone(),
				protege: protege.clone(),
				amount: retained,
			});
		}
		Ok(released)
	}

	fn standing(protege: &T::AccountId) -> EscrowStanding<BalanceOf<T>> {
		Self::standing_of(protege)
	}

	fn has_commitments(who: &T::AccountId) -> bool {
		Escrows::<T>::iter_prefix(who).next().is_some()
			|| !Self::need(who).is_zero()
			|| Frozen::<T>::contains_key(who)
	}
}

impl<T: Config> InsuredDeals<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn open(
		initiator: &T::AccountId,
		counterparty: &T::AccountId,
		amount: BalanceOf<T>,
		terms: H256,
	) -> Result<DealId, DispatchError> {
		Self::do_open_deal(initiator.clone(), counterparty.clone(), amount, terms)
	}

	fn standing(who: &T::AccountId) -> EscrowStanding<BalanceOf<T>> {
		Self::standing_of(who)
	}
}

impl<T: Config> DisputeEscrow<T::AccountId, BalanceOf<T>, BlockNumberFor<T>> for Pallet<T> {
	fn deal(id: DealId) -> Option<DealSummary<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		let deal = Deals::<T>::get(id)?;
		let completed_at = match deal.status {
			DealStatus::Proposed => return None,
			DealStatus::Open { .. } => None,
			DealStatus::Completed { at } => Some(at),
		};
		Some(DealSummary {
			initiator: deal.initiator,
			counterparty: deal.counterparty,
			amount: deal.amount,
			opened_at: deal.opened_at,
			completed_at,
		})
	}

	fn close_disputed(id: DealId) {
		if let Some(deal) = Deals::<T>::get(id) {
			if matches!(deal.status, DealStatus::Open { .. }) {
				Self::close(id, &deal);
				Self::deposit_event(Event::DealDisputed { deal: id });
			}
		}
	}

	fn freeze(who: &T::AccountId) {
		Self::freeze(who)
	}

	fn unfreeze(who: &T::AccountId) {
		Self::unfreeze(who)
	}

	fn is_frozen(who: &T::AccountId) -> bool {
		Frozen::<T>::contains_key(who)
	}

	fn compensable(accused: &T::AccountId, id: DealId) -> BalanceOf<T> {
		// The disputed deal, while open, is paid before it closes: its own amount is not kept
		// back from the payment.
		let disputed = Deals::<T>::get(id)
			.filter(|d| matches!(d.status, DealStatus::Open { .. }) && d.is_party(accused))
			.map(|d| d.amount)
			.unwrap_or_default();
		let others = Exposure::<T>::get(accused).saturating_sub(disputed);
		Behind::<T>::get(accused).saturating_sub(others)
	}

	fn compensate(
		accused: &T::AccountId,
		injured: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		Self::compensate(accused, injured, amount)
	}

	fn compensate_first(
		accused: &T::AccountId,
		injured: &T::AccountId,
		amount: BalanceOf<T>,
		first: &[T::AccountId],
	) -> DispatchResult {
		Self::compensate_first(accused, injured, amount, first)
	}
}
