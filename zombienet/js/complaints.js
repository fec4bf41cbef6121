// A deal goes wrong: the complainant files, the accused is blocked, the guarantors compensate
// to the unit; a second case where the guarantors disagree climbs a level on its own and the
// new panel — a member who guaranteed one of them, with consent, before the deal — decides; a
// third where a level-0 guarantor refuses to answer and the level above upholds: the refuser
// pays first and loses his guarantee; a fourth that bans the guarantor whose protégé had three
// complaints upheld and expels the accused, who cannot be proposed again. Signs as a wallet
// would, with @polkadot/api. Returns 1 on success.
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

/** `args[0]` names the scenario whose four founders act. */
async function run(nodeName, networkInfo, args = []) {
  await cryptoWaitReady();
  const api = await connect(networkInfo, nodeName);
  const rpc = await rpcProvider(networkInfo, nodeName);
  try {
    const keyring = new Keyring({ type: "sr25519", ss58Format: api.registry.chainSS58 });
    const [alice, bob, charlie, dave, eve] = ["Alice", "Bob", "Charlie", "Dave", "Eve"].map(
      (name) => keyring.addFromUri(accountUri(name, args[0]))
    );
    const free = async (who) => (await api.query.system.account(who.address)).data.free.toBigInt();
    const behind = async (who) => (await api.query.escrow.behind(who.address)).toBigInt();
    const terms = blake2AsHex("a cart of feed, delivered on Friday");
    const openDeal = async (amount) => {
      const opened = await signAndFinalizeEvents(
        api,
        api.tx.escrow.openDeal(bob.address, amount, terms),
        alice
      );
      const id = eventOf(opened, "escrow", "DealOpened").data.deal.toNumber();
      await signAndFinalize(api, api.tx.escrow.acceptDeal(id), bob);
      return id;
    };
    /** Waits for side 0 of case `id` to climb from level 0 to level 1 on its own. */
    const climbed = async (id) => {
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
    };
    const escrowOf = async (guarantor) => {
      const record = await api.query.escrow.escrows(bob.address, guarantor.address);
      return record.isSome ? record.unwrap().held.toBigInt() : 0n;
    };
    const guarantorsOfBob = async () =>
      (await rpc.send("synergy_member", [bob.address])).guarantors.map((g) => g.account ?? g);
    const file = async (deal) => {
      const filed = await signAndFinalizeEvents(api, api.tx.complaints.file(deal, null), alice);
      return eventOf(filed, "complaints", "ComplaintFiled").data["case"].toNumber();
    };

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
    await signAndFinalize(api, api.tx.complaints.vote(first, 0, { Compensate: amount }), charlie);
    await signAndFinalize(api, api.tx.complaints.vote(first, 0, { Compensate: amount }), dave);
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

    // Case 2: they disagree; after the escalation period the case climbs on its own. In the
    // ring of four everyone above is a party or sits at level 0 already (one seat a case), so
    // Eve joins first and, with Charlie's consent, guarantees him — before the deal, as only
    // guarantees older than the disputed deal sit on its panels.
    await signAndFinalize(api, api.tx.membership.propose(eve.address, 2), charlie);
    await signAndFinalize(api, api.tx.membership.guarantee(eve.address), dave);
    await signAndFinalize(api, api.tx.membership.accept(), eve);
    await signAndFinalize(api, api.tx.membership.guarantee(charlie.address), eve);
    await signAndFinalize(api, api.tx.membership.acceptGuarantee(eve.address), charlie);
    const second = await file(await openDeal(10n * UNIT));
    await signAndFinalize(api, api.tx.complaints.vote(second, 0, "Dismiss"), charlie);
    await signAndFinalize(api, api.tx.complaints.vote(second, 0, { Compensate: UNIT }), dave);
    let view = await climbed(second);
    // Level 1: the guarantors of Charlie and Dave without the parties and the seated — Eve,
    // for Charlie; Dave, who sat at level 0, may not sit again.
    const panel = view.sides[0].panel.map((seat) => seat.member);
    check(JSON.stringify(panel) === JSON.stringify([eve.address]), `level 1 panel: ${panel}`);
    await refused(
      signAndFinalize(api, api.tx.complaints.vote(second, 0, "Dismiss"), dave),
      "complaints.NotOnPanel"
    );
    await signAndFinalize(api, api.tx.complaints.vote(second, 0, "Dismiss"), eve);
    view = await rpc.send("synergy_case", [second]);
    check(view.closedAt !== null, "the second case closed");
    check(view.sides[0].outcome.decided.level === 1, "decided at level 1");
    check((await rpc.send("synergy_record", [alice.address])).dismissed === 1, "Alice's dismissal");

    // Case 3: the chain of guarantors answers. Charlie refuses to answer for Bob, Dave answers;
    // it climbs, and Eve, above Charlie, upholds: Charlie's escrow behind Bob pays first and his
    // guarantee of Bob ends; Dave's stands and pays nothing.
    const third = await file(await openDeal(10n * UNIT));
    await signAndFinalize(api, api.tx.complaints.vote(third, 0, "Dismiss"), charlie);
    await signAndFinalize(api, api.tx.complaints.vote(third, 0, { Compensate: UNIT }), dave);
    await climbed(third);
    const [charlieBehind, daveBehind] = [await escrowOf(charlie), await escrowOf(dave)];
    const upheld = await signAndFinalizeEvents(
      api,
      api.tx.complaints.vote(third, 0, { Compensate: 5n * UNIT }),
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
    const left = await guarantorsOfBob();
    check(JSON.stringify(left) === JSON.stringify([dave.address]), `Bob's guarantors: ${left}`);

    // Case 4: Dave, Bob's last guarantor, upholds a revocation: the third complaint upheld
    // against his protégé in the record window bans him from guaranteeing, and Bob, expelled,
    // may not be proposed again.
    const fourth = await file(await openDeal(UNIT));
    await signAndFinalize(api, api.tx.complaints.vote(fourth, 0, { Revoke: UNIT }), dave);
    const daveRecord = await rpc.send("synergy_record", [dave.address]);
    check(
      daveRecord.ban !== null && daveRecord.ban.reason === "protegesUpheld",
      `Dave's record: ${JSON.stringify(daveRecord)}`
    );
    check((await rpc.send("synergy_member", [dave.address])).banned === true, "synergy_member: banned");
    const ferdie = keyring.addFromUri(accountUri("Ferdie", args[0]));
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
    await rpc.disconnect();
    await api.disconnect();
  }
}

module.exports = { run };
