//! Storage migrations, one per storage version: each runs once, when the runtime that carries
//! it finds the pallet's storage at the version before, and bumps it.

use crate::{Categories, CategoryId, Config, Pallet};
use alloc::vec::Vec;
use core::marker::PhantomData;
use frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};

/// Version 0 to 1: a chain that had no board gets the starter categories, as a new chain gets
/// them from its genesis. A pallet added by a runtime upgrade finds its storage at version 0
/// (its genesis never ran); a chain that started with the board is at version 1 already.
pub mod v1 {
	use super::*;

	/// Adds the categories of `Starter` (a name and the index of its parent in the list) when
	/// the tree is empty; changes nothing otherwise.
	pub struct SeedCategories<T, Starter>(PhantomData<(T, Starter)>);

	impl<T: Config, Starter: Get<Vec<(Vec<u8>, Option<CategoryId>)>>> UncheckedOnRuntimeUpgrade
		for SeedCategories<T, Starter>
	{
		fn on_runtime_upgrade() -> Weight {
			let db = T::DbWeight::get();
			if Categories::<T>::count() > 0 {
				return db.reads(1);
			}
			let starter = Starter::get();
			let mut added = 0u64;
			for (name, parent) in starter {
				// A name the tree refuses is left out; the meeting may add it by motion.
				if Pallet::<T>::do_add_category(parent, name).is_ok() {
					added = added.saturating_add(1);
				}
			}
			// Each: the count, the parent chain (at most the depth), the next number; then the
			// category, the count and the next number written.
			db.reads_writes(added.saturating_mul(6).saturating_add(1), added.saturating_mul(3))
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			Ok(Categories::<T>::count().encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use codec::Decode;
			let before = u32::decode(&mut &state[..])
				.map_err(|_| sp_runtime::TryRuntimeError::Other("pre-upgrade state"))?;
			let after = Categories::<T>::count();
			frame_support::ensure!(
				if before == 0 { after as usize == Starter::get().len() } else { after == before },
				"the starter categories added to an empty tree, or nothing changed"
			);
			Ok(())
		}
	}

	/// [`SeedCategories`], run only at storage version 0, which it bumps to 1.
	pub type MigrateV0ToV1<T, Starter> = VersionedMigration<
		0,
		1,
		SeedCategories<T, Starter>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
