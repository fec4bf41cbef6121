#!/usr/bin/env bash
# Measures the weights of Synergy's own pallets on this machine and writes each pallet's
# `src/weights.rs` from the template in scripts/templates/ — weights are never written by hand.
#
#   scripts/benchmark.sh                 # every pallet under pallets/
#   scripts/benchmark.sh pallets/foo     # only the pallets named (their directories)
#   scripts/benchmark.sh --check         # builds and runs every benchmark once, writes nothing
#
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$SYNERGY_ROOT"

check=0
dirs=()
for arg in "$@"; do
  case "$arg" in
    --check) check=1 ;;
    *) dirs+=("${arg%/}") ;;
  esac
done
if [ "${#dirs[@]}" -eq 0 ]; then
  for manifest in pallets/*/Cargo.toml; do
    [ -e "$manifest" ] && dirs+=("$(dirname "$manifest")")
  done
fi
if [ "${#dirs[@]}" -eq 0 ]; then
  echo "no pallets to benchmark under pallets/"
  exit 0
fi

"$SYNERGY_ROOT/scripts/setup.sh"

build_benchmark_node
if [ "$check" -eq 1 ]; then
  steps=2; repeat=1
else
  steps="${BENCH_STEPS:-50}"; repeat="${BENCH_REPEAT:-20}"
fi

# bench <pallet> <extrinsic> [<weights file to write>]
bench() {
  local output=()
  [ -n "${3:-}" ] && output=(--output "$3" --template scripts/templates/pallet-weights.hbs)
  log "benchmark $1::$2 (steps $steps, repeat $repeat)"
  "$BENCH_NODE" benchmark pallet \
    --runtime "$BENCH_RUNTIME" \
    --genesis-builder runtime \
    --genesis-builder-preset development \
    --pallet "$1" \
    --extrinsic "$2" \
    --steps "$steps" \
    --repeat "$repeat" \
    --wasm-execution compiled \
    --heap-pages 4096 \
    "${output[@]}"
}

written=()
for dir in "${dirs[@]}"; do
  crate=$(sed -n 's/^name = "\(.*\)"/\1/p' "$dir/Cargo.toml" | head -n1)
  if [ "$check" -eq 1 ]; then
    bench "${crate//-/_}" '*'
  else
    bench "${crate//-/_}" '*' "$dir/src/weights.rs"
    written+=("$dir/src/weights.rs")
  fi
done

if [ "$check" -eq 0 ]; then
  # The yardstick, measured in this same run: a balance transfer.
  reference="$(dirname "$BENCH_NODE")/transfer_keep_alive_weights.rs"
  bench pallet_balances transfer_keep_alive "$reference"
  log "weights relative to pallet_balances::transfer_keep_alive"
  node scripts/weight-ratios.mjs "$reference" "${written[@]}"
fi
