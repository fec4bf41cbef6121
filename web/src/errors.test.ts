import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { errorDocs, explainDispatchError, explainPoolRefusal, variantPath } from "./errors"

// The metadata `scripts/portal.sh build` extracted from the runtime's Wasm.
const metadata = new Uint8Array(readFileSync(new URL("../.papi/metadata/synergy.scale", import.meta.url)))

describe("error documentation from the runtime's metadata", () => {
  const docs = errorDocs(metadata)
  it("documents the errors of the regulation's pallets", () => {
    const pallets = new Set([...docs.keys()].map((k) => k.split(".")[0]?.toLowerCase()))
    for (const pallet of ["membership", "escrow", "complaints", "fund"]) expect(pallets).toContain(pallet)
    const undocumented = [...docs].filter(([name, doc]) => /^(membership|escrow|complaints|fund)\./i.test(name) && doc === "")
    expect(undocumented).toEqual([])
  })
  it("explains a module error by its documentation", () => {
    const [name, doc] = [...docs].find(([n]) => /^escrow\./i.test(n))!
    const [pallet, variant] = name.split(".")
    const error = { type: "Module", value: { type: pallet, value: { type: variant, value: undefined } } }
    expect(explainDispatchError(error, docs)).toBe(`Refused by the chain (${name}): ${doc}`)
  })
})

describe("errors in words", () => {
  it("walks a nested enum", () => {
    expect(variantPath({ type: "Invalid", value: { type: "Custom", value: 1 } })).toEqual(["Invalid", "Custom", "1"])
    expect(variantPath({ type: "BadOrigin" })).toEqual(["BadOrigin"])
  })
  it("names an undocumented module error and other dispatch errors", () => {
    const error = { type: "Module", value: { type: "Nowhere", value: { type: "Nothing" } } }
    expect(explainDispatchError(error, new Map())).toBe("Refused by the chain: Nowhere.Nothing.")
    expect(explainDispatchError({ type: "Token", value: { type: "FundsUnavailable" } }, new Map())).toBe("The call failed: Token.FundsUnavailable.")
  })
  it("says why the pool refused, in words", () => {
    expect(explainPoolRefusal({ type: "Invalid", value: { type: "Custom", value: 1 } })).toMatch(/only members may send/)
    expect(explainPoolRefusal({ type: "Invalid", value: { type: "Custom", value: 2 } })).toMatch(/no tip/)
    expect(explainPoolRefusal({ type: "Invalid", value: { type: "Payment" } })).toMatch(/cannot pay the fee/)
    expect(explainPoolRefusal({ type: "Unknown", value: { type: "CannotLookup" } })).toBe("Refused by the pool: Unknown.CannotLookup.")
  })
})
