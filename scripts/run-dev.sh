#!/usr/bin/env bash
# Builds Synergy (installing what it needs) and starts a one-validator development chain:
# blocks every 6 s, finalized by GRANDPA, RPC on ws://127.0.0.1:9944; and serves the member
# portal (web/, built against this runtime first) on http://127.0.0.1:8080.
#
# The chain lives in a temporary ParityDB database unless SYNERGY_BASE_PATH names a directory
# to keep it in. Extra arguments go to the node, e.g. `scripts/run-dev.sh -lruntime=debug`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

"$SYNERGY_ROOT/scripts/setup.sh"
build_node

if [ -n "${SYNERGY_BASE_PATH:-}" ]; then
  storage=(--base-path "$SYNERGY_BASE_PATH")
else
  storage=(--tmp)
fi

# The portal is a convenience beside the chain: if it cannot be built, the chain still starts.
portal="$SYNERGY_ROOT/scripts/portal.sh"
if "$portal" build; then
  PORTAL_PORT=8080 "$portal" serve >/dev/null &
  portal_pid=$!
  trap 'kill "$portal_pid" 2>/dev/null || true' EXIT
  log "the member portal: http://127.0.0.1:8080"
else
  log "the member portal could not be built (scripts/portal.sh build); starting the chain alone"
fi

log "starting the development chain: ws://127.0.0.1:9944"
"$SYNERGY_NODE" --dev "${storage[@]}" --rpc-port 9944 "$@"
