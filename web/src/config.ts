// How the portal reaches the chain: a node's JSON-RPC over WebSocket, or the light client
// (smoldot, in this browser) started from a chain spec. The page's address decides first
// (`?rpc=ws://…`; `?light`, with `&spec=…` for another spec), then the reader's saved
// setting, else the local node.

export const DEFAULT_RPC = "ws://127.0.0.1:9944"
/** The chain spec the light client starts from, unless told otherwise: served beside the portal. */
export const DEFAULT_SPEC = "chain-spec.json"
const RPC_KEY = "synergy.rpc"
const VIA_KEY = "synergy.via"
const SPEC_KEY = "synergy.spec"

export type Connection =
  /** A node's JSON-RPC: the node is trusted with every answer. */
  | { via: "node"; url: string }
  /** The light client: it checks the chain's headers, finality and storage proofs itself. */
  | { via: "light"; spec: string }

/** What the reader saved in this browser. */
export interface SavedConnection {
  via: string | null
  rpc: string | null
  spec: string | null
}

/** Whether a text is a WebSocket address the portal can connect to. */
export function isWsUrl(text: string): boolean {
  try {
    const url = new URL(text)
    return (url.protocol === "ws:" || url.protocol === "wss:") && url.host !== ""
  } catch {
    return false
  }
}

/** Whether a text is where a chain spec may be fetched from: an http(s) address, or a path beside the page (`base`). */
export function isSpecUrl(text: string, base: string): boolean {
  if (text.trim() === "") return false
  try {
    const url = new URL(text, base)
    return url.protocol === "http:" || url.protocol === "https:"
  } catch {
    return false
  }
}

/** How to connect, from the page's query string and the saved setting; `base` is the page's address. */
export function resolveConnection(search: string, saved: SavedConnection, base: string): Connection {
  const query = new URLSearchParams(search)
  const spec = [query.get("spec"), saved.spec].find((s): s is string => s !== null && isSpecUrl(s, base)) ?? DEFAULT_SPEC
  const light = (query.has("light") && query.get("light") !== "0") || (query.get("spec") !== null && isSpecUrl(query.get("spec") ?? "", base))
  if (light) return { via: "light", spec }
  const rpc = query.get("rpc")
  if (rpc && isWsUrl(rpc)) return { via: "node", url: rpc }
  if (saved.via === "light") return { via: "light", spec }
  return { via: "node", url: saved.rpc && isWsUrl(saved.rpc) ? saved.rpc : DEFAULT_RPC }
}

export function savedConnection(): SavedConnection {
  return { via: localStorage.getItem(VIA_KEY), rpc: localStorage.getItem(RPC_KEY), spec: localStorage.getItem(SPEC_KEY) }
}

/** Keeps the choice; the other way's address stays saved for when the reader switches back. */
export function saveConnection(connection: Connection): void {
  localStorage.setItem(VIA_KEY, connection.via)
  if (connection.via === "node") localStorage.setItem(RPC_KEY, connection.url)
  else localStorage.setItem(SPEC_KEY, connection.spec)
}

/** The parameters that choose a connection in the page's address, which a saved choice replaces. */
export const CONNECTION_PARAMS = ["rpc", "light", "spec"] as const
