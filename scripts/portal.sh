#!/usr/bin/env bash
# The member portal (web/): a static single-page app over polkadot-api.
#
#   scripts/portal.sh build   install the npm packages (npm ci, once per lockfile), generate the
#                             typed descriptors from the runtime's Wasm, type-check, vite build
#                             into web/dist
#   scripts/portal.sh serve   serve web/dist on http://127.0.0.1:8080 (PORTAL_PORT to change)
#   scripts/portal.sh test    build, the unit tests, then the browser tests: headless Chromium
#                             against dev chains of their own, through a node and through the
#                             light client; ends with `portal: N passed, N failed`
#   scripts/portal.sh chain-spec
#                             write web/dist/chain-spec.json, the spec the light client starts
#                             from: the raw spec of CHAIN (dev) with the running node as its boot
#                             node (its peer id asked on http://127.0.0.1:$RPC_PORT, 9944; its
#                             WebSocket listener on P2P_WS_PORT, 30333); CHAIN_SPEC_OUT to write
#                             elsewhere
#
# The runtime comes from SYNERGY_RUNTIME_WASM or the build's target directory; the node binary
# (for the browser test) from SYNERGY_NODE, `synergy-node` on PATH, or the build's target
# directory. Never runs cargo.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WEB="$ROOT/web"
TARGET="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/synergy/target}"
WASM="${SYNERGY_RUNTIME_WASM:-$TARGET/release/wbuild/synergy-runtime/synergy_runtime.compact.compressed.wasm}"
export PUPPETEER_SKIP_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false

log() { printf '\n==> %s\n' "$*"; }
die() { printf 'portal: %s\n' "$*" >&2; exit 1; }

need_node() {
  command -v node >/dev/null || die "Node.js 20 or newer is needed (apt-get install nodejs)"
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$major" -ge 20 ] || die "Node.js 20 or newer is needed (found $(node --version))"
}

# npm ci, again only when package-lock.json changed since the last install.
install_packages() {
  local stamp="$WEB/node_modules/.synergy-lock" want
  want="$(sha256sum "$WEB/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return
  fi
  log "npm ci (web/)"
  (cd "$WEB" && npm ci --no-audit --no-fund)
  echo "$want" >"$stamp"
}

# The typed descriptors, from the runtime this checkout builds: never committed, regenerated
# each build, so a runtime change that breaks the portal fails here or in the type check.
generate_descriptors() {
  [ -f "$WASM" ] || die "no runtime Wasm at $WASM: build the node first (scripts/run-dev.sh or cargo build --release), or set SYNERGY_RUNTIME_WASM"
  log "descriptors from $WASM"
  rm -rf "$WEB/.papi"
  mkdir -p "$WEB/.papi"
  cat >"$WEB/.papi/polkadot-api.json" <<'JSON'
{ "version": 0, "descriptorPath": ".papi/descriptors", "entries": {}, "options": { "noDescriptorsPackage": true } }
JSON
  (cd "$WEB" && npx papi add synergy --wasm "$WASM" --skip-codegen >/dev/null && npx papi generate)
}

build() {
  need_node
  install_packages
  generate_descriptors
  log "type check and vite build (web/dist)"
  (cd "$WEB" && npx tsc --noEmit && npx vite build)
}

built() { [ -f "$WEB/dist/index.html" ]; }

serve() {
  need_node
  built || build
  install_packages
  local port="${PORTAL_PORT:-8080}"
  log "the portal: http://127.0.0.1:$port"
  cd "$WEB" && exec node_modules/.bin/vite preview --host 127.0.0.1 --port "$port" --strictPort
}

node_binary() {
  if [ -n "${SYNERGY_NODE:-}" ]; then
    echo "$SYNERGY_NODE"
  elif command -v synergy-node >/dev/null; then
    command -v synergy-node
  else
    echo "$TARGET/release/synergy-node"
  fi
}

# Prints the browser's path and nothing else (it is captured): what installing says goes to
# standard error.
chromium_binary() {
  local browser="${CHROMIUM:-/usr/bin/chromium}"
  if [ ! -x "$browser" ]; then
    log "apt-get install chromium" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >&2
  fi
  [ -x "$browser" ] || die "no Chromium at $browser"
  echo "$browser"
}

# The light client's chain spec for a running node: the raw spec, the node (reached over the
# WebSocket it listens for peers on) as its one boot node.
chain_spec() {
  need_node
  local binary out="${CHAIN_SPEC_OUT:-$WEB/dist/chain-spec.json}"
  binary="$(node_binary)"
  [ -x "$binary" ] || die "no node binary at $binary (set SYNERGY_NODE)"
  mkdir -p "$(dirname "$out")"
  "$binary" export-chain-spec --chain "${CHAIN:-dev}" --raw 2>/dev/null |
    node -e '
      const [rpc, ws, out] = process.argv.slice(1)
      const ask = async () => {
        for (let tries = 0; ; tries += 1) {
          try {
            const response = await fetch(`http://127.0.0.1:${rpc}`, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "system_localPeerId", params: [] }),
            })
            return (await response.json()).result
          } catch (error) {
            if (tries > 240) throw new Error(`no node answers on http://127.0.0.1:${rpc}`)
            await new Promise((r) => setTimeout(r, 500))
          }
        }
      }
      let text = ""
      process.stdin.on("data", (chunk) => (text += chunk))
      process.stdin.on("end", async () => {
        const spec = JSON.parse(text)
        spec.bootNodes = [`/ip4/127.0.0.1/tcp/${ws}/ws/p2p/${await ask()}`]
        require("fs").writeFileSync(out, JSON.stringify(spec))
        console.log(`${out}: boot node ${spec.bootNodes[0]}`)
      })' "${RPC_PORT:-9944}" "${P2P_WS_PORT:-30333}" "$out"
}

# Sums vitest's JSON reports into the totals.
count() {
  node -e '
    let passed = 0, failed = 0
    for (const file of process.argv.slice(1)) {
      try {
        const r = JSON.parse(require("fs").readFileSync(file, "utf8"))
        passed += r.numPassedTests; failed += r.numFailedTests
        if (r.numTotalTests === 0 || !r.success && r.numFailedTests === 0) failed += 1
      } catch { failed += 1 }
    }
    console.log(passed, failed)' "$@"
}

test_all() {
  local started=$SECONDS results="$WEB/test-results" artifacts
  artifacts="${PORTAL_ARTIFACTS:-$results/screenshots}"
  rm -rf "$results"
  mkdir -p "$results" "$artifacts"
  build
  log "unit tests"
  (cd "$WEB" && npx vitest run --reporter=default --reporter=json --outputFile="$results/unit.json") || true

  log "browser tests (artifacts: $artifacts)"
  local node browser
  node="$(node_binary)"
  if [ ! -x "$node" ]; then
    echo "portal: no node binary at $node (set SYNERGY_NODE)" >&2
    echo '{"numPassedTests":0,"numFailedTests":1,"numTotalTests":1,"success":false}' >"$results/e2e.json"
  else
    browser="$(chromium_binary)"
    (cd "$WEB" && SYNERGY_NODE="$node" CHROMIUM="$browser" PORTAL_ARTIFACTS="$artifacts" \
      npx vitest run --config vitest.e2e.config.ts --reporter=default --reporter=json --outputFile="$results/e2e.json") || true
  fi

  local passed failed
  read -r passed failed < <(count "$results/unit.json" "$results/e2e.json")
  echo "screenshots: $artifacts"
  echo "took $((SECONDS - started)) s"
  echo "portal: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}

case "${1:-}" in
  build) build ;;
  serve) serve ;;
  test) test_all ;;
  chain-spec) chain_spec ;;
  *) echo "usage: scripts/portal.sh build|serve|test|chain-spec" >&2; exit 2 ;;
esac
