#!/usr/bin/env bash
# Shared by the scripts in this folder: paths, the cargo target directory, the node binary.
# Sourced, not run.

SYNERGY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export SYNERGY_ROOT

# One target directory for every build, test and CI run on this machine. It lives outside the
# checkout so that a fresh clone (as CI makes) reuses the compiled dependencies.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/synergy/target}"
mkdir -p "$CARGO_TARGET_DIR"

# Every build uses the release profile: the node must be fast, and tests share its artifacts.
SYNERGY_NODE="$CARGO_TARGET_DIR/release/synergy-node"
export SYNERGY_NODE

log() { printf '\n==> %s\n' "$*"; }

# Builds the node (and with it the runtime's Wasm) in release, exactly as locked.
build_node() {
  log "cargo build --release --workspace --locked"
  (cd "$SYNERGY_ROOT" && cargo build --release --workspace --locked)
}

# The benchmarking node (`--features runtime-benchmarks`), built in a target directory of its
# own so that its runtime never mixes with the production runtime's build. Sets BENCH_NODE and
# BENCH_RUNTIME.
build_benchmark_node() {
  local target="${SYNERGY_BENCH_TARGET_DIR:-$CARGO_TARGET_DIR-benchmarks}"
  log "cargo build --release --features runtime-benchmarks (target: $target)"
  # The benchmark CLI's own test runtime cannot be found in this workspace's default feature
  # graph, which the lockfile hint makes the Wasm builder search; this build goes without it.
  (cd "$SYNERGY_ROOT" && WASM_BUILD_WORKSPACE_HINT=/nonexistent CARGO_TARGET_DIR="$target" \
    cargo build --release --locked -p synergy-node --features runtime-benchmarks)
  BENCH_NODE="$target/release/synergy-node"
  BENCH_RUNTIME="$target/release/wbuild/synergy-runtime/synergy_runtime.compact.compressed.wasm"
}
