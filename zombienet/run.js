#!/usr/bin/env node
// Runs Synergy's network scenarios on as few networks as they need, and reports each one.
//
// - `local` (synergy-local.toml: Alice, Bob, Charlie and Dave validating, an archive auditor) is
//   launched once. Its chain spec is the local testnet's with every scenario's own founders and
//   outsiders added to genesis (`//Alice//complaints`, `//Eve//complaints`, …: a ring of four
//   managers like the genesis founders, each guaranteed by the next two), so that the
//   scenarios run side by side without touching each other's members: liveness, transfer,
//   membership-escrow, complaints, complaint-climbs, contributions, sock-ring and board at once; then
//   the fault scenario (a paused, then a killed and restarted validator) alone, last, so that
//   it cannot disturb the others.
// - `governance` (synergy-governance.toml: the four and Eve, whose node validates only once the
//   members vote her in) is a network of its own: the general meeting votes with the whole
//   membership as its electorate, moves the common fund's totals and changes the class table
//   and the validator set, which every scenario beside it would see (and it theirs). It runs
//   at the same time as `local`, in a process of its own (zombienet keeps one network a
//   process).
//
// - `launch` (synergy-launch.toml: Alice, Bob, Charlie and Dave) is a cooperative of its own,
//   as an operator launches one (docs/launch.md): `synergy-node launch` writes its chain spec
//   from launch/founders.example.toml, with the previous release's runtime
//   (fixtures/PREVIOUS_RUNTIME) as its genesis code, so that its members can vote the upgrade
//   to this build's runtime and watch it enact (try-runtime's checks first). A network of its
//   own: an upgrade changes the runtime under every scenario on the network.
// - `meeting` (the same four) is the same cooperative launched on this build's runtime, where
//   two complaints nobody below answers reach the general vote: a network of its own because
//   that vote's electorate is the whole membership, and so that its compensation cannot move
//   what the upgrade checks stays put. All four networks run at once, each in its process.
//
// Every network ends by checking that no node's log says "panicked".
//
//   node run.js                   every scenario
//   node run.js complaints ...    only those named (and what every network checks)
//   node run.js --list            the scenarios, a line each
//
// `synergy-node` must be on PATH. Ends with `N passed, N failed`; exits 1 if any failed.
"use strict";

const { spawn, execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const here = __dirname;

/** The networks, and what must hold on each before its scenarios start. */
const NETWORKS = {
  local: { config: "synergy-local.toml", scenarioSpec: true },
  // The general meeting's network: the committed local testnet, but a new member votes three
  // blocks after admission (the lowest the bounds allow), so that Eve's wait for her voting age
  // is not the longest part of the test run.
  launch: { config: "synergy-launch.toml", spec: (dir) => launchChainSpec(dir) },
  meeting: { config: "synergy-launch.toml", spec: (dir) => launchChainSpec(dir, { upgradable: false }) },
  governance: {
    config: "synergy-governance.toml",
    scenarioSpec: true,
    genesis: (patch) => {
      patch.membership.safeguards.votingAge = 3;
    },
  },
};

/** The previous release's runtime: the code a network launched today starts from, and the one
 *  this build's runtime must upgrade. Replace it with each release's runtime once deployed. */
const PREVIOUS_RUNTIME = "synergy-runtime-116.compact.compressed.wasm";

/** The scenarios: `phase` "side by side" ones start together once the network is up; "last"
 *  ones run alone after them. A `script` is a js module with `run(node, networkInfo, args)`. */
const SCENARIOS = [
  {
    name: "liveness",
    network: "local",
    phase: "side by side",
    about: "four validators and an archive auditor produce and finalize blocks",
    steps: async (net) => {
      await metric(net, "alice", "block height", 10, 240);
      await metric(net, "auditor", "finalised height", 8, 240);
    },
  },
  {
    name: "transfer",
    network: "local",
    phase: "side by side",
    about: "a wallet signs a transfer, and again with the metadata hash as a Ledger does; a wrong hash is refused",
    script: "js/transfer.js",
    node: "auditor",
    timeout: 120,
    expect: 1,
  },
  {
    name: "membership-escrow",
    network: "local",
    phase: "side by side",
    about: "a newcomer joins through two founders' guarantees; insured deals and refusals",
    script: "js/membership-escrow.js",
    node: "alice",
    members: "membership",
    timeout: 600,
    expect: 1,
  },
  {
    name: "complaints",
    network: "local",
    phase: "side by side",
    about: "a complaint blocks and compensates exactly; a refuser pays first and loses his guarantee; a ban; a lasting expulsion",
    script: "js/complaints.js",
    node: "bob",
    members: "complaints",
    timeout: 900,
    expect: 1,
  },
  {
    name: "complaint-climbs",
    network: "local",
    phase: "side by side",
    about: "a split panel's complaint climbs a level on its own and is dismissed above; who sat below may not vote",
    script: "js/complaint-climbs.js",
    node: "auditor",
    members: "climbs",
    timeout: 600,
    expect: 1,
  },
  {
    name: "contributions",
    network: "local",
    phase: "side by side",
    about: "the sausage cycle: validated contributions and an exact revenue split",
    script: "js/contributions.js",
    node: "charlie",
    members: "contributions",
    timeout: 600,
    expect: 1,
  },
  {
    name: "sock-ring",
    network: "local",
    phase: "side by side",
    about: "two founders' fresh socks cannot vote a spend through, nor a fourth sock join",
    script: "js/sock-ring.js",
    node: "dave",
    members: "socks",
    timeout: 600,
    expect: 1,
  },
  {
    name: "board",
    network: "local",
    phase: "side by side",
    about: "the farmer's meat offer answered by the workshop's insured deal; a pensioner's medicine matched to the nearer, cleaner supplier",
    script: "js/board.js",
    node: "charlie",
    members: "board",
    timeout: 600,
    expect: 1,
  },
  {
    name: "faults",
    network: "local",
    phase: "last",
    about: "finality survives a paused validator; a restarted one resumes from its database",
    steps: async (net) => {
      // One validator paused: the other three are GRANDPA's supermajority.
      await command(net, "dave", (node) => node.pause(), "pause");
      await script(net, "alice", "js/finality-advances.js", ["3"], 150, (v) => v >= 3);
      await script(net, "auditor", "js/finality-advances.js", ["3"], 150, (v) => v >= 3);
      // Resumed, it catches up with the chain.
      await command(net, "dave", (node) => node.resume(), "resume");
      await script(net, "dave", "js/catches-up.js", [], 180, (v) => v === 1);
      // Killed and restarted after 5 s, it resumes from its own database.
      await command(net, "charlie", (node) => node.restart(5), "restart");
      const found = await net.getNodeByName("charlie").findPattern("Highest known block at #[1-9]", false, 90);
      check(found, "charlie did not log its highest known block within 90 s of its restart");
      await script(net, "charlie", "js/catches-up.js", [], 180, (v) => v === 1);
      await script(net, "auditor", "js/finality-advances.js", ["3"], 150, (v) => v >= 3);
    },
  },
  {
    name: "upgrade",
    network: "launch",
    phase: "side by side",
    about: "a cooperative launched from its founders file upgrades its runtime by vote; nothing moves",
    script: "js/upgrade.js",
    node: "alice",
    timeout: 900,
    expect: 1,
  },
  {
    name: "general-vote",
    // A cooperative of its own, launched from the same founders file on this build's runtime:
    // the general vote's electorate is the whole membership, and its compensation would move
    // what the upgrade checks stays put.
    network: "meeting",
    phase: "side by side",
    about: "a complaint nobody below answers is decided by the motion the chain opened; another lapses at its deadline",
    script: "js/general-vote.js",
    node: "bob",
    timeout: 900,
    expect: 1,
  },
  {
    name: "governance",
    network: "governance",
    phase: "side by side",
    about: "the fund's statement, spends, a class motion, a fifth validator voted in and out",
    script: "js/governance.js",
    node: "alice",
    timeout: 1200,
    expect: 1,
  },
];

/** The scenarios whose members genesis gets: a ring of four founders and two outsiders each. */
const RING = ["Alice", "Bob", "Charlie", "Dave"];
const OUTSIDERS = ["Eve", "Ferdie"];
const MANAGERS = 0;
const ENDOWMENT = 1_000_000n * 10n ** 12n;

function check(condition, message) {
  if (!condition) throw new Error(message);
}

const log = (...args) => console.log(new Date().toISOString().slice(11, 19), ...args);

/** What the js-scripts receive, as zombienet's own test runner builds it. */
function networkInfo(net) {
  const nodesByName = {};
  for (const [name, node] of Object.entries(net.nodesByName)) {
    nodesByName[name] = { name, wsUri: node.wsUri, prometheusUri: node.prometheusUri };
  }
  return { tmpDir: net.tmpDir, chainSpecPath: net.chainSpecFullPath, nodesByName };
}

function withTimeout(promise, seconds, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: not done within ${seconds} s`)), seconds * 1000);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function metric(net, node, name, atLeast, timeout) {
  const value = await net.getNodeByName(node).getMetric(name, "isAtLeast", atLeast, timeout);
  check(value !== undefined && value >= atLeast, `${node}: ${name} ${value}, wanted at least ${atLeast} within ${timeout} s`);
}

async function command(net, node, act, what) {
  check(await act(net.getNodeByName(node)), `${node}: ${what} failed`);
}

async function script(net, node, file, args, timeout, accept) {
  const module = require(path.join(here, file));
  const value = await withTimeout(module.run(node, networkInfo(net), args), timeout, `${node}: ${file}`);
  check(accept(value), `${node}: ${file} returned ${value}`);
  return value;
}

async function runScenario(net, scenario) {
  if (scenario.steps) return scenario.steps(net);
  const args = scenario.members ? [scenario.members] : [];
  return script(net, scenario.node, scenario.script, args, scenario.timeout, (v) => v === scenario.expect);
}

// --- The local network's chain spec: the committed local testnet plus the scenarios' members.

/** JSON with every integer of 16 digits or more kept exact (a balance does not fit a double). */
const BIG = /([:\[,]\s*)(\d{16,})(?=\s*[,\]\}])/g;
const parseExact = (text) => JSON.parse(text.replace(BIG, '$1"@big:$2"'));
const stringifyExact = (value) => JSON.stringify(value, null, 1).replace(/"@big:(\d+)"/g, "$1");

async function scenarioMembers(scenarios) {
  const { Keyring } = require("@polkadot/keyring");
  const { cryptoWaitReady } = require("@polkadot/util-crypto");
  await cryptoWaitReady();
  const keyring = new Keyring({ type: "sr25519", ss58Format: 42 });
  const { accountUri } = require("./js/lib");
  const founders = [];
  const endowed = [];
  for (const members of scenarios.map((s) => s.members).filter(Boolean)) {
    const address = (name) => keyring.addFromUri(accountUri(name, members)).address;
    const ring = RING.map(address);
    ring.forEach((founder, i) => {
      founders.push([founder, MANAGERS, [ring[(i + 1) % ring.length], ring[(i + 2) % ring.length]]]);
    });
    endowed.push(...ring, ...OUTSIDERS.map(address));
  }
  return { founders, endowed };
}

async function scenarioChainSpec(dir, scenarios, genesis) {
  const plain = path.join(dir, "local-scenarios.json");
  const raw = path.join(dir, "local-scenarios-raw.json");
  execFileSync("synergy-node", ["export-chain-spec", "--chain", "local", "--output", plain], { stdio: "inherit" });
  const spec = parseExact(fs.readFileSync(plain, "utf8"));
  const patch = spec.genesis.runtimeGenesis.patch;
  const { founders, endowed } = await scenarioMembers(scenarios);
  patch.membership.founders.push(...founders);
  patch.balances.balances.push(...endowed.map((account) => [account, `@big:${ENDOWMENT}`]));
  if (genesis) genesis(patch);
  fs.writeFileSync(plain, stringifyExact(spec));
  execFileSync("synergy-node", ["export-chain-spec", "--chain", plain, "--raw", "--output", raw], { stdio: "inherit" });
  log(`chain spec with ${founders.length} scenario founders: ${raw}`);
  return raw;
}

// --- The launched cooperative's chain spec: written by `synergy-node launch`, then given the
// previous release's runtime as its genesis code.

async function launchChainSpec(dir, { upgradable = true } = {}) {
  const out = path.join(dir, "launch");
  const founders = path.join(here, "..", "launch", "founders.example.toml");
  execFileSync("synergy-node", ["launch", "--founders", founders, "--out", out], { stdio: "inherit" });
  if (!upgradable) {
    log(`chain spec from the founders file, this build's runtime: ${path.join(out, "almaty_coop-raw.json")}`);
    return path.join(out, "almaty_coop-raw.json");
  }
  // The scenario upgrades to the runtime the kit wrote: this build's.
  process.env.SYNERGY_LAUNCH_RAW_SPEC = path.join(out, "almaty_coop-raw.json");
  const spec = parseExact(fs.readFileSync(path.join(out, "almaty_coop.json"), "utf8"));
  const previous = fs.readFileSync(path.join(here, "fixtures", PREVIOUS_RUNTIME));
  spec.genesis.runtimeGenesis.code = `0x${previous.toString("hex")}`;
  const plain = path.join(out, "almaty_coop-previous-runtime.json");
  const raw = path.join(out, "almaty_coop-previous-runtime-raw.json");
  fs.writeFileSync(plain, stringifyExact(spec));
  execFileSync("synergy-node", ["export-chain-spec", "--chain", plain, "--raw", "--output", raw], { stdio: "inherit" });
  log(`chain spec from the founders file, genesis code ${PREVIOUS_RUNTIME}: ${raw}`);
  return raw;
}

// --- One network, in this process.

async function runNetwork(networkName, scenarios) {
  const { start } = require("@zombienet/orchestrator");
  const { readNetworkConfig } = require("@zombienet/utils");
  const network = NETWORKS[networkName];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `synergy-${networkName}-`));
  const results = [];
  const record = (name, started, error) => {
    const seconds = Math.round((Date.now() - started) / 1000);
    results.push({ name, ok: !error, seconds, error: error ? String(error.message || error) : undefined });
    log(`${networkName}: ${name} ${error ? "FAILED" : "passed"} in ${seconds} s${error ? `: ${error.message || error}` : ""}`);
  };

  let net;
  const stop = async () => {
    if (net) await net.stop().catch(() => {});
    net = undefined;
  };
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => stop().finally(() => process.exit(1)));
  }
  const launched = Date.now();
  try {
    const config = readNetworkConfig(path.join(here, network.config));
    config.relaychain.chain_spec_path = network.scenarioSpec
      ? await scenarioChainSpec(dir, SCENARIOS.filter((s) => s.network === networkName), network.genesis)
      : network.spec
        ? await network.spec(dir)
        : path.resolve(here, config.relaychain.chain_spec_path);
    config.settings = { ...config.settings, provider: "native" };
    net = await start("", config, { spawnConcurrency: 5, dir: path.join(dir, "network"), force: true, logType: "silent" });
    for (const node of Object.keys(net.nodesByName)) {
      check(await net.getNodeByName(node).getMetric("process_start_time_seconds", "isAtLeast", 1, 60), `${node} is not up`);
    }
    await metric(net, "alice", "finalised height", 2, 180);
    record("network up", launched);
  } catch (error) {
    record("network up", launched, error);
    await stop();
    return results;
  }

  try {
    for (const phase of ["side by side", "last"]) {
      await Promise.all(
        scenarios
          .filter((s) => s.phase === phase)
          .map(async (scenario) => {
            const started = Date.now();
            log(`${networkName}: ${scenario.name} started: ${scenario.about}`);
            try {
              await runScenario(net, scenario);
              record(scenario.name, started);
            } catch (error) {
              record(scenario.name, started, error);
            }
          })
      );
    }
    const started = Date.now();
    try {
      for (const node of Object.keys(net.nodesByName)) {
        const panics = await net.getNodeByName(node).countPatternLines("panicked", false, "equal", 0, 5);
        check(panics === 0, `${node} logged "panicked" ${panics} times`);
      }
      record("no panics", started);
    } catch (error) {
      record("no panics", started, error);
    }
    if (results.some((r) => !r.ok)) {
      for (const node of Object.keys(net.nodesByName)) {
        const file = path.join(net.tmpDir, `${node}.log`);
        if (!fs.existsSync(file)) continue;
        const lines = fs.readFileSync(file, "utf8").trimEnd().split("\n");
        console.log(`--- ${networkName}/${node}: the last lines of ${file}\n${lines.slice(-25).join("\n")}`);
      }
    }
  } finally {
    await stop();
  }
  if (results.every((r) => r.ok)) fs.rmSync(dir, { recursive: true, force: true });
  return results;
}

// --- Every network, each in a child process, at once.

/** @polkadot/api's warning that zombienet's orchestrator brings older copies of it: true,
 *  harmless (each side uses its own), and forty lines a network. */
const KNOWN_NOISE = [
  /has multiple versions, ensure that there is only one installed\.$/,
  /^Either remove and explicitly install matching versions or dedupe/,
  /^The following conflicting packages were found:$/,
  /^\s*(cjs|esm) [0-9.]+\s+node_modules\//,
];

function runChild(networkName, names) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [__filename, "--network", networkName, ...names], {
      cwd: here,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const results = [];
    const forward = (stream, out) => {
      let rest = "";
      stream.on("data", (chunk) => {
        const lines = (rest + chunk).split("\n");
        rest = lines.pop();
        for (const line of lines) {
          if (line.startsWith("@@result ")) results.push(JSON.parse(line.slice(9)));
          else if (!KNOWN_NOISE.some((re) => re.test(line))) out.write(`[${networkName}] ${line}\n`);
        }
      });
    };
    forward(child.stdout, process.stdout);
    forward(child.stderr, process.stderr);
    child.on("close", (code) => {
      if (results.length === 0) results.push({ name: "network", ok: false, seconds: 0, error: `exited ${code}` });
      resolve(results.map((r) => ({ network: networkName, ...r })));
    });
  });
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv[0] === "--list") {
    for (const s of SCENARIOS) console.log(`${s.name.padEnd(18)} ${s.network.padEnd(11)} ${s.about}`);
    return 0;
  }
  if (argv[0] === "--network") {
    const [, networkName, ...names] = argv;
    const chosen = SCENARIOS.filter((s) => s.network === networkName && (names.length === 0 || names.includes(s.name)));
    const results = await runNetwork(networkName, chosen);
    for (const r of results) console.log(`@@result ${JSON.stringify(r)}`);
    return results.every((r) => r.ok) ? 0 : 1;
  }
  const unknown = argv.filter((name) => !SCENARIOS.some((s) => s.name === name));
  if (unknown.length > 0) {
    console.error(`no scenario ${unknown.join(", ")}; there are: ${SCENARIOS.map((s) => s.name).join(", ")}`);
    return 2;
  }
  const chosen = SCENARIOS.filter((s) => argv.length === 0 || argv.includes(s.name));
  const networks = [...new Set(chosen.map((s) => s.network))];
  const started = Date.now();
  const results = (
    await Promise.all(networks.map((n) => runChild(n, chosen.filter((s) => s.network === n).map((s) => s.name))))
  ).flat();
  console.log("\nnetwork scenarios:");
  for (const r of results) {
    console.log(`  ${r.ok ? "ok    " : "FAILED"} ${`${r.network}/${r.name}`.padEnd(30)} ${String(r.seconds).padStart(5)} s${r.error ? `  ${r.error}` : ""}`);
  }
  const passed = results.filter((r) => r.ok).length;
  console.log(`  all networks: ${Math.round((Date.now() - started) / 1000)} s`);
  console.log(`network: ${passed} passed, ${results.length - passed} failed`);
  return passed === results.length ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
