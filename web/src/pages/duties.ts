// My duties: what the cooperative asks of me and by when — panel votes, top-ups, deals to
// accept or confirm, my application's missing pieces, guarantees offered to me, proposals open
// to my vote (synergy_duties), soonest first, each with a link to the page where it is done.
import type { Ctx, Page } from "../app"
import { blocksLeft, dutyItems, minutesFor, type DutyItem } from "../duties-model"
import { t } from "../i18n"
import { accountText } from "../names"
import { h, list, replace, syn } from "../ui"

const ACCOUNTS = ["accused", "sitsFor", "protege", "with", "guarantor"]
const AMOUNTS = ["owed", "amount", "fee"]

/** A duty's words: accounts by name where known, else short; amounts in SYN. */
function say(text: DutyItem["text"], raw: Record<string, string | number>): string {
  const params: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(raw)) {
    params[name] = ACCOUNTS.includes(name) ? accountText(String(value)) : AMOUNTS.includes(name) ? syn(String(value)) : value
  }
  return t(text, params)
}

function when(at: number, item: DutyItem): string {
  if (item.deadline === null) return item.kind === "topUp" ? t("duties.clockStopped") : t("duties.noDeadline")
  const left = blocksLeft(at, item.deadline)
  return t("duties.by", { block: item.deadline, left, minutes: minutesFor(left) })
}

function row(at: number, item: DutyItem): HTMLElement {
  const missing = item.missing?.length ? h("ul", { class: "plain" }, ...item.missing.map((m) => h("li", {}, say(m.text, m.params)))) : null
  const left = item.deadline === null ? null : blocksLeft(at, item.deadline)
  return h(
    "article",
    { class: `duty${left !== null && left <= 10 ? " urgent" : ""}`, "data-duty": item.kind },
    h("p", {}, say(item.text, item.params)),
    missing,
    h("p", { class: "muted" }, when(at, item), " · ", h("a", { href: item.href }, t("duties.go"))),
  )
}

export const dutiesPage: Page = {
  path: "duties",
  title: "nav.duties",
  needsAccount: true,
  render(ctx: Ctx) {
    const body = h("div", { class: "stack" })
    const element = h("div", {}, h("h1", {}, t("nav.duties")), h("p", { class: "muted" }, t("duties.help")), body)
    return {
      element,
      async refresh() {
        const account = ctx.account()
        if (!account) return
        const duties = await ctx.read.duties(account.address)
        const items = dutyItems(duties)
        body.dataset.duties = String(items.length)
        replace(body, list(items.map((item) => row(duties.at, item)), "duties.none"))
      },
    }
  },
}
