import { describe, expect, it } from "vitest"
import { chainTypeName, checkChainSpec } from "./chain-spec"

const raw = (extra: Record<string, unknown>) => JSON.stringify({ name: "Synergy", chainType: "Live", genesis: { raw: { top: {} } }, bootNodes: ["/dns/node.example/tcp/443/wss/p2p/12D3KooW"], ...extra })

describe("the light client's chain spec", () => {
  it("takes a raw spec with a boot node, and its chain type", () => {
    expect(checkChainSpec(raw({}))).toEqual({ chainType: "Live", bootNodes: ["/dns/node.example/tcp/443/wss/p2p/12D3KooW"] })
    expect(checkChainSpec(raw({ chainType: "Development" })).chainType).toBe("Development")
  })
  it("says what is wrong with one it cannot start from", () => {
    expect(() => checkChainSpec("<html>")).toThrow("The chain spec is not JSON.")
    expect(() => checkChainSpec(raw({ genesis: { runtimeGenesis: {} } }))).toThrow(/no raw genesis/)
    expect(() => checkChainSpec(raw({ bootNodes: [] }))).toThrow(/no boot node/)
  })
  it("names a custom chain type by its name", () => {
    expect(chainTypeName("Local")).toBe("Local")
    expect(chainTypeName({ Custom: "Staging" })).toBe("Staging")
    expect(chainTypeName(null)).toBe("")
  })
})
