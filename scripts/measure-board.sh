#!/usr/bin/env bash
# Measures the board's queries on the real runtime among 10 000 … 100 000 listings of 10 000
# members (each guaranteed by the next two), spread over every category, both sides and 100
# regions: a page of the board (`synergy_board`: the first category's page in one region) and
# the matches of a new request (`synergy_matches`: every opposite listing of its subtree and
# region scored, its owner's record, guarantors and escrow read, the guarantor graph searched).
# Runs the runtime API's code in the compiled Wasm over the benchmark's database, as a node
# answering the RPC runs it (the RPC adds only the JSON). Prints, at each size, the median time
# and the storage reads.
#
#   scripts/measure-board.sh          BENCH_REPEAT (default 5) runs per size, BENCH_STEPS (5) sizes
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$SYNERGY_ROOT"
"$SYNERGY_ROOT/scripts/setup.sh"
build_benchmark_node

for query in board_among_listings matches_among_listings; do
  results="$(dirname "$BENCH_NODE")/$query.json"
  log "benchmark pallet_board::$query"
  "$BENCH_NODE" benchmark pallet \
    --runtime "$BENCH_RUNTIME" \
    --genesis-builder runtime \
    --genesis-builder-preset development \
    --pallet pallet_board \
    --extrinsic "$query" \
    --extra \
    --steps "${BENCH_STEPS:-5}" \
    --repeat "${BENCH_REPEAT:-5}" \
    --wasm-execution compiled \
    --heap-pages 4096 \
    --json-file "$results" > /dev/null
  node - "$results" <<'JS'
const results = JSON.parse(require("node:fs").readFileSync(process.argv[2], "utf8"));
const bySize = new Map();
for (const run of results.flatMap((b) => b.time_results)) {
  const size = run.components.find(([name]) => name === "l")[1];
  bySize.set(size, [...(bySize.get(size) ?? []), run]);
}
for (const [size, runs] of [...bySize].sort((a, b) => a[0] - b[0])) {
  const times = runs.map((r) => r.extrinsic_time).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const db = results.flatMap((b) => b.db_results).find((r) => r.components.some(([n, v]) => n === "l" && v === size));
  console.log(
    `${String(size).padStart(7)} listings: ${(median / 1e6).toFixed(2).padStart(7)} ms ` +
      `(median of ${times.length}), ${db ? db.reads : "?"} reads`
  );
}
JS
done
