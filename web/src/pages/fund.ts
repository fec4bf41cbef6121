// The common fund: its statement by source, and the open proposals with their vote buttons.
import { Enum, FixedSizeBinary } from "polkadot-api"
import type { Ctx, Page } from "../app"
import { t } from "../i18n"
import type { MessageKey } from "../messages"
import type { Proposal } from "../rpc"
import { redrawOnChange, txAction } from "../tx-action"
import { readAddress, readAmount, termsHash } from "../inputs"
import { address, facts, field, h, list, replace, section, syn } from "../ui"

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

function proposalItem(ctx: Ctx, proposal: Proposal): HTMLElement {
  const vote = (choice: "Aye" | "Nay" | "Abstain") =>
    txAction(ctx, { name: `vote-${choice.toLowerCase()}`, label: `fund.${choice}`, build: () => ctx.chain.api.tx.Fund.vote({ id: proposal.id, vote: Enum(choice) }) })
  const spend = proposal.kind.spend as { beneficiary: string } | undefined
  const { ayes, nays, abstains } = proposal.tally
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
    ]),
    proposal.status.state === "voting" && ctx.account() ? h("div", { class: "buttons" }, vote("Aye"), vote("Nay"), vote("Abstain")) : null,
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
    const element = h(
      "div",
      { class: "stack" },
      h("h1", {}, t("nav.fund")),
      section("fund.statement", statement),
      section("fund.proposals", proposals),
      ctx.account() ? spendForm(ctx) : null,
    )
    return {
      element,
      async refresh() {
        const [fund, open] = await Promise.all([ctx.read.fund(), ctx.read.proposals(true)])
        replace(statement, figures(fund))
        redrawOnChange(proposals, open, () => list(open.map((p) => proposalItem(ctx, p)), "fund.noProposals"))
      },
    }
  },
}
