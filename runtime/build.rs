fn main() {
	// The Wasm carries the hash of its metadata, which offline signers verify through
	// `CheckMetadataHash`; symbol and decimals match `TOKEN_SYMBOL`/`TOKEN_DECIMALS`.
	#[cfg(feature = "std")]
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("SYN", 12)
		.build();
}
