// The connection to a node: the typed API from the generated descriptors, the synergy_* RPC
// methods, the chain's identity and the new blocks that pages follow.
import { createClient, type PolkadotClient, type TypedApi } from "polkadot-api"
import { getWsProvider } from "polkadot-api/ws-provider/web"
import { withPolkadotSdkCompat } from "polkadot-api/polkadot-sdk-compat"
import { synergy } from "@synergy/descriptors"

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
  url: string
  client: PolkadotClient
  api: SynergyApi
  info: ChainInfo
  rpc<T>(method: string, params: unknown[]): Promise<T>
  /** Calls `listener` with the number of every new best block; returns the unsubscribe. */
  onBlock(listener: (number: number) => void): () => void
  /** The numbers of the best block and of the last finalized one, as the node reports them now. */
  heads(): Promise<{ best: number; finalized: number }>
}

/** Whether the development accounts may be offered: only on a development chain. */
export function isDevelopment(info: ChainInfo): boolean {
  return info.chainType === "Development"
}

export async function connect(url: string): Promise<Chain> {
  const client = createClient(withPolkadotSdkCompat(getWsProvider(url)))
  const rpc = <T>(method: string, params: unknown[]) => client._request<T, unknown[]>(method, params)
  const [spec, chainType] = await Promise.all([client.getChainSpecData(), rpc<unknown>("system_chainType", [])])
  const props = spec.properties as Record<string, unknown>
  const info: ChainInfo = {
    name: spec.name,
    chainType: typeof chainType === "string" ? chainType : Object.keys(chainType as object)[0] ?? "",
    tokenSymbol: typeof props.tokenSymbol === "string" ? props.tokenSymbol : "SYN",
    tokenDecimals: typeof props.tokenDecimals === "number" ? props.tokenDecimals : 12,
    ss58Format: typeof props.ss58Format === "number" ? props.ss58Format : 42,
  }
  const api = client.getTypedApi(synergy)
  return {
    url,
    client,
    api,
    info,
    rpc,
    onBlock(listener) {
      const subscription = client.bestBlocks$.subscribe((blocks) => {
        const best = blocks[0]
        if (best) listener(best.number)
      })
      return () => subscription.unsubscribe()
    },
    async heads() {
      const [best, finalized] = await Promise.all([client.getBestBlocks(), client.getFinalizedBlock()])
      return { best: best[0]?.number ?? finalized.number, finalized: finalized.number }
    },
  }
}
