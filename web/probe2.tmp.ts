import { createClient } from "polkadot-api"
import { getWsProvider } from "polkadot-api/ws-provider/node"
import { withPolkadotSdkCompat } from "polkadot-api/polkadot-sdk-compat"
import { synergy } from "@synergy/descriptors"
import { rpcReader, runtimeReader } from "./src/rpc"
import { runtimeViews } from "./src/views"
const port = 9977
const rpc = async <T,>(method: string, params: unknown[]): Promise<T> => {
  const r = await fetch(`http://127.0.0.1:${port}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) })
  const b = (await r.json()) as { result: T; error?: unknown }
  if (b.error) throw new Error(JSON.stringify(b.error))
  return b.result
}
const client = createClient(withPolkadotSdkCompat(getWsProvider(`ws://127.0.0.1:${port}`)))
const api = client.getTypedApi(synergy)
const [best] = await client.getBestBlocks()
const views = runtimeViews(await client.getMetadata(best!.hash))
const node = rpcReader({ rpc }, best!.hash)
const light = runtimeReader(api, views, best!.hash)
const ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"
const asks: [string, (r: typeof node) => Promise<unknown>][] = [
  ["categories", (r) => r.categories()],
  ["board0", (r) => r.board(0, null, null, 0)],
  ["board1", (r) => r.board(1, "offer", 7, 0)],
  ["board2", (r) => r.board(1, "request", 3, 1)],
  ["listing0", (r) => r.listing(0)],
  ["listing9", (r) => r.listing(9)],
  ["matches1", (r) => r.matches(1, 10)],
  ["matchesA", (r) => r.matches(ALICE)],
]
for (const [name, ask] of asks) {
  const a = JSON.stringify(await ask(node)), b = JSON.stringify(await ask(light))
  console.log(name, a === b ? "same" : `DIFFER\n${a}\n${b}`)
}
client.destroy()
