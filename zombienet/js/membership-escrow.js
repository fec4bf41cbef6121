// A pensioner joins through two founders' guarantees for free (nobody pays anything), deals
// within the quantum complete, the named refusals hold, the pool refuses a non-member, every
// hold is checked to the unit, and a middle-tier candidate holding nothing is admitted the
// moment a sponsor outside the cooperative pays the class's admission fee. Signs as a wallet
// would, with @polkadot/api. Returns 1 on success.
const { Keyring } = require("@polkadot/keyring");
const { mnemonicGenerate, cryptoWaitReady, blake2AsHex } = require("@polkadot/util-crypto");
const {
  accountUri,
  check,
  connect,
  eventOf,
  refused,
  rpcProvider,
  signAndFinalize,
  signAndFinalizeEvents,
  sleep,
} = require("./lib");

const UNIT = 10n ** 12n;
const MIDDLE = 1;
const PENSIONERS = 2;
const MANAGERS_QUANTUM = 2100n * UNIT;
const PENSIONERS_QUANTUM = 10n * UNIT;

/** `args[0]` names the scenario whose founders (Alice, Bob) and outsider (Eve) act. */
async function run(nodeName, networkInfo, args = []) {
  await cryptoWaitReady();
  const api = await connect(networkInfo, nodeName);
  try {
    const keyring = new Keyring({ type: "sr25519", ss58Format: api.registry.chainSS58 });
    const [alice, bob, eve] = ["Alice", "Bob", "Eve"].map((name) =>
      keyring.addFromUri(accountUri(name, args[0]))
    );
    const newcomer = keyring.addFromMnemonic(mnemonicGenerate());
    const held = async (who) =>
      (await api.query.balances.holds(who.address))
        .filter((h) => h.id.isEscrow)
        .reduce((sum, h) => sum + h.amount.toBigInt(), 0n);
    const free = async (who) => (await api.query.system.account(who.address)).data.free.toBigInt();
    const [aliceHeld, bobHeld] = [await held(alice), await held(bob)];
    check(aliceHeld === 2n * MANAGERS_QUANTUM, `Alice escrows ${aliceHeld}`);
    check((await free(newcomer)) === 0n, "the newcomer starts with nothing");

    // Two founders guarantee the newcomer, a pensioner: the class has no admission fee, and
    // the newcomer, holding nothing, accepts for free.
    const fund = async () => (await api.query.fund.fundStatement()).admissionFees.toBigInt();
    const feesBefore = await fund();
    check((await api.query.membership.classes(PENSIONERS)).unwrap().fee.isZero(), "pensioners join free");
    await signAndFinalize(api, api.tx.membership.propose(newcomer.address, PENSIONERS), alice);
    await signAndFinalize(api, api.tx.membership.guarantee(newcomer.address), bob);
    await signAndFinalize(api, api.tx.membership.accept(), newcomer);
    check((await api.query.membership.members(newcomer.address)).isSome, "the newcomer is a member");
    check((await free(newcomer)) === 0n, "the newcomer paid nothing at all");
    check((await fund()) === feesBefore, "no fee reached the fund");
    check((await held(alice)) === aliceHeld + PENSIONERS_QUANTUM, "Alice escrows one more quantum");
    check((await held(bob)) === bobHeld + PENSIONERS_QUANTUM, "Bob escrows one more quantum");

    console.log("membership-escrow: the newcomer is a member");
    // Members transfer among themselves normally: the newcomer gets money for fees.
    await signAndFinalize(api, api.tx.balances.transferKeepAlive(newcomer.address, UNIT), alice);
    check((await free(newcomer)) === UNIT, "the newcomer received exactly one SYN");

    // A deal within the quantum completes with both confirmations.
    const terms = blake2AsHex("ten kilos of sausage for five SYN");
    const openDeal = async (amount) => {
      const opened = await signAndFinalizeEvents(
        api,
        api.tx.escrow.openDeal(newcomer.address, amount, terms),
        alice
      );
      const id = eventOf(opened, "escrow", "DealOpened").data.deal.toNumber();
      await signAndFinalize(api, api.tx.escrow.acceptDeal(id), newcomer);
      return id;
    };
    const deal = await openDeal(5n * UNIT);
    await signAndFinalize(api, api.tx.escrow.confirmDeal(deal), alice);
    await signAndFinalize(api, api.tx.escrow.confirmDeal(deal), newcomer);
    const settled = await api.query.escrow.deals(deal);
    check(settled.isSome && settled.unwrap().status.isCompleted, "the completed deal is settled");

    console.log(`membership-escrow: deal ${deal} completed`);
    // Above the newcomer's insured quantum: refused by name.
    await refused(
      signAndFinalize(api, api.tx.escrow.openDeal(newcomer.address, PENSIONERS_QUANTUM + 1n, terms), alice),
      "escrow.AboveQuantum"
    );
    // Two deals of a quantum fill the 20 SYN behind the newcomer; one more unit breaks the cap.
    await openDeal(PENSIONERS_QUANTUM);
    await openDeal(PENSIONERS_QUANTUM);
    await refused(
      signAndFinalize(api, api.tx.escrow.openDeal(newcomer.address, 1n, terms), alice),
      "escrow.ExposureExceeded"
    );
    // With the escrow committed to open deals, Bob cannot revoke his guarantee.
    await refused(
      signAndFinalize(api, api.tx.membership.revoke(newcomer.address), bob),
      "escrow.EscrowCommitted"
    );

    console.log("membership-escrow: the quantum and the exposure cap hold");
    // A non-member's signed transfer never gets past the pool.
    const eveBefore = await free(eve);
    await refused(
      signAndFinalize(api, api.tx.balances.transferKeepAlive(alice.address, UNIT), eve),
      "Custom error: 1"
    );
    check((await free(eve)) === eveBefore, "the refused transfer moved nothing");

    // Every hold to the unit: the refusals moved nothing.
    check((await held(alice)) === aliceHeld + PENSIONERS_QUANTUM, "Alice's escrow is intact");
    check((await held(bob)) === bobHeld + PENSIONERS_QUANTUM, "Bob's escrow is intact");
    check(
      (await api.query.escrow.behind(newcomer.address)).toBigInt() === 2n * PENSIONERS_QUANTUM,
      "the escrow behind the newcomer is two quanta"
    );
    check(
      (await api.query.escrow.exposure(newcomer.address)).toBigInt() === 2n * PENSIONERS_QUANTUM,
      "the newcomer's exposure is the two open deals"
    );

    // An auditor reads the same from the archive node with the cooperative's RPC methods, at
    // the block Alice's node finalized last; balances come as exact decimal strings.
    const at = (await api.rpc.chain.getFinalizedHead()).toHex();
    console.log(`membership-escrow: the auditor reads block ${at}`);
    const auditor = await rpcProvider(networkInfo, "auditor");
    try {
      const ask = async (method, params) => {
        for (let attempt = 0; ; attempt++) {
          try {
            return await auditor.send(method, [...params, at]);
          } catch (error) {
            // The auditor may not have imported that block yet.
            if (attempt >= 30) throw error;
            await sleep(2000);
          }
        }
      };
      const member = await ask("synergy_member", [newcomer.address]);
      check(member.class === PENSIONERS, `the newcomer's class: ${member.class}`);
      check(member.status === "active", `the newcomer's status: ${JSON.stringify(member.status)}`);
      check(
        JSON.stringify([...member.guarantors].sort()) ===
          JSON.stringify([alice.address, bob.address].sort()),
        `the newcomer's guarantors: ${member.guarantors}`
      );
      const quanta = (n) => (n * PENSIONERS_QUANTUM).toString();
      check(member.escrow.behind === quanta(2n), `behind: ${member.escrow.behind}`);
      check(member.escrow.exposure === quanta(2n), `exposure: ${member.escrow.exposure}`);
      check(member.escrow.headroom === "0", `headroom: ${member.escrow.headroom}`);
      check(member.escrow.insuredQuantum === quanta(1n), `quantum: ${member.escrow.insuredQuantum}`);
      const deals = await ask("synergy_dealsOf", [newcomer.address]);
      check(deals.length === 2, `the newcomer's open deals: ${deals.length}`);
      const open = await ask("synergy_deal", [deals[0].id]);
      check(open.initiator === alice.address && open.amount === quanta(1n), "an open deal");
      const completed = await ask("synergy_deal", [deal]);
      check(completed.status.completed !== undefined, "the completed deal, open to complaints");
      const graph = await ask("synergy_guarantorGraph", [newcomer.address, 1]);
      const reached = graph.nodes.map((n) => n.account);
      check(reached.includes(alice.address) && reached.includes(bob.address), "the graph");
      const aliceEscrow = await ask("synergy_escrow", [alice.address]);
      check(aliceEscrow.guarantees.length === 2, "two guarantors behind Alice");
    } finally {
      await auditor.disconnect();
    }

    // A middle-tier candidate holding nothing accepts; the application waits for the fee
    // until Eve, who is no member, pays it: the candidate is a member in that moment.
    const candidate = keyring.addFromMnemonic(mnemonicGenerate());
    const fee = (await api.query.membership.classes(MIDDLE)).unwrap().fee.toBigInt();
    check(fee > 0n, "the middle tier pays an admission fee");
    await signAndFinalize(api, api.tx.membership.propose(candidate.address, MIDDLE), alice);
    await signAndFinalize(api, api.tx.membership.guarantee(candidate.address), bob);
    await signAndFinalize(api, api.tx.membership.accept(), candidate);
    const node = await rpcProvider(networkInfo, nodeName);
    const waiting = await node.send("synergy_application", [candidate.address]).finally(() => node.disconnect());
    check(waiting.accepted && waiting.feePaidBy === null, `waiting for the fee: ${JSON.stringify(waiting)}`);
    const feesBeforeSponsor = await fund();
    await signAndFinalize(api, api.tx.membership.payFee(candidate.address), eve);
    check((await api.query.membership.members(candidate.address)).isSome, "the sponsored candidate is a member");
    check((await free(candidate)) === 0n, "the candidate paid nothing");
    check((await fund()) === feesBeforeSponsor + fee, "the sponsor's fee reached the fund");
    return 1;
  } finally {
    await api.disconnect();
  }
}

module.exports = { run };
