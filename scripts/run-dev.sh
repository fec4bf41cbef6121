#!/usr/bin/env bash
# Builds Synergy (installing what it needs) and starts a one-validator development chain:
# blocks every 6 s, finalized by GRANDPA, RPC on ws://127.0.0.1:9944, peers over WebSocket on
# 127.0.0.1:30333 (what a browser's light client reaches); and serves the member portal (web/,
# built against this runtime first) on http://127.0.0.1:8080, with the chain spec its light
# client starts from (web/dist/chain-spec.json, the node as its boot node).
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
portal_built=""
if "$portal" build; then
  portal_built=1
else
  log "the member portal could not be built (scripts/portal.sh build); starting the chain alone"
fi

log "starting the development chain: ws://127.0.0.1:9944, peers over WebSocket on 127.0.0.1:30333"
"$SYNERGY_NODE" --dev "${storage[@]}" --rpc-port 9944 --listen-addr /ip4/127.0.0.1/tcp/30333/ws "$@" &
node_pid=$!
portal_pid=""
trap 'kill $portal_pid "$node_pid" 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM

if [ -n "$portal_built" ]; then
  # The light client's spec names the node's peer id, known once it runs; written before the
  # portal is served, so that the server finds it.
  light=""
  if SYNERGY_NODE="$SYNERGY_NODE" RPC_PORT=9944 P2P_WS_PORT=30333 "$portal" chain-spec; then
    light=1
  else
    log "no chain spec for the light client (scripts/portal.sh chain-spec failed): the portal reaches the node only"
  fi
  PORTAL_PORT=8080 "$portal" serve >/dev/null &
  portal_pid=$!
  log "the member portal: http://127.0.0.1:8080 (through the node ws://127.0.0.1:9944)"
  if [ -n "$light" ]; then
    log "the light client is offered too: http://127.0.0.1:8080/?light, or Settings (smoldot in the browser, from chain-spec.json)"
  fi
fi

wait "$node_pid"
