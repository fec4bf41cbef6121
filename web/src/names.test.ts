import { describe, expect, it } from "vitest"
import { accountLabel, accountText, nameOf, setNames } from "./names"

const ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"
const BOB = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty"
const EVE = "5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw"

describe("names for accounts", () => {
  it("names the known accounts and shortens the rest", () => {
    setNames([
      { address: ALICE, name: "Alice" },
      { address: BOB, name: "Bob" },
    ])
    expect(nameOf(ALICE)).toBe("Alice")
    expect(accountText(BOB)).toBe("Bob (5FHneW…M694ty)")
    expect(accountLabel(BOB)).toBe("Bob")
    expect(nameOf(EVE)).toBeUndefined()
    expect(accountText(EVE)).toBe("5HGjWA…8kUMaw")
    expect(accountLabel(EVE)).toBe("5HGjWA…8kUMaw")
  })
  it("keeps a wallet's name before the development one, and ignores names that are only the address", () => {
    setNames([
      { address: ALICE, name: "  My savings " },
      { address: ALICE, name: "Alice" },
      { address: EVE, name: EVE },
    ])
    expect(nameOf(ALICE)).toBe("My savings")
    expect(nameOf(EVE)).toBeUndefined()
  })
})
