//! What every runtime upgrade checks under try-runtime beyond the migrations themselves.

use frame_support::traits::OnRuntimeUpgrade;
#[cfg(feature = "try-runtime")]
use frame_support::traits::{
	GetStorageVersion, NoStorageVersionSet, PalletInfoAccess, StorageVersion,
};

/// After the migrations: every pallet's storage is at the version its code expects, so no
/// migration is missing from [`crate::Migrations`]. Does nothing on chain.
pub struct StorageVersionsMatch;

impl OnRuntimeUpgrade for StorageVersionsMatch {
	#[cfg(feature = "try-runtime")]
	fn post_upgrade(_: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		for (pallet, on_chain, in_code) in storage_versions() {
			if on_chain != in_code {
				log::error!(
					target: "runtime::migrations",
					"{pallet}: storage at {on_chain:?}, its code expects {in_code:?}"
				);
				return Err(
					"a pallet's storage is not at its code's version: a migration is missing"
						.into(),
				);
			}
		}
		Ok(())
	}
}

/// Each pallet's name, on-chain storage version and in-code storage version.
#[cfg(feature = "try-runtime")]
pub fn storage_versions() -> alloc::vec::Vec<(&'static str, StorageVersion, StorageVersion)> {
	macro_rules! versions {
		($($pallet:ty),* $(,)?) => {
			alloc::vec![$((
				<$pallet as PalletInfoAccess>::name(),
				<$pallet as GetStorageVersion>::on_chain_storage_version(),
				InCode::version(<$pallet as GetStorageVersion>::in_code_storage_version()),
			)),*]
		};
	}
	use crate::*;
	versions!(
		System,
		Timestamp,
		Balances,
		TransactionPayment,
		Session,
		Aura,
		Grandpa,
		ValidatorSet,
		Membership,
		Escrow,
		Complaints,
		Fund,
		Contributions,
		Sudo,
	)
}

/// A pallet's in-code storage version; a pallet that sets none is at version 0, which is also
/// what its storage reads before anything wrote it.
#[cfg(feature = "try-runtime")]
trait InCode {
	fn version(self) -> StorageVersion;
}

#[cfg(feature = "try-runtime")]
impl InCode for StorageVersion {
	fn version(self) -> StorageVersion {
		self
	}
}

#[cfg(feature = "try-runtime")]
impl InCode for NoStorageVersionSet {
	fn version(self) -> StorageVersion {
		StorageVersion::new(0)
	}
}
