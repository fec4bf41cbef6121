// The review's attack on the general meeting, tried on the network: two founders (Alice and
// Bob of this scenario's ring) admit three fresh sock accounts and at once propose a 9 999 SYN
// spend to an outsider (Eve), expecting the socks' ayes to carry it against the other two
// founders. The socks are too young to vote on it (`fund.TooYoungToVote`), a fourth sock in the
// same admission period is refused (`membership.GuaranteeLimitReached`), and the spend is never
// paid. Signs as a wallet would, with @polkadot/api. Returns 1 on success.
const { Keyring } = require("@polkadot/keyring");
const { mnemonicGenerate, cryptoWaitReady, blake2AsHex } = require("@polkadot/util-crypto");
const {
  accountUri,
  bestNumber,
  check,
  connect,
  eventOf,
  refused,
  signAndFinalize,
  signAndInclude,
  sleep,
} = require("./lib");

const UNIT = 10n ** 12n;
const PENSIONERS = 2;

/** `args[0]` names the scenario whose founders and outsider act. */
async function run(nodeName, networkInfo, args = []) {
  await cryptoWaitReady();
  const api = await connect(networkInfo, nodeName);
  const log = (...line) => console.log("sock-ring:", ...line);
  try {
    const keyring = new Keyring({ type: "sr25519", ss58Format: api.registry.chainSS58 });
    const [alice, bob, charlie, dave, eve] = ["Alice", "Bob", "Charlie", "Dave", "Eve"].map(
      (name) => keyring.addFromUri(accountUri(name, args[0]))
    );
    const socks = [0, 1, 2].map(() => keyring.addFromMnemonic(mnemonicGenerate()));
    const fourth = keyring.addFromMnemonic(mnemonicGenerate());
    const safeguards = await api.query.membership.currentSafeguards();
    const period = safeguards.period.toNumber();
    check(safeguards.perGuarantor.toNumber() === 3, "the development safeguards");

    // Pensioners join free: each sock is given only a little for transaction fees.
    check((await api.query.membership.classes(PENSIONERS)).unwrap().fee.isZero(), "pensioners join free");
    for (const sock of [...socks, fourth]) {
      await signAndInclude(api, api.tx.balances.transferKeepAlive(sock.address, 2n * UNIT), charlie);
    }
    // Alice's three proposals and the refused fourth fall in one admission period: start at
    // the beginning of one.
    while ((await bestNumber(api)) % period > 2) await sleep(2000);
    for (const sock of socks) {
      await signAndInclude(api, api.tx.membership.propose(sock.address, PENSIONERS), alice);
    }
    await refused(
      signAndInclude(api, api.tx.membership.propose(fourth.address, PENSIONERS), alice),
      "membership.GuaranteeLimitReached"
    );
    log("a fourth sock in the period is refused");
    for (const sock of socks) {
      await signAndInclude(api, api.tx.membership.guarantee(sock.address), bob);
      await signAndInclude(api, api.tx.membership.accept(), sock);
      check((await api.query.membership.members(sock.address)).isSome, "a sock is a member");
    }
    log("three socks admitted");

    // At once, the spend to the outsider.
    const events = await signAndInclude(
      api,
      api.tx.fund.proposeSpend(eve.address, 9_999n * UNIT, blake2AsHex("for the socks")),
      alice
    );
    const id = eventOf(events, "fund", "SpendProposed").data.id.toNumber();
    const opened = (await api.query.fund.proposals(id)).unwrap();
    const seniors = await api.query.membership.seniors();
    check(opened.votersBelow.toNumber() <= seniors.below.toNumber(), "the electorate's bound");
    for (const sock of socks) {
      await refused(signAndInclude(api, api.tx.fund.vote(id, "Aye"), sock), "fund.TooYoungToVote");
    }
    log("the socks are too young to vote");
    await Promise.all([
      signAndInclude(api, api.tx.fund.vote(id, "Aye"), alice),
      signAndInclude(api, api.tx.fund.vote(id, "Aye"), bob),
      signAndInclude(api, api.tx.fund.vote(id, "Nay"), charlie),
      signAndInclude(api, api.tx.fund.vote(id, "Nay"), dave),
    ]);
    const tally = (await api.query.fund.proposals(id)).unwrap().tally;
    check(tally.ayes.toNumber() === 2 && tally.nays.toNumber() === 2, `tally ${tally}`);

    // The vote ends without the socks: the spend is never paid.
    const before = (await api.query.system.account(eve.address)).data.free.toBigInt();
    for (;;) {
      const status = (await api.query.fund.proposals(id)).unwrap().status;
      if (!status.isVoting && !status.isApproved) {
        check(!status.isExecuted, `the spend ended ${status.type}`);
        log(`the spend ended ${status.type}`);
        break;
      }
      await sleep(3000);
    }
    const after = (await api.query.system.account(eve.address)).data.free.toBigInt();
    check(after === before, "the outsider was not paid");
    await signAndFinalize(api, api.tx.system.remark("sock-ring done"), alice);
    return 1;
  } finally {
    await api.disconnect();
  }
}

module.exports = { run };
