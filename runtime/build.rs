fn main() {
	// The Wasm builder watches the runtime's sources by their absolute paths. A checkout
	// elsewhere (a fresh clone, as CI makes) sharing this target directory must build its own
	// Wasm, not trust the files of whichever checkout built here last: the workspace hint
	// (.cargo/config.toml) is this checkout's root, so a new root reruns the build.
	println!("cargo:rerun-if-env-changed=WASM_BUILD_WORKSPACE_HINT");
	// The Wasm carries the hash of its metadata, which offline signers verify through
	// `CheckMetadataHash`; symbol and decimals match `TOKEN_SYMBOL`/`TOKEN_DECIMALS`.
	#[cfg(feature = "std")]
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("SYN", 12)
		.build();
}
