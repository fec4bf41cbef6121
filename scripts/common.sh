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

# Clippy lints this workspace's crates while they compile: its driver is the compiler of the
# workspace's members (RUSTC_WORKSPACE_WRAPPER, with CLIPPY_ARGS as cargo-clippy passes them;
# it compiles exactly as rustc does, and lints first), so every build, test and benchmark build
# of these scripts is linted with warnings as errors, and no dependency is ever compiled a
# second time in check mode, as `cargo clippy` would. The scripts that build all set it, so
# they share artifacts; a bare `cargo build` recompiles the workspace's own crates (not its
# dependencies). Needs rustup's clippy component (scripts/setup.sh adds it).
lint_while_compiling() {
  local driver
  driver="$(rustup which clippy-driver 2>/dev/null)" || {
    echo "no clippy-driver: run scripts/setup.sh (rustup component add clippy)" >&2
    return 1
  }
  export RUSTC_WORKSPACE_WRAPPER="$driver"
  export CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__"
}

log() { printf '\n==> %s\n' "$*"; }

# Builds the node (and with it the runtime's Wasm) in release, exactly as locked.
build_node() {
  lint_while_compiling
  log "cargo build --release --workspace --locked (linted)"
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

# Cargo rebuilds a crate of this workspace when one of its files is newer than its last build,
# and a fresh clone (as CI makes for every run) gives every file a new mtime: the whole
# workspace, the runtime's Wasm included, would compile again though nothing changed. So a
# test run whose cargo phases all passed records every tracked file's content and mtime
# (record_sources), and the next run gives each file that still holds exactly that content its
# recorded mtime back (restore_sources): cargo then sees what a checkout kept between the runs
# would show, where a file's mtime changes only with its content. A file that changed keeps its
# new mtime and rebuilds what depends on it. The record is trusted only while nothing else has
# built into the target directory since it was written (no cargo fingerprint newer than it):
# another checkout's build there would make the recorded mtimes lie.
SOURCES_RECORD="$CARGO_TARGET_DIR/.synergy-sources"

# "sha256 mtime path" of every tracked file.
describe_sources() {
  (
    cd "$SYNERGY_ROOT" &&
      git ls-files -z | xargs -0 sha256sum 2>/dev/null
    printf '%s\n' '--'
    git ls-files -z | xargs -0 stat -c '%.9Y %n' 2>/dev/null
  ) | awk '$0 == "--" { stats = 1; next }
    !stats { sha[substr($0, 67)] = substr($0, 1, 64); next }
    { i = index($0, " "); path = substr($0, i + 1); if (path in sha) print sha[path], substr($0, 1, i - 1), path }'
}

record_sources() {
  describe_sources >"$SOURCES_RECORD.new" && mv "$SOURCES_RECORD.new" "$SOURCES_RECORD"
}

restore_sources() {
  [ -f "$SOURCES_RECORD" ] || return 0
  local built
  built="$(find "$CARGO_TARGET_DIR/release/.fingerprint" "$CARGO_TARGET_DIR"/release/wbuild/*/target/*/release/.fingerprint \
    -maxdepth 1 -newer "$SOURCES_RECORD" -print -quit 2>/dev/null)"
  if [ -n "$built" ]; then
    log "sources: built since the last passing run's record, so every file keeps its own mtime"
    rm -f "$SOURCES_RECORD"
    return 0
  fi
  local restored
  restored="$(describe_sources | awk '
    NR == FNR { i = index($0, " "); j = index(substr($0, i + 1), " ") + i
      was[substr($0, j + 1)] = substr($0, 1, i - 1) " " substr($0, i + 1, j - i - 1); next }
    { i = index($0, " "); j = index(substr($0, i + 1), " ") + i; path = substr($0, j + 1)
      split(was[path], w, " ")
      if (w[1] == substr($0, 1, i - 1) && w[2] != substr($0, i + 1, j - i - 1)) print w[2] "\t" path }
  ' "$SOURCES_RECORD" - |
    (cd "$SYNERGY_ROOT" && while IFS=$'\t' read -r mtime path; do touch -m -d "@$mtime" -- "$path" && echo; done) | wc -l)"
  log "sources: $restored files given back the mtime the last passing run built them with"
}
