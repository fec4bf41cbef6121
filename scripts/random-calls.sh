#!/usr/bin/env bash
# Drives long random sequences of the cooperative's calls (membership, deals, complaints, votes,
# top-ups, revocations, the passing of blocks) from several accounts against the real runtime,
# checking every invariant after every block, and reports the count and the time.
#
#   scripts/random-calls.sh [calls] [seed]     (default: 100000 calls, seed 2026)
#
# The test command runs a short sequence of the same test (runtime/tests/runtime/random.rs); a
# failure prints its seed, which this script replays: scripts/random-calls.sh 100000 <seed>.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$SYNERGY_ROOT"

calls="${1:-100000}"
seed="${2:-2026}"
log "random calls: $calls, seed $seed"
started=$SECONDS
lint_while_compiling
SYNERGY_RANDOM_CALLS="$calls" SYNERGY_RANDOM_SEED="$seed" \
  in_build_tree cargo test --release --locked -p synergy-runtime --test runtime \
  random::random_sequences_of_calls_keep_every_invariant -- --exact --nocapture
log "$calls random calls checked in $((SECONDS - started)) s (build included)"
