// Returns 1 once the node's best block is within two blocks of the best block of every other
// node that answers: it has caught up with the chain.
const { connect, sleep, bestNumber } = require("./lib");

async function run(nodeName, networkInfo) {
  const api = await connect(networkInfo, nodeName);
  const others = [];
  for (const name of Object.keys(networkInfo.nodesByName)) {
    if (name === nodeName) continue;
    try {
      others.push(await connect(networkInfo, name));
    } catch (_) {
      // A node that is paused or down does not set the pace.
    }
  }
  try {
    for (;;) {
      const own = await bestNumber(api);
      const highest = Math.max(...(await Promise.all(others.map(bestNumber))));
      if (own > 0 && highest - own <= 2) return 1;
      await sleep(2000);
    }
  } finally {
    await Promise.all([api, ...others].map((a) => a.disconnect()));
  }
}

module.exports = { run };
