// My standing: class, guarantors and protégés, the escrow behind me and the escrow I hold,
// exposure and headroom, my record and whatever blocks or bans me.
import { className, type Ctx, type Page } from "../app"
import { t } from "../i18n"
import type { Member, MemberStatus } from "../rpc"
import { address, facts, h, list, note, replace, section, syn } from "../ui"

export function statusText(status: MemberStatus): string {
  if (status === "active") return t("status.active")
  if ("grace" in status) return t("status.grace", { block: status.grace.until })
  return t("status.gracePaused", { left: status.gracePaused.left })
}

async function escrowIHold(ctx: Ctx, me: string, member: Member): Promise<HTMLElement[]> {
  const rows = await Promise.all(
    member.proteges.map(async (protege) => {
      const escrow = await ctx.read.escrow(protege)
      const mine = escrow?.guarantees.find((g) => g.guarantor === me)
      return h("span", {}, address(protege), " — ", mine ? t("standing.holds", { held: syn(mine.held), quantum: syn(mine.quantum) }) : t("standing.nothingHeld"))
    }),
  )
  return rows
}

/** Renders a record's fields as they come (the chain decides what a record holds). */
function recordFacts(record: Record<string, unknown> | null): HTMLElement {
  if (!record || Object.keys(record).length === 0) return h("p", { class: "muted" }, t("standing.cleanRecord"))
  const dl = h("dl", { class: "facts" })
  for (const [key, value] of Object.entries(record)) {
    dl.append(h("dt", {}, key), h("dd", {}, typeof value === "object" ? JSON.stringify(value) : String(value)))
  }
  return dl
}

export const standingPage: Page = {
  path: "standing",
  title: "nav.standing",
  needsAccount: true,
  render(ctx) {
    const body = h("div", { class: "stack" })
    const element = h("div", {}, h("h1", {}, t("nav.standing")), body)
    return {
      element,
      async refresh() {
        const account = ctx.account()
        if (!account) return
        const me = account.address
        const [member, application, record, blocks] = await Promise.all([
          ctx.read.member(me),
          ctx.read.application(me),
          ctx.read.record(me),
          ctx.read.blocks(me),
        ])
        if (!member) {
          replace(body, note(application ? t("standing.candidate") : t("standing.notMember")), h("a", { href: "#/joining" }, t("nav.joining")))
          return
        }
        const escrow = await ctx.read.escrow(me)
        const held = await escrowIHold(ctx, me, member)
        const blocked = Array.isArray(blocks) ? blocks : blocks ? [blocks] : []
        replace(
          body,
          section(
            "standing.membership",
            facts([
              ["standing.class", className(ctx, member.class)],
              ["standing.status", statusText(member.status)],
              ["standing.blocked", member.blocked ? t("yes") : t("no")],
              ["standing.since", t("standing.block", { block: member.since })],
            ]),
          ),
          section(
            "standing.escrowBehind",
            facts([
              ["escrow.behind", syn(member.escrow.behind)],
              ["escrow.exposure", syn(member.escrow.exposure)],
              ["escrow.settling", syn(member.escrow.settling)],
              ["escrow.headroom", syn(member.escrow.headroom)],
              ["escrow.insuredQuantum", syn(member.escrow.insuredQuantum)],
              ["escrow.frozen", member.escrow.frozen ? t("yes") : t("no")],
            ]),
            h("h3", {}, t("standing.guarantors")),
            list(
              (escrow?.guarantees ?? []).map((g) =>
                h("span", {}, address(g.guarantor), " — ", t("standing.holds", { held: syn(g.held), quantum: syn(g.quantum) }), g.ended ? ` (${t("standing.ended")})` : ""),
              ),
              "standing.none",
            ),
          ),
          section("standing.escrowIHold", h("h3", {}, t("standing.proteges")), list(held, "standing.none")),
          section("standing.record", recordFacts(record), blocked.length ? note(t("standing.blockedBy", { cases: JSON.stringify(blocked) }), "error") : null),
        )
      },
    }
  },
}
