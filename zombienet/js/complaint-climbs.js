// A complaint whose panel disagrees climbs a level on its own when the escalation period
// passes, and the new panel — a member who guaranteed one of the guarantors, with consent,
// before the deal — dismisses it; a guarantor who sat below may not vote above. On members of
// its own (complaints.js's other cases run beside it). Signs as a wallet would, with
// @polkadot/api. Returns 1 on success.
const { check, refused, signAndFinalize } = require("./lib");
const { caseKit } = require("./complaints");

const UNIT = 10n ** 12n;

/** `args[0]` names the scenario whose founders act. */
async function run(nodeName, networkInfo, args = []) {
  const kit = await caseKit(nodeName, networkInfo, args[0]);
  const { api, rpc, alice, charlie, dave, eve } = kit;
  try {
    await kit.eveGuaranteesCharlie();
    const id = await kit.file(await kit.openDeal(10n * UNIT));
    await kit.votes(id, [
      [charlie, "Dismiss"],
      [dave, { Compensate: UNIT }],
    ]);
    let view = await kit.climbed(id);
    // Level 1: the guarantors of Charlie and Dave without the parties and the seated — Eve,
    // for Charlie; Dave, who sat at level 0, may not sit again.
    const panel = view.sides[0].panel.map((seat) => seat.member);
    check(JSON.stringify(panel) === JSON.stringify([eve.address]), `level 1 panel: ${panel}`);
    await refused(signAndFinalize(api, api.tx.complaints.vote(id, 0, "Dismiss"), dave), "complaints.NotOnPanel");
    await signAndFinalize(api, api.tx.complaints.vote(id, 0, "Dismiss"), eve);
    view = await rpc.send("synergy_case", [id]);
    check(view.closedAt !== null, "the case closed");
    check(view.sides[0].outcome.decided.level === 1, "decided at level 1");
    check((await rpc.send("synergy_record", [alice.address])).dismissed === 1, "Alice's dismissal");
    return 1;
  } finally {
    await kit.disconnect();
  }
}

module.exports = { run };
