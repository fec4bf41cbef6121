// Returns how many blocks the node's finalized head advanced, waiting until it advanced by at
// least the number given as the first argument.
const { connect, sleep, finalizedNumber } = require("./lib");

async function run(nodeName, networkInfo, args) {
  const wanted = parseInt(args[0] || "1", 10);
  const api = await connect(networkInfo, nodeName);
  try {
    const start = await finalizedNumber(api);
    for (;;) {
      const advanced = (await finalizedNumber(api)) - start;
      if (advanced >= wanted) return advanced;
      await sleep(2000);
    }
  } finally {
    await api.disconnect();
  }
}

module.exports = { run };
