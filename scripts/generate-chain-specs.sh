#!/usr/bin/env bash
# Writes the committed chain specs of the local testnet (plain and raw) from the node's
# runtime presets. Run it after every runtime change; the test suite fails while they drift.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

build_node

out="$SYNERGY_ROOT/chain-specs"
mkdir -p "$out"
"$SYNERGY_NODE" export-chain-spec --chain local --output "$out/local-testnet.json"
"$SYNERGY_NODE" export-chain-spec --chain local --raw --output "$out/local-testnet-raw.json"
