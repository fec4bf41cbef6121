#!/usr/bin/env bash
# Installs everything Synergy needs to build and test, idempotently:
# Rust Wasm targets, rust-src, clippy and rustfmt, the Debian packages the node build needs,
# and the zombienet/@polkadot/api npm packages pinned by zombienet/package-lock.json.
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
root="$SYNERGY_ROOT"

sudo_if_needed() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# --- Rust: the toolchain on the machine, plus what the runtime's Wasm build needs.
installed_targets="$(rustup target list --installed)"
for target in wasm32-unknown-unknown wasm32v1-none; do
  if ! grep -qx "$target" <<<"$installed_targets"; then
    log "rustup target add $target"
    rustup target add "$target"
  fi
done
installed_components="$(rustup component list --installed)"
for component in rust-src clippy rustfmt; do
  if ! grep -q "^$component" <<<"$installed_components"; then
    log "rustup component add $component"
    rustup component add "$component"
  fi
done

# --- Debian packages: protoc for libp2p. (The node stores its chain in ParityDB, pure Rust:
# no RocksDB, so no C++ build and no clang for bindgen.)
missing=()
command -v protoc >/dev/null 2>&1 || missing+=(protobuf-compiler)
if [ "${#missing[@]}" -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

# --- npm: zombienet and @polkadot/api, exactly as locked.
if [ -f "$root/zombienet/package-lock.json" ]; then
  if [ ! -x "$root/zombienet/node_modules/.bin/zombienet" ] \
    || ! cmp -s "$root/zombienet/package-lock.json" "$root/zombienet/node_modules/.package-lock.json.installed" 2>/dev/null; then
    log "npm ci (zombienet)"
    (cd "$root/zombienet" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$root/zombienet/package-lock.json" "$root/zombienet/node_modules/.package-lock.json.installed"
  fi
fi

log "prerequisites ready"
