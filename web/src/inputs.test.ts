import { describe, expect, it } from "vitest"
import { InputError, readAddress, readAmount, readPercent, readWhole, termsHash } from "./inputs"

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
  it("reads whole numbers within their range", () => {
    expect(readWhole(" 20 ")).toBe(20)
    expect(readWhole("0")).toBe(0)
    expect(() => readWhole("2.5")).toThrow(/whole number/)
    expect(() => readWhole("-1")).toThrow(InputError)
    expect(() => readWhole("300", 255)).toThrow(/255/)
  })
  it("reads percentages as parts per billion", () => {
    expect(readPercent("10")).toBe(100_000_000)
    expect(readPercent("12,5 %")).toBe(125_000_000)
    expect(readPercent("0.0000001")).toBe(1)
    expect(readPercent("100")).toBe(1_000_000_000)
    expect(() => readPercent("100.1")).toThrow(/percentage/)
    expect(() => readPercent("ten")).toThrow(InputError)
  })
})
