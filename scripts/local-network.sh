#!/usr/bin/env bash
# Starts the local multi-validator network (four validators and an archive "auditor" node)
# with zombienet's native provider and keeps it running until interrupted. Each node's RPC
# endpoint is printed by zombienet.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

"$SYNERGY_ROOT/scripts/setup.sh"
build_node

export PATH="$CARGO_TARGET_DIR/release:$PATH"
cd "$SYNERGY_ROOT/zombienet"
exec npx --no-install zombienet --provider native spawn synergy-local.toml
