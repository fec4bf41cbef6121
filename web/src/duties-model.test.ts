import { describe, expect, it } from "vitest"
import { blocksLeft, dutyItems, minutesFor } from "./duties-model"
import type { Duties } from "./rpc"

const ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"
const BOB = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty"

const none: Duties = { at: 100, application: null, guaranteesOffered: [], panelVotes: [], topUps: [], deals: [], votes: [] }

describe("duties", () => {
  it("asks nothing of a quiet account", () => {
    expect(dutyItems(none)).toEqual([])
  })

  it("orders every duty by its deadline, those without one last", () => {
    const items = dutyItems({
      ...none,
      guaranteesOffered: [BOB],
      panelVotes: [{ case: 3, side: 0, level: 1, accused: BOB, sitsFor: ALICE, deadline: 130 }],
      topUps: [
        { protege: BOB, owed: "5000000000000", by: 400, pausedLeft: null },
        { protege: ALICE, owed: "1", by: null, pausedLeft: 20 },
      ],
      deals: [
        { deal: 7, action: "accept", with: ALICE, amount: "1000000000000", by: 110 },
        { deal: 8, action: "confirm", with: ALICE, amount: "1000000000000", by: 190 },
      ],
      votes: [{ proposal: 2, motion: true, ends: 120 }],
    })
    expect(items.map((i) => i.kind)).toEqual(["acceptDeal", "vote", "panelVote", "confirmDeal", "topUp", "topUp", "guaranteeOffered"])
    expect(items.map((i) => i.deadline)).toEqual([110, 120, 130, 190, 400, null, null])
    expect(items.map((i) => i.href)).toEqual(["#/deals", "#/fund", "#/complaints", "#/deals", "#/standing", "#/standing", "#/standing"])
    expect(items[1]?.text).toBe("duties.voteMotion")
    expect(items[5]).toMatchObject({ text: "duties.topUpPaused", params: { left: 20 } })
  })

  it("names what a candidate's application still misses", () => {
    const [item] = dutyItems({
      ...none,
      application: { class: 2, quantum: "10", guarantors: [ALICE], guaranteesMissing: 1, accepted: false, expiresAt: 150, fee: "10", feePaidBy: null },
    })
    expect(item).toMatchObject({ kind: "application", deadline: 150, href: "#/joining" })
    expect(item?.missing).toEqual([
      { text: "duties.missingGuarantees", params: { count: 1 } },
      { text: "duties.missingAcceptance", params: {} },
      { text: "duties.missingFee", params: { fee: "10" } },
    ])
    const [paid] = dutyItems({
      ...none,
      application: { class: 2, quantum: "10", guarantors: [ALICE], guaranteesMissing: 0, accepted: true, expiresAt: 150, fee: "10", feePaidBy: BOB },
    })
    expect(paid?.missing).toEqual([])
  })

  it("counts the time left in blocks and minutes", () => {
    expect(blocksLeft(100, 110)).toBe(10)
    expect(blocksLeft(120, 110)).toBe(0)
    expect(minutesFor(10)).toBe(1)
    expect(minutesFor(11)).toBe(2)
    expect(minutesFor(0)).toBe(0)
  })
})
