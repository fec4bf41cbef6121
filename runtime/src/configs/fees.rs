//! Transaction fees: charged and burned as `pallet-transaction-payment` does, except for a
//! pending candidate's answer to their application, which is free (they may hold nothing yet).
//!
//! A free transaction must not buy anything a paying one cannot: [`ChargeFees`] gives a free
//! answer the lowest priority, refuses a tip on it, lets one answer of an account wait in the
//! pool at a time, charges and reports nothing for it (no `TransactionFeePaid`), and covers
//! only answers that will succeed (`Membership::is_free_answer`: an `accept` already given is
//! refused at the pool like any non-member's transaction).

use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{
	dispatch::DispatchResult,
	pallet_prelude::{TransactionSource, Weight},
};
use pallet_transaction_payment::{ChargeTransactionPayment, Pre, Val};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{
		DispatchInfoOf, DispatchOriginOf, Implication, PostDispatchInfoOf, TransactionExtension,
	},
	transaction_validity::{TransactionValidityError, ValidTransaction},
};

use crate::{Balance, Membership, Runtime, RuntimeCall};

/// `pallet-transaction-payment`'s `ChargeTransactionPayment`, with the same identifier, the
/// same encoding (a compact tip) and the same type in the metadata, so that wallets sign it as
/// they always do; free answers are handled as the module documentation says.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq)]
pub struct ChargeFees(ChargeTransactionPayment<Runtime>);

impl TypeInfo for ChargeFees {
	type Identity = <ChargeTransactionPayment<Runtime> as TypeInfo>::Identity;

	fn type_info() -> scale_info::Type {
		ChargeTransactionPayment::<Runtime>::type_info()
	}
}

impl ChargeFees {
	/// The extension offering `tip` on top of the fee.
	pub fn from(tip: Balance) -> Self {
		Self(ChargeTransactionPayment::from(tip))
	}
}

impl core::fmt::Debug for ChargeFees {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "ChargeFees({:?})", self.0.tip())
	}
}

impl TransactionExtension<RuntimeCall> for ChargeFees {
	const IDENTIFIER: &'static str = "ChargeTransactionPayment";
	type Implicit = ();
	type Val = Val<Runtime>;
	type Pre = Pre<Runtime>;

	fn weight(&self, call: &RuntimeCall) -> Weight {
		self.0.weight(call)
	}

	fn validate(
		&self,
		origin: DispatchOriginOf<RuntimeCall>,
		call: &RuntimeCall,
		info: &DispatchInfoOf<RuntimeCall>,
		len: usize,
		implicit: (),
		implication: &impl Implication,
		source: TransactionSource,
	) -> Result<
		(ValidTransaction, Self::Val, DispatchOriginOf<RuntimeCall>),
		TransactionValidityError,
	> {
		if let Ok(who) = frame_system::ensure_signed(origin.clone()) {
			if Membership::is_free_answer(&who, call) {
				let valid =
					pallet_guarantee_membership::free_answer_validity(&who, self.0.tip() != 0)?;
				return Ok((valid, Val::NoCharge, origin));
			}
		}
		self.0.validate(origin, call, info, len, implicit, implication, source)
	}

	fn prepare(
		self,
		val: Self::Val,
		origin: &DispatchOriginOf<RuntimeCall>,
		call: &RuntimeCall,
		info: &DispatchInfoOf<RuntimeCall>,
		len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		self.0.prepare(val, origin, call, info, len)
	}

	fn post_dispatch_details(
		pre: Self::Pre,
		info: &DispatchInfoOf<RuntimeCall>,
		post_info: &PostDispatchInfoOf<RuntimeCall>,
		len: usize,
		result: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		<ChargeTransactionPayment<Runtime> as TransactionExtension<RuntimeCall>>::post_dispatch_details(
			pre, info, post_info, len, result,
		)
	}
}
