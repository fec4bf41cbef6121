import { describe, expect, it } from "vitest"
import { barPercents, MIN_PERCENT } from "./chart"

describe("bar lengths", () => {
  it("are shares of the largest value, in percent", () => {
    expect(barPercents([100n, 50n, 25n, 0n])).toEqual([100, 50, 25, 0])
    expect(barPercents([3n, 1n])).toEqual([100, 33.3])
  })
  it("keep a sliver for a value far below the largest, and nothing for zero", () => {
    const unit = 10n ** 12n
    expect(barPercents([100_000n * unit, 1n * unit, 0n])).toEqual([100, MIN_PERCENT, 0])
  })
  it("draw nothing when every value is zero, or when there are none", () => {
    expect(barPercents([0n, 0n])).toEqual([0, 0])
    expect(barPercents([])).toEqual([])
  })
  it("work beyond a float's exact range (balances of 128 bits)", () => {
    const huge = 2n ** 120n
    expect(barPercents([huge, huge / 2n])).toEqual([100, 50])
  })
})
