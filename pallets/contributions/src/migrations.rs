//! Storage migrations, one per storage version: each runs once, when the runtime that carries
//! it finds the pallet's storage at the version before, and bumps it.
//!
//! Every change of the storage layout comes with one, and with a test that runs it on state of
//! the version before. Include them in the runtime's `Migrations` until every chain has passed
//! them.

use crate::{Config, Pallet};
use core::marker::PhantomData;
use frame_support::migrations::VersionedMigration;

/// Version 0 to 1: the deadline queue ([`crate::DueQueue`]) gained overflow pages, their count
/// and a backlog: new storage items that start empty. Each block's first page is the map
/// version 0 kept ([`crate::Deadlines`]), unchanged, so every deadline filed before the upgrade
/// (spilled or deferred ones too: each is at the block its record names) is handled at its
/// block as before. Nothing is moved. A page holds what a block held in version 0
/// (`DeadlinePageSize` is the `MaxDeadlinesPerBlock` it renames: 16 in the runtime), so every
/// stored block decodes as a first page.
pub mod v1 {
	use super::*;

	/// The deadlines queued.
	pub struct Queued<T>(PhantomData<T>);

	impl<T: Config> frame_support::traits::Get<u32> for Queued<T> {
		fn get() -> u32 {
			crate::DueQueue::<T>::queued().len() as u32
		}
	}

	/// Changes nothing: the new storage items start empty.
	pub type AddDeadlinePages<T> = synergy_primitives::deadlines::AddDeadlinePages<Queued<T>>;

	/// [`AddDeadlinePages`], run only at storage version 0, which it bumps to 1.
	pub type MigrateV0ToV1<T> = VersionedMigration<
		0,
		1,
		AddDeadlinePages<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
