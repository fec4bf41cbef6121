// Names for accounts: the reader's own accounts by the names their wallet gives them and, on a
// development chain, Alice … Ferdie. Everything else stays a short address; the whole address
// is always in the title.
import { shortAddress } from "./accounts"

let known: ReadonlyMap<string, string> = new Map()

/** The names the portal shows: the first name given for an address wins (a wallet's before the development one). */
export function setNames(accounts: readonly { address: string; name: string }[]): void {
  const names = new Map<string, string>()
  for (const { address, name } of accounts) {
    const trimmed = name.trim()
    if (trimmed && trimmed !== address && !names.has(address)) names.set(address, trimmed)
  }
  known = names
}

/** The name of an address, if the reader knows one. */
export function nameOf(address: string): string | undefined {
  return known.get(address)
}

/** What a list shows for an account: `Alice (5Grwva…KutQY)`, or the short address alone. */
export function accountText(address: string): string {
  const name = known.get(address)
  return name ? `${name} (${shortAddress(address)})` : shortAddress(address)
}

/** What the graph shows on a node: the name alone, or the short address. */
export function accountLabel(address: string): string {
  return known.get(address) ?? shortAddress(address)
}
