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

# Where the scripts compile: a copy of this checkout's files at one place per target directory,
# the build tree. Cargo rebuilds a crate of this workspace when one of its files is newer than
# its last build, and the runtime's Wasm build watches its sources by their absolute paths: a
# fresh clone (as CI makes for every run, wherever it clones) would compile the whole
# workspace and the Wasm again though nothing changed. sync_build_tree brings the tree to the
# checkout's files (tracked, and untracked ones git does not ignore): a file whose content
# differs is copied (so it is newer than any build), one the checkout no longer has is
# deleted, and every other file keeps its mtime. Cargo then compiles exactly what changed since
# the last build here, from whichever checkout. The tree holds no git repository: a node built
# by these scripts names no commit in its version (node/build.rs), so a new commit of the same
# files rebuilds nothing. One build at a time (hold_build_tree: a lock).
SYNERGY_BUILD_TREE="${SYNERGY_BUILD_TREE:-${CARGO_TARGET_DIR%/}.source}"
export SYNERGY_BUILD_TREE
export SUBSTRATE_CLI_GIT_COMMIT_HASH=""

# Held until the calling shell exits; a command started in the background should close fd 8.
hold_build_tree() {
  [ -n "${SYNERGY_BUILD_TREE_HELD:-}" ] && return 0
  exec 8>"$SYNERGY_BUILD_TREE.lock"
  if ! flock -n 8; then
    log "build tree $SYNERGY_BUILD_TREE: another build holds it, waiting"
    flock 8
  fi
  SYNERGY_BUILD_TREE_HELD=1
}

sync_build_tree() {
  local tree="$SYNERGY_BUILD_TREE" work copied removed
  git -C "$SYNERGY_ROOT" rev-parse --git-dir >/dev/null 2>&1 || {
    echo "$SYNERGY_ROOT is not a git checkout: the scripts build what git lists" >&2
    return 1
  }
  hold_build_tree
  mkdir -p "$tree"
  work="$(mktemp -d)"
  (cd "$SYNERGY_ROOT" && git ls-files -z --cached --others --exclude-standard |
    xargs -0 -r sh -c 'for f; do [ -f "$f" ] && printf "%s\n" "$f"; done' sh | LC_ALL=C sort -u) >"$work/files"
  (cd "$SYNERGY_ROOT" && tr '\n' '\0' <"$work/files" | xargs -0 -r sha256sum --) | LC_ALL=C sort >"$work/want"
  (cd "$tree" && tr '\n' '\0' <"$work/files" | xargs -0 -r sha256sum -- 2>/dev/null) | LC_ALL=C sort >"$work/have" || true
  LC_ALL=C comm -23 "$work/want" "$work/have" | cut -c67- >"$work/copy"
  (cd "$tree" && find . -type f -printf '%P\n' | LC_ALL=C sort) >"$work/present"
  LC_ALL=C comm -23 "$work/present" "$work/files" >"$work/remove"
  while IFS= read -r f; do
    mkdir -p "$tree/$(dirname "$f")" && rm -f "$tree/$f" && cp --preserve=mode "$SYNERGY_ROOT/$f" "$tree/$f"
  done <"$work/copy"
  while IFS= read -r f; do rm -f "$tree/$f"; done <"$work/remove"
  find "$tree" -mindepth 1 -type d -empty -delete
  copied=$(wc -l <"$work/copy")
  removed=$(wc -l <"$work/remove")
  rm -rf "$work"
  SYNERGY_BUILD_TREE_SYNCED=1
  log "build tree $tree: $copied files copied from $SYNERGY_ROOT, $removed removed, the rest as built"
}

# in_build_tree <command...>: runs a command in the build tree, brought up to date first
# unless this shell already did.
in_build_tree() {
  if [ -z "${SYNERGY_BUILD_TREE_SYNCED:-}" ]; then sync_build_tree || return 1; fi
  (cd "$SYNERGY_BUILD_TREE" && "$@")
}

# Builds the node (and with it the runtime's Wasm) in release, exactly as locked.
build_node() {
  lint_while_compiling
  log "cargo build --release --workspace --locked (linted)"
  in_build_tree cargo build --release --workspace --locked
}

# The benchmarking node (`--features runtime-benchmarks`), built in a target directory of its
# own so that its runtime never mixes with the production runtime's build. Sets BENCH_NODE and
# BENCH_RUNTIME.
build_benchmark_node() {
  local target="${SYNERGY_BENCH_TARGET_DIR:-$CARGO_TARGET_DIR-benchmarks}"
  log "cargo build --release --features runtime-benchmarks (target: $target)"
  # Its target directory has a build tree (and a lock) of its own, held only while it builds.
  # The benchmark CLI's own test runtime cannot be found in this workspace's default feature
  # graph, which the lockfile hint makes the Wasm builder search; this build goes without it.
  (
    export CARGO_TARGET_DIR="$target" SYNERGY_BUILD_TREE="$target.source"
    unset SYNERGY_BUILD_TREE_HELD SYNERGY_BUILD_TREE_SYNCED
    exec 8>&-
    WASM_BUILD_WORKSPACE_HINT=/nonexistent \
      in_build_tree cargo build --release --locked -p synergy-node --features runtime-benchmarks
  ) || return 1
  BENCH_NODE="$target/release/synergy-node"
  BENCH_RUNTIME="$target/release/wbuild/synergy-runtime/synergy_runtime.compact.compressed.wasm"
}
