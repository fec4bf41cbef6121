//! # The offer and request board
//!
//! The cooperative's bulletin board, kept on chain: each member posts what they offer and what
//! they request, sorted into categories; the board matches each listing with the opposite
//! listings of its category and region, ranks them by trust, and a member responds to one in a
//! single step that opens an insured deal with its owner.
//!
//! In the source story every participant filled in a questionnaire with two key sections,
//! "Offer" and "Request", sorted into categories and printed for a bulletin board; what the
//! cooperative lacked was classification, automated matching of demand and supply, and a
//! rating. This pallet is that board; the rating is computed from the chain's own record of each
//! member, never from opinions.
//!
//! ## Terms
//! - **Category**: a node of a tree of bounded depth ([`Config::MaxCategoryDepth`]) and size
//!   ([`Config::MaxCategories`]) that the general meeting extends, renames and retires by
//!   motion ([`Config::CategoryOrigin`]). A retired category takes no new listing, nor does any
//!   category below it; its listings stay until they expire, and cannot be extended.
//! - **Listing**: an offer or a request of a member: a category, a short title, the hash of its
//!   details kept off chain, a quantity and its unit, a price a unit in SYN or "in kind", a
//!   region code ([`ANYWHERE`] for every region) and an expiry at most
//!   [`Config::MaxListingPeriod`] away. Posting holds [`Config::ListingDeposit`]
//!   ([`HoldReason::Listing`]), returned when the listing is withdrawn, expires or is
//!   fulfilled. A member has at most [`Config::MaxListingsPerMember`] open listings.
//! - **Response**: a member's answer to a listing ([`Pallet::respond`]): an insured deal with
//!   its owner, opened through the escrow ([`InsuredDeals`]) with every rule of the escrow
//!   applying (membership, blocks, the insured quantum of both, exposure, deal slots). The deal's
//!   quantity is **committed** while it runs; when it completes, the listing's open quantity
//!   falls by it (at zero the listing is fulfilled and leaves the board); when it ends otherwise
//!   (cancelled, expired unanswered, disputed), the quantity is open again.
//! - **Match**: for a listing, the opposite listings in its category or below it, in its region
//!   (or serving every region), of members in good standing, ranked by their owner's **score**
//!   ([`views`]: the record of deals completed and complaints, the guarantors' record, the
//!   distance in the guarantor graph, whether their escrow covers the deal), every part shown.
//!   Matching is computed by the runtime API, never in a call.
//!
//! ## Calls
//! - Members in good standing (not blocked by a complaint, not banned): [`Pallet::post`].
//! - A listing's owner: [`Pallet::edit`], [`Pallet::withdraw`].
//! - Members: [`Pallet::respond`] to another's listing.
//! - The general meeting: [`Pallet::add_category`], [`Pallet::rename_category`],
//!   [`Pallet::retire_category`].
//! - The hook: expired listings leave the board at their block, through a deadline queue
//!   ([`synergy_primitives::deadlines`]) that refuses no filing and handles at most
//!   [`Config::DeadlinePagesPerBlock`] pages of [`Config::DeadlinePageSize`] a block.
//! - The escrow, through [`OnDealEnded`]: every completed deal counts in both parties' record;
//!   a deal opened by a response moves its listing's quantity.
//!
//! ## Listing lifecycle
//! ```text
//!  post ──► open ──respond──► quantity committed ──deal completes──► quantity taken ──0 left──► fulfilled
//!             │                     └──deal ends otherwise──► open again
//!             ├──edit (terms, a later or earlier expiry)
//!             ├──withdraw──► withdrawn
//!             └──expires──► expired                  (each time the deposit is returned)
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

use alloc::vec::Vec;
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{self, Inspect, InspectHold, MutateHold},
		tokens::Precision,
	},
};
use frame_system::pallet_prelude::*;
use sp_runtime::traits::{CheckedMul, Saturating, Zero};
use synergy_primitives::DeadlineQueue;
pub use synergy_primitives::{
	BlockedInspect, ConductInspect, InsuredDeals, MembershipInspect, OnDealEnded,
};

pub use pallet::*;
pub use types::*;
pub use views::{BASE_SCORE, MAX_CANDIDATES, MAX_HANDSHAKES, MAX_MATCHES, MAX_SCANNED, PAGE_SIZE};
pub use weights::WeightInfo;

/// A balance of the currency deposits are held in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// A listing as stored.
pub type ListingOf<T> = Listing<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as Config>::MaxTitleLen,
>;
/// A listing's terms as posted.
pub type TermsOf<T> = ListingTerms<BalanceOf<T>, BlockNumberFor<T>, <T as Config>::MaxTitleLen>;
/// A category as stored.
pub type CategoryOf<T> = Category<<T as Config>::MaxCategoryNameLen>;
/// The listings' expiries (see [`Expiries`]).
pub type ExpiryQueue<T> = DeadlineQueue<
	Expiries<T>,
	ExpiryOverflow<T>,
	ExpiryPages<T>,
	ExpiryBacklog<T>,
	BlockNumberFor<T>,
	ListingId,
	<T as Config>::DeadlinePageSize,
>;

/// What the benchmarks need from the runtime beyond this pallet.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, Balance> {
	/// Makes `who` a member in good standing whose escrow insures deals; returns the largest
	/// deal it insures.
	fn insured_member(who: &AccountId) -> Balance;
	/// Makes `who` a member guaranteed by `guarantors` (members already), for measurements
	/// among many members: the guarantor graph the matches search.
	fn member_guaranteed_by(who: &AccountId, guarantors: &[AccountId]);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The version of the pallet's storage layout: every change of it comes with a migration
	/// and a bump of this number. Version 1: the starter categories are in place.
	const STORAGE_VERSION: frame_support::traits::StorageVersion =
		frame_support::traits::StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A listing's deposit, held while it is on the board.
		#[codec(index = 0)]
		Listing,
	}

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency deposits are held in.
		type Currency: fungible::Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ InspectHold<Self::AccountId>;

		/// The runtime's hold reasons, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who the members are, and the guarantor graph between them.
		type Membership: MembershipInspect<Self::AccountId>;

		/// Who is blocked by an open complaint, or banned.
		type Blocked: BlockedInspect<Self::AccountId>;

		/// The members' record of complaints.
		type Conduct: ConductInspect<Self::AccountId>;

		/// The escrow, which opens the deals of responses and tells each member's insurance.
		type Deals: InsuredDeals<Self::AccountId, BalanceOf<Self>>;

		/// Who keeps the categories: the general meeting.
		type CategoryOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The deposit a listing holds while it is on the board.
		#[pallet::constant]
		type ListingDeposit: Get<BalanceOf<Self>>;

		/// The longest a listing stays on the board before it expires.
		#[pallet::constant]
		type MaxListingPeriod: Get<BlockNumberFor<Self>>;

		/// The most open listings one member may have.
		#[pallet::constant]
		type MaxListingsPerMember: Get<u32>;

		/// The longest title, in bytes of UTF-8.
		#[pallet::constant]
		type MaxTitleLen: Get<u32>;

		/// The longest category name, in bytes of UTF-8.
		#[pallet::constant]
		type MaxCategoryNameLen: Get<u32>;

		/// The most categories the tree may have, retired ones included.
		#[pallet::constant]
		type MaxCategories: Get<u32>;

		/// The deepest the tree may grow: categories at depth `MaxCategoryDepth − 1` take no
		/// children.
		#[pallet::constant]
		type MaxCategoryDepth: Get<u32>;

		/// The items in one page of the expiry queue.
		#[pallet::constant]
		type DeadlinePageSize: Get<u32>;

		/// The most pages of the expiry queue one block handles; the rest wait.
		#[pallet::constant]
		type DeadlinePagesPerBlock: Get<u32>;

		/// Weights of this pallet's calls and hook.
		type WeightInfo: WeightInfo;

		/// Makes accounts members for the benchmarks' setups.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, BalanceOf<Self>>;
	}

	/// The categories, by number.
	#[pallet::storage]
	pub type Categories<T: Config> = CountedStorageMap<_, Twox64Concat, CategoryId, CategoryOf<T>>;

	/// The number the next category gets.
	#[pallet::storage]
	pub type NextCategoryId<T: Config> = StorageValue<_, CategoryId, ValueQuery>;

	/// The listings on the board, by number.
	#[pallet::storage]
	pub type Listings<T: Config> = StorageMap<_, Twox64Concat, ListingId, ListingOf<T>>;

	/// The number the next listing gets.
	#[pallet::storage]
	pub type NextListingId<T: Config> = StorageValue<_, ListingId, ValueQuery>;

	/// The open listings of each member.
	#[pallet::storage]
	pub type ListingsOf<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<ListingId, T::MaxListingsPerMember>,
		ValueQuery,
	>;

	/// The board's index: (category, side, region, listing) of every open listing, so that a
	/// page of a category, a side and a region, and a listing's matches, read only their own.
	/// Region codes are chosen by members, hence hashed.
	#[pallet::storage]
	pub type Index<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, CategoryId>,
			NMapKey<Twox64Concat, Side>,
			NMapKey<Twox64Concat, Region>,
			NMapKey<Twox64Concat, ListingId>,
		),
		(),
		OptionQuery,
	>;

	/// The deals opened by responses that have not ended yet, with what they take.
	#[pallet::storage]
	pub type Responses<T: Config> = StorageMap<_, Twox64Concat, DealId, Response>;

	/// How many insured deals each member completed, any deal of the escrow (not only the
	/// board's): the first part of their record.
	#[pallet::storage]
	pub type DealsCompleted<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The listings expiring at each block: the first page of the expiry queue. An edit files
	/// the new expiry and leaves the old item, which is skipped when it comes.
	#[pallet::storage]
	pub type Expiries<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<ListingId, T::DeadlinePageSize>,
		ValueQuery,
	>;

	/// Further pages of a block's expiries, numbered from 1.
	#[pallet::storage]
	pub type ExpiryOverflow<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		Twox64Concat,
		u32,
		BoundedVec<ListingId, T::DeadlinePageSize>,
		ValueQuery,
	>;

	/// How many overflow pages each block's expiries have.
	#[pallet::storage]
	pub type ExpiryPages<T: Config> =
		StorageMap<_, Twox64Concat, BlockNumberFor<T>, u32, ValueQuery>;

	/// The oldest block whose expiries still wait, when the hook fell behind.
	#[pallet::storage]
	pub type ExpiryBacklog<T: Config> = StorageValue<_, BlockNumberFor<T>, OptionQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The starter categories: each a name and the index in this list of its parent (which
		/// comes before it); numbered in this order from 0.
		pub categories: Vec<(Vec<u8>, Option<CategoryId>)>,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (name, parent) in &self.categories {
				// A chain must not start with a tree it could not have grown by motions.
				if let Err(error) = Pallet::<T>::do_add_category(*parent, name.clone()) {
					panic!("genesis category {:?}: {:?}", core::str::from_utf8(name), error);
				}
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The meeting added a category.
		CategoryAdded { category: CategoryId, parent: Option<CategoryId>, name: Vec<u8> },
		/// The meeting renamed a category.
		CategoryRenamed { category: CategoryId, name: Vec<u8> },
		/// The meeting retired a category (and with it the categories below it).
		CategoryRetired { category: CategoryId },
		/// A member posted a listing, holding its deposit.
		Posted {
			listing: ListingId,
			owner: T::AccountId,
			side: Side,
			category: CategoryId,
			region: Region,
			quantity: u32,
			expires: BlockNumberFor<T>,
			deposit: BalanceOf<T>,
		},
		/// The owner changed a listing's terms.
		Edited { listing: ListingId, quantity: u32, expires: BlockNumberFor<T> },
		/// The owner withdrew a listing; its deposit was returned.
		Withdrawn { listing: ListingId, deposit: BalanceOf<T> },
		/// A listing expired and left the board; its deposit was returned.
		Expired { listing: ListingId, deposit: BalanceOf<T> },
		/// A listing's whole quantity was taken by completed deals; it left the board and its
		/// deposit was returned.
		Fulfilled { listing: ListingId, deposit: BalanceOf<T> },
		/// A member responded to a listing: an insured deal opened with its owner.
		Responded {
			listing: ListingId,
			deal: DealId,
			responder: T::AccountId,
			quantity: u32,
			value: BalanceOf<T>,
		},
		/// A response's deal completed: its quantity was taken from the listing.
		Taken { listing: ListingId, deal: DealId, quantity: u32, left: u32 },
		/// A response's deal ended without completing: its quantity is open again.
		Released { listing: ListingId, deal: DealId, quantity: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No category has this number.
		UnknownCategory,
		/// The category, or one above it, is retired.
		CategoryRetired,
		/// The category is already retired.
		AlreadyRetired,
		/// The tree has as many categories as it may.
		TooManyCategories,
		/// A category there would be deeper than the tree may grow.
		TooDeep,
		/// A name or a title is empty, too long or not UTF-8.
		BadText,
		/// No listing has this number (or it has left the board).
		UnknownListing,
		/// Only the listing's owner may do this.
		NotOwner,
		/// Only a member may post or respond.
		NotMember,
		/// The member is blocked by an open complaint.
		Blocked,
		/// The member is banned from guaranteeing, and may not post.
		Banned,
		/// The expiry is not after this block.
		ExpiryInPast,
		/// The expiry is further than a listing may stay.
		ExpiryTooFar,
		/// The listing's category is retired: its expiry may not move later.
		CannotExtend,
		/// A quantity of zero.
		ZeroQuantity,
		/// A price of zero: a priced listing asks for something, or it is in kind.
		ZeroPrice,
		/// The member has as many open listings as they may.
		TooManyListings,
		/// The deposit cannot be held from the member's free balance.
		DepositNotPayable,
		/// A member does not respond to their own listing.
		OwnListing,
		/// More than the listing's open quantity not committed to other deals.
		BeyondQuantity,
		/// The quantity cannot go below what running deals have committed.
		BelowCommitted,
		/// A listing in kind needs the value of the deal stated.
		ValueRequired,
		/// The value stated is not the price times the quantity.
		ValueMismatch,
		/// The price times the quantity overflows.
		Overflow,
		/// The listing has expired.
		ListingExpired,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			let due = ExpiryQueue::<T>::take_due(now, T::DeadlinePagesPerBlock::get());
			if due.items.is_empty() && due.blocks <= 1 {
				return T::WeightInfo::on_initialize_idle();
			}
			let (items, blocks) = (due.items.len() as u32, due.blocks);
			for id in due.items {
				let Some(listing) = Listings::<T>::get(id) else { continue };
				// An edited listing's earlier expiry is still queued: its record decides.
				if listing.terms.expires <= now {
					let deposit = Self::take_down(id, &listing);
					Self::deposit_event(Event::Expired { listing: id, deposit });
				}
			}
			T::WeightInfo::on_initialize(items, blocks)
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Posts a listing: an offer or a request in `category` on `terms`, holding the listing
		/// deposit until it leaves the board. The caller must be a member in good standing, not
		/// banned; the category and those above it not retired; the expiry after this block and
		/// at most [`Config::MaxListingPeriod`] away.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::post())]
		pub fn post(
			origin: OriginFor<T>,
			side: Side,
			category: CategoryId,
			terms: TermsOf<T>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::ensure_may_act(&owner)?;
			ensure!(!T::Blocked::is_banned(&owner), Error::<T>::Banned);
			Self::ensure_open_category(category)?;
			let now = frame_system::Pallet::<T>::block_number();
			Self::check_terms(&terms, now)?;
			let mut listings = ListingsOf::<T>::get(&owner);
			let id = NextListingId::<T>::get();
			listings.try_push(id).map_err(|_| Error::<T>::TooManyListings)?;
			let deposit = T::ListingDeposit::get();
			T::Currency::hold(&HoldReason::Listing.into(), &owner, deposit)
				.map_err(|_| Error::<T>::DepositNotPayable)?;

			ExpiryQueue::<T>::file(now, terms.expires, id);
			NextListingId::<T>::put(id.saturating_add(1));
			ListingsOf::<T>::insert(&owner, listings);
			Index::<T>::insert((category, side, terms.region, id), ());
			Self::deposit_event(Event::Posted {
				listing: id,
				owner: owner.clone(),
				side,
				category,
				region: terms.region,
				quantity: terms.quantity,
				expires: terms.expires,
				deposit,
			});
			Listings::<T>::insert(
				id,
				Listing { owner, side, category, terms, committed: 0, deposit, posted: now },
			);
			Ok(())
		}

		/// The owner changes a listing's terms: its title, details, quantity (not below what
		/// running deals committed), unit, price, region and expiry (a listing in a retired
		/// category may not be extended).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::edit())]
		pub fn edit(origin: OriginFor<T>, listing: ListingId, terms: TermsOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Listings::<T>::get(listing).ok_or(Error::<T>::UnknownListing)?;
			ensure!(record.owner == who, Error::<T>::NotOwner);
			let now = frame_system::Pallet::<T>::block_number();
			Self::check_terms(&terms, now)?;
			ensure!(terms.quantity >= record.committed, Error::<T>::BelowCommitted);
			if terms.expires > record.terms.expires {
				Self::ensure_open_category(record.category)
					.map_err(|_| Error::<T>::CannotExtend)?;
			}
			if terms.expires != record.terms.expires {
				ExpiryQueue::<T>::file(now, terms.expires, listing);
			}
			if terms.region != record.terms.region {
				Index::<T>::remove((record.category, record.side, record.terms.region, listing));
				Index::<T>::insert((record.category, record.side, terms.region, listing), ());
			}
			Self::deposit_event(Event::Edited {
				listing,
				quantity: terms.quantity,
				expires: terms.expires,
			});
			record.terms = terms;
			Listings::<T>::insert(listing, record);
			Ok(())
		}

		/// The owner withdraws a listing: it leaves the board and its deposit returns. Deals
		/// already opened by responses run on in the escrow.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::withdraw())]
		pub fn withdraw(origin: OriginFor<T>, listing: ListingId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let record = Listings::<T>::get(listing).ok_or(Error::<T>::UnknownListing)?;
			ensure!(record.owner == who, Error::<T>::NotOwner);
			let deposit = Self::take_down(listing, &record);
			Self::deposit_event(Event::Withdrawn { listing, deposit });
			Ok(())
		}

		/// Responds to another member's listing for `quantity` of its units: opens an insured
		/// deal with its owner (the caller proposes, the owner accepts in the escrow) of the
		/// price times the quantity, or, for a listing in kind, of the value the terms state.
		/// Every rule of the escrow applies and its errors are returned as they are. The
		/// quantity is committed while the deal runs.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::respond())]
		pub fn respond(
			origin: OriginFor<T>,
			listing: ListingId,
			quantity: u32,
			terms: ResponseTerms<BalanceOf<T>>,
		) -> DispatchResult {
			let responder = ensure_signed(origin)?;
			let mut record = Listings::<T>::get(listing).ok_or(Error::<T>::UnknownListing)?;
			ensure!(record.owner != responder, Error::<T>::OwnListing);
			Self::ensure_may_act(&responder)?;
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(record.terms.expires > now, Error::<T>::ListingExpired);
			ensure!(quantity > 0, Error::<T>::ZeroQuantity);
			let free = record.terms.quantity.saturating_sub(record.committed);
			ensure!(quantity <= free, Error::<T>::BeyondQuantity);
			let value = match record.terms.price {
				Price::PerUnit(price) => {
					let value = price
						.checked_mul(&BalanceOf::<T>::from(quantity))
						.ok_or(Error::<T>::Overflow)?;
					ensure!(terms.value.is_none_or(|v| v == value), Error::<T>::ValueMismatch);
					value
				},
				Price::InKind => terms.value.ok_or(Error::<T>::ValueRequired)?,
			};
			let deal = T::Deals::open(&responder, &record.owner, value, terms.details)?;
			record.committed = record.committed.saturating_add(quantity);
			Listings::<T>::insert(listing, record);
			Responses::<T>::insert(deal, Response { listing, quantity });
			Self::deposit_event(Event::Responded { listing, deal, responder, quantity, value });
			Ok(())
		}

		/// The meeting adds a category under `parent` (at the top with `None`).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::add_category())]
		pub fn add_category(
			origin: OriginFor<T>,
			parent: Option<CategoryId>,
			name: Vec<u8>,
		) -> DispatchResult {
			T::CategoryOrigin::ensure_origin(origin)?;
			Self::do_add_category(parent, name)
		}

		/// The meeting renames a category.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::rename_category())]
		pub fn rename_category(
			origin: OriginFor<T>,
			category: CategoryId,
			name: Vec<u8>,
		) -> DispatchResult {
			T::CategoryOrigin::ensure_origin(origin)?;
			let mut record = Categories::<T>::get(category).ok_or(Error::<T>::UnknownCategory)?;
			record.name = Self::text(&name)?;
			Categories::<T>::insert(category, record);
			Self::deposit_event(Event::CategoryRenamed { category, name });
			Ok(())
		}

		/// The meeting retires a category, and with it every category below it: nothing new is
		/// posted there; listings already posted stay until they expire.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::retire_category())]
		pub fn retire_category(origin: OriginFor<T>, category: CategoryId) -> DispatchResult {
			T::CategoryOrigin::ensure_origin(origin)?;
			let mut record = Categories::<T>::get(category).ok_or(Error::<T>::UnknownCategory)?;
			ensure!(!record.retired, Error::<T>::AlreadyRetired);
			record.retired = true;
			Categories::<T>::insert(category, record);
			Self::deposit_event(Event::CategoryRetired { category });
			Ok(())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Adds a category (see [`Pallet::add_category`]).
	pub fn do_add_category(parent: Option<CategoryId>, name: Vec<u8>) -> DispatchResult {
		let name_bounded = Self::text(&name)?;
		ensure!(Categories::<T>::count() < T::MaxCategories::get(), Error::<T>::TooManyCategories);
		let depth = match parent {
			None => 0u8,
			Some(parent) => {
				let above = Self::ensure_open_category(parent)?;
				above.depth.saturating_add(1)
			},
		};
		ensure!(u32::from(depth) < T::MaxCategoryDepth::get(), Error::<T>::TooDeep);
		let id = NextCategoryId::<T>::get();
		NextCategoryId::<T>::put(id.saturating_add(1));
		Categories::<T>::insert(id, Category { parent, name: name_bounded, depth, retired: false });
		Self::deposit_event(Event::CategoryAdded { category: id, parent, name });
		Ok(())
	}

	/// The category, if it and every category above it are open (at most
	/// [`Config::MaxCategoryDepth`] reads).
	fn ensure_open_category(category: CategoryId) -> Result<CategoryOf<T>, DispatchError> {
		let record = Categories::<T>::get(category).ok_or(Error::<T>::UnknownCategory)?;
		let mut above = record.parent;
		ensure!(!record.retired, Error::<T>::CategoryRetired);
		for _ in 0..T::MaxCategoryDepth::get() {
			let Some(id) = above else { break };
			let parent = Categories::<T>::get(id).ok_or(Error::<T>::UnknownCategory)?;
			ensure!(!parent.retired, Error::<T>::CategoryRetired);
			above = parent.parent;
		}
		Ok(record)
	}

	/// Whether `who` may post or respond: a member not blocked by a complaint.
	fn ensure_may_act(who: &T::AccountId) -> DispatchResult {
		ensure!(T::Membership::is_member(who), Error::<T>::NotMember);
		ensure!(!T::Blocked::is_blocked(who), Error::<T>::Blocked);
		Ok(())
	}

	/// Checks a listing's terms at block `now`.
	fn check_terms(terms: &TermsOf<T>, now: BlockNumberFor<T>) -> DispatchResult {
		ensure!(
			!terms.title.is_empty() && core::str::from_utf8(&terms.title).is_ok(),
			Error::<T>::BadText
		);
		ensure!(terms.quantity > 0, Error::<T>::ZeroQuantity);
		ensure!(terms.price != Price::PerUnit(Zero::zero()), Error::<T>::ZeroPrice);
		ensure!(terms.expires > now, Error::<T>::ExpiryInPast);
		ensure!(
			terms.expires <= now.saturating_add(T::MaxListingPeriod::get()),
			Error::<T>::ExpiryTooFar
		);
		Ok(())
	}

	/// A name as stored: not empty, UTF-8, within the bound.
	fn text(name: &[u8]) -> Result<BoundedVec<u8, T::MaxCategoryNameLen>, DispatchError> {
		ensure!(!name.is_empty() && core::str::from_utf8(name).is_ok(), Error::<T>::BadText);
		BoundedVec::try_from(name.to_vec()).map_err(|_| Error::<T>::BadText.into())
	}

	/// Takes a listing off the board and returns its deposit (what was returned). Responses
	/// still running keep their record; their end changes nothing here.
	fn take_down(id: ListingId, listing: &ListingOf<T>) -> BalanceOf<T> {
		Listings::<T>::remove(id);
		Index::<T>::remove((listing.category, listing.side, listing.terms.region, id));
		ListingsOf::<T>::mutate_exists(&listing.owner, |ids| {
			if let Some(list) = ids {
				list.retain(|other| *other != id);
				if list.is_empty() {
					*ids = None;
				}
			}
		});
		// Whatever is still held of it is returned; nothing else of the owner's is touched.
		T::Currency::release(
			&HoldReason::Listing.into(),
			&listing.owner,
			listing.deposit,
			Precision::BestEffort,
		)
		.unwrap_or_default()
	}

	/// Checks the board's invariants:
	/// - every member holds under [`HoldReason::Listing`] exactly the deposits of their open
	///   listings;
	/// - the listings of each member are the open listings they own, within the bound, and the
	///   index holds exactly the open listings under their category, side and region;
	/// - every open listing's expiry is queued at its block, and none is past it (but while the
	///   queue catches up): so no listing in a retired category stays open past its expiry;
	/// - what each listing has committed is what its running responses take, within its open
	///   quantity;
	/// - every category's parent exists, one level up, and the tree is within its bounds.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::{btree_map::BTreeMap, btree_set::BTreeSet};
		let now = frame_system::Pallet::<T>::block_number();
		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut owned: BTreeMap<T::AccountId, BTreeSet<ListingId>> = BTreeMap::new();
		let queued: BTreeSet<(BlockNumberFor<T>, ListingId)> =
			ExpiryQueue::<T>::queued().into_iter().collect();
		let behind = ExpiryBacklog::<T>::get().is_some();
		let mut committed: BTreeMap<ListingId, u32> = BTreeMap::new();
		for (_, response) in Responses::<T>::iter() {
			let entry = committed.entry(response.listing).or_default();
			*entry = entry.saturating_add(response.quantity);
		}
		let mut open = 0u32;
		for (id, listing) in Listings::<T>::iter() {
			open.saturating_inc();
			let held = deposits.entry(listing.owner.clone()).or_insert_with(Zero::zero);
			*held = held.saturating_add(listing.deposit);
			owned.entry(listing.owner.clone()).or_default().insert(id);
			ensure!(
				Index::<T>::contains_key((
					listing.category,
					listing.side,
					listing.terms.region,
					id
				)),
				"an open listing is not in the index"
			);
			ensure!(
				queued.contains(&(listing.terms.expires, id)),
				"an open listing's expiry is not queued"
			);
			ensure!(behind || listing.terms.expires > now, "a listing stayed past its expiry");
			ensure!(
				listing.committed == committed.get(&id).copied().unwrap_or_default(),
				"a listing's committed quantity is not its responses'"
			);
			ensure!(
				listing.committed <= listing.terms.quantity,
				"a listing committed more than it has"
			);
			ensure!(
				Categories::<T>::contains_key(listing.category),
				"a listing's category is gone"
			);
		}
		ensure!(Index::<T>::iter_keys().count() as u32 == open, "the index holds a closed listing");
		for (who, ids) in ListingsOf::<T>::iter() {
			let mine: BTreeSet<ListingId> = ids.iter().copied().collect();
			ensure!(
				owned.remove(&who).unwrap_or_default() == mine && mine.len() == ids.len(),
				"a member's listings are not those they own"
			);
		}
		ensure!(owned.is_empty(), "an owner's listing is not in their list");
		for (who, held) in deposits {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::Listing.into(), &who) == held,
				"deposits held are not the open listings' deposits"
			);
		}
		ensure!(
			Categories::<T>::count() <= T::MaxCategories::get(),
			"more categories than the bound"
		);
		for (id, category) in Categories::<T>::iter() {
			ensure!(id < NextCategoryId::<T>::get(), "a category numbered ahead");
			ensure!(u32::from(category.depth) < T::MaxCategoryDepth::get(), "a category too deep");
			match category.parent {
				None => ensure!(category.depth == 0, "a top category below the top"),
				Some(parent) => {
					let above =
						Categories::<T>::get(parent).ok_or("a category's parent is gone")?;
					ensure!(
						above.depth.saturating_add(1) == category.depth,
						"a category not one below its parent"
					);
				},
			}
		}
		ExpiryQueue::<T>::check_pages()?;
		Ok(())
	}
}

impl<T: Config> OnDealEnded<T::AccountId> for Pallet<T> {
	fn completed(deal: DealId, initiator: &T::AccountId, counterparty: &T::AccountId) {
		for party in [initiator, counterparty] {
			DealsCompleted::<T>::mutate(party, |n| n.saturating_inc());
		}
		let Some(response) = Responses::<T>::take(deal) else { return };
		let Some(mut listing) = Listings::<T>::get(response.listing) else { return };
		listing.committed = listing.committed.saturating_sub(response.quantity);
		listing.terms.quantity = listing.terms.quantity.saturating_sub(response.quantity);
		let left = listing.terms.quantity;
		Self::deposit_event(Event::Taken {
			listing: response.listing,
			deal,
			quantity: response.quantity,
			left,
		});
		if left == 0 {
			let deposit = Self::take_down(response.listing, &listing);
			Self::deposit_event(Event::Fulfilled { listing: response.listing, deposit });
		} else {
			Listings::<T>::insert(response.listing, listing);
		}
	}

	fn weight() -> Weight {
		T::WeightInfo::deal_completed().max(T::WeightInfo::deal_closed())
	}

	fn closed(deal: DealId) {
		let Some(response) = Responses::<T>::take(deal) else { return };
		let Some(mut listing) = Listings::<T>::get(response.listing) else { return };
		listing.committed = listing.committed.saturating_sub(response.quantity);
		Listings::<T>::insert(response.listing, listing);
		Self::deposit_event(Event::Released {
			listing: response.listing,
			deal,
			quantity: response.quantity,
		});
	}
}
