// The general vote decides (issue 15, rule 5), on the launched cooperative after its upgrade:
// two complaints at once that nobody below can answer — each accused's guarantors are the
// other pair, who do not vote at level 0, and above them everyone is a party or already seated
// — reach the general vote, where the chain opens the general meeting's motions for each side's
// options by itself (compensate, revoke, dismiss: `complaints.decide`, proposed by the fund,
// no deposit), the parties recused. The members pass the first case's compensation: the
// complainant is paid from the escrow behind the accused, to the unit, and the accused is free.
// Nobody votes on the second: at its deadline it lapses, dismissed, its accused free and able to
// deal again, the complainant's bond paid to him. Returns 1.
const { Keyring } = require("@polkadot/keyring");
const { cryptoWaitReady, blake2AsHex } = require("@polkadot/util-crypto");
const {
  check,
  connect,
  eventOf,
  refused,
  rpcProvider,
  signAndFinalize,
  signAndFinalizeEvents,
  sleep,
} = require("./lib");

async function run(nodeName, networkInfo) {
  await cryptoWaitReady();
  const api = await connect(networkInfo, nodeName);
  const rpc = await rpcProvider(networkInfo, nodeName);
  let unsubscribe = () => {};
  try {
    const keyring = new Keyring({ type: "sr25519", ss58Format: api.registry.chainSS58 });
    const [alice, bob, charlie, dave] = ["//Alice", "//Bob", "//Charlie", "//Dave"].map((u) => keyring.addFromUri(u));
    const unit = 10n ** BigInt(api.registry.chainDecimals[0]);
    const amount = 100n * unit;
    const free = async (who) => (await api.query.system.account(who.address)).data.free.toBigInt();
    const behind = async (who) => (await api.query.escrow.behind(who.address)).toBigInt();
    const accusedIn = async (who) => (await api.query.complaints.accusedIn(who.address)).toNumber();

    // Every complaints event of every new block, as a wallet's activity feed would show them.
    const seen = [];
    unsubscribe = await api.query.system.events((records) => {
      for (const { event } of records) if (event.section === "complaints") seen.push(event);
    });
    const waitFor = async (what, seconds, method, caseId) => {
      for (let i = 0; i < seconds; i++) {
        const found = seen.find((e) => e.method === method && e.data.case.toNumber() === caseId);
        if (found) return found;
        await sleep(1000);
      }
      throw new Error(`${what}: no complaints.${method} for case ${caseId} within ${seconds} s`);
    };

    // Two insured deals, accepted: Alice's with Bob, Charlie's with Dave (no signer shared).
    const deal = async (initiator, counterparty, terms) => {
      const opened = await signAndFinalizeEvents(
        api,
        api.tx.escrow.openDeal(counterparty.address, amount, blake2AsHex(terms)),
        initiator
      );
      const id = eventOf(opened, "escrow", "DealOpened").data.deal;
      await signAndFinalize(api, api.tx.escrow.acceptDeal(id), counterparty);
      return id;
    };
    const file = async (complainant, id) => {
      const events = await signAndFinalizeEvents(api, api.tx.complaints.file(id, null), complainant);
      return eventOf(events, "complaints", "ComplaintFiled").data.case.toNumber();
    };
    const [first, second] = await Promise.all([
      deal(alice, bob, "two sacks of grain").then((id) => file(alice, id)),
      deal(charlie, dave, "a repaired tractor").then((id) => file(charlie, id)),
    ]);
    check((await accusedIn(bob)) === 1 && (await accusedIn(dave)) === 1, "both accused are blocked");

    // Level 0 lets its deadline pass; nobody is left above: both reach the general vote.
    const [top, lapsing] = await Promise.all([
      waitFor("the first case at the general vote", 300, "ReferredToGeneralVote", first),
      waitFor("the second case at the general vote", 300, "ReferredToGeneralVote", second),
    ]);
    const motions = top.data.motions.map((id) => id.toNumber());
    check(motions.length === 3, `the chain opened ${motions.length} motions for the first case`);
    const fundAccount = (await rpc.send("synergy_fund", [])).account;
    const options = [];
    for (const id of motions) {
      const proposal = (await api.query.fund.proposals(id)).unwrap();
      check(proposal.deposit.toBigInt() === 0n, `motion ${id} holds a deposit`);
      check(proposal.proposer.toString() === fundAccount, `motion ${id} was proposed by ${proposal.proposer}`);
      const call = api.createType("Call", proposal.kind.asMotion.call);
      check(`${call.section}.${call.method}` === "complaints.decide", `motion ${id} carries ${call.section}.${call.method}`);
      check(call.args[0].toNumber() === first, `motion ${id} decides case ${call.args[0]}`);
      options.push(call.args[2]);
    }
    check(
      options.map((verdict) => verdict.type).join() === "Compensate,Revoke,Dismiss",
      `the options: ${options.map((v) => v.type)}`
    );
    const compensation = options[0].asCompensate.toBigInt();
    check(compensation > 0n && compensation <= amount, `a compensation of ${compensation}`);

    // The parties may not vote; Charlie and Dave pass the compensation.
    await refused(signAndFinalize(api, api.tx.fund.vote(motions[0], "Aye"), alice), "Recused");
    const [aliceBefore, behindBob] = [await free(alice), await behind(bob)];
    await Promise.all([charlie, dave].map((voter) => signAndFinalize(api, api.tx.fund.vote(motions[0], "Aye"), voter)));
    const paid = await waitFor("the general vote's compensation", 300, "CompensationPaid", first);
    check(paid.data.paid.toBigInt() === compensation, `paid ${paid.data.paid}, decided ${compensation}`);
    check((await behind(bob)) === behindBob - compensation, "the escrow behind Bob paid the compensation");
    check((await free(alice)) >= aliceBefore + compensation, "Alice received the compensation");
    const decided = seen.find((e) => e.method === "SideDecided" && e.data.case.toNumber() === first);
    check(decided && decided.data.level.isNone, "the side was decided by the general vote");
    check((await accusedIn(bob)) === 0, "Bob is free once his case is decided");

    // Nobody votes on the second: at its deadline it lapses, dismissed.
    const charlieBond = seen.find((e) => e.method === "BondHeld" && e.data.case.toNumber() === second);
    const until = lapsing.data.until.toNumber();
    await waitFor("the unvoted case's lapse", 600, "GeneralVoteLapsed", second);
    const forfeited = seen.find((e) => e.method === "BondForfeited" && e.data.case.toNumber() === second);
    if (charlieBond) {
      check(forfeited && forfeited.data.amount.eq(charlieBond.data.amount), "Charlie's bond went to Dave");
    }
    const now = (await api.rpc.chain.getHeader()).number.toNumber();
    check(now >= until, `lapsed at #${now}, before its deadline #${until}`);
    check((await accusedIn(dave)) === 0, "Dave is free once the general vote lapsed");
    check((await api.query.escrow.frozen(dave.address)).isNone, "the escrow behind Dave is no longer frozen");
    // And deals again.
    const opened = await signAndFinalizeEvents(
      api,
      api.tx.escrow.openDeal(charlie.address, unit, blake2AsHex("a second try")),
      dave
    );
    eventOf(opened, "escrow", "DealOpened");
    console.log(`case ${first} compensated ${compensation} by the general vote; case ${second} lapsed at #${until}`);
    return 1;
  } finally {
    unsubscribe();
    await api.disconnect();
    await rpc.disconnect();
  }
}

module.exports = { run };
