#!/usr/bin/env bash
# Measures, on the real runtime among 1 000 … 100 000 members (steps of 9 000), the calls whose
# work must depend on their own bounds alone, never on the size of the cooperative:
#   - one complaint escalation step (a full panel of members with the most guarantors climbs);
#   - one vote on a proposal (a member changes their vote);
# and, among 10, 100, … 100 000 participants of one project, one revenue distribution.
# Prints, at each size, the storage reads and writes (the work: they must not change) and the
# execution time (which grows only with the depth of the state trie that every storage access
# walks, logarithmically).
#
#   scripts/measure-among-members.sh                        # all, BENCH_REPEAT (default 5) runs per size
#   scripts/measure-among-members.sh pallet_contributions   # only the pallets named
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$SYNERGY_ROOT"
"$SYNERGY_ROOT/scripts/setup.sh"
build_benchmark_node

only=("$@")

# measure <pallet> <extra benchmark> <steps> <what it is> <component> <unit>
measure() {
  if [ "${#only[@]}" -gt 0 ] && [[ " ${only[*]} " != *" $1 "* ]]; then
    return 0
  fi
  local results
  results="$(dirname "$BENCH_NODE")/$2.json"
  log "benchmark $1::$2"
  "$BENCH_NODE" benchmark pallet \
    --runtime "$BENCH_RUNTIME" \
    --genesis-builder runtime \
    --genesis-builder-preset development \
    --pallet "$1" \
    --extrinsic "$2" \
    --extra \
    --steps "$3" \
    --repeat "${BENCH_REPEAT:-5}" \
    --wasm-execution compiled \
    --heap-pages 4096 \
    --json-file "$results" > /dev/null
  log "$4"
  report "$results" "$5" "$6"
}

# report <results> <component> <unit>: `e` components are exponents (10^e of the unit).
report() {
node - "$@" <<'JS'
const [file, component, unit] = process.argv.slice(2);
const results = JSON.parse(require("node:fs").readFileSync(file, "utf8"));
const size = (value) => (component === "e" ? 10 ** value : value);
const bySize = new Map();
for (const run of results.flatMap((b) => b.time_results)) {
  const value = run.components.find(([name]) => name === component)[1];
  bySize.set(value, [...(bySize.get(value) ?? []), run]);
}
for (const [value, runs] of [...bySize].sort((a, b) => a[0] - b[0])) {
  const times = runs.map((r) => r.extrinsic_time).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const db = results
    .flatMap((b) => b.db_results)
    .find((r) => r.components.some(([name, v]) => name === component && v === value));
  const { reads, writes } = db ?? { reads: "?", writes: "?" };
  console.log(
    `${String(size(value)).padStart(7)} ${unit}: ${(median / 1000).toFixed(1).padStart(7)} µs ` +
      `(median of ${times.length}), ${reads} reads, ${writes} writes`
  );
}
JS
}

measure pallet_complaints escalate_among_members 12 \
  "one escalation step (a full panel of members with the most guarantors climbs a level)" m members
measure pallet_fund_voting vote_among_members 12 \
  "one vote (a member changes their vote on a spend)" m members
measure pallet_contributions pay_revenue_among_participants 5 \
  "one revenue distribution (split among the most organisers and every point)" e participants
