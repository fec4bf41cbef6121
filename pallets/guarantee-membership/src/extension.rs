//! The permissioned pool: a transaction extension that refuses signed transactions from
//! accounts that are not members, at validation, so that they never enter a block and cost the
//! validators nothing. The exceptions: a pending candidate's answer to their own application
//! that will succeed ([`Pallet::is_free_answer`]: an `accept` not yet given, a `decline`, the
//! payment of their own admission fee), and the calls the runtime opens to all
//! ([`Config::OpenToAll`]: a donation to the common fund, an admission fee paid for a
//! candidate, revenue paid into a project, a claim of what one earned there).
//!
//! The runtime may also refuse particular calls to particular members ([`Config::Refused`]: a
//! validator purging its session keys).
//!
//! A free answer is free of fees, so it must not be a way to fill blocks for nothing: any
//! other answer (an `accept` already given, a fee already paid or one the candidate cannot pay)
//! is refused here with the rest, and the runtime's fee
//! extension gives a free answer no priority, refuses a tip on it and lets at most one answer of
//! an account wait in the pool ([`free_answer_validity`]).

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
	traits::{DispatchInfoOf, StaticLookup, TransactionExtension, ValidateResult, Zero},
	transaction_validity::InvalidTransaction,
};

/// `InvalidTransaction::Custom` code of a signed transaction from an account that is neither
/// a member nor a pending candidate giving an answer that will succeed.
pub const NOT_A_MEMBER: u8 = 1;

/// `InvalidTransaction::Custom` code of a free answer that offers a tip: a tip would buy
/// priority for a transaction that pays nothing.
pub const TIP_ON_A_FREE_ANSWER: u8 = 2;

/// Calls the runtime refuses at the pool to particular members, with the
/// `InvalidTransaction::Custom` code to refuse them with (codes 1 to 3 are kept for this
/// extension; the runtime's start at 4). The runtime refuses a validator's `session.purge_keys`.
pub trait RefusedCalls<AccountId, Call> {
	/// The code to refuse `call` signed by member `who` with, if it is refused.
	fn refused(who: &AccountId, call: &Call) -> Option<u8>;
	/// What checking `call` costs.
	fn weight(_call: &Call) -> Weight {
		Weight::zero()
	}
}

impl<AccountId, Call> RefusedCalls<AccountId, Call> for () {
	fn refused(_: &AccountId, _: &Call) -> Option<u8> {
		None
	}
}

/// The pool's view of a free answer by `who`: the lowest priority, so that it never goes ahead
/// of a paying member's transaction, and one tag per account, so that at most one answer of an
/// application waits in the pool at a time. Refused if it offers a tip.
pub fn free_answer_validity<AccountId: Encode>(
	who: &AccountId,
	tip_offered: bool,
) -> Result<sp_runtime::transaction_validity::ValidTransaction, InvalidTransaction> {
	if tip_offered {
		return Err(InvalidTransaction::Custom(TIP_ON_A_FREE_ANSWER));
	}
	Ok(sp_runtime::transaction_validity::ValidTransaction {
		priority: 0,
		provides: alloc::vec![(b"synergy/answer", who).encode()],
		..Default::default()
	})
}

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
	/// Whether `call` is `who`'s answer to their own open application that will succeed: an
	/// `accept` not yet given, a `decline`, or the payment of their own admission fee, due,
	/// unpaid and within what they hold. The only transactions a non-member may send (beside
	/// [`Config::OpenToAll`]), and free of fees.
	pub fn is_free_answer(who: &T::AccountId, call: &T::RuntimeCall) -> bool {
		match call.is_sub_type() {
			Some(Call::accept {}) => Applications::<T>::get(who).is_some_and(|a| !a.accepted),
			Some(Call::decline {}) => Applications::<T>::contains_key(who),
			Some(Call::pay_fee { candidate }) => {
				T::Lookup::lookup(candidate.clone()).is_ok_and(|candidate| &candidate == who)
					&& Applications::<T>::get(who).is_some_and(|a| {
						!a.fee.is_zero()
							&& a.fee_paid_by.is_none()
							&& crate::Pallet::<T>::can_pay_fee(who, who, a.fee)
					})
			},
			_ => false,
		}
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

	fn weight(&self, call: &T::RuntimeCall) -> Weight {
		// Three storage reads at most: the member record, the application, and, for a
		// candidate paying their own fee, their account; and what the runtime's refusals read.
		T::DbWeight::get().reads(3).saturating_add(T::Refused::weight(call))
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
			if let Some(code) = T::Refused::refused(who, call) {
				return Err(InvalidTransaction::Custom(code).into());
			}
			// The record itself, not only whether it exists: a light client validating the
			// transaction reads it from a storage proof, and smoldot proves an existence check
			// by the whole value (one read either way).
			if Members::<T>::get(who).is_none()
				&& !crate::Pallet::<T>::is_free_answer(who, call)
				&& !T::OpenToAll::contains(call)
			{
				return Err(InvalidTransaction::Custom(NOT_A_MEMBER).into());
			}
		}
		Ok((Default::default(), (), origin))
	}

	impl_tx_ext_default!(T::RuntimeCall; prepare);
}
