//! The permissioned pool: a transaction extension that refuses signed transactions from
//! accounts that are not members, at validation, so that they never enter a block and cost the
//! validators nothing. The exceptions: a pending candidate answering their own application
//! (`accept` / `decline`), and the calls the runtime opens to all ([`Config::OpenToAll`]: a
//! donation to the common fund, revenue paid into a project, a claim of what one earned there).

use crate::{Applications, Call, Config, Members};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use frame_support::{
	pallet_prelude::{TransactionSource, Weight},
	traits::{Contains, Get, IsSubType, OriginTrait},
	DefaultNoBound,
};
use scale_info::TypeInfo;
use sp_runtime::{
	impl_tx_ext_default,
	traits::{DispatchInfoOf, TransactionExtension, ValidateResult},
	transaction_validity::InvalidTransaction,
};

/// `InvalidTransaction::Custom` code of a signed transaction from an account that is neither
/// a member nor a pending candidate answering their application.
pub const NOT_A_MEMBER: u8 = 1;

/// Refuses signed transactions from non-members (see the module documentation). Unsigned and
/// inherent transactions pass untouched. It adds nothing to what a wallet signs.
#[derive(Encode, Decode, DecodeWithMemTracking, DefaultNoBound, Clone, Eq, PartialEq, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct CheckMembership<T>(PhantomData<T>);

impl<T> CheckMembership<T> {
	/// The extension, as put into a transaction.
	pub fn new() -> Self {
		Self(PhantomData)
	}
}

impl<T> core::fmt::Debug for CheckMembership<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "CheckMembership")
	}
}

impl<T: Config> crate::Pallet<T>
where
	T::RuntimeCall: IsSubType<Call<T>>,
{
	/// Whether `call` is `who` answering their own open application (`accept` or `decline`):
	/// the only transactions a non-member may send, and free of fees.
	pub fn is_candidate_answer(who: &T::AccountId, call: &T::RuntimeCall) -> bool {
		matches!(call.is_sub_type(), Some(Call::accept {} | Call::decline {}))
			&& Applications::<T>::contains_key(who)
	}
}

impl<T: Config + Send + Sync> TransactionExtension<T::RuntimeCall> for CheckMembership<T>
where
	T::RuntimeCall: IsSubType<Call<T>>,
{
	const IDENTIFIER: &'static str = "CheckMembership";
	type Implicit = ();
	type Val = ();
	type Pre = ();

	fn weight(&self, _: &T::RuntimeCall) -> Weight {
		// Two storage reads at most: the member record, then the application.
		T::DbWeight::get().reads(2)
	}

	fn validate(
		&self,
		origin: T::RuntimeOrigin,
		call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Encode,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, T::RuntimeCall> {
		if let Some(who) = origin.as_signer() {
			if !Members::<T>::contains_key(who)
				&& !crate::Pallet::<T>::is_candidate_answer(who, call)
				&& !T::OpenToAll::contains(call)
			{
				return Err(InvalidTransaction::Custom(NOT_A_MEMBER).into());
			}
		}
		Ok((Default::default(), (), origin))
	}

	impl_tx_ext_default!(T::RuntimeCall; prepare);
}
