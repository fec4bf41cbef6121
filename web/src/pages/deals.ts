// Deals: open one with its insured limit shown before signing, accept, confirm, cancel; the
// reader's deals listed with what each still waits for.
import { MultiAddress } from "@synergy/descriptors"
import { FixedSizeBinary } from "polkadot-api"
import type { Ctx, Page } from "../app"
import { t } from "../i18n"
import { readAddress, readAmount, termsHash } from "../inputs"
import type { Deal, DealsOf, Member } from "../rpc"
import { redrawOnChange, txAction } from "../tx-action"
import { address, field, h, list, note, replace, section, syn } from "../ui"

/**
 * The largest deal two members may open now: neither party's insured quantum may be exceeded,
 * nor either party's exposure taken above the escrow behind them.
 */
export function dealLimit(a: Member, b: Member): bigint {
  const values = [a.escrow.insuredQuantum, b.escrow.insuredQuantum, a.escrow.headroom, b.escrow.headroom].map(BigInt)
  return values.reduce((min, v) => (v < min ? v : min))
}

/** Every deal of an account once, newest first, whatever list synergy_dealsOf puts it in. */
export function allDeals(deals: DealsOf): Deal[] {
  const byId = new Map<number, Deal>()
  const groups = Array.isArray(deals) ? [deals] : Object.values(deals)
  for (const group of groups) if (Array.isArray(group)) for (const deal of group) byId.set(deal.id, deal)
  return [...byId.values()].sort((x, y) => y.id - x.id)
}

export function dealStatusText(deal: Deal): string {
  if (deal.status === "proposed") return t("deals.proposed")
  if ("open" in deal.status) return t("deals.open", { block: deal.status.open.completesAt })
  return t("deals.completed", { block: deal.status.completed.at })
}

function dealItem(ctx: Ctx, me: string, deal: Deal): HTMLElement {
  const api = ctx.chain.api
  const mineIsInitiator = deal.initiator === me
  const other = mineIsInitiator ? deal.counterparty : deal.initiator
  const confirmedByMe = mineIsInitiator ? deal.initiatorConfirmed : deal.counterpartyConfirmed
  const confirmedByOther = mineIsInitiator ? deal.counterpartyConfirmed : deal.initiatorConfirmed
  const open = typeof deal.status === "object" && "open" in deal.status
  return h(
    "article",
    { class: "deal", "data-deal": String(deal.id) },
    h("h3", {}, t("deals.title", { id: deal.id, amount: syn(deal.amount) })),
    h("p", {}, t(mineIsInitiator ? "deals.with" : "deals.from"), " ", address(other), " — ", dealStatusText(deal)),
    open ? h("p", { class: "muted" }, t("deals.confirmations", { me: confirmedByMe ? t("yes") : t("no"), other: confirmedByOther ? t("yes") : t("no") })) : null,
    h(
      "div",
      { class: "buttons" },
      deal.status === "proposed" && !mineIsInitiator && txAction(ctx, { name: "accept-deal", label: "deals.accept", build: () => api.tx.Escrow.accept_deal({ deal: BigInt(deal.id) }) }),
      deal.status === "proposed" && txAction(ctx, { name: "cancel-deal", label: "deals.cancel", build: () => api.tx.Escrow.cancel_deal({ deal: BigInt(deal.id) }) }),
      open && !confirmedByMe && txAction(ctx, { name: "confirm-deal", label: "deals.confirm", build: () => api.tx.Escrow.confirm_deal({ deal: BigInt(deal.id) }) }),
    ),
  )
}

function openForm(ctx: Ctx, me: () => Member | null): { element: HTMLElement; update(): Promise<void> } {
  const prefix = ctx.chain.info.ss58Format
  const counterparty = h("input", { name: "counterparty", autocomplete: "off", spellcheck: "false" })
  const amount = h("input", { name: "amount", inputmode: "decimal", autocomplete: "off" })
  const terms = h("input", { name: "terms", autocomplete: "off" })
  const limit = h("div", { class: "limit", "aria-live": "polite" })
  async function update(): Promise<void> {
    const mine = me()
    if (!mine) return replace(limit, note(t("deals.notMember"), "error"))
    let other: Member | null = null
    try {
      if (counterparty.value.trim()) other = await ctx.read.member(readAddress(counterparty.value, prefix))
    } catch {
      other = null
    }
    if (!other) return replace(limit, note(t("deals.insuredSelf", { quantum: syn(mine.escrow.insuredQuantum), headroom: syn(mine.escrow.headroom) })))
    replace(limit, note(t("deals.insuredBoth", { limit: syn(dealLimit(mine, other)) })))
  }
  counterparty.addEventListener("change", () => void update())
  const element = section(
    "deals.openTitle",
    field("deals.counterparty", counterparty),
    field("deals.amount", amount, t("deals.amountHint")),
    field("deals.terms", terms, t("deals.termsHint")),
    limit,
    txAction(ctx, {
      name: "open-deal",
      label: "deals.openButton",
      build: () =>
        ctx.chain.api.tx.Escrow.open_deal({
          counterparty: MultiAddress.Id(readAddress(counterparty.value, prefix)),
          amount: readAmount(amount.value),
          terms: FixedSizeBinary.fromHex(termsHash(terms.value)),
        }),
    }),
  )
  return { element, update }
}

export const dealsPage: Page = {
  path: "deals",
  title: "nav.deals",
  needsAccount: true,
  render(ctx) {
    let member: Member | null = null
    const form = openForm(ctx, () => member)
    const mine = h("div")
    const element = h("div", { class: "stack" }, h("h1", {}, t("nav.deals")), form.element, section("deals.mine", mine))
    return {
      element,
      async refresh() {
        const account = ctx.account()
        if (!account) return
        const [m, deals] = await Promise.all([ctx.read.member(account.address), ctx.read.dealsOf(account.address)])
        member = m
        await form.update()
        redrawOnChange(mine, [account.address, deals], () =>
          list(allDeals(deals).map((deal) => dealItem(ctx, account.address, deal)), "deals.none"),
        )
      },
    }
  },
}
