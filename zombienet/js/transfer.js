// A member's wallet: Alice signs a transfer to a fresh account with @polkadot/api, submitted
// through the node given, then a second one as a Ledger signs (`CheckMetadataHash` mode 1,
// the runtime's metadata hash computed from its metadata); a signature over a wrong metadata
// hash is refused. Returns 1 when the finalized state shows exactly both amounts arrived.
const { Keyring } = require("@polkadot/keyring");
const { mnemonicGenerate, cryptoWaitReady } = require("@polkadot/util-crypto");
const {
  connect,
  metadataHash,
  refused,
  signAndFinalize,
  signWithMetadataHashAndFinalize,
} = require("./lib");

async function run(nodeName, networkInfo) {
  await cryptoWaitReady();
  const api = await connect(networkInfo, nodeName);
  try {
    const keyring = new Keyring({ type: "sr25519", ss58Format: api.registry.chainSS58 });
    const alice = keyring.addFromUri("//Alice");
    const recipient = keyring.addFromMnemonic(mnemonicGenerate());

    const decimals = api.registry.chainDecimals[0];
    const amount = 10n ** BigInt(decimals); // one whole token
    const tx = api.tx.balances.transferKeepAlive(recipient.address, amount);
    const blockHash = await signAndFinalize(api, tx, alice);

    const atBlock = await api.at(blockHash);
    const { data } = await atBlock.query.system.account(recipient.address);
    if (data.free.toBigInt() !== amount) {
      throw new Error(`recipient holds ${data.free.toString()}, expected ${amount}`);
    }

    // As a signer that verifies the metadata: the hash it computes is the one the runtime
    // carries, so the signature checks.
    const hash = await metadataHash(api);
    const ledgerBlock = await signWithMetadataHashAndFinalize(
      api,
      api.tx.balances.transferKeepAlive(recipient.address, amount),
      alice,
      hash
    );
    const after = await (await api.at(ledgerBlock)).query.system.account(recipient.address);
    if (after.data.free.toBigInt() !== 2n * amount) {
      throw new Error(`recipient holds ${after.data.free.toString()}, expected ${2n * amount}`);
    }
    // A signature over another metadata (a wallet shown other calls than the chain runs) is
    // refused by the pool.
    const wrong = `0x${"ab".repeat(32)}`;
    await refused(
      signWithMetadataHashAndFinalize(api, api.tx.balances.transferKeepAlive(recipient.address, amount), alice, wrong),
      "bad signature"
    );
    return 1;
  } finally {
    await api.disconnect();
  }
}

module.exports = { run };
