//! # Validator set
//!
//! Which members run the validators that author (Aura) and finalize (GRANDPA) blocks: the
//! set lives in the runtime and the members' general meeting changes it by motion
//! ([`Config::SetOrigin`]).
//!
//! - Only members in good standing who have registered session keys
//!   (`session.set_keys`) may be added; a validator who stops being a member is dropped at the
//!   next session boundary ([`Event::ValidatorDropped`]).
//! - The set never falls below [`Config::MinValidators`] validators **with session keys**:
//!   with four validators GRANDPA keeps finalizing when one is lost (it needs more than two
//!   thirds), and the session pallet seats only validators whose keys it holds. A change that
//!   would leave fewer keyed validators is refused; the set planned for a session is the keyed
//!   part of the decided set ([`Planned`]); and a validator of the decided, planned or current
//!   set cannot purge its keys (the runtime refuses `session.purge_keys` from them at the pool,
//!   through [`Pallet::must_keep_keys`]) — it leaves the set by the members' motion first.
//! - Changes take effect through `pallet_session`, for which this pallet is the
//!   `SessionManager`: a set planned at a session boundary becomes active at the next one.
//!   Sessions last [`SessionLength`] blocks, which the general meeting sets too.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_support::{pallet_prelude::*, traits::ValidatorRegistration};
use frame_system::pallet_prelude::*;
use scale_info::TypeInfo;
use sp_runtime::traits::Zero;
pub use synergy_primitives::MembershipInspect;

pub use pallet::*;
pub use weights::WeightInfo;

/// The number of a session.
pub type SessionIndex = u32;

const LOG_TARGET: &str = "runtime::validator-set";

/// How the benchmarks make a member with session keys on the runtime they run on.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Makes `who` a member in good standing with registered session keys.
	fn make_candidate(who: &AccountId);
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
	pub trait Config: frame_system::Config {
		/// Who the members are.
		type Members: MembershipInspect<Self::AccountId>;

		/// Who has registered session keys (the session pallet).
		type Keys: ValidatorRegistration<Self::AccountId>;

		/// Who may change the set and the session length: the general meeting.
		type SetOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// How many blocks a session lasts until genesis or the general meeting set it.
		#[pallet::constant]
		type DefaultSessionLength: Get<BlockNumberFor<Self>>;

		/// The longest session the general meeting may set: the validator set changes only at a
		/// session's end, so an endless session would freeze it.
		#[pallet::constant]
		type MaxSessionLength: Get<BlockNumberFor<Self>>;

		/// The fewest validators the set may have.
		#[pallet::constant]
		type MinValidators: Get<u32>;

		/// The most validators the set may have.
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Makes validator candidates for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The validator set the members decided, in effect from the next planned session.
	#[pallet::storage]
	pub type Validators<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	/// Whether the set changed since the session pallet last asked for it.
	#[pallet::storage]
	pub type Changed<T: Config> = StorageValue<_, bool, ValueQuery>;

	/// The set last handed to the session pallet: the decided validators that had session
	/// keys then.
	#[pallet::storage]
	pub type Planned<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	#[pallet::type_value]
	pub fn DefaultSessionLengthOf<T: Config>() -> BlockNumberFor<T> {
		T::DefaultSessionLength::get()
	}

	/// How many blocks a session lasts.
	#[pallet::storage]
	pub type SessionLength<T: Config> =
		StorageValue<_, BlockNumberFor<T>, ValueQuery, DefaultSessionLengthOf<T>>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The genesis validators: the accounts of the session pallet's genesis keys. While
		/// the set is empty the session pallet keeps its genesis validators.
		pub validators: Vec<T::AccountId>,
		/// How many blocks a session lasts (the runtime's default when `None`).
		pub session_length: Option<BlockNumberFor<T>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// Genesis is checked once, by whoever builds the chain spec.
			#![allow(clippy::expect_used, clippy::panic)]
			let set = BoundedVec::try_from(self.validators.clone()).expect("too many validators");
			Validators::<T>::put(&set);
			Planned::<T>::put(set);
			if let Some(length) = self.session_length {
				assert!(!length.is_zero(), "a session of zero blocks");
				SessionLength::<T>::put(length);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The members added a validator, from the next planned session.
		ValidatorAdded { validator: T::AccountId },
		/// The members removed a validator, from the next planned session.
		ValidatorRemoved { validator: T::AccountId },
		/// A validator stopped being a member and left the set.
		ValidatorDropped { validator: T::AccountId },
		/// The set was handed to the session pallet for session `session`: the decided
		/// validators with session keys.
		SetPlanned { session: SessionIndex, validators: Vec<T::AccountId> },
		/// Fewer decided validators than the minimum have session keys: session `session` is
		/// planned with only `keyed` of them (said when the plan changes).
		TooFewKeyed { session: SessionIndex, keyed: u32 },
		/// The members set the session length.
		SessionLengthSet { blocks: BlockNumberFor<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Only members in good standing may validate.
		NotMember,
		/// The account has not registered session keys (`session.set_keys`).
		NoSessionKeys,
		/// The account is a validator already.
		AlreadyValidator,
		/// The account is not a validator.
		NotValidator,
		/// The set would fall below the fewest validators with session keys GRANDPA needs.
		TooFewValidators,
		/// The set is full.
		TooManyValidators,
		/// A session must last at least one block.
		ZeroSessionLength,
		/// A session may last at most [`Config::MaxSessionLength`] blocks.
		SessionTooLong,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Adds member `validator`, who has registered session keys, to the set.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_validator())]
		pub fn add_validator(origin: OriginFor<T>, validator: T::AccountId) -> DispatchResult {
			T::SetOrigin::ensure_origin(origin)?;
			ensure!(T::Members::is_in_good_standing(&validator), Error::<T>::NotMember);
			ensure!(T::Keys::is_registered(&validator), Error::<T>::NoSessionKeys);
			Validators::<T>::try_mutate(|set| {
				ensure!(!set.contains(&validator), Error::<T>::AlreadyValidator);
				set.try_push(validator.clone()).map_err(|_| Error::<T>::TooManyValidators)
			})?;
			Changed::<T>::put(true);
			Self::deposit_event(Event::ValidatorAdded { validator });
			Ok(())
		}

		/// Removes `validator` from the set.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_validator())]
		pub fn remove_validator(origin: OriginFor<T>, validator: T::AccountId) -> DispatchResult {
			T::SetOrigin::ensure_origin(origin)?;
			Validators::<T>::try_mutate(|set| {
				let index =
					set.iter().position(|v| *v == validator).ok_or(Error::<T>::NotValidator)?;
				set.remove(index);
				ensure!(Self::keyed(set) >= T::MinValidators::get(), Error::<T>::TooFewValidators);
				Ok::<_, DispatchError>(())
			})?;
			Changed::<T>::put(true);
			Self::deposit_event(Event::ValidatorRemoved { validator });
			Ok(())
		}

		/// Sets how many blocks a session lasts, from the next session boundary: from one block to
		/// [`Config::MaxSessionLength`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_session_length())]
		pub fn set_session_length(
			origin: OriginFor<T>,
			blocks: BlockNumberFor<T>,
		) -> DispatchResult {
			T::SetOrigin::ensure_origin(origin)?;
			ensure!(!blocks.is_zero(), Error::<T>::ZeroSessionLength);
			ensure!(blocks <= T::MaxSessionLength::get(), Error::<T>::SessionTooLong);
			SessionLength::<T>::put(blocks);
			Self::deposit_event(Event::SessionLengthSet { blocks });
			Ok(())
		}
	}
}

/// The session length as the session pallet's `PeriodicSessions` reads it.
pub struct SessionPeriod<T>(core::marker::PhantomData<T>);
impl<T: Config> Get<BlockNumberFor<T>> for SessionPeriod<T> {
	fn get() -> BlockNumberFor<T> {
		SessionLength::<T>::get()
	}
}

impl<T: Config> Pallet<T> {
	/// How many validators of `set` have session keys.
	fn keyed(set: &[T::AccountId]) -> u32 {
		set.iter().filter(|v| T::Keys::is_registered(v)).count() as u32
	}

	/// Whether `who` must keep their session keys: a validator of the decided set or of the
	/// set last planned. (The runtime adds the session pallet's current validators.)
	pub fn must_keep_keys(who: &T::AccountId) -> bool {
		Validators::<T>::get().contains(who) || Planned::<T>::get().contains(who)
	}

	/// Drops validators who are no longer members (never below the minimum with keys).
	fn drop_departed(set: &mut BoundedVec<T::AccountId, T::MaxValidators>) -> bool {
		let mut dropped = false;
		let departed: Vec<T::AccountId> =
			set.iter().filter(|v| !T::Members::is_member(v)).cloned().collect();
		for validator in departed {
			let keyed_left =
				Self::keyed(set).saturating_sub(u32::from(T::Keys::is_registered(&validator)));
			if keyed_left < T::MinValidators::get() {
				log::warn!(target: LOG_TARGET, "{validator:?} left the cooperative but the set is at its minimum");
				break;
			}
			set.retain(|v| *v != validator);
			dropped = true;
			Self::deposit_event(Event::ValidatorDropped { validator });
		}
		dropped
	}

	/// The invariants: the set is without duplicates, the planned set is the keyed part of a
	/// decided set.
	///
	/// Always compiled, so that the runtime's integration tests check it too; the Wasm keeps
	/// it only with `try-runtime`.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let set = Validators::<T>::get();
		let mut sorted = set.clone().into_inner();
		sorted.sort();
		sorted.dedup();
		ensure!(sorted.len() == set.len(), "a validator listed twice");
		let planned = Planned::<T>::get();
		let mut sorted_planned = planned.clone().into_inner();
		sorted_planned.sort();
		sorted_planned.dedup();
		ensure!(sorted_planned.len() == planned.len(), "a validator planned twice");
		ensure!(!SessionLength::<T>::get().is_zero(), "a session of zero blocks");
		Ok(())
	}
}

impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
	fn new_session(session: SessionIndex) -> Option<Vec<T::AccountId>> {
		let mut set = Validators::<T>::get();
		if set.is_empty() {
			return None;
		}
		let dropped = Self::drop_departed(&mut set);
		if dropped {
			Validators::<T>::put(&set);
		}
		let changed = Changed::<T>::take();
		let planned: Vec<T::AccountId> =
			set.iter().filter(|v| T::Keys::is_registered(v)).cloned().collect();
		if !changed && !dropped && Planned::<T>::get().as_slice() == planned.as_slice() {
			return None;
		}
		let keyed = planned.len() as u32;
		if keyed < T::MinValidators::get() {
			log::warn!(target: LOG_TARGET, "only {keyed} decided validators have session keys");
			Self::deposit_event(Event::TooFewKeyed { session, keyed });
		}
		Planned::<T>::put(BoundedVec::truncate_from(planned.clone()));
		Self::deposit_event(Event::SetPlanned { session, validators: planned.clone() });
		Some(planned)
	}

	fn new_session_genesis(_: SessionIndex) -> Option<Vec<T::AccountId>> {
		// The session pallet's genesis keys are the set.
		None
	}

	fn end_session(_: SessionIndex) {}

	fn start_session(_: SessionIndex) {}
}

/// The validator set as auditors read it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct ValidatorSetView<AccountId, BlockNumber> {
	/// The current session.
	pub session: SessionIndex,
	/// The validators of the current session.
	pub current: Vec<AccountId>,
	/// The validators queued for the next session.
	pub next: Vec<AccountId>,
	/// The set the members decided: the session after next, if it differs from `next`.
	pub decided: Vec<AccountId>,
	/// How many blocks a session lasts.
	pub session_length: BlockNumber,
}
