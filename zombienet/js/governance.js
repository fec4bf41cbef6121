// The general meeting on the running network, signed as wallets would with @polkadot/api:
// a donation from a non-member and a new member's admission fee reach the common fund and its
// statement shows them by source; a spend with quorum pays exactly, one short of quorum pays
// nothing; a motion changes a class quantum; a motion adds a fifth validator, whose node then
// authors blocks, and a later motion removes it while finality continues. Returns 1.
const { Keyring } = require("@polkadot/keyring");
const { cryptoWaitReady, blake2AsHex } = require("@polkadot/util-crypto");
const {
  check,
  connect,
  rpcProvider,
  signAndFinalize,
  signAndInclude,
  sleep,
  finalizedNumber,
} = require("./lib");

const UNIT = 10n ** 12n;
const MIDDLE = 1;
const PENSIONERS = 2;

async function run(nodeName, networkInfo) {
  await cryptoWaitReady();
  const api = await connect(networkInfo, nodeName);
  const rpc = await rpcProvider(networkInfo, nodeName);
  const eveNode = await rpcProvider(networkInfo, "eve");
  try {
    const keyring = new Keyring({ type: "sr25519", ss58Format: api.registry.chainSS58 });
    const [alice, bob, charlie, dave, eve, ferdie] = [
      "//Alice", "//Bob", "//Charlie", "//Dave", "//Eve", "//Ferdie",
    ].map((uri) => keyring.addFromUri(uri));
    const founders = [alice, bob, charlie, dave];
    const fund = () => rpc.send("synergy_fund", []);
    const proposal = (id) => rpc.send("synergy_proposal", [id]);
    const free = async (who) => (await api.query.system.account(who.address)).data.free.toBigInt();
    const rationale = blake2AsHex("minutes of the general meeting");

    // Proposes `tx` signed by `proposer`; returns the proposal's number, from its event.
    const propose = async (tx, proposer) => {
      const events = await signAndInclude(api, tx, proposer);
      const proposed = events.find(
        ({ event }) => event.section === "fund" && event.method.endsWith("Proposed")
      );
      check(proposed, "a proposal event");
      return proposed.event.data.id.toNumber();
    };
    // Casts every voter's votes: each voter's in turn, the voters at once (a deadline runs).
    const cast = (ballots) =>
      Promise.all(
        [...new Set(ballots.map(([voter]) => voter))].map(async (voter) => {
          for (const [who, id, choice] of ballots) {
            if (who === voter) await signAndInclude(api, api.tx.fund.vote(id, choice), voter);
          }
        })
      );
    // Waits until every proposal in `ids` has ended, returning their views.
    const ended = async (ids) => {
      for (;;) {
        const views = await Promise.all(ids.map(proposal));
        if (views.every((p) => !["voting", "approved"].includes(p.status.state))) return views;
        await sleep(3000);
      }
    };

    // The fund's statement by source: a donation from a non-member, and Eve's admission fee.
    // The donation and Eve's admission at once: they share no signer.
    const before = await fund();
    await Promise.all([
      signAndFinalize(api, api.tx.fund.donate(50n * UNIT), ferdie),
      (async () => {
        await signAndInclude(api, api.tx.membership.propose(eve.address, MIDDLE), alice);
        await signAndInclude(api, api.tx.membership.guarantee(eve.address), bob);
        // Eve pays her class's admission fee herself, then accepts: both free answers.
        await signAndInclude(api, api.tx.membership.payFee(eve.address), eve);
        await signAndFinalize(api, api.tx.membership.accept(), eve);
      })(),
    ]);
    const fee = (await api.query.membership.classes(MIDDLE)).unwrap().fee.toBigInt();
    check(fee > 0n, "the middle tier pays an admission fee");
    const after = await fund();
    check(
      BigInt(after.statement.donations) === BigInt(before.statement.donations) + 50n * UNIT,
      `donations: ${after.statement.donations}`
    );
    check(
      BigInt(after.statement.admissionFees) === BigInt(before.statement.admissionFees) + fee,
      `admission fees: ${after.statement.admissionFees}`
    );
    check(BigInt(after.balance) === BigInt(before.balance) + 50n * UNIT + fee, "the fund's balance");

    // Eve's node makes session keys owned by her account, and she registers them while she waits
    // for her voting age and the founders propose (the keys are needed only when the validator
    // motion executes).
    const registered = (async () => {
      const generated = await eveNode.send("author_rotateKeysWithOwner", ["0x" + Buffer.from(eve.publicKey).toString("hex")]);
      await signAndFinalize(api, api.tx.session.setKeys(generated.keys, generated.proof), eve);
    })();
    registered.catch(() => {}); // awaited below, before the votes

    // Eve counts in the general meeting once she reaches the voting age.
    while ((await api.query.membership.seniors()).count.toNumber() < 5) await sleep(2000);

    // Four proposals at once: two spends, a class quantum, and Eve as a validator.
    const ferdieBefore = await free(ferdie);
    const paid = 123_456_789_000n;
    const [passing, short, classes, addEve] = await Promise.all([
      propose(api.tx.fund.proposeSpend(ferdie.address, paid, rationale), alice),
      propose(api.tx.fund.proposeSpend(ferdie.address, 7n * UNIT, rationale), dave),
      propose(
        api.tx.fund.proposeMotion(
          api.tx.membership.setClass(PENSIONERS, "pensioners and low-income members", 12n * UNIT, 0),
          rationale
        ),
        charlie
      ),
      propose(
        api.tx.fund.proposeMotion(api.tx.validatorSet.addValidator(eve.address), rationale),
        bob
      ),
    ]);
    await registered;
    await cast([
      [alice, passing, "Aye"],
      [bob, passing, "Aye"],
      [charlie, passing, "Nay"],
      [dave, short, "Aye"],
      [alice, addEve, "Aye"],
      [bob, addEve, "Aye"],
      [charlie, addEve, "Aye"],
      [dave, addEve, "Aye"],
      [alice, classes, "Aye"],
      [bob, classes, "Aye"],
      [dave, classes, "Aye"],
    ]);
    const open = await rpc.send("synergy_proposals", [true]);
    check(open.length === 4, `open proposals: ${open.length}`);
    check((await proposal(addEve)).electorate === 5, "the electorate counts Eve, admitted before");
    const live = await proposal(passing);
    check(live.tally.ayes === 2 && live.tally.nays === 1, `live tally: ${JSON.stringify(live.tally)}`);
    const votes = await rpc.send("synergy_votesOf", [charlie.address]);
    check(votes.some((v) => v.proposal === passing && v.vote === "nay"), "Charlie's nay is listed");

    const [p, s, c, a] = await ended([passing, short, classes, addEve]);
    check(p.status.state === "executed" && p.status.ok, `the spend: ${JSON.stringify(p.status)}`);
    check(s.status.state === "expired", `the spend short of quorum: ${JSON.stringify(s.status)}`);
    check(c.status.state === "executed" && c.status.ok, `the class motion: ${JSON.stringify(c.status)}`);
    check(a.status.state === "executed" && a.status.ok, `the validator motion: ${JSON.stringify(a.status)}`);
    check((await free(ferdie)) === ferdieBefore + paid, "Ferdie was paid exactly the spend, once");
    const spent = await fund();
    check(BigInt(spent.statement.out) === BigInt(after.statement.out) + paid, "the fund's total out");
    check(BigInt(spent.balance) === BigInt(after.balance) - paid, "the fund paid exactly the spend");
    const quantum = (await api.query.membership.classes(PENSIONERS)).unwrap().quantum.toBigInt();
    check(quantum === 12n * UNIT, `the pensioners' quantum: ${quantum}`);

    // Eve joins the set at a session boundary, and her node authors blocks.
    const inSet = async (present) => {
      for (;;) {
        const set = await rpc.send("synergy_validators", []);
        if (set.current.includes(eve.address) === present) return set;
        await sleep(3000);
      }
    };
    const withEve = await inSet(true);
    check(withEve.current.length === 5, `validators: ${withEve.current}`);
    let authored = false;
    for (let i = 0; i < 60 && !authored; i++) {
      const header = await api.derive.chain.getHeader(await api.rpc.chain.getBlockHash());
      authored = header.author && header.author.toString() === eve.address;
      if (!authored) await sleep(2000);
    }
    check(authored, "Eve's node authored a block");

    // A later motion removes her; finality continues with the four.
    const removeEve = await propose(
      api.tx.fund.proposeMotion(api.tx.validatorSet.removeValidator(eve.address), rationale),
      dave
    );
    await cast(founders.map((founder) => [founder, removeEve, "Aye"]));
    const [r] = await ended([removeEve]);
    check(r.status.state === "executed" && r.status.ok, `the removal: ${JSON.stringify(r.status)}`);
    await inSet(false);
    const finalized = await finalizedNumber(api);
    for (let i = 0; i < 30 && (await finalizedNumber(api)) < finalized + 3; i++) await sleep(2000);
    check((await finalizedNumber(api)) >= finalized + 3, "finality continues without Eve");
    return 1;
  } finally {
    await api.disconnect();
    await rpc.disconnect();
    await eveNode.disconnect();
  }
}

module.exports = { run };
