#!/usr/bin/env bash
# Runs every test of Synergy, installing what it needs first, and ends with each phase's
# duration and a closing `N passed, N failed` over all suites.
#
#   scripts/test.sh                        every phase, as CI runs it
#   scripts/test.sh unit [crate ...]       the cargo tests (of the crates named)
#   scripts/test.sh network [scenario ...] the network scenarios (those named: zombienet/run.js --list)
#   scripts/test.sh fmt | build | benchmarks | portal
#
# The phases:
#   fmt         cargo fmt --check
#   build       the node and the runtime's Wasm, release, as locked
#   unit        cargo test of the workspace: pallets, runtime, node (chain-spec drift, a dev chain)
#   benchmarks  every benchmark once, as a test against its pallet's mock
#   network     the zombienet scenarios on four networks: one shared four-validator network,
#               and three cooperatives of their own (zombienet/run.js says why)
#   portal      the member portal (web/): built against this runtime, its unit tests, and a
#               headless Chromium clicking through it on a dev chain of its own
#               (scripts/portal.sh test)
# Clippy, warnings as errors, lints every crate of the workspace as build, unit and benchmarks
# compile it (common.sh says how): the node, the checker, every test and every benchmark.
#
# Work done once: every phase uses the release profile and one target directory, so the tests
# reuse the build's dependencies and build scripts (OpenSSL's C, the runtime's Wasm), and the
# lints come from the compiler runs themselves. Two things are compiled twice because they
# must be:
#   - the pallets and the FRAME crates under them with `runtime-benchmarks` (benchmarks): the
#     feature changes frame-support, frame-system and pallet-balances, and a production node
#     must never carry it, so it cannot join the build's feature set;
#   - the runtime and the FRAME crates under it natively with `try-runtime`, for the upgrade
#     checker (tools/try-upgrade, a workspace of its own so that the feature never reaches the
#     node): a production runtime must never carry it. Its Wasm is not built (SKIP_WASM_BUILD).
# Cargo compiles in the build tree, a copy of the checkout kept beside the target directory
# (common.sh says why): a fresh clone (as CI makes) compiles only the files that changed since
# the last build there, wherever it was cloned.
# The network scenarios and the portal's browser test mostly wait for blocks (six seconds
# each), so they run while the cargo tests and the benchmarks compile and run, those at the
# lowest priority so that the nodes keep their slots.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$SYNERGY_ROOT"

phase="${1:-all}"
[ "$#" -gt 0 ] && shift
case "$phase" in
  all | fmt | build | unit | benchmarks | network | portal) ;;
  *)
    echo "unknown phase '$phase': all, fmt, build, unit, benchmarks, network or portal" >&2
    exit 2
    ;;
esac

logs="$(mktemp -d "${TMPDIR:-/tmp}/synergy-test.XXXXXX")"
started=$SECONDS
summary=()
passed=0
failed=0
failures=()

# run_phase <name> <command...>: runs a phase, its output shown and kept, and records its
# duration and its tests: a cargo test's `test result:` lines or the network's closing line.
run_phase() {
  local name="$1" status=0 begun=$SECONDS
  shift
  log "$name: $*"
  "$@" 2>&1 | tee "$logs/$name.log" || status=$?
  finish_phase "$name" "$status" "$((SECONDS - begun))"
  return "$status"
}

finish_phase() {
  local name="$1" status="$2" seconds="$3" p f
  read -r p f < <(count_tests "$logs/$name.log")
  if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
    # A check without tests of its own (fmt) counts as one; setting up and building
    # count only when they fail.
    if [ "$status" -ne 0 ]; then f=1; elif [ "$name" != setup ] && [ "$name" != build ]; then p=1; fi
  elif [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
    f=1 # it failed outside any test: a build, a timeout
  fi
  passed=$((passed + p))
  failed=$((failed + f))
  [ "$status" -ne 0 ] && failures+=("$name")
  summary+=("$(printf '%-12s %-6s %6d s  %5d passed, %d failed' "$name" \
    "$([ "$status" -eq 0 ] && echo ok || echo FAILED)" "$seconds" "$p" "$f")")
}

# Prints "passed failed" summed over a log's cargo `test result:` lines and the network's
# closing line.
count_tests() {
  awk '
    /^test result: / { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed;?$/) p += $i; if ($(i+1) ~ /^failed;?$/) f += $i } }
    /^(network|portal): [0-9]+ passed, [0-9]+ failed$/ { p += $2; f += $4 }
    END { print p + 0, f + 0 }
  ' "$1"
}

# What a failed phase said about its failure: the lines that name one (a test's FAIL, a panic,
# a compiler error) with what follows them, then the log's last lines. Printed just before the
# summary, so that the end of the output, which is what CI keeps, says why.
failure_excerpt() {
  local file="$logs/$1.log"
  [ -f "$file" ] || return 0
  log "$1 failed: its failures (whole log: $file)"
  sed 's/\x1b\[[0-9;]*m//g' "$file" |
    grep -E -A6 '(^| )(FAIL|FAILED|not ok)( |$)|panicked|^error(\[|:)|Error: |AssertionError|failures:' |
    head -n 80 || true
  echo "--- the last lines of $1's log:"
  tail -n 15 "$file"
}

print_summary() {
  local name
  for name in "${failures[@]}"; do failure_excerpt "$name"; done
  log "summary"
  printf '%s\n' "${summary[@]}"
  printf '%-12s %-6s %6d s\n' total "$([ "$failed" -eq 0 ] && echo ok || echo FAILED)" \
    "$((SECONDS - started))"
  if [ "${#failures[@]}" -gt 0 ]; then
    echo "failed phases: ${failures[*]} (logs in $logs)"
  else
    rm -rf "$logs"
  fi
  echo "$passed passed, $failed failed"
}
trap print_summary EXIT

bench_packages() {
  local manifest
  for manifest in pallets/*/Cargo.toml; do
    printf -- '-p %s ' "$(sed -n 's/^name = "\(.*\)"/\1/p' "$manifest" | head -n1)"
  done
}

crate_args() {
  local crate
  if [ "$#" -eq 0 ]; then printf -- '--workspace'; fi
  for crate in "$@"; do printf -- '-p %s ' "$crate"; done
}

phase_setup() { run_phase setup "$SYNERGY_ROOT/scripts/setup.sh"; }
fmt_all() {
  cargo fmt --all -- --check &&
    cargo fmt --manifest-path tools/try-upgrade/Cargo.toml --all -- --check
}
phase_fmt() { run_phase fmt fmt_all; }
# The node, and the try-runtime checker the upgrade scenario runs (tools/try-upgrade: the
# runtime natively with `try-runtime`; its Wasm is the node's, so none is built for it).
build_all() {
  cargo build --release --workspace --locked &&
    SKIP_WASM_BUILD=1 cargo build --release --locked --manifest-path tools/try-upgrade/Cargo.toml
}
phase_build() { run_phase build in_build_tree build_all; }
# The crates have no doc tests: leaving them out spares a rustdoc pass over every crate.
# shellcheck disable=SC2046 # the crate arguments are words
phase_unit() {
  run_phase unit in_build_tree nice -n 19 cargo test --release --locked --no-fail-fast --lib --bins --tests $(crate_args "$@")
}
# shellcheck disable=SC2046
phase_benchmarks() {
  run_phase benchmarks in_build_tree nice -n 19 cargo test --release --locked $(bench_packages) --features runtime-benchmarks
}
phase_portal() {
  PATH="$CARGO_TARGET_DIR/release:$PATH" run_phase portal nice -n 10 scripts/portal.sh test
}
# start_background <name> <command...>: a phase run beside the others, its output in its log;
# collect_background <name> waits for it, shows its log and records it.
# They test what the build made, not what a cargo phase beside them rebuilds: the binaries
# hard-linked (a rebuild writes new files in their place) and the runtime's Wasm copied, first.
declare -A background_pid background_begun
freeze_build() {
  local built="$logs/built" binary
  [ -d "$built" ] && return
  mkdir -p "$built"
  for binary in synergy-node synergy-try-upgrade; do
    ln -f "$CARGO_TARGET_DIR/release/$binary" "$built/$binary" 2>/dev/null ||
      cp "$CARGO_TARGET_DIR/release/$binary" "$built/$binary"
  done
  cp "$CARGO_TARGET_DIR/release/wbuild/synergy-runtime/synergy_runtime.compact.compressed.wasm" "$built/"
}
start_background() {
  local name="$1"
  shift
  freeze_build
  log "$name: $* (beside the cargo phases, shown when it ends)"
  background_begun[$name]=$SECONDS
  (PATH="$logs/built:$PATH" SYNERGY_NODE="$logs/built/synergy-node" \
    SYNERGY_RUNTIME_WASM="$logs/built/synergy_runtime.compact.compressed.wasm" \
    "$@" >"$logs/$name.log" 2>&1 8>&-) &
  background_pid[$name]=$!
}
collect_background() {
  local name="$1" status=0
  wait "${background_pid[$name]}" || status=$?
  # The duration is the phase's own: up to when its log was last written.
  local ended
  ended=$(($(stat -c %Y "$logs/$name.log") - $(date +%s) + SECONDS))
  log "$name: ran beside the cargo phases"
  cat "$logs/$name.log"
  finish_phase "$name" "$status" "$((ended - background_begun[$name]))"
  return "$status"
}
phase_network() {
  PATH="$CARGO_TARGET_DIR/release:$PATH" run_phase network node zombienet/run.js "$@"
}

status=0
phase_setup || exit 1
lint_while_compiling || exit 1
log "checkout: $SYNERGY_ROOT at $(git -C "$SYNERGY_ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
case "$phase" in
  fmt) ;;
  *) sync_build_tree || exit 1 ;;
esac
case "$phase" in
  fmt) phase_fmt || status=1 ;;
  build) phase_build || status=1 ;;
  unit) phase_unit "$@" || status=1 ;;
  benchmarks) phase_benchmarks || status=1 ;;
  network)
    phase_build || exit 1
    phase_network "$@" || status=1
    ;;
  portal)
    phase_build || exit 1
    phase_portal || status=1
    ;;
  all)
    phase_fmt || status=1
    phase_build || exit 1
    # The network and the portal's browser test mostly wait on blocks: they run while the
    # compilers work, their output kept in their logs and shown when they end.
    start_background network node zombienet/run.js
    start_background portal nice -n 10 scripts/portal.sh test
    phase_unit || status=1
    phase_benchmarks || status=1
    collect_background portal || status=1
    collect_background network || status=1
    ;;
esac
exit "$status"
