import { describe, expect, it } from "vitest"
import type { Application, Deal, Guarantee, Member, Proposal } from "../rpc"
import { allDeals, dealLimit } from "./deals"
import { readDealId, stageText, verdictText } from "./complaints"
import { objectionAction, percent, proposalTitle, statementBars } from "./fund"
import { missing } from "./joining"
import { topUpMissing } from "./standing"

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

describe("the fund's statement as bars", () => {
  it("draws each source of money in, then what went out, and counts a missing figure as zero", () => {
    const bars = statementBars({ endowment: "100000000000000000", donations: "5000000000000", out: "10000000000000", note: "x" })
    expect(bars.map((b) => b.label)).toEqual([
      "Endowment",
      "Admission fees",
      "Projects' revenue",
      "Donations",
      "Rounding remainders",
      "Forfeited deposits",
      "Paid out",
      "Committed to approved spends",
    ])
    expect(bars[0]?.value).toBe(100_000_000_000_000_000n)
    expect(bars[1]?.value).toBe(0n)
    expect(bars[3]?.text).toBe("5 SYN")
    expect(bars.filter((b) => b.out).map((b) => b.label)).toEqual(["Paid out", "Committed to approved spends"])
  })
})

describe("objections", () => {
  const proposal = (state: string) => ({ id: 1, status: { state } }) as unknown as Proposal
  it("are open only in an approved proposal's grace, and are taken back by whoever raised them", () => {
    expect(objectionAction(proposal("voting"), undefined)).toBeNull()
    expect(objectionAction(proposal("approved"), undefined)).toBe("object")
    expect(objectionAction(proposal("approved"), { proposal: 1, vote: "nay", objected: false })).toBe("object")
    expect(objectionAction(proposal("approved"), { proposal: 1, vote: null, objected: true })).toBe("withdraw")
    expect(objectionAction(proposal("executed"), { proposal: 1, vote: null, objected: true })).toBeNull()
  })
})

describe("a guarantor's top-up", () => {
  const guarantee = (held: string, quantum: string, ended = false): Guarantee => ({ guarantor: "G", held, quantum, topUpBy: null, ended })
  it("is what a compensation took from the escrow, and nothing once the guarantee ended", () => {
    expect(topUpMissing(guarantee("10", "10"))).toBe(0n)
    expect(topUpMissing(guarantee("4", "10"))).toBe(6n)
    expect(topUpMissing(guarantee("4", "10", true))).toBe(0n)
  })
})
