//! Storage migrations, one per storage version: each runs once, when the runtime that carries
//! it finds the pallet's storage at the version before, and bumps it.
//!
//! Every change of the storage layout comes with one, and with a test that runs it on state of
//! the version before. Include them in the runtime's `Migrations` until every chain has passed
//! them.

use crate::{Config, Pallet};
use core::marker::PhantomData;
use frame_support::{
	migrations::VersionedMigration, traits::UncheckedOnRuntimeUpgrade, weights::Weight,
};

/// Version 0 to 1: the escalation deadline queue ([`crate::EscalationQueue`]) gained overflow
/// pages, their count and a backlog: new storage items that start empty. Each block's first
/// page is the map version 0 kept ([`crate::Deadlines`]), unchanged, so every deadline filed
/// before the upgrade is handled at its block as before. Nothing is moved.
pub mod v1 {
	use super::*;

	/// Changes nothing: the new storage items start empty.
	pub struct AddDeadlinePages<T>(PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for AddDeadlinePages<T> {
		fn on_runtime_upgrade() -> Weight {
			Weight::zero()
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			// The deadlines queued, which must all stay queued.
			Ok((crate::EscalationQueue::<T>::queued().len() as u32).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use codec::Decode;
			let before = u32::decode(&mut &state[..])
				.map_err(|_| sp_runtime::TryRuntimeError::Other("pre-upgrade state"))?;
			frame_support::ensure!(
				crate::EscalationQueue::<T>::queued().len() as u32 == before,
				"every deadline queued before stays queued"
			);
			Ok(())
		}
	}

	/// [`AddDeadlinePages`], run only at storage version 0, which it bumps to 1.
	pub type MigrateV0ToV1<T> = VersionedMigration<
		0,
		1,
		AddDeadlinePages<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
