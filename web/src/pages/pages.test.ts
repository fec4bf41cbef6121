import { describe, expect, it } from "vitest"
import type { Application, Deal, Member, Proposal } from "../rpc"
import { allDeals, dealLimit } from "./deals"
import { readDealId, stageText, verdictText } from "./complaints"
import { percent, proposalTitle } from "./fund"
import { missing } from "./joining"

const member = (insuredQuantum: string, headroom: string): Member => ({
  class: 0,
  since: 0,
  status: "active",
  blocked: false,
  guarantors: [],
  proteges: [],
  escrow: { behind: "0", exposure: "0", settling: "0", headroom, insuredQuantum, frozen: false },
})

const deal = (id: number): Deal => ({
  id,
  initiator: "A",
  counterparty: "B",
  amount: "1",
  terms: "0x",
  status: "proposed",
  initiatorConfirmed: false,
  counterpartyConfirmed: false,
})

describe("deals", () => {
  it("are insured up to the smallest quantum and headroom of both parties", () => {
    expect(dealLimit(member("2100", "4200"), member("100", "200"))).toBe(100n)
    expect(dealLimit(member("2100", "50"), member("100", "200"))).toBe(50n)
  })
  it("are listed once each, newest first", () => {
    expect(allDeals({ open: [deal(1), deal(3)], proposedTo: [deal(3), deal(2)] }).map((d) => d.id)).toEqual([3, 2, 1])
  })
})

describe("an application", () => {
  const application: Application = {
    class: 2,
    quantum: "10",
    guarantors: ["A"],
    guaranteesMissing: 1,
    accepted: false,
    expiresAt: 100,
    fee: "0",
    feePaidBy: null,
  }
  it("says what it still misses", () => {
    expect(missing(application)).toEqual(["1 more guarantee(s) from members", "your acceptance"])
    expect(missing({ ...application, guaranteesMissing: 0, accepted: true, fee: "10000000000000" })).toEqual([
      "the admission fee of 10 SYN, paid by anyone",
    ])
    expect(missing({ ...application, guaranteesMissing: 0, accepted: true })).toEqual([])
  })
})

describe("a complaint in words", () => {
  it("names the panel deciding a side", () => {
    expect(stageText({ panel: { level: 0, deadline: 17 } })).toBe("before the level 0 panel until block 17")
  })
  it("reads verdicts as the RPC gives them", () => {
    expect(verdictText(null)).toBe("not voted yet")
    expect(verdictText("dismiss")).toBe("dismiss")
    expect(verdictText({ compensate: "5000000000000" })).toBe("compensate: 5 SYN")
    expect(verdictText({ revoke: "0" })).toBe("compensate and expel: 0 SYN")
  })
  it("reads a deal's number", () => {
    expect(readDealId(" 12 ")).toBe(12n)
    expect(() => readDealId("twelve")).toThrow(/whole number/)
  })
})

describe("a proposal in words", () => {
  it("gives turnout in percent and names a spend", () => {
    expect(percent(250_000_000)).toBe("25%")
    expect(percent(333_333_333)).toBe("33.3%")
    const proposal = { id: 3, kind: { spend: { beneficiary: "E", amount: "10000000000000", rationale: "0x" } } } as unknown as Proposal
    expect(proposalTitle(proposal)).toBe("Proposal 3: spend 10 SYN")
  })
})
