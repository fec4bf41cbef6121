//! Storage migrations, one per storage version: each runs once, when the runtime that carries
//! it finds the pallet's storage at the version before, and bumps it.
//!
//! Every change of the storage layout comes with one, and with a test that runs it on state of
//! the version before. Include them in the runtime's `Migrations` until every chain has passed
//! them.

use crate::{Config, Pallet};
use core::marker::PhantomData;
use frame_support::{
	migrations::VersionedMigration,
	storage::{storage_prefix, unhashed},
	traits::{Get, PalletInfoAccess, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};

/// Version 0 to 1: [`crate::Departing`] is a plain map; the counter its counted map kept
/// (`CounterForDeparting`), written by every departure and never read, is removed.
pub mod v1 {
	use super::*;

	/// The storage key of the counter version 0 kept.
	pub fn counter_key<T: Config>() -> [u8; 32] {
		storage_prefix(<Pallet<T> as PalletInfoAccess>::name().as_bytes(), b"CounterForDeparting")
	}

	/// Removes the counter: one key, so one block.
	pub struct DropDepartingCounter<T>(PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for DropDepartingCounter<T> {
		fn on_runtime_upgrade() -> Weight {
			unhashed::kill(&counter_key::<T>());
			T::DbWeight::get().writes(1)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			// The departures in progress, which the migration must leave as they are.
			Ok((crate::Departing::<T>::iter().count() as u32).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use codec::Decode;
			let before = u32::decode(&mut &state[..])
				.map_err(|_| sp_runtime::TryRuntimeError::Other("pre-upgrade state"))?;
			frame_support::ensure!(
				!unhashed::exists(&counter_key::<T>()),
				"the departure counter is gone"
			);
			frame_support::ensure!(
				crate::Departing::<T>::iter().count() as u32 == before,
				"every departure in progress stays"
			);
			Ok(())
		}
	}

	/// [`DropDepartingCounter`], run only at storage version 0, which it bumps to 1.
	pub type MigrateV0ToV1<T> = VersionedMigration<
		0,
		1,
		DropDepartingCounter<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
