// Contribution accounting on the running network, signed as wallets would with @polkadot/api:
// the sausage cycle — a farmer (Alice, the organiser), a workshop (Bob), a feed supplier
// (Charlie, who asks to join) and a transporter (Dave) — records time, materials and money;
// peers approve the records, which are validated when their challenge window ends; the feed
// supplier's inflated one is challenged and rejected by the other participants' vote (neither
// the contributor nor the challenger votes); a customer who is not a member (Ferdie) pays revenue; each party
// claims exactly what `synergy_splitPreview` showed, and the fund's statement shows its share as
// project revenue and the rounding remainder. Returns 1.
const { Keyring } = require("@polkadot/keyring");
const { cryptoWaitReady, blake2AsHex } = require("@polkadot/util-crypto");
const {
  accountUri, bestNumber, check, connect, eventOf, rpcProvider, signAndInclude, sleep,
} = require("./lib");

const UNIT = 10n ** 12n;
const PERCENT = 10_000_000; // of a Perbill

/** `args[0]` names the scenario whose founders (the four parties) and outsider (Ferdie, the
 *  customer) act. */
async function run(nodeName, networkInfo, args = []) {
  await cryptoWaitReady();
  const api = await connect(networkInfo, nodeName);
  const rpc = await rpcProvider(networkInfo, nodeName);
  try {
    const keyring = new Keyring({ type: "sr25519", ss58Format: api.registry.chainSS58 });
    const [farmer, workshop, feed, transport, customer] = [
      "Alice", "Bob", "Charlie", "Dave", "Ferdie",
    ].map((name) => keyring.addFromUri(accountUri(name, args[0])));
    const tx = api.tx.contributions;
    const send = (call, signer) => signAndInclude(api, call, signer);

    // The project and its value equation: 10 points an hour, 1 a unit of money, 2 a unit of
    // materials; 10 % to the fund and 10 % to the organisers; two approvals validate.
    const equation = {
      time: 10,
      money: 1,
      materials: 2,
      introductions: 0,
      custom: [],
      fundShare: 10 * PERCENT,
      organisersShare: 10 * PERCENT,
      approvals: 2,
      challengePeriod: 20,
      votingPeriod: 20,
    };
    const created = await send(
      tx.createProject(blake2AsHex("the sausage cycle: farm, workshop, feed, transport"), equation),
      farmer
    );
    const project = eventOf(created, "contributions", "ProjectCreated").data.project.toNumber();
    console.log(`project ${project} created`);

    // While the farmer is the only participant, their aye is the majority: the workshop and the
    // transporter are invited, the feed supplier asks and is admitted at once; the invited
    // accept. (Once others are in, every admission takes a majority of them.)
    await send(tx.requestToJoin(project), feed);
    for (const call of [
      tx.invite(project, workshop.address),
      tx.invite(project, transport.address),
      tx.admit(project, feed.address),
    ]) {
      await send(call, farmer);
    }
    await Promise.all([send(tx.join(project), workshop), send(tx.join(project), transport)]);
    const joined = await rpc.send("synergy_project", [project]);
    check(joined.participantCount === 4, `participants: ${joined.participantCount}`);

    // Records: kind, quantity, evidence.
    const record = async (who, kind, quantity, evidence) => {
      const events = await send(tx.record(project, kind, quantity, blake2AsHex(evidence)), who);
      return eventOf(events, "contributions", "ContributionRecorded").data.id.toNumber();
    };
    const [hours, materials, money, trips] = await Promise.all([
      record(farmer, "Time", 10, "farm work log, week 1"),
      record(workshop, "Materials", 50, "casings and spices invoice"),
      record(feed, "Money", 300, "feed purchase receipt"),
      record(transport, "Time", 5, "delivery sheets"),
    ]);
    const inflated = await record(feed, "Money", 1_000, "a receipt nobody saw");
    const windowEnds = (await bestNumber(api)) + equation.challengePeriod;

    // Peers approve: two approvals each, never one's own.
    const approvals = [
      [workshop, [hours, trips]],
      [feed, [hours, materials]],
      [farmer, [materials, money, trips]],
      [transport, [money]],
    ];
    await Promise.all(
      approvals.map(async ([who, ids]) => {
        for (const id of ids) await send(tx.approve(id), who);
      })
    );
    // The transporter challenges the inflated record; the farmer and the workshop, the whole
    // electorate, reject it.
    await send(tx.challenge(inflated), transport);
    await send(tx.voteOnContribution(inflated, false), farmer);
    const voted = await send(tx.voteOnContribution(inflated, false), workshop);
    eventOf(voted, "contributions", "ContributionRejected");

    // Approvals do not close the window: the records are validated when it ends.
    while ((await bestNumber(api)) <= windowEnds + 1) await sleep(3_000);

    const mine = await rpc.send("synergy_contributionsOf", [feed.address]);
    const state = (id) => Object.keys(mine.find((c) => c.id === id).status)[0];
    check(state(inflated) === "rejected", `the inflated record: ${state(inflated)}`);
    check(state(money) === "validated", `the feed purchase: ${state(money)}`);
    const validated = await rpc.send("synergy_project", [project]);
    check(validated.totalPoints === "550", `points: ${validated.totalPoints}`);

    // The preview of the revenue, then the customer pays it.
    const revenue = 1_000n * UNIT + 7n;
    const preview = await rpc.send("synergy_splitPreview", [project, revenue.toString()]);
    console.log(`preview: ${JSON.stringify(preview)}`);
    const fundBefore = (await rpc.send("synergy_fund", [])).statement;
    const paid = await send(tx.payRevenue(project, revenue), customer);
    const split = eventOf(paid, "contributions", "RevenuePaid").data.split;
    check(split.fund.toString() === preview.split.fund, `fund share ${split.fund}`);
    check(split.remainder.toString() === preview.split.remainder, `remainder ${split.remainder}`);
    const fundAfter = (await rpc.send("synergy_fund", [])).statement;
    check(
      BigInt(fundAfter.projectRevenue) - BigInt(fundBefore.projectRevenue) ===
        BigInt(preview.split.fund),
      `project revenue in the fund: ${fundBefore.projectRevenue} → ${fundAfter.projectRevenue}`
    );
    check(
      BigInt(fundAfter.remainders) - BigInt(fundBefore.remainders) ===
        BigInt(preview.split.remainder),
      `remainders in the fund: ${fundBefore.remainders} → ${fundAfter.remainders}`
    );

    // Each party claims exactly what the preview showed.
    const parties = Object.fromEntries(
      [farmer, workshop, feed, transport].map((pair) => [pair.address, pair])
    );
    let total = BigInt(preview.toFund);
    await Promise.all(
      preview.parties.map(async (party) => {
        const claimable = await rpc.send("synergy_claimable", [party.who]);
        const owed = claimable.find((c) => c.project === project);
        check(owed && owed.amount === party.total, `claimable of ${party.who}: ${owed?.amount}`);
        const events = await send(tx.claim(project), parties[party.who]);
        const claimed = eventOf(events, "contributions", "Claimed").data.amount.toBigInt();
        check(claimed === BigInt(party.total), `claimed ${claimed}, preview ${party.total}`);
        total += claimed;
      })
    );
    check(preview.parties.length === 4, `parties: ${preview.parties.length}`);
    check(total === revenue, `paid out and to the fund: ${total} of ${revenue}`);
    const after = await rpc.send("synergy_project", [project]);
    check(after.totals.revenue === revenue.toString(), `revenue ${after.totals.revenue}`);
    check(
      BigInt(after.totals.claimed) === revenue - BigInt(preview.toFund),
      `claimed ${after.totals.claimed}`
    );
    console.log(`split exactly: ${JSON.stringify(after.totals)}`);
    return 1;
  } finally {
    await rpc.disconnect();
    await api.disconnect();
  }
}

module.exports = { run };
