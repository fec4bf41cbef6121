import { describe, expect, it } from "vitest"
import {
  BLOCKS_PER_DAY,
  categoryOptions,
  categoryPath,
  dealValue,
  durationText,
  expiryBlock,
  expiryText,
  filterQuery,
  freeQuantity,
  points,
  priceText,
  quantityText,
  readDays,
  readFilter,
  readQuantity,
  readRegion,
  readTitle,
  regionText,
  scoreParts,
  utf8Length,
} from "./board-model"
import { InputError } from "./inputs"
import type { BoardCategory, Score } from "./rpc"

const UNITS = 1_000_000_000_000n

// The seed's board, in part, as synergy_categories answers: number order, parents first.
const categories: BoardCategory[] = [
  { id: 0, parent: null, name: "food", depth: 0, retired: false },
  { id: 1, parent: 0, name: "meat", depth: 1, retired: false },
  { id: 2, parent: 0, name: "dairy", depth: 1, retired: true },
  { id: 5, parent: null, name: "feed and fuel", depth: 0, retired: false },
  { id: 7, parent: null, name: "services", depth: 0, retired: false },
  { id: 8, parent: 7, name: "medical", depth: 1, retired: false },
  // Added later by the meeting: below meat, numbered after the rest.
  { id: 16, parent: 1, name: "poultry", depth: 2, retired: false },
]

const score: Score = {
  dealsCompleted: 1,
  complaintsReceived: 0,
  complaintsUpheld: 0,
  guarantorsUpheld: 0,
  guarantorsBanned: 0,
  banned: false,
  handshakes: 1,
  dealValue: "6000000000000",
  covered: true,
  recordPoints: 10,
  guarantorPoints: 0,
  nearnessPoints: 300,
  coverPoints: 200,
  total: 1510,
}

describe("the category tree", () => {
  it("lists each category under its parent, indented by depth, the retired marked", () => {
    const options = categoryOptions(categories)
    expect(options.map((o) => o.id)).toEqual([0, 1, 16, 2, 5, 7, 8])
    const nbsp = "\u00a0\u00a0\u00a0"
    expect(options.map((o) => o.label)).toEqual(["food", `${nbsp}meat`, `${nbsp}${nbsp}poultry`, `${nbsp}dairy (retired)`, "feed and fuel", "services", `${nbsp}medical`])
    expect(options.find((o) => o.id === 2)?.retired).toBe(true)
  })
  it("lists a category whose parent is unknown at the top, and each once", () => {
    const orphan: BoardCategory = { id: 20, parent: 99, name: "orphan", depth: 1, retired: false }
    expect(categoryOptions([...categories, orphan]).filter((o) => o.id === 20)).toHaveLength(1)
    expect(categoryOptions([])).toEqual([])
  })
  it("names a category by its path", () => {
    expect(categoryPath(categories, 16)).toBe("food › meat › poultry")
    expect(categoryPath(categories, 0)).toBe("food")
    expect(categoryPath(categories, 42)).toBe("category 42")
  })
})

describe("a listing in words", () => {
  it("gives quantities with their unit and prices in SYN per unit, or in kind", () => {
    expect(quantityText(10, "kilogram")).toBe("10 kg")
    expect(quantityText(1200, "piece")).toBe("1,200 pcs")
    expect(priceText({ perUnit: (2n * UNITS).toString() }, "kilogram")).toBe("2 SYN per kg")
    expect(priceText({ perUnit: "2500000000000" }, "hour")).toBe("2.5 SYN per hour")
    expect(priceText("inKind", "lot")).toBe("in kind (goods or work in return)")
  })
  it("names regions, 0 serving every region", () => {
    expect(regionText(0)).toBe("every region")
    expect(regionText(7)).toBe("region 7")
  })
  it("values a deal at the price times the quantity, and leaves one in kind to the responder", () => {
    expect(dealValue({ perUnit: (2n * UNITS).toString() }, 3)).toBe(6n * UNITS)
    expect(dealValue("inKind", 3)).toBeNull()
    expect(freeQuantity({ quantity: 10, committed: 3 })).toBe(7)
    expect(freeQuantity({ quantity: 3, committed: 3 })).toBe(0)
  })
})

describe("expiry", () => {
  it("counts days in blocks of six seconds", () => {
    expect(BLOCKS_PER_DAY).toBe(14_400)
    expect(expiryBlock(100, 30)).toBe(100 + 30 * 14_400)
  })
  it("says when a listing leaves: its block, the blocks left and about how long", () => {
    expect(expiryText(100, 110)).toBe("at block 110: 10 blocks, about 1 min")
    expect(expiryText(100, 1300)).toBe("at block 1300: 1200 blocks, about 2 h")
    expect(expiryText(100, 100 + 30 * 14_400)).toBe(`at block ${100 + 30 * 14_400}: ${30 * 14_400} blocks, about 30 days`)
    expect(expiryText(200, 110)).toBe("at block 110: 0 blocks, about 0 min")
    expect(durationText(1190)).toBe("119 min")
    expect(durationText(1199)).toBe("2 h")
    expect(durationText(2 * 14_400 - 600)).toBe("47 h")
    expect(durationText(2 * 14_400)).toBe("2 days")
  })
  it("reads the days a listing stays, up to the longest the runtime allows", () => {
    expect(readDays(" 30 ", 90 * 14_400)).toBe(30)
    expect(readDays("90", 90 * 14_400)).toBe(90)
    expect(() => readDays("91", 90 * 14_400)).toThrow(/from 1 to 90/)
    expect(() => readDays("0", 90 * 14_400)).toThrow(InputError)
    expect(() => readDays("1.5", 90 * 14_400)).toThrow(InputError)
  })
})

describe("what a member types into a listing", () => {
  it("counts a title in bytes of UTF-8, as the runtime does", () => {
    expect(utf8Length("beef")).toBe(4)
    expect(utf8Length("говядина")).toBe(16)
    expect(readTitle("  Beef, grass-fed  ")).toBe("Beef, grass-fed")
    expect(readTitle("я".repeat(32))).toBe("я".repeat(32))
    expect(() => readTitle("я".repeat(33))).toThrow(/66 bytes of UTF-8; at most 64/)
    expect(() => readTitle("   ")).toThrow(/title/)
  })
  it("reads quantities above zero and region codes, a filter's empty region being every region", () => {
    expect(readQuantity("12")).toBe(12)
    expect(() => readQuantity("0")).toThrow(/more than zero/)
    expect(() => readQuantity("-1")).toThrow(InputError)
    expect(readRegion("7", false)).toBe(7)
    expect(readRegion(" ", true)).toBeNull()
    expect(() => readRegion("", false)).toThrow(InputError)
    expect(() => readRegion("65536", true)).toThrow(InputError)
  })
  it("keeps the board's choice in the page's address", () => {
    const filter = readFilter(new URLSearchParams("category=1&side=offer&region=7&page=2"))
    expect(filter).toEqual({ category: 1, side: "offer", region: 7, page: 2 })
    expect(filterQuery(filter)).toBe("category=1&side=offer&region=7&page=2")
    expect(readFilter(new URLSearchParams("side=sideways&category=x"))).toEqual({ category: null, side: null, region: null, page: 0 })
    expect(filterQuery({ category: 0, side: null, region: null, page: 0 })).toBe("category=0")
  })
})

describe("a match's score in words", () => {
  it("shows every part: the record, the guarantors, the handshakes, the cover and the total", () => {
    const parts = scoreParts(score)
    expect(parts.map((p) => p.part)).toEqual(["deals", "complaints", "banned", "record", "guarantors", "handshakes", "deal", "total"])
    expect(parts.map((p) => [p.text, p.points])).toEqual([
      ["Deals completed: 1 (10 points each, up to 50 counted)", null],
      ["Complaints against them: 0, of them upheld: 0 (−200 for each upheld, −20 for each other)", null],
      ["Not banned from guaranteeing", null],
      ["Their record, together", 10],
      ["Their guarantors: 0 complaint(s) upheld against them, 0 banned from guaranteeing (−50 for each upheld, −100 for each banned)", 0],
      ["1 handshake(s) between you in the guarantor graph (50 points for each handshake fewer than seven)", 300],
      ["The deal, 6 SYN: their insured quantum and headroom cover it", 200],
      ["The score: 1,000 +10 (record) +0 (guarantors) +300 (handshakes) +200 (cover)", 1510],
    ])
  })
  it("says what a poor record, distance, no cover and an unknown value cost", () => {
    const poor: Score = {
      ...score,
      dealsCompleted: 0,
      complaintsReceived: 6,
      complaintsUpheld: 5,
      guarantorsUpheld: 2,
      guarantorsBanned: 1,
      banned: true,
      handshakes: null,
      covered: false,
      recordPoints: -1320,
      guarantorPoints: -200,
      nearnessPoints: 0,
      coverPoints: -200,
      total: 0,
    }
    const text = Object.fromEntries(scoreParts(poor).map((p) => [p.part, p.text]))
    expect(text.banned).toBe("Banned from guaranteeing (−300)")
    expect(text.guarantors).toMatch(/^Their guarantors: 2 complaint\(s\) upheld against them, 1 banned/)
    expect(text.handshakes).toBe("Not within six handshakes of you in the guarantor graph")
    expect(text.deal).toBe("The deal, 6 SYN: their escrow does not cover it, and would refuse it")
    expect(text.total).toBe("The score: 1,000 −1,320 (record) −200 (guarantors) +0 (handshakes) −200 (cover), but never below 0")
    const inKind = Object.fromEntries(scoreParts({ ...score, dealValue: null, covered: null, coverPoints: 0 }).map((p) => [p.part, p.text]))
    expect(inKind.deal).toBe("The deal's value is not known (both listings in kind)")
    expect(scoreParts({ ...score, dealValue: "6000000000000" }).find((p) => p.part === "deal")?.text).toContain("6 SYN")
  })
  it("signs points", () => {
    expect(points(300)).toBe("+300")
    expect(points(-200)).toBe("−200")
    expect(points(0)).toBe("0")
    expect(points(0, true)).toBe("+0")
  })
})
