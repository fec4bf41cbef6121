// The common fund: its statement by source (drawn as bars, and in figures), donations, the open
// proposals with their vote and objection buttons, and the reader's own votes.
import { Enum, FixedSizeBinary } from "polkadot-api"
import type { Ctx, Page } from "../app"
import { barChart, type Bar } from "../chart"
import { t } from "../i18n"
import type { MessageKey } from "../messages"
import type { Fund, Proposal, VoteRecord } from "../rpc"
import { redrawOnChange, txAction } from "../tx-action"
import { readAddress, readAmount, termsHash } from "../inputs"
import { address, facts, field, h, list, section, syn } from "../ui"

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

function figures(record: Record<string, unknown>): HTMLElement {
  const dl = h("dl", { class: "facts" })
  for (const [key, value] of Object.entries(record)) {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      dl.append(h("dt", {}, fieldName(key)), h("dd", {}, figures(value as Record<string, unknown>)))
    } else dl.append(h("dt", {}, fieldName(key)), h("dd", {}, figure(value)))
  }
  return dl
}

/** The statement's sources of money in, then what went out and what is promised, as the chart draws them. */
const SOURCES = ["endowment", "admissionFees", "projectRevenue", "donations", "remainders", "forfeits"] as const
const OUTGOINGS = ["out", "committed"] as const

/** The bars of the fund's statement: each source of money in, then what went out; a figure the RPC lacks counts as zero. */
export function statementBars(statement: Record<string, unknown>): Bar[] {
  const amount = (key: string): bigint => {
    const value = statement[key]
    return typeof value === "string" && BALANCE.test(value) ? BigInt(value) : 0n
  }
  const bar = (key: string, out: boolean): Bar => ({ label: fieldName(key), value: amount(key), text: syn(amount(key)), out })
  return [...SOURCES.map((key) => bar(key, false)), ...OUTGOINGS.map((key) => bar(key, true))]
}

function statementView(fund: Fund): HTMLElement {
  return h(
    "div",
    {},
    h("figure", { class: "chart", id: "fund-chart" }, barChart(t("fund.chartTitle"), statementBars(fund.statement)), h("figcaption", { class: "muted" }, t("fund.chartCaption"))),
    figures(fund),
  )
}

/** Parts per billion as a percentage. */
export function percent(perBillion: number): string {
  return `${Math.round(perBillion / 1e6) / 10}%`.replace(/\.0%$/, "%")
}

/** A motion as the RPC gives it, cut short: the call it would make. */
function brief(kind: Record<string, unknown>): string {
  const text = JSON.stringify(Object.values(kind)[0] ?? kind)
  return text.length > 160 ? `${text.slice(0, 160)}…` : text
}

/** What a proposal asks, in words: a spend, or the motion's call by name. */
export function proposalTitle(proposal: Proposal): string {
  const spend = proposal.kind.spend as { beneficiary: string; amount: string } | undefined
  if (spend) return t("fund.spendTitle", { id: proposal.id, amount: syn(spend.amount) })
  return t("fund.motionTitle", { id: proposal.id })
}

/** What the reader may do about a proposal's approval: object to it in its grace, or take their objection back. */
export function objectionAction(proposal: Proposal, mine: VoteRecord | undefined): "object" | "withdraw" | null {
  if (proposal.status.state !== "approved") return null
  return mine?.objected ? "withdraw" : "object"
}

function voteText(vote: VoteRecord["vote"]): string {
  if (vote === "aye") return t("fund.Aye")
  if (vote === "nay") return t("fund.Nay")
  if (vote === "abstain") return t("fund.Abstain")
  return t("fund.noVote")
}

function proposalItem(ctx: Ctx, proposal: Proposal, mine: VoteRecord | undefined): HTMLElement {
  const api = ctx.chain.api
  const vote = (choice: "Aye" | "Nay" | "Abstain") =>
    txAction(ctx, { name: `vote-${choice.toLowerCase()}`, label: `fund.${choice}`, build: () => api.tx.Fund.vote({ id: proposal.id, vote: Enum(choice) }) })
  const spend = proposal.kind.spend as { beneficiary: string } | undefined
  const { ayes, nays, abstains, objections } = proposal.tally
  const objection = ctx.account() ? objectionAction(proposal, mine) : null
  return h(
    "article",
    { class: "proposal", "data-proposal": String(proposal.id) },
    h("h3", {}, proposalTitle(proposal)),
    facts([
      ["fund.proposer", address(proposal.proposer)],
      spend ? ["fund.beneficiary", address(spend.beneficiary)] : ["fund.motion", h("code", { class: "motion" }, brief(proposal.kind))],
      ["fund.tally", t("fund.tallyText", { ayes, nays, abstains, electorate: proposal.electorate })],
      ["fund.turnout", t("fund.turnoutText", { turnout: percent(proposal.turnout), quorum: percent(proposal.quorum), approval: percent(proposal.approval) })],
      ["fund.state", proposal.blocksLeft === null ? proposal.status.state : t("fund.stateText", { state: proposal.status.state, left: proposal.blocksLeft })],
      ["fund.objections", String(objections)],
      ...(mine ? ([["fund.myVote", `${voteText(mine.vote)}${mine.objected ? `; ${t("fund.objected")}` : ""}`]] as [MessageKey, string][]) : []),
    ]),
    proposal.status.state === "voting" && ctx.account() ? h("div", { class: "buttons" }, vote("Aye"), vote("Nay"), vote("Abstain")) : null,
    objection === "object" ? h("p", { class: "muted" }, t("fund.objectHelp")) : null,
    objection === "object" ? txAction(ctx, { name: "object", label: "fund.object", build: () => api.tx.Fund.object({ id: proposal.id }) }) : null,
    objection === "withdraw" ? txAction(ctx, { name: "withdraw-objection", label: "fund.withdrawObjection", build: () => api.tx.Fund.withdraw_objection({ id: proposal.id }) }) : null,
  )
}

function donateForm(ctx: Ctx): HTMLElement {
  const amount = h("input", { name: "donation", inputmode: "decimal", autocomplete: "off" })
  return section(
    "fund.donate",
    h("p", { class: "muted" }, t("fund.donateHelp")),
    field("deals.amount", amount),
    txAction(ctx, { name: "donate", label: "fund.donateButton", build: () => ctx.chain.api.tx.Fund.donate({ amount: readAmount(amount.value) }) }),
  )
}

function myVotes(votes: VoteRecord[]): HTMLElement {
  return list(
    votes.map((v) => h("span", { "data-vote": String(v.proposal) }, t("fund.voteOn", { id: v.proposal, vote: voteText(v.vote) }), v.objected ? `; ${t("fund.objected")}` : "")),
    "fund.noVotes",
  )
}

function spendForm(ctx: Ctx): HTMLElement {
  const prefix = ctx.chain.info.ss58Format
  const beneficiary = h("input", { name: "beneficiary", autocomplete: "off", spellcheck: "false" })
  const amount = h("input", { name: "spendAmount", inputmode: "decimal", autocomplete: "off" })
  const rationale = h("input", { name: "rationale", autocomplete: "off" })
  return section(
    "fund.proposeSpend",
    h("p", { class: "muted" }, t("fund.proposeHelp")),
    field("fund.beneficiary", beneficiary),
    field("deals.amount", amount),
    field("fund.rationale", rationale, t("deals.termsHint")),
    txAction(ctx, {
      name: "propose-spend",
      label: "fund.proposeButton",
      build: () =>
        ctx.chain.api.tx.Fund.propose_spend({
          beneficiary: readAddress(beneficiary.value, prefix),
          amount: readAmount(amount.value),
          rationale: FixedSizeBinary.fromHex(termsHash(rationale.value)),
        }),
    }),
  )
}

export const fundPage: Page = {
  path: "fund",
  title: "nav.fund",
  needsAccount: false,
  render(ctx) {
    const statement = h("div")
    const proposals = h("div")
    const votes = h("div")
    const account = ctx.account()
    const element = h(
      "div",
      { class: "stack" },
      h("h1", {}, t("nav.fund")),
      section("fund.statement", statement),
      section("fund.proposals", proposals),
      account ? section("fund.myVotes", votes) : null,
      account ? spendForm(ctx) : null,
      account ? donateForm(ctx) : null,
    )
    return {
      element,
      async refresh() {
        const me = ctx.account()?.address
        const [fund, open, mine] = await Promise.all([ctx.read.fund(), ctx.read.proposals(true), me ? ctx.read.votesOf(me) : Promise.resolve([])])
        redrawOnChange(statement, fund, () => statementView(fund))
        const byProposal = new Map(mine.map((v) => [v.proposal, v]))
        redrawOnChange(proposals, [me, open, mine], () => list(open.map((p) => proposalItem(ctx, p, byProposal.get(p.id))), "fund.noProposals"))
        if (me) redrawOnChange(votes, [me, mine], () => myVotes(mine))
      },
    }
  },
}
