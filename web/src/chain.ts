// The connection to the chain — a node's JSON-RPC over WebSocket, or the light client (smoldot,
// started in a Web Worker of this page) — with the typed API from the generated descriptors,
// the runtime's metadata, the chain's identity and the new blocks that pages follow.
import { createClient, type PolkadotClient, type TypedApi } from "polkadot-api"
import { withPolkadotSdkCompat } from "polkadot-api/polkadot-sdk-compat"
import { getWsProvider } from "polkadot-api/ws-provider/web"
import { synergy } from "@synergy/descriptors"
import type { Connection } from "./config"
import { chainTypeName, checkChainSpec, fetchChainSpec } from "./chain-spec"
import { droppedTransaction, type DropWatch } from "./tx"
import { runtimeViews, type RuntimeViews } from "./views"

export type SynergyApi = TypedApi<typeof synergy>

export interface ChainInfo {
  name: string
  /** `system_chainType`: "Development", "Local", "Live" or a custom name. */
  chainType: string
  tokenSymbol: string
  tokenDecimals: number
  ss58Format: number
}

export interface Chain {
  connection: Connection
  client: PolkadotClient
  api: SynergyApi
  info: ChainInfo
  /** The runtime's metadata, as the client decodes with it. */
  metadata: Uint8Array
  /** The runtime APIs' values written as the synergy_* methods answer. */
  views: RuntimeViews
  /** A JSON-RPC method of the node; a light client serves the standard ones only. */
  rpc<T>(method: string, params: unknown[]): Promise<T>
  /** Calls `listener` with the number of every new best block; returns the unsubscribe. */
  onBlock(listener: (number: number) => void): () => void
  /** The numbers of the best block and of the last finalized one, as the client knows them now. */
  heads(): Promise<{ best: number; finalized: number }>
  /** The transactions the light client dropped unsent (a node's connection drops none). */
  onTransactionDropped: DropWatch
}

/** Whether the development accounts may be offered: only on a development chain. */
export function isDevelopment(info: ChainInfo): boolean {
  return info.chainType === "Development"
}

interface Opened {
  provider: Parameters<typeof createClient>[0]
  /** The chain type, when the client knows it without asking the node. */
  chainType?: string
  onTransactionDropped: DropWatch
}

function nodeProvider(url: string): Opened {
  return { provider: withPolkadotSdkCompat(getWsProvider(url)), onTransactionDropped: () => () => {} }
}

/** smoldot in a Web Worker, its chain added from the spec: loaded only when chosen. */
async function lightProvider(specUrl: string): Promise<Opened> {
  const chainSpec = await fetchChainSpec(specUrl)
  const { chainType } = checkChainSpec(chainSpec)
  const [{ startFromWorker }, { default: SmoldotWorker }, { getSmProvider }] = await Promise.all([
    import("polkadot-api/smoldot/from-worker"),
    import("polkadot-api/smoldot/worker?worker"),
    import("polkadot-api/sm-provider"),
  ])
  const listeners = new Set<(shortHash: string, reason: string) => void>()
  const smoldot = startFromWorker(new SmoldotWorker(), {
    maxLogLevel: 2,
    // Its warnings and errors on the console, as smoldot writes them; a transaction it could not
    // check (and so never sent) to the transaction's watcher too.
    logCallback(level, target, message) {
      const drop = droppedTransaction(message)
      if (drop) for (const listener of listeners) listener(drop.shortHash, drop.reason)
      if (level <= 1) console.error("[%s] %s", target, message)
      else console.warn("[%s] %s", target, message)
    },
  })
  return {
    provider: getSmProvider(smoldot.addChain({ chainSpec })),
    chainType,
    onTransactionDropped(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

export async function connect(connection: Connection): Promise<Chain> {
  const opened = connection.via === "light" ? await lightProvider(connection.spec) : nodeProvider(connection.url)
  const client = createClient(opened.provider)
  const rpc = <T>(method: string, params: unknown[]) => client._request<T, unknown[]>(method, params)
  const [spec, chainType, finalized] = await Promise.all([
    client.getChainSpecData(),
    opened.chainType ?? rpc<unknown>("system_chainType", []).then(chainTypeName),
    client.getFinalizedBlock(),
  ])
  const metadata = await client.getMetadata(finalized.hash)
  const props = spec.properties as Record<string, unknown>
  const info: ChainInfo = {
    name: spec.name,
    chainType,
    tokenSymbol: typeof props.tokenSymbol === "string" ? props.tokenSymbol : "SYN",
    tokenDecimals: typeof props.tokenDecimals === "number" ? props.tokenDecimals : 12,
    ss58Format: typeof props.ss58Format === "number" ? props.ss58Format : 42,
  }
  const api = client.getTypedApi(synergy)
  return {
    connection,
    client,
    api,
    info,
    metadata,
    views: runtimeViews(metadata),
    rpc,
    onBlock(listener) {
      const subscription = client.bestBlocks$.subscribe((blocks) => {
        const best = blocks[0]
        if (best) listener(best.number)
      })
      return () => subscription.unsubscribe()
    },
    async heads() {
      const [best, latest] = await Promise.all([client.getBestBlocks(), client.getFinalizedBlock()])
      return { best: best[0]?.number ?? latest.number, finalized: latest.number }
    },
    onTransactionDropped: opened.onTransactionDropped,
  }
}
