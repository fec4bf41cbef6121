// What synergy_duties answers, turned into one list ordered by deadline: each duty with the
// words that name it, the page where it is done, and how long is left.
import type { MessageKey } from "./messages"
import type { Application, Duties } from "./rpc"

/** Six seconds a block (the runtime's slot). */
export const BLOCK_SECONDS = 6

export interface DutyItem {
  /** What kind of duty: one per list of the answer. */
  kind: "panelVote" | "topUp" | "acceptDeal" | "confirmDeal" | "application" | "guaranteeOffered" | "vote"
  /** The message that names it, and its placeholders. */
  text: MessageKey
  params: Record<string, string | number>
  /** What an application still misses, each with its words. */
  missing?: { text: MessageKey; params: Record<string, string | number> }[]
  /** The block by which it is due, if it has one (a stopped clock or a consent has none). */
  deadline: number | null
  /** The portal page (hash route) where it is done. */
  href: string
}

/** The blocks left until `deadline` at block `at`, never below zero. */
export function blocksLeft(at: number, deadline: number): number {
  return Math.max(0, deadline - at)
}

/** Whole minutes for a number of blocks, rounded up. */
export function minutesFor(blocks: number): number {
  return Math.ceil((blocks * BLOCK_SECONDS) / 60)
}

function applicationItem(application: Application): DutyItem {
  const missing: DutyItem["missing"] = []
  if (application.guaranteesMissing > 0) missing.push({ text: "duties.missingGuarantees", params: { count: application.guaranteesMissing } })
  if (!application.accepted) missing.push({ text: "duties.missingAcceptance", params: {} })
  if (BigInt(application.fee) > 0n && application.feePaidBy === null) missing.push({ text: "duties.missingFee", params: { fee: application.fee } })
  return {
    kind: "application",
    text: "duties.application",
    params: {},
    missing,
    deadline: application.expiresAt,
    href: "#/joining",
  }
}

/** Every duty in the answer, soonest deadline first; those without a deadline last. */
export function dutyItems(duties: Duties): DutyItem[] {
  const items: DutyItem[] = []
  for (const seat of duties.panelVotes) {
    items.push({
      kind: "panelVote",
      text: "duties.panelVote",
      params: { case: seat.case, side: seat.side, level: seat.level, accused: seat.accused, sitsFor: seat.sitsFor },
      deadline: seat.deadline,
      href: "#/complaints",
    })
  }
  for (const topUp of duties.topUps) {
    items.push({ kind: "topUp", text: topUp.by === null ? "duties.topUpPaused" : "duties.topUp", params: { protege: topUp.protege, owed: topUp.owed, left: topUp.pausedLeft ?? 0 }, deadline: topUp.by, href: "#/standing" })
  }
  for (const deal of duties.deals) {
    const accept = deal.action === "accept"
    items.push({
      kind: accept ? "acceptDeal" : "confirmDeal",
      text: accept ? "duties.acceptDeal" : "duties.confirmDeal",
      params: { deal: deal.deal, with: deal.with, amount: deal.amount },
      deadline: deal.by,
      href: "#/deals",
    })
  }
  if (duties.application) items.push(applicationItem(duties.application))
  for (const guarantor of duties.guaranteesOffered) {
    items.push({ kind: "guaranteeOffered", text: "duties.guaranteeOffered", params: { guarantor }, deadline: null, href: "#/standing" })
  }
  for (const vote of duties.votes) {
    items.push({ kind: "vote", text: vote.motion ? "duties.voteMotion" : "duties.voteSpend", params: { proposal: vote.proposal }, deadline: vote.ends, href: "#/fund" })
  }
  return items.sort((a, b) => (a.deadline ?? Number.POSITIVE_INFINITY) - (b.deadline ?? Number.POSITIVE_INFINITY))
}
