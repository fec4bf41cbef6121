#!/usr/bin/env bash
# Builds Synergy (installing what it needs) and starts a one-validator development chain:
# blocks every 6 s, finalized by GRANDPA, RPC on ws://127.0.0.1:9944.
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

log "starting the development chain: ws://127.0.0.1:9944"
exec "$SYNERGY_NODE" --dev "${storage[@]}" --rpc-port 9944 "$@"
