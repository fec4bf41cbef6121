import { describe, expect, it } from "vitest"
import { DEFAULT_RPC, DEFAULT_SPEC, isSpecUrl, isWsUrl, resolveConnection, type SavedConnection } from "./config"

const PAGE = "http://portal.example/synergy/"
const none: SavedConnection = { via: null, rpc: null, spec: null }

describe("the connection", () => {
  it("prefers ?rpc= over the saved node over the default", () => {
    expect(resolveConnection("?rpc=wss://node.example:443", { ...none, rpc: "ws://10.0.0.1:9944" }, PAGE)).toEqual({ via: "node", url: "wss://node.example:443" })
    expect(resolveConnection("", { ...none, rpc: "ws://10.0.0.1:9944" }, PAGE)).toEqual({ via: "node", url: "ws://10.0.0.1:9944" })
    expect(resolveConnection("", none, PAGE)).toEqual({ via: "node", url: DEFAULT_RPC })
  })
  it("ignores what is not a WebSocket address", () => {
    expect(resolveConnection("?rpc=http://x:1", none, PAGE)).toEqual({ via: "node", url: DEFAULT_RPC })
    expect(resolveConnection("?rpc=nonsense", { ...none, rpc: "also nonsense" }, PAGE)).toEqual({ via: "node", url: DEFAULT_RPC })
    expect(isWsUrl("ws://127.0.0.1:9944")).toBe(true)
    expect(isWsUrl("wss://")).toBe(false)
  })
  it("starts the light client for ?light or ?spec=, from the spec beside the portal unless told", () => {
    expect(resolveConnection("?light", none, PAGE)).toEqual({ via: "light", spec: DEFAULT_SPEC })
    expect(resolveConnection("?light=1&rpc=ws://10.0.0.1:9944", none, PAGE)).toEqual({ via: "light", spec: DEFAULT_SPEC })
    expect(resolveConnection("?spec=https://coop.example/synergy.json", none, PAGE)).toEqual({ via: "light", spec: "https://coop.example/synergy.json" })
    expect(resolveConnection("?light", { ...none, spec: "specs/live.json" }, PAGE)).toEqual({ via: "light", spec: "specs/live.json" })
    expect(resolveConnection("?light=0", none, PAGE)).toEqual({ via: "node", url: DEFAULT_RPC })
  })
  it("keeps the saved choice of the light client, which ?rpc= overrides for one visit", () => {
    const saved = { via: "light", rpc: "ws://10.0.0.1:9944", spec: null }
    expect(resolveConnection("", saved, PAGE)).toEqual({ via: "light", spec: DEFAULT_SPEC })
    expect(resolveConnection("?rpc=ws://10.0.0.2:9944", saved, PAGE)).toEqual({ via: "node", url: "ws://10.0.0.2:9944" })
  })
  it("takes a chain spec from an http(s) address or a path beside the page", () => {
    expect(isSpecUrl("chain-spec.json", PAGE)).toBe(true)
    expect(isSpecUrl("/specs/synergy.json", PAGE)).toBe(true)
    expect(isSpecUrl("https://coop.example/spec.json", PAGE)).toBe(true)
    expect(isSpecUrl("ws://node:9944", PAGE)).toBe(false)
    expect(isSpecUrl("", PAGE)).toBe(false)
    expect(resolveConnection("?spec=ftp://x/spec.json", none, PAGE)).toEqual({ via: "node", url: DEFAULT_RPC })
  })
})
