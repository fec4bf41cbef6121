// The offer and request board on the network, signed as a wallet would with @polkadot/api:
// the farmer (Alice of this scenario's ring) offers meat and the sausage workshop (Bob)
// requests it; each sees the other among its matches; the workshop responds, the insured deal
// opens in the escrow, the farmer accepts, both confirm, and the offer's quantity falls by what
// the deal took. Then a pensioner (Eve, admitted through Alice and Bob) asks for medicine: the
// nearer supplier with a clean record (Alice, who guarantees her) ranks ahead of a farther one
// whose complaint was upheld (Dave, two handshakes away). Returns 1 on success.
const { Keyring } = require("@polkadot/keyring");
const { cryptoWaitReady, blake2AsHex } = require("@polkadot/util-crypto");
const {
  accountUri,
  bestNumber,
  check,
  connect,
  eventOf,
  rpcProvider,
  signAndFinalize,
  signAndFinalizeEvents,
} = require("./lib");

const UNIT = 10n ** 12n;
const PENSIONERS = 2;
// The board's starter categories.
const FOOD = 0;
const MEAT = 1;
const MEDICINE = 6;
// A region of this scenario's own, so that no other listing on the chain matches.
const REGION = 77;

/** `args[0]` names the scenario whose founders and outsiders act. */
async function run(nodeName, networkInfo, args = []) {
  await cryptoWaitReady();
  const api = await connect(networkInfo, nodeName);
  const rpc = await rpcProvider(networkInfo, nodeName);
  const log = (...line) => console.log("board:", ...line);
  try {
    const keyring = new Keyring({ type: "sr25519", ss58Format: api.registry.chainSS58 });
    const [alice, bob, charlie, dave, eve] = ["Alice", "Bob", "Charlie", "Dave", "Eve"].map((name) =>
      keyring.addFromUri(accountUri(name, args[0]))
    );
    const expires = (await bestNumber(api)) + 2_000;
    const terms = (title, quantity, price) => ({
      title,
      details: blake2AsHex(`${title}: details kept off chain`),
      quantity,
      unit: "Kilogram",
      price: price === null ? "InKind" : { PerUnit: price },
      region: REGION,
      expires,
    });
    const post = async (who, side, category, listing) => {
      const events = await signAndFinalizeEvents(api, api.tx.board.post(side, category, listing), who);
      return eventOf(events, "board", "Posted").data.listing.toNumber();
    };
    const ids = (matches) => matches.map((m) => m.listing.id);

    const categories = await rpc.send("synergy_categories", []);
    check(categories[MEAT].name === "meat" && categories[MEDICINE].name === "medicine", "the starter categories");

    // The farmer's offer and the workshop's request.
    const offer = await post(alice, "Offer", MEAT, terms("beef", 100, 5n * UNIT));
    const request = await post(bob, "Request", MEAT, terms("meat for sausage", 40, null));
    const page = await rpc.send("synergy_board", [FOOD, "offer", REGION, 0]);
    check(page.listings.map((l) => l.id).includes(offer), `the offer on the food board: ${JSON.stringify(page)}`);
    const forWorkshop = await rpc.send("synergy_matches", [request, 10]);
    check(ids(forWorkshop)[0] === offer, `the workshop's match: ${JSON.stringify(forWorkshop)}`);
    check(forWorkshop[0].score.handshakes === 1 && forWorkshop[0].score.covered === true, "its score's parts");
    const forFarmer = await rpc.send("synergy_matches", [alice.address, 10]);
    check(ids(forFarmer).includes(request), `the farmer's match: ${JSON.stringify(forFarmer)}`);
    log("the offer and the request match each other");

    // The workshop responds: an insured deal of 40 kg at 5 SYN.
    const responded = await signAndFinalizeEvents(
      api,
      api.tx.board.respond(offer, 40, { value: null, details: blake2AsHex("delivered on Friday") }),
      bob
    );
    const deal = eventOf(responded, "board", "Responded").data.deal.toNumber();
    const opened = eventOf(responded, "escrow", "DealOpened").data;
    check(opened.amount.toBigInt() === 200n * UNIT, `the deal's value ${opened.amount}`);
    await signAndFinalize(api, api.tx.escrow.acceptDeal(deal), alice);
    await signAndFinalize(api, api.tx.escrow.confirmDeal(deal), alice);
    const completed = await signAndFinalizeEvents(api, api.tx.escrow.confirmDeal(deal), bob);
    const taken = eventOf(completed, "board", "Taken").data;
    check(taken.left.toNumber() === 60, `left ${taken.left}`);
    const listing = await rpc.send("synergy_listing", [offer]);
    check(listing.quantity === 60 && listing.committed === 0, `the offer after the deal: ${JSON.stringify(listing)}`);
    log("the insured deal completed; 60 kg left on offer");

    // The pensioner joins through Alice and Bob.
    await signAndFinalize(api, api.tx.membership.propose(eve.address, PENSIONERS), alice);
    await signAndFinalize(api, api.tx.membership.guarantee(eve.address), bob);
    await signAndFinalize(api, api.tx.membership.accept(), eve);
    // A complaint against Dave upheld by his guarantors, Alice and Bob.
    const bad = await signAndFinalizeEvents(
      api,
      api.tx.escrow.openDeal(dave.address, 10n * UNIT, blake2AsHex("a crate of medicine")),
      charlie
    );
    const badDeal = eventOf(bad, "escrow", "DealOpened").data.deal.toNumber();
    await signAndFinalize(api, api.tx.escrow.acceptDeal(badDeal), dave);
    const filed = await signAndFinalizeEvents(api, api.tx.complaints.file(badDeal, null), charlie);
    const caseId = eventOf(filed, "complaints", "ComplaintFiled").data["case"].toNumber();
    await Promise.all(
      [alice, bob].map((guarantor) =>
        signAndFinalize(api, api.tx.complaints.vote(caseId, 0, { Compensate: 10n * UNIT }), guarantor)
      )
    );
    const record = await rpc.send("synergy_record", [dave.address]);
    check(record.upheld === 1, `Dave's record ${JSON.stringify(record)}`);
    log("a complaint against Dave upheld");

    // Two suppliers of medicine; the pensioner asks.
    const near = await post(alice, "Offer", MEDICINE, terms("insulin", 10, 4n * UNIT));
    const far = await post(dave, "Offer", MEDICINE, terms("insulin", 10, 3n * UNIT));
    const ask = await post(eve, "Request", MEDICINE, terms("insulin", 2, 4n * UNIT));
    const ranked = await rpc.send("synergy_matches", [ask, 10]);
    check(
      JSON.stringify(ids(ranked)) === JSON.stringify([near, far]),
      `the pensioner's matches: ${JSON.stringify(ranked)}`
    );
    const [first, second] = ranked.map((m) => m.score);
    check(first.handshakes === 1 && first.complaintsUpheld === 0, `the nearer supplier ${JSON.stringify(first)}`);
    check(second.handshakes === 2 && second.complaintsUpheld === 1, `the farther one ${JSON.stringify(second)}`);
    check(first.total > second.total, "the nearer, cleaner supplier ranks first");
    log(`the nearer, cleaner supplier first (${first.total} against ${second.total})`);
    return 1;
  } finally {
    await rpc.disconnect();
    await api.disconnect();
  }
}

module.exports = { run };
