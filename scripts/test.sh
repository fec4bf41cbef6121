#!/usr/bin/env bash
# Runs every test of Synergy, installing what it needs first:
#   formatting, clippy, the unit and runtime tests, every benchmark once against its mock, the
#   node's tests (chain-spec drift, a dev chain) and the zombienet suites on a local
#   four-validator network.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$SYNERGY_ROOT"

started=$SECONDS
"$SYNERGY_ROOT/scripts/setup.sh"

log "cargo fmt --check"
cargo fmt --all -- --check

build_node

log "cargo test --release --workspace --locked"
cargo test --release --workspace --locked

# Every benchmark runs once, as a test against its pallet's mock.
pallet_args=()
for manifest in pallets/*/Cargo.toml; do
  pallet_args+=(-p "$(sed -n 's/^name = "\(.*\)"/\1/p' "$manifest" | head -n1)")
done
log "benchmarks as tests: ${pallet_args[*]}"
cargo test --release --locked "${pallet_args[@]}" --features runtime-benchmarks

# Release profile, with the Wasm already built above: clippy then shares every build script's
# output (RocksDB's C++ included) with the build instead of compiling them a second time.
log "cargo clippy --release"
cargo clippy --release --workspace --all-targets --locked -- -D warnings

log "zombienet"
export PATH="$CARGO_TARGET_DIR/release:$PATH"
zombienet_failed=0
for suite in zombienet/tests/*.zndsl; do
  log "zombienet: $suite"
  if ! (cd zombienet && npx --no-install zombienet --provider native test "${suite#zombienet/}"); then
    zombienet_failed=$((zombienet_failed + 1))
  fi
done
suites=$(find zombienet/tests -name '*.zndsl' | wc -l)
echo "zombienet: $((suites - zombienet_failed)) passed, $zombienet_failed failed"

log "all tests done in $((SECONDS - started)) s"
[ "$zombienet_failed" -eq 0 ]
