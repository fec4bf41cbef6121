// Complaints: filing one about a deal, the reader's cases, and the panels they sit on with
// their vote.
import { Enum, FixedSizeBinary } from "polkadot-api"
import { synInput } from "../amount"
import type { Ctx, Page } from "../app"
import { t } from "../i18n"
import { InputError, readAmount, termsHash } from "../inputs"
import type { Case, CaseSide, Deal } from "../rpc"
import { redrawOnChange, txAction } from "../tx-action"
import { address, facts, field, h, list, note, replace, section, syn } from "../ui"
import { allDeals, dealStatusText } from "./deals"

/** A side's stage in words: which panel decides it and until when, or where it went. */
export function stageText(stage: unknown): string {
  if (stage && typeof stage === "object" && "panel" in stage) {
    const { level, deadline } = (stage as { panel: { level: number; deadline: number } }).panel
    return t("complaints.atPanel", { level, deadline })
  }
  if (typeof stage === "string") return stage
  return JSON.stringify(stage)
}

/** A verdict as the RPC gives it: "dismiss", or `{ compensate: amount }`, `{ revoke: amount }`. */
export function verdictText(verdict: unknown): string {
  if (verdict === null || verdict === undefined) return t("complaints.notVoted")
  if (typeof verdict === "string") return verdict.toLowerCase() === "dismiss" ? t("complaints.dismiss") : verdict
  const [kind, amount] = Object.entries(verdict as Record<string, unknown>)[0] ?? ["", ""]
  const name = kind.toLowerCase() === "compensate" ? t("complaints.compensate") : kind.toLowerCase() === "revoke" ? t("complaints.revoke") : kind
  return typeof amount === "string" ? `${name}: ${syn(amount)}` : name
}

function sideView(side: CaseSide): HTMLElement {
  return h(
    "div",
    { class: "side" },
    h("p", {}, address(side.complainant), ` ${t("complaints.against")} `, address(side.accused)),
    facts([
      ["complaints.stage", stageText(side.stage)],
      ["complaints.outcome", side.outcome === null ? t("complaints.pending") : verdictText(side.outcome)],
      ["complaints.bond", syn(side.bond)],
      ["complaints.insured", syn(side.insured)],
    ]),
    h("h4", {}, t("complaints.panel")),
    list(side.panel.map((seat) => h("span", {}, address(seat.member), " — ", verdictText(seat.vote))), "standing.none"),
  )
}

function caseView(c: Case, extra?: Node): HTMLElement {
  return h(
    "article",
    { class: "case", "data-case": String(c.id) },
    h("h3", {}, t("complaints.case", { id: c.id, deal: c.deal, amount: syn(c.amount) })),
    ...c.sides.map(sideView),
    extra,
  )
}

function voteForm(ctx: Ctx, c: Case, sideIndex: number): HTMLElement {
  const verdict = h("select", { name: "verdict" })
  for (const kind of ["Compensate", "Revoke", "Dismiss"] as const) verdict.append(h("option", { value: kind }, t(`complaints.${kind.toLowerCase() as "compensate" | "revoke" | "dismiss"}`)))
  const amount = h("input", { name: "verdictAmount", inputmode: "decimal", value: synInput(c.amount) })
  return h(
    "div",
    { class: "vote-form" },
    field("complaints.verdict", verdict),
    field("complaints.amount", amount, t("complaints.amountHint")),
    txAction(ctx, {
      name: "panel-vote",
      label: "complaints.vote",
      build: () => {
        const choice = verdict.value
        const payment = choice === "Dismiss" ? null : readAmount(amount.value)
        if (payment !== null && payment > BigInt(c.amount)) throw new InputError(t("complaints.tooMuch", { amount: syn(c.amount) }))
        return ctx.chain.api.tx.Complaints.vote({
          case: c.id,
          side: sideIndex,
          verdict: payment === null ? Enum("Dismiss") : choice === "Revoke" ? Enum("Revoke", payment) : Enum("Compensate", payment),
        })
      },
    }),
  )
}

/** A deal's number as typed. */
export function readDealId(text: string): bigint {
  const value = text.trim()
  if (!/^\d+$/.test(value)) throw new InputError(t("complaints.badDeal"))
  return BigInt(value)
}

function fileForm(ctx: Ctx, deals: Deal[]): HTMLElement {
  const options = h("datalist", { id: "my-deals" }, ...deals.map((d) => h("option", { value: String(d.id) }, t("deals.title", { id: d.id, amount: syn(d.amount) }))))
  const deal = h("input", { name: "deal", inputmode: "numeric", autocomplete: "off", list: "my-deals" })
  const preview = h("div", { "aria-live": "polite" })
  deal.addEventListener("change", () => {
    void (async () => {
      try {
        const found = await ctx.read.deal(Number(readDealId(deal.value)))
        replace(preview, found ? h("p", {}, t("deals.title", { id: found.id, amount: syn(found.amount) }), " — ", dealStatusText(found)) : note(t("complaints.noSuchDeal"), "error"))
      } catch (error) {
        replace(preview, note(error instanceof Error ? error.message : String(error), "error"))
      }
    })()
  })
  const evidence = h("input", { name: "evidence", autocomplete: "off" })
  return section(
    "complaints.file",
    h("p", { class: "muted" }, t("complaints.fileHelp")),
    field("complaints.deal", deal, t("complaints.dealHint")),
    options,
    preview,
    field("complaints.evidence", evidence, t("complaints.evidenceHint")),
    txAction(ctx, {
      name: "file-complaint",
      label: "complaints.fileButton",
      build: () =>
        ctx.chain.api.tx.Complaints.file({
          deal: readDealId(deal.value),
          evidence: evidence.value.trim() ? FixedSizeBinary.fromHex(termsHash(evidence.value)) : undefined,
        }),
    }),
  )
}

export const complaintsPage: Page = {
  path: "complaints",
  title: "nav.complaints",
  needsAccount: true,
  render(ctx) {
    const file = h("div")
    const mine = h("div")
    const panels = h("div")
    const element = h("div", { class: "stack" }, h("h1", {}, t("nav.complaints")), file, section("complaints.panels", panels), section("complaints.mine", mine))
    return {
      element,
      async refresh() {
        const account = ctx.account()
        if (!account) return
        const me = account.address
        const [deals, cases, blocks] = await Promise.all([ctx.read.dealsOf(me), ctx.read.casesOf(me), ctx.read.blocks(null)])
        const seats = [...new Set(blocks.filter((b) => b.account === me && b.reason === "panel").map((b) => b.case))]
        const sitting = (await Promise.all(seats.map((id) => ctx.read.case(id)))).filter((c): c is Case => c !== null)
        const dealList = allDeals(deals).filter((d) => d.status !== "proposed")
        redrawOnChange(file, [me, dealList], () => fileForm(ctx, dealList))
        redrawOnChange(mine, [me, cases], () => list(cases.map((c) => caseView(c)), "complaints.none"))
        redrawOnChange(panels, [me, sitting], () =>
          list(
            sitting.flatMap((c) =>
              c.sides.flatMap((side, i) =>
                side.panel.some((seat) => seat.member === me) && side.outcome === null ? [caseView(c, voteForm(ctx, c, i))] : [],
              ),
            ),
            "complaints.noPanels",
          ),
        )
      },
    }
  },
}
