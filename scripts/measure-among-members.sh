#!/usr/bin/env bash
# Measures, on the real runtime among 1 000 … 100 000 members (steps of 9 000), the calls whose
# work must depend on their own bounds alone, never on the size of the cooperative:
#   - one complaint escalation step (a full panel of members with the most guarantors climbs);
#   - one vote on a proposal (a member changes their vote).
# Prints, at each size, the storage reads and writes (the work: they must not change) and the
# execution time (which grows only with the depth of the state trie that every storage access
# walks, logarithmically).
#
#   scripts/measure-among-members.sh        # BENCH_REPEAT (default 5) runs per size
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$SYNERGY_ROOT"
"$SYNERGY_ROOT/scripts/setup.sh"
build_benchmark_node

# measure <pallet> <extra benchmark> <what it is>
measure() {
  local results
  results="$(dirname "$BENCH_NODE")/$2.json"
  log "benchmark $1::$2 (m = 1 000 … 100 000)"
  "$BENCH_NODE" benchmark pallet \
    --runtime "$BENCH_RUNTIME" \
    --genesis-builder runtime \
    --genesis-builder-preset development \
    --pallet "$1" \
    --extrinsic "$2" \
    --extra \
    --steps 12 \
    --repeat "${BENCH_REPEAT:-5}" \
    --wasm-execution compiled \
    --heap-pages 4096 \
    --json-file "$results" > /dev/null
  log "$3"
  report "$results"
}

report() {
node - "$1" <<'JS'
const results = JSON.parse(require("node:fs").readFileSync(process.argv[2], "utf8"));
const bySize = new Map();
for (const run of results.flatMap((b) => b.time_results)) {
  const m = run.components.find(([name]) => name === "m")[1];
  bySize.set(m, [...(bySize.get(m) ?? []), run]);
}
for (const [m, runs] of [...bySize].sort((a, b) => a[0] - b[0])) {
  const times = runs.map((r) => r.extrinsic_time).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const db = results
    .flatMap((b) => b.db_results)
    .find((r) => r.components.some(([name, value]) => name === "m" && value === m));
  const { reads, writes } = db ?? { reads: "?", writes: "?" };
  console.log(
    `${String(m).padStart(7)} members: ${(median / 1000).toFixed(1).padStart(7)} µs (median of ` +
      `${times.length}), ${reads} reads, ${writes} writes`
  );
}
JS
}

measure pallet_complaints escalate_among_members \
  "one escalation step (a full panel of members with the most guarantors climbs a level)"
measure pallet_fund_voting vote_among_members "one vote (a member changes their vote on a spend)"
