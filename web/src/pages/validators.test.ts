import { describe, expect, it } from "vitest"
import { finalityText, sameSet, setChange } from "./validators"

describe("the validator set", () => {
  it("names who joins and who leaves at the next session", () => {
    expect(setChange(["A", "B", "C"], ["B", "C", "D"])).toEqual({ joining: ["D"], leaving: ["A"] })
    expect(setChange(["A"], ["A"])).toEqual({ joining: [], leaving: [] })
  })
  it("tells the same set in another order from a changed one", () => {
    expect(sameSet(["A", "B"], ["B", "A"])).toBe(true)
    expect(sameSet(["A", "B"], ["A"])).toBe(false)
    expect(sameSet(["A", "B"], ["A", "C"])).toBe(false)
  })
  it("says how far finality trails the best block", () => {
    expect(finalityText(12, 12)).toBe("the best block is final")
    expect(finalityText(12, 10)).toBe("2 block(s) behind the best")
    expect(finalityText(10, 12)).toBe("the best block is final")
  })
})
