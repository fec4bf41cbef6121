import { describe, expect, it } from "vitest"
import { AmountError, formatSyn, parseSyn, synInput } from "./amount"

describe("parseSyn", () => {
  it("reads whole SYN", () => {
    expect(parseSyn("2100")).toBe(2_100_000_000_000_000n)
    expect(parseSyn("0")).toBe(0n)
  })
  it("reads fractions with a point or a comma, and grouping spaces", () => {
    expect(parseSyn("0.5")).toBe(500_000_000_000n)
    expect(parseSyn("1 000,25")).toBe(1_000_250_000_000_000n)
    expect(parseSyn(".000000000001")).toBe(1n)
    expect(parseSyn("10.")).toBe(10_000_000_000_000n)
  })
  it("refuses what is not an amount", () => {
    const reason = (text: string) => {
      try {
        parseSyn(text)
        return "parsed"
      } catch (e) {
        return e instanceof AmountError ? e.reason : "other"
      }
    }
    expect(reason("")).toBe("empty")
    expect(reason("  ")).toBe("empty")
    expect(reason("-1")).toBe("negative")
    expect(reason("1e3")).toBe("malformed")
    expect(reason("1.2.3")).toBe("malformed")
    expect(reason(".")).toBe("malformed")
    expect(reason("0.0000000000001")).toBe("tooPrecise")
  })
})

describe("formatSyn", () => {
  it("formats whole amounts with the locale's grouping", () => {
    expect(formatSyn("2100000000000000", "en")).toBe("2,100 SYN")
    expect(formatSyn(2_100_000_000_000_000n, "ru").replace(/\s/g, " ")).toBe("2 100 SYN")
  })
  it("keeps only the fraction it needs", () => {
    expect(formatSyn(1_500_000_000_000n, "en")).toBe("1.5 SYN")
    expect(formatSyn(1_500_000_000_000n, "ru")).toBe("1,5 SYN")
    expect(formatSyn(1n, "en", false)).toBe("0.000000000001")
    expect(formatSyn(-10_000_000_000_000n, "en")).toBe("−10 SYN")
  })
  it("round-trips through parseSyn", () => {
    for (const value of [0n, 1n, 123_456_789_012_345_678n, 10n ** 12n]) {
      expect(parseSyn(formatSyn(value, "en", false).replace(/,/g, ""))).toBe(value)
    }
  })
})

describe("synInput", () => {
  it("gives a value parseSyn reads back in any locale", () => {
    expect(synInput("2100000000000000")).toBe("2100")
    expect(synInput(1_500_000_000_000n)).toBe("1.5")
    for (const value of [0n, 1n, 123_456_789_012_345_678n]) expect(parseSyn(synInput(value))).toBe(value)
  })
})
