// A member's wallet: Alice signs a transfer to a fresh account with @polkadot/api, submitted
// through the node given; returns 1 when the finalized state shows exactly the amount arrived.
const { Keyring } = require("@polkadot/keyring");
const { mnemonicGenerate, cryptoWaitReady } = require("@polkadot/util-crypto");
const { connect, signAndFinalize } = require("./lib");

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
    return 1;
  } finally {
    await api.disconnect();
  }
}

module.exports = { run };
