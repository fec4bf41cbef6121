fn main() {
	// With `metadata-hash`, the Wasm carries the metadata digest that offline signers verify
	// through `CheckMetadataHash`; symbol and decimals match `TOKEN_SYMBOL`/`TOKEN_DECIMALS`.
	#[cfg(all(feature = "std", feature = "metadata-hash"))]
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("SYN", 12)
		.build();

	#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}
