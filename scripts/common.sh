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
