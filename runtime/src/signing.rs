//! Signing a transaction as a wallet does, with every transaction extension, for the node's
//! benchmarks and the runtime's tests (native only: the runtime itself never signs).

use codec::Encode;
use sp_core::{sr25519, Pair};
use sp_runtime::generic::Era;

use crate::{
	configs::fees::ChargeFees, AccountId, Balance, Hash, Nonce, Runtime, RuntimeCall, Signature,
	SignedPayload, TxExtension, UncheckedExtrinsic, VERSION,
};

/// `call` signed by `pair` with nonce `nonce` and `tip` on top of the fee, valid in `era`
/// (which starts at the block `era_start`: the genesis block for an immortal era) of the chain
/// whose genesis is `genesis`.
pub fn sign(
	call: RuntimeCall,
	pair: &sr25519::Pair,
	nonce: Nonce,
	tip: Balance,
	era: Era,
	era_start: Hash,
	genesis: Hash,
) -> UncheckedExtrinsic {
	let tx_ext: TxExtension = (
		frame_system::AuthorizeCall::<Runtime>::new(),
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		pallet_guarantee_membership::CheckMembership::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(era),
		frame_system::CheckNonce::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		ChargeFees::from(tip),
		frame_metadata_hash_extension::CheckMetadataHash::<Runtime>::new(false),
		frame_system::WeightReclaim::<Runtime>::new(),
	);
	let implicit = (
		(),
		(),
		(),
		VERSION.spec_version,
		VERSION.transaction_version,
		genesis,
		era_start,
		(),
		(),
		(),
		None,
		(),
	);
	let payload = SignedPayload::from_raw(call.clone(), tx_ext.clone(), implicit);
	let signature = payload.using_encoded(|bytes| pair.sign(bytes));
	UncheckedExtrinsic::new_signed(
		call,
		AccountId::from(pair.public()).into(),
		Signature::Sr25519(signature),
		tx_ext,
	)
}
