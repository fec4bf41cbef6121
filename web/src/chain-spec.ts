// The chain spec the light client starts from: fetched from where the portal was told (a file
// beside it by default), and checked for what smoldot needs before it starts.
import { t } from "./i18n"

/** A chain spec's chain type: `"Live"`, or a custom one's name (`{ "Custom": "…" }`). */
export function chainTypeName(value: unknown): string {
  if (typeof value === "string") return value
  if (typeof value === "object" && value !== null) {
    const [first] = Object.values(value)
    return typeof first === "string" ? first : (Object.keys(value)[0] ?? "")
  }
  return ""
}

/** What the light client needs of a chain spec: raw genesis and at least one boot node. */
export function checkChainSpec(text: string): { chainType: string; bootNodes: string[] } {
  let spec: unknown
  try {
    spec = JSON.parse(text)
  } catch {
    throw new Error(t("light.specNotJson"))
  }
  const { genesis, bootNodes, chainType } = (spec ?? {}) as { genesis?: { raw?: unknown }; bootNodes?: unknown; chainType?: unknown }
  if (!genesis?.raw) throw new Error(t("light.specNotRaw"))
  const nodes = Array.isArray(bootNodes) ? bootNodes.filter((n): n is string => typeof n === "string") : []
  if (nodes.length === 0) throw new Error(t("light.specNoBootNodes"))
  return { chainType: chainTypeName(chainType), bootNodes: nodes }
}

/** Fetches the chain spec the light client starts from. */
export async function fetchChainSpec(url: string): Promise<string> {
  let response: Response
  try {
    response = await fetch(url)
  } catch (error) {
    throw new Error(t("light.specUnreachable", { url, reason: error instanceof Error ? error.message : String(error) }))
  }
  if (!response.ok) throw new Error(t("light.specUnreachable", { url, reason: `HTTP ${response.status}` }))
  return response.text()
}
