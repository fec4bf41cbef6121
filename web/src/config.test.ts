import { describe, expect, it } from "vitest"
import { DEFAULT_RPC, isWsUrl, resolveRpc } from "./config"

describe("the node address", () => {
  it("prefers ?rpc= over the saved setting over the default", () => {
    expect(resolveRpc("?rpc=wss://node.example:443", "ws://10.0.0.1:9944")).toBe("wss://node.example:443")
    expect(resolveRpc("", "ws://10.0.0.1:9944")).toBe("ws://10.0.0.1:9944")
    expect(resolveRpc("", null)).toBe(DEFAULT_RPC)
  })
  it("ignores what is not a WebSocket address", () => {
    expect(resolveRpc("?rpc=http://x:1", null)).toBe(DEFAULT_RPC)
    expect(resolveRpc("?rpc=nonsense", "also nonsense")).toBe(DEFAULT_RPC)
    expect(isWsUrl("ws://127.0.0.1:9944")).toBe(true)
    expect(isWsUrl("wss://")).toBe(false)
  })
})
