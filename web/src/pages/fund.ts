// The common fund: its statement by source, and the open proposals with their vote buttons.
import { Enum } from "polkadot-api"
import type { Ctx, Page } from "../app"
import { t } from "../i18n"
import type { MessageKey } from "../messages"
import type { Proposal } from "../rpc"
import { busy, txAction } from "../tx-action"
import { address, h, list, replace, section, syn } from "../ui"

const BALANCE = /^\d+$/

/** The words for the fields of synergy_fund; a field the chain adds later shows its own name. */
const FIELDS: Record<string, MessageKey> = {
  account: "fund.account",
  balance: "fund.balance",
  statement: "fund.statementField",
  endowment: "fund.endowment",
  admissionFees: "fund.admissionFees",
  projectRevenue: "fund.projectRevenue",
  donations: "fund.donations",
  remainders: "fund.remainders",
  forfeits: "fund.forfeits",
  out: "fund.out",
  committed: "fund.committed",
  reserve: "fund.reserve",
  available: "fund.available",
  budgetLeft: "fund.budgetLeft",
}

function fieldName(key: string): string {
  const message = FIELDS[key]
  return message ? t(message) : key
}

/** A figure of the RPC answer in words: balances in SYN, accounts short, the rest as it is. */
function figure(value: unknown): Node | string {
  if (typeof value === "string" && BALANCE.test(value)) return syn(value)
  if (typeof value === "string" && value.length > 40) return address(value)
  if (value === null || value === undefined) return "—"
  if (typeof value === "object") return JSON.stringify(value)
  return String(value)
}

function figures(record: Record<string, unknown>, skip: readonly string[] = []): HTMLElement {
  const dl = h("dl", { class: "facts" })
  for (const [key, value] of Object.entries(record)) {
    if (skip.includes(key)) continue
    if (value && typeof value === "object" && !Array.isArray(value)) {
      dl.append(h("dt", {}, fieldName(key)), h("dd", {}, figures(value as Record<string, unknown>)))
    } else dl.append(h("dt", {}, fieldName(key)), h("dd", {}, figure(value)))
  }
  return dl
}

function proposalItem(ctx: Ctx, proposal: Proposal): HTMLElement {
  const vote = (choice: "Aye" | "Nay" | "Abstain") =>
    txAction(ctx, { name: `vote-${choice.toLowerCase()}`, label: `fund.${choice}`, build: () => ctx.chain.api.tx.Fund.vote({ id: proposal.id, vote: Enum(choice) }) })
  const voting = JSON.stringify(proposal.status ?? "").includes("voting")
  return h(
    "article",
    { class: "proposal", "data-proposal": String(proposal.id) },
    h("h3", {}, t("fund.proposal", { id: proposal.id })),
    figures(proposal, ["id"]),
    voting && ctx.account() ? h("div", { class: "buttons" }, vote("Aye"), vote("Nay"), vote("Abstain")) : null,
  )
}

export const fundPage: Page = {
  path: "fund",
  title: "nav.fund",
  needsAccount: false,
  render(ctx) {
    const statement = h("div")
    const proposals = h("div")
    let shown = ""
    const element = h("div", { class: "stack" }, h("h1", {}, t("nav.fund")), section("fund.statement", statement), section("fund.proposals", proposals))
    return {
      element,
      async refresh() {
        const [fund, open] = await Promise.all([ctx.read.fund(), ctx.read.proposals(true)])
        replace(statement, figures(fund))
        const key = JSON.stringify(open)
        if (busy(proposals) || key === shown) return
        shown = key
        replace(proposals, list(open.map((p) => proposalItem(ctx, p)), "fund.noProposals"))
      },
    }
  },
}
