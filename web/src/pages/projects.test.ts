import { describe, expect, it } from "vitest"
import type { Contribution, Equation, Project } from "../rpc"
import { contributionActions, contributionStatusText, isParticipant, kindText, weighedKinds } from "./projects"

const equation: Equation = {
  version: 0,
  time: 10,
  money: 0,
  materials: 1,
  introductions: 5,
  custom: [{ name: "deliveries", weight: 3 }],
  fundShare: 100_000_000,
  organisersShare: 100_000_000,
  approvals: 1,
  challengePeriod: 20,
  votingPeriod: 20,
}

const contribution = (status: Contribution["status"], contributor = "C"): Contribution => ({
  id: 7,
  project: 0,
  contributor,
  kind: "time",
  quantity: 2,
  evidence: "0x",
  version: 0,
  points: "20",
  recorded: 10,
  status,
})

describe("a project's value equation", () => {
  it("offers the kinds it weighs, its own by name, and not those of weight zero", () => {
    expect(weighedKinds(equation)).toEqual([
      { kind: "time", weight: 10 },
      { kind: "materials", weight: 1 },
      { kind: "introductions", weight: 5 },
      { kind: { custom: 0 }, weight: 3 },
    ])
    expect(kindText("time")).toBe("Time (hours)")
    expect(kindText({ custom: 0 }, equation)).toBe("deliveries")
    expect(kindText({ custom: 4 }, equation)).toBe("the project's kind 4")
  })
})

describe("a contribution", () => {
  const pending = contribution({ pending: { approvals: 1, windowEnds: 30 } })
  const challenged = contribution({ challenged: { challenger: "X", approvals: 0, electorate: 3, quorum: 2, opened: 12, ends: 40, accept: 1, reject: 0 } })
  it("is approved or challenged by another participant within its window", () => {
    expect(contributionActions(pending, "P", true, 20)).toEqual(["approve", "challenge"])
    expect(contributionActions(pending, "P", true, 30)).toEqual([])
    expect(contributionActions(pending, "C", true, 20)).toEqual([])
    expect(contributionActions(pending, "P", false, 20)).toEqual([])
  })
  it("once challenged, is voted on by the participants but its contributor and challenger", () => {
    expect(contributionActions(challenged, "P", true, 20)).toEqual(["vote"])
    expect(contributionActions(challenged, "X", true, 20)).toEqual([])
    expect(contributionActions(challenged, "C", true, 20)).toEqual([])
    expect(contributionActions(challenged, "P", true, 40)).toEqual([])
    expect(contributionActions(contribution({ validated: { at: 31, by: "unchallenged" } }), "P", true, 20)).toEqual([])
  })
  it("says where it stands", () => {
    expect(contributionStatusText(pending.status)).toBe("pending: 1 approval(s), open to challenge until block 30")
    expect(contributionStatusText(challenged.status)).toBe("challenged: accept 1, reject 0 (quorum 2 of 3), vote until block 40")
    expect(contributionStatusText({ validated: { at: 31, by: "unchallenged" } })).toBe("validated at block 31 (its window passed unchallenged)")
    expect(contributionStatusText({ rejected: { at: 31, by: "unapproved" } })).toBe("rejected at block 31 (without the approvals it needed)")
  })
  it("counts only those who still take part as participants", () => {
    const project = { participants: [{ who: "A", standing: "participant" }, { who: "B", standing: "left" }] } as unknown as Project
    expect(isParticipant(project, "A")).toBe(true)
    expect(isParticipant(project, "B")).toBe(false)
    expect(isParticipant(project, "Z")).toBe(false)
  })
})
