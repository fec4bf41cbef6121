import { describe, expect, it } from "vitest"
import { InputError, readAddress, readAmount, termsHash } from "./inputs"

const ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"

describe("what a reader types", () => {
  it("checks addresses and their network", () => {
    expect(readAddress(` ${ALICE} `, 42)).toBe(ALICE)
    expect(() => readAddress("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ", 42)).toThrow(InputError)
    expect(() => readAddress(ALICE, 0)).toThrow(/another network/)
  })
  it("reads amounts in words", () => {
    expect(readAmount("10")).toBe(10_000_000_000_000n)
    expect(() => readAmount("0")).toThrow(/more than zero/)
    expect(() => readAmount("ten")).toThrow(/not an amount/)
  })
  it("hashes the terms, or takes a hash as given", () => {
    const hash = termsHash("deliver 10 chairs")
    expect(hash).toMatch(/^0x[0-9a-f]{64}$/)
    expect(termsHash("deliver 10 chairs")).toBe(hash)
    expect(termsHash(`0x${"AB".repeat(32)}`)).toBe(`0x${"ab".repeat(32)}`)
    expect(() => termsHash("  ")).toThrow(InputError)
  })
})
