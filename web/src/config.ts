// Where the portal connects: `?rpc=` in the address, else the reader's saved setting, else the
// local node.

export const DEFAULT_RPC = "ws://127.0.0.1:9944"
const STORAGE_KEY = "synergy.rpc"

/** Whether a text is a WebSocket address the portal can connect to. */
export function isWsUrl(text: string): boolean {
  try {
    const url = new URL(text)
    return (url.protocol === "ws:" || url.protocol === "wss:") && url.host !== ""
  } catch {
    return false
  }
}

/** The node to connect to, from the page's query string and the saved setting. */
export function resolveRpc(search: string, saved: string | null): string {
  const fromQuery = new URLSearchParams(search).get("rpc")
  if (fromQuery && isWsUrl(fromQuery)) return fromQuery
  if (saved && isWsUrl(saved)) return saved
  return DEFAULT_RPC
}

export function savedRpc(): string | null {
  return localStorage.getItem(STORAGE_KEY)
}

export function saveRpc(url: string): void {
  localStorage.setItem(STORAGE_KEY, url)
}
