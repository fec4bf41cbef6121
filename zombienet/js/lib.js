// Helpers shared by the zombienet js-scripts: connecting to a node as a wallet would.
const { ApiPromise, WsProvider } = require("@polkadot/api");

/** Connects @polkadot/api to a node of the running network. */
async function connect(networkInfo, nodeName) {
  const node = networkInfo.nodesByName[nodeName];
  if (!node) throw new Error(`no node named ${nodeName} in the network`);
  const api = await ApiPromise.create({ provider: new WsProvider(node.wsUri), noInitWarn: true });
  await api.isReady;
  return api;
}

/** A bare JSON-RPC connection to a node, for the chain's own `synergy_*` methods. */
async function rpcProvider(networkInfo, nodeName) {
  const node = networkInfo.nodesByName[nodeName];
  if (!node) throw new Error(`no node named ${nodeName} in the network`);
  const provider = new WsProvider(node.wsUri);
  await provider.isReady;
  return provider;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function bestNumber(api) {
  return (await api.rpc.chain.getHeader()).number.toNumber();
}

async function finalizedNumber(api) {
  const hash = await api.rpc.chain.getFinalizedHead();
  return (await api.rpc.chain.getHeader(hash)).number.toNumber();
}

/** Signs and submits `tx`; resolves once `done(status)` holds, with `value(status, events)`;
 *  rejects on a dispatch error, naming the module error as the runtime reports it. */
function submit(api, tx, signer, done, value, options = {}) {
  return new Promise((resolve, reject) => {
    tx.signAndSend(signer, { nonce: -1, ...options }, ({ status, dispatchError, events }) => {
      if (dispatchError) {
        if (dispatchError.isModule) {
          const { section, name } = api.registry.findMetaError(dispatchError.asModule);
          reject(new Error(`${section}.${name}`));
        } else {
          reject(new Error(dispatchError.toString()));
        }
      } else if (done(status)) {
        resolve(value(status, events));
      } else if (status.isInvalid || status.isDropped || status.isUsurped) {
        reject(new Error(`transaction ${status.type}`));
      }
    }).catch(reject);
  });
}

/** Signs and submits `tx`, resolving with the block hash once it is finalized. */
const signAndFinalize = (api, tx, signer) =>
  submit(api, tx, signer, (s) => s.isFinalized, (s) => s.asFinalized);

/** The runtime's metadata hash, computed from its metadata as an offline signer (a Ledger)
 *  computes it: what `CheckMetadataHash` mode 1 signs. */
async function metadataHash(api) {
  const { merkleizeMetadata } = require("@polkadot-api/merkleize-metadata");
  const { u8aToHex, hexToU8a, compactFromU8a } = require("@polkadot/util");
  // `Metadata_metadata_at_version(15)`: an `Option<Vec<u8>>` of the metadata's bytes.
  const result = hexToU8a((await api.rpc.state.call("Metadata_metadata_at_version", "0x0f000000")).toHex());
  if (result[0] !== 1) throw new Error("the runtime has no metadata V15");
  const [offset, length] = compactFromU8a(result.subarray(1));
  const bytes = result.subarray(1 + offset, 1 + offset + length.toNumber());
  const decimals = api.registry.chainDecimals[0];
  const tokenSymbol = api.registry.chainTokens[0];
  return u8aToHex(merkleizeMetadata(bytes, { decimals, tokenSymbol }).digest());
}

/** Signs `tx` with the metadata hash (`CheckMetadataHash` mode 1, as a Ledger does) and
 *  submits it, resolving with the block hash once it is finalized. */
const signWithMetadataHashAndFinalize = async (api, tx, signer, hash) =>
  submit(api, tx, signer, (s) => s.isFinalized, (s) => s.asFinalized, {
    mode: 1,
    metadataHash: hash ?? (await metadataHash(api)),
  });

/** Signs and submits `tx`, resolving with the events of its block once it is finalized: for
 *  steps that need what the call created (a deal's or a case's number) while other scenarios
 *  run on the same chain. */
const signAndFinalizeEvents = (api, tx, signer) =>
  submit(api, tx, signer, (s) => s.isFinalized, (_, events) => events);

/** Signs and submits `tx`, resolving with the events of the block that included it: for steps
 *  that race a deadline. */
const signAndInclude = (api, tx, signer) =>
  submit(api, tx, signer, (s) => s.isInBlock, (_, events) => events);

function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** Expects `promise` to fail with an error whose message contains `expected`. */
async function refused(promise, expected) {
  try {
    await promise;
  } catch (error) {
    check(error.message.includes(expected), `expected ${expected}, got ${error.message}`);
    return;
  }
  throw new Error(`expected ${expected}, but it succeeded`);
}

/** The first event `section.method` among `events`. */
function eventOf(events, section, method) {
  const found = events.find(({ event }) => event.section === section && event.method === method);
  check(found, `no ${section}.${method} event`);
  return found.event;
}

/** The secret URI of a development account for a scenario. On the shared network every
 *  scenario has its own founders and outsiders (`//Alice//complaints`, `//Eve//complaints`,
 *  …: see zombienet/run.js), so that scenarios run side by side without touching each other's
 *  members; with no scenario it is the genesis account itself (`//Alice`). */
const accountUri = (name, scenario) => (scenario ? `//${name}//${scenario}` : `//${name}`);

module.exports = {
  accountUri,
  check,
  eventOf,
  metadataHash,
  refused,
  signWithMetadataHashAndFinalize,
  signAndFinalizeEvents,
  connect,
  rpcProvider,
  sleep,
  bestNumber,
  finalizedNumber,
  signAndFinalize,
  signAndInclude,
};
