// Auditor: the validators that author and finalize blocks — this session's, the next one's and
// the set the members decided — and how far finality trails the best block. Open to anyone.
import type { Ctx, Page } from "../app"
import { t } from "../i18n"
import type { Member, ValidatorSet } from "../rpc"
import { redrawOnChange } from "../tx-action"
import { address, facts, h, list, note, section } from "../ui"

/** The validators whose seat changes at the next session boundary: those who join, and those who leave. */
export function setChange(current: readonly string[], next: readonly string[]): { joining: string[]; leaving: string[] } {
  return { joining: next.filter((v) => !current.includes(v)), leaving: current.filter((v) => !next.includes(v)) }
}

/** Whether two lists hold the same validators, in any order. */
export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v) => b.includes(v))
}

/** How far finality trails the best block, in words. */
export function finalityText(best: number, finalized: number): string {
  const behind = Math.max(0, best - finalized)
  return behind === 0 ? t("validators.final") : t("validators.behind", { blocks: behind })
}

function validatorList(validators: readonly string[], members: ReadonlyMap<string, Member | null>): HTMLElement {
  return list(
    validators.map((v) => {
      const member = members.get(v)
      return h("span", { "data-validator": v }, address(v), member === null ? ` — ${t("validators.notMember")}` : "")
    }),
    "validators.none",
  )
}

function setView(set: ValidatorSet, members: ReadonlyMap<string, Member | null>): HTMLElement[] {
  const { joining, leaving } = setChange(set.current, set.next)
  return [
    section(
      "validators.session",
      facts([
        ["validators.sessionIndex", String(set.session)],
        ["validators.sessionLength", t("validators.blocks", { blocks: set.sessionLength })],
        ["validators.count", String(set.current.length)],
      ]),
    ),
    section("validators.current", validatorList(set.current, members)),
    section(
      "validators.next",
      joining.length || leaving.length
        ? note(t("validators.changes", { joining: joining.length, leaving: leaving.length }))
        : h("p", { class: "muted" }, t("validators.unchanged")),
      validatorList(set.next, members),
    ),
    section(
      "validators.decided",
      set.decided.length === 0 || sameSet(set.decided, set.next) ? h("p", { class: "muted" }, t("validators.decidedSame")) : validatorList(set.decided, members),
    ),
  ]
}

export const validatorsPage: Page = {
  path: "validators",
  title: "nav.validators",
  needsAccount: false,
  render(ctx: Ctx) {
    const blocks = h("div", { id: "heads" })
    const sets = h("div", { class: "stack" })
    const element = h(
      "div",
      { class: "stack" },
      h("h1", {}, t("nav.validators")),
      h("p", { class: "muted" }, t("validators.help")),
      section("validators.heads", blocks),
      sets,
    )
    return {
      element,
      async refresh() {
        const [heads, set] = await Promise.all([ctx.chain.heads(), ctx.read.validators()])
        const everyone = [...new Set([...set.current, ...set.next, ...set.decided])]
        const members = new Map(await Promise.all(everyone.map(async (v) => [v, await ctx.read.member(v)] as const)))
        redrawOnChange(blocks, heads, () => {
          blocks.dataset.best = String(heads.best)
          blocks.dataset.finalized = String(heads.finalized)
          return facts([
            ["validators.best", String(heads.best)],
            ["validators.finalized", String(heads.finalized)],
            ["validators.finality", finalityText(heads.best, heads.finalized)],
          ])
        })
        redrawOnChange(sets, [set, [...members].map(([v, m]) => [v, m !== null])], () => setView(set, members))
      },
    }
  },
}
