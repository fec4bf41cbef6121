// A cooperative launched from its founders file (docs/launch.md), running the previous
// release's runtime, upgrades to this build's runtime by the members' vote: state is filled
// (a transfer, an insured deal), a member moves
// `system.authorizeUpgrade(hash)`, three of the four founders pass it with the super approval,
// a wrong blob is refused, try-runtime's checks of the upgrade pass on the chain's state
// (tools/try-upgrade: migrations with their pre- and post-upgrade checks, storage versions,
// decoding, every pallet's invariants, weight, idempotence), the voted code is submitted unsigned (anyone may), it enacts with its
// storage migration, and the chain goes on: blocks produced and finalized, every balance and
// hold the same as before, the invariants holding, a transaction signed with the new runtime's
// metadata hash accepted; the node's Prometheus endpoint, silent about the cooperative under
// the previous runtime, now exports its figures (members, deals, escrow held). Returns 1.
const fs = require("fs");
const { promisify } = require("util");
const execFile = promisify(require("child_process").execFile);
const { Keyring } = require("@polkadot/keyring");
const { cryptoWaitReady, blake2AsHex } = require("@polkadot/util-crypto");
const { hexToU8a } = require("@polkadot/util");
const {
  check,
  connect,
  eventOf,
  finalizedNumber,
  bestNumber,
  signAndFinalize,
  signAndFinalizeEvents,
  signWithMetadataHashAndFinalize,
  sleep,
} = require("./lib");

const CODE_KEY = "0x3a636f6465"; // `:code`

/** Every account's balances and every hold, at `hash`. */
async function money(api, hash) {
  const at = await api.at(hash);
  const state = {};
  for (const [key, account] of await at.query.system.account.entries()) {
    state[`account ${key.args[0].toString()}`] = JSON.stringify(account.data.toJSON());
  }
  for (const [key, holds] of await at.query.balances.holds.entries()) {
    state[`holds ${key.args[0].toString()}`] = JSON.stringify(holds.toJSON());
  }
  return state;
}

async function invariants(api, hash) {
  const result = (await api.rpc.state.call("SynergyInvariantsApi_check", "0x", hash)).toHex();
  check(result === "0x00", `an invariant is broken at ${hash}: ${result}`);
}

/** The node's Prometheus metrics named `synergy_chain_*`, by name with their own labels (the
 *  node adds `chain="…"` to every metric; it is left out). */
async function chainMetrics(uri) {
  const text = await (await fetch(uri)).text();
  const metrics = {};
  for (const line of text.split("\n")) {
    const match = /^(synergy_chain_\w+)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!match) continue;
    const labels = (match[2] || "").split(",").filter((label) => label && !label.startsWith("chain="));
    metrics[labels.length ? `${match[1]}{${labels.join(",")}}` : match[1]] = Number(match[3]);
  }
  return metrics;
}

/** The escrow held at `hash`, in whole tokens. */
async function escrowHeld(api, hash, unit) {
  let held = 0n;
  for (const [, holds] of await (await api.at(hash)).query.balances.holds.entries()) {
    for (const hold of holds) if (hold.id.isEscrow) held += hold.amount.toBigInt();
  }
  return Number(held) / Number(unit);
}

async function until(what, seconds, probe) {
  for (let i = 0; i < seconds; i++) {
    const value = await probe();
    if (value) return value;
    await sleep(1000);
  }
  throw new Error(`${what}: not within ${seconds} s`);
}

async function run(nodeName, networkInfo) {
  await cryptoWaitReady();
  const api = await connect(networkInfo, nodeName);
  try {
    const keyring = new Keyring({ type: "sr25519", ss58Format: api.registry.chainSS58 });
    const [alice, bob, charlie, dave] = ["//Alice", "//Bob", "//Charlie", "//Dave"].map((u) => keyring.addFromUri(u));
    const eve = keyring.addFromUri("//Eve");
    const unit = 10n ** BigInt(api.registry.chainDecimals[0]);
    const before = api.runtimeVersion.specVersion.toNumber();
    const previousStorage = (await api.query.membership.palletVersion()).toNumber();
    const prometheus = networkInfo.nodesByName[nodeName].prometheusUri;
    const figuresBefore = await chainMetrics(prometheus);
    check(
      figuresBefore.synergy_chain_members === 0 && figuresBefore.synergy_chain_block === 0,
      `the previous runtime has no figures, yet the node exported ${JSON.stringify(figuresBefore)}`
    );

    // The cooperative the founders file describes.
    check((await api.query.membership.members.keys()).length === 4, "four founders");
    check((await api.rpc.system.chain()).toString() === "Almaty Mutual Guarantee Cooperative", "the file's name");

    // State, on the previous runtime: a transfer, an insured deal.
    await signAndFinalize(api, api.tx.balances.transferKeepAlive(eve.address, 5n * unit), alice);
    const opened = await signAndFinalizeEvents(api, api.tx.escrow.openDeal(bob.address, 100n * unit, `0x${"11".repeat(32)}`), alice);
    const deal = eventOf(opened, "escrow", "DealOpened").data.deal;
    await signAndFinalize(api, api.tx.escrow.acceptDeal(deal), bob);

    // The founders reach the voting age before the motion opens (its electorate is fixed then).
    const votingAge = (await api.query.membership.currentSafeguards()).votingAge.toNumber();
    await until("the voting age", 600, async () => (await bestNumber(api)) > votingAge + 1);

    // The code this build's node carries: what `synergy-node launch` wrote into the raw spec.
    const kitSpec = JSON.parse(fs.readFileSync(process.env.SYNERGY_LAUNCH_RAW_SPEC, "utf8"));
    const code = kitSpec.genesis.raw.top[CODE_KEY];
    const codeHash = blake2AsHex(hexToU8a(code), 256);
    const current = (await api.rpc.state.getStorage(CODE_KEY)).toHex();
    check(blake2AsHex(hexToU8a(current), 256) !== codeHash, "the network already runs this build's runtime");

    // The motion, and three founders' ayes: 75 % of the electorate, above the super approval.
    const proposed = await signAndFinalizeEvents(
      api,
      api.tx.fund.proposeMotion(api.tx.system.authorizeUpgrade(codeHash), `0x${"22".repeat(32)}`),
      alice
    );
    const id = eventOf(proposed, "fund", "MotionProposed").data.id;
    for (const voter of [alice, bob, charlie]) {
      await signAndFinalize(api, api.tx.fund.vote(id, "Aye"), voter);
    }
    // Executed, and finalized: the proposer's deposit is back.
    const finalizedAuthorization = async () =>
      (await api.at(await api.rpc.chain.getFinalizedHead())).query.system.authorizedUpgrade();
    await until("the upgrade's authorization", 600, async () => (await finalizedAuthorization()).isSome);
    const authorized = (await finalizedAuthorization()).unwrap();
    check(authorized.codeHash.toHex() === codeHash, "the voted hash is authorized");

    // Another blob is refused, and changes nothing.
    let refusal;
    try {
      await api.tx.system.applyAuthorizedUpgrade("0x0061736d01000000").send();
    } catch (error) {
      refusal = error.message;
    }
    check(refusal !== undefined, "a blob nobody voted was accepted into the pool");
    check((await api.query.system.authorizedUpgrade()).isSome, "the authorization survives a wrong blob");

    // Balances and holds before the code is submitted.
    const beforeHash = await api.rpc.chain.getFinalizedHead();
    const moneyBefore = await money(api, beforeHash);
    await invariants(api, beforeHash);

    // try-runtime: this build's runtime upgrades this very state, every check passing.
    const { stdout } = await execFile(
      "synergy-try-upgrade",
      ["--uri", networkInfo.nodesByName[nodeName].wsUri, "--at", beforeHash.toHex()],
      { timeout: 300_000 }
    );
    check(stdout.includes("all checks passed"), `try-runtime: ${stdout}`);
    console.log(stdout.trim());

    // Anyone submits the voted code: an unsigned transaction, no fee.
    await new Promise((resolve, reject) => {
      api.tx.system
        .applyAuthorizedUpgrade(code)
        .send(({ status, dispatchError }) => {
          if (dispatchError) reject(new Error(dispatchError.toString()));
          else if (status.isFinalized) resolve();
          else if (status.isInvalid || status.isDropped) reject(new Error(`upgrade ${status.type}`));
        })
        .catch(reject);
    });
    const after = await until("the new runtime", 120, async () => {
      const version = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
      return version > before ? version : undefined;
    });
    // The chain goes on: new blocks, finalized.
    const upgradedAt = await finalizedNumber(api);
    await until("finality after the upgrade", 120, async () => (await finalizedNumber(api)) >= upgradedAt + 3);
    const afterHash = await api.rpc.chain.getFinalizedHead();

    // The migrations ran once: the membership storage is at its new version.
    const atAfter = await api.at(afterHash);
    const storage = (await atAfter.query.membership.palletVersion()).toNumber();
    check(storage >= previousStorage, `membership storage went from ${previousStorage} to ${storage}`);
    const last = (await atAfter.query.system.lastRuntimeUpgrade()).unwrap();
    check(last.specVersion.toNumber() === after, "the upgrade is recorded at its version");

    // Nothing moved.
    const moneyAfter = await money(api, afterHash);
    for (const key of new Set([...Object.keys(moneyBefore), ...Object.keys(moneyAfter)])) {
      check(moneyBefore[key] === moneyAfter[key], `${key}: ${moneyBefore[key]} before, ${moneyAfter[key]} after`);
    }
    await invariants(api, afterHash);

    // The node exports the cooperative's figures now that its runtime has them.
    const escrow = await escrowHeld(api, afterHash, unit);
    check(escrow > 0, "the founders' escrow is held");
    const figures = await until("the chain's figures in Prometheus", 120, async () => {
      const metrics = await chainMetrics(prometheus);
      return metrics.synergy_chain_block > upgradedAt ? metrics : undefined;
    });
    for (const [name, wanted] of [
      ["synergy_chain_members", 4],
      ["synergy_chain_validators", 4],
      ["synergy_chain_deals", 1],
      ["synergy_chain_open_cases", 0],
      ['synergy_chain_money{holding="escrow"}', escrow],
    ]) {
      check(Math.abs(figures[name] - wanted) < 1e-6, `${name} is ${figures[name]}, wanted ${wanted}`);
    }

    // Members go on dealing, signing with the new runtime's metadata hash.
    await signAndFinalize(api, api.tx.escrow.confirmDeal(deal), alice);
    await signWithMetadataHashAndFinalize(api, api.tx.escrow.confirmDeal(deal), bob);
    const status = (await api.query.escrow.deals(deal)).unwrap().status;
    check(status.isCompleted, `the deal is ${status.type} after both confirmed`);
    console.log(`upgraded from spec ${before} to ${after}; membership storage ${previousStorage} -> ${storage}`);
    return 1;
  } finally {
    await api.disconnect();
  }
}

module.exports = { run };
