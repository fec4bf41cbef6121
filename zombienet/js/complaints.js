// A deal goes wrong: the complainant files, the accused is blocked, the guarantors compensate
// to the unit; a case where a level-0 guarantor refuses to answer climbs to the level above,
// which upholds: the refuser pays first and loses his guarantee; a third upheld complaint bans
// the guarantor whose protégé it was and expels the accused, who cannot be proposed again.
// (A case whose panel disagrees and climbs to be dismissed above is complaint-climbs.js, on
// members of its own, beside this one.) Signs as a wallet would, with @polkadot/api. Returns 1
// on success.
const { Keyring } = require("@polkadot/keyring");
const { cryptoWaitReady, blake2AsHex } = require("@polkadot/util-crypto");
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

/** What both complaint scenarios stand on: a connection, the ring's four founders and Eve (all
 *  of the scenario `members`), and the steps of a case. */
async function caseKit(nodeName, networkInfo, members) {
  await cryptoWaitReady();
  const api = await connect(networkInfo, nodeName);
  const rpc = await rpcProvider(networkInfo, nodeName);
  const keyring = new Keyring({ type: "sr25519", ss58Format: api.registry.chainSS58 });
  const [alice, bob, charlie, dave, eve, ferdie] = ["Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie"].map(
    (name) => keyring.addFromUri(accountUri(name, members))
  );
  const terms = blake2AsHex("a cart of feed, delivered on Friday");
  const kit = {
    api,
    rpc,
    alice,
    bob,
    charlie,
    dave,
    eve,
    ferdie,
    terms,
    disconnect: async () => {
      await rpc.disconnect();
      await api.disconnect();
    },
    free: async (who) => (await api.query.system.account(who.address)).data.free.toBigInt(),
    behind: async (who) => (await api.query.escrow.behind(who.address)).toBigInt(),
    /** Alice opens a deal of `amount` with Bob, who accepts; returns its number. */
    openDeal: async (amount) => {
      const opened = await signAndFinalizeEvents(api, api.tx.escrow.openDeal(bob.address, amount, terms), alice);
      const id = eventOf(opened, "escrow", "DealOpened").data.deal.toNumber();
      await signAndFinalize(api, api.tx.escrow.acceptDeal(id), bob);
      return id;
    },
    /** Alice files about deal `deal`; returns the case's number. */
    file: async (deal) => {
      const filed = await signAndFinalizeEvents(api, api.tx.complaints.file(deal, null), alice);
      return eventOf(filed, "complaints", "ComplaintFiled").data["case"].toNumber();
    },
    /** Each `[voter, verdict]` votes on side 0 of case `id` at once (no signer shared). */
    votes: (id, ballots) =>
      Promise.all(ballots.map(([voter, verdict]) => signAndFinalize(api, api.tx.complaints.vote(id, 0, verdict), voter))),
    /** Waits for side 0 of case `id` to climb from level 0 to level 1 on its own. */
    climbed: async (id) => {
      let view = await rpc.send("synergy_case", [id]);
      check(view.sides[0].stage.panel.level === 0, "still at level 0 after the votes");
      const deadline = view.sides[0].stage.panel.deadline;
      for (let waited = 0; ; waited += 3) {
        check(waited < 180, "the case did not climb within 180 s of its deadline");
        const best = (await api.rpc.chain.getHeader()).number.toNumber();
        view = await rpc.send("synergy_case", [id]);
        if (best >= deadline && view.sides[0].stage.panel && view.sides[0].stage.panel.level === 1) {
          return view;
        }
        await sleep(3000);
      }
    },
    escrowOf: async (guarantor) => {
      const record = await api.query.escrow.escrows(bob.address, guarantor.address);
      return record.isSome ? record.unwrap().held.toBigInt() : 0n;
    },
    guarantorsOfBob: async () => (await rpc.send("synergy_member", [bob.address])).guarantors.map((g) => g.account ?? g),
    /** In the ring of four everyone above is a party or sits at level 0 already (one seat a
     *  case), so Eve joins and, with Charlie's consent, guarantees him — before the deal, as
     *  only guarantees older than the disputed deal sit on its panels. */
    eveGuaranteesCharlie: async () => {
      await signAndFinalize(api, api.tx.membership.propose(eve.address, 2), charlie);
      await signAndFinalize(api, api.tx.membership.guarantee(eve.address), dave);
      await signAndFinalize(api, api.tx.membership.accept(), eve);
      await signAndFinalize(api, api.tx.membership.guarantee(charlie.address), eve);
      await signAndFinalize(api, api.tx.membership.acceptGuarantee(eve.address), charlie);
    },
  };
  return kit;
}

/** `args[0]` names the scenario whose founders act. */
async function run(nodeName, networkInfo, args = []) {
  const kit = await caseKit(nodeName, networkInfo, args[0]);
  const { api, rpc, alice, bob, charlie, dave, eve, terms, free, behind, openDeal, file, votes, climbed, escrowOf } = kit;
  try {
    // Case 1: Bob's guarantors (Charlie and Dave) agree on a compensation.
    const first = await file(await openDeal(100n * UNIT));
    await refused(
      signAndFinalize(api, api.tx.escrow.openDeal(dave.address, UNIT, terms), bob),
      "escrow.Blocked"
    );
    const blocks = await rpc.send("synergy_blocks", [bob.address]);
    check(blocks.length === 1 && blocks[0].reason === "accused", `Bob's blocks: ${JSON.stringify(blocks)}`);
    const amount = 40n * UNIT;
    // Filing held Alice's complaint bond; the upheld complaint gives it back with the payment.
    const bond = BigInt((await rpc.send("synergy_case", [first])).sides[0].bond);
    const [aliceBefore, behindBefore] = [await free(alice), await behind(bob)];
    await votes(first, [
      [charlie, { Compensate: amount }],
      [dave, { Compensate: amount }],
    ]);
    check(
      (await free(alice)) === aliceBefore + amount + bond,
      "Alice received exactly the compensation, and her bond back"
    );
    check((await behind(bob)) === behindBefore - amount, "the escrow behind Bob fell by exactly it");
    const closed = await rpc.send("synergy_case", [first]);
    check(closed.closedAt !== null, "the first case closed");
    check(closed.sides[0].paid === amount.toString(), `paid ${closed.sides[0].paid}`);
    check((await rpc.send("synergy_blocks", [bob.address])).length === 0, "Bob is free again");
    const record = await rpc.send("synergy_record", [bob.address]);
    check(record.upheld === 1 && record.received === 1, `Bob's record: ${JSON.stringify(record)}`);

    // Case 2: the chain of guarantors answers. Eve guarantees Charlie first. Charlie refuses to answer for Bob, Dave answers; it climbs, and
    // Eve, above Charlie, upholds: Charlie's escrow behind Bob pays first and his guarantee of
    // Bob ends; Dave's stands and pays nothing.
    await kit.eveGuaranteesCharlie();
    const second = await file(await openDeal(10n * UNIT));
    await votes(second, [
      [charlie, "Dismiss"],
      [dave, { Compensate: UNIT }],
    ]);
    await climbed(second);
    const [charlieBehind, daveBehind] = [await escrowOf(charlie), await escrowOf(dave)];
    const upheld = await signAndFinalizeEvents(
      api,
      api.tx.complaints.vote(second, 0, { Compensate: 5n * UNIT }),
      eve
    );
    const forfeit = eventOf(upheld, "complaints", "GuaranteeForfeited").data;
    check(
      forfeit.guarantor.toString() === charlie.address && forfeit.protege.toString() === bob.address,
      `forfeited: ${forfeit.toString()}`
    );
    check(forfeit.level.toNumber() === 0, "Charlie refused at level 0");
    check((await escrowOf(charlie)) === 0n, "Charlie's escrow behind Bob paid and went home");
    check(charlieBehind >= 5n * UNIT, "Charlie held enough to pay it all");
    check((await escrowOf(dave)) === daveBehind, "Dave, who answered, paid nothing");
    const left = await kit.guarantorsOfBob();
    check(JSON.stringify(left) === JSON.stringify([dave.address]), `Bob's guarantors: ${left}`);

    // Case 3: Dave, Bob's last guarantor, upholds a revocation: the third complaint upheld
    // against his protégé in the record window bans him from guaranteeing, and Bob, expelled,
    // may not be proposed again.
    const third = await file(await openDeal(UNIT));
    await signAndFinalize(api, api.tx.complaints.vote(third, 0, { Revoke: UNIT }), dave);
    const daveRecord = await rpc.send("synergy_record", [dave.address]);
    check(
      daveRecord.ban !== null && daveRecord.ban.reason === "protegesUpheld",
      `Dave's record: ${JSON.stringify(daveRecord)}`
    );
    check((await rpc.send("synergy_member", [dave.address])).banned === true, "synergy_member: banned");
    const { ferdie } = kit;
    await refused(
      signAndFinalize(api, api.tx.membership.propose(ferdie.address, 2), dave),
      "membership.BannedFromGuaranteeing"
    );
    check((await rpc.send("synergy_member", [bob.address])) === null, "Bob is no member");
    await refused(
      signAndFinalize(api, api.tx.membership.propose(bob.address, 2), alice),
      "membership.ExpulsionBar"
    );
    return 1;
  } finally {
    await kit.disconnect();
  }
}

module.exports = { run, caseKit };
