// My standing: class, guarantors and protégés, the escrow behind me and the escrow I hold,
// exposure and headroom, my record and whatever blocks or bans me.
import { className, type Ctx, type Page } from "../app"
import { t } from "../i18n"
import type { CaseRecord, Member, MemberStatus } from "../rpc"
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

/** A ban or a bar as the chain gives it (`null` when there is none). */
function restriction(value: unknown): string {
  if (value === null || value === undefined) return t("no")
  if (typeof value === "number") return t("standing.until", { block: value })
  return JSON.stringify(value)
}

function recordFacts(record: CaseRecord | null): HTMLElement {
  if (!record) return h("p", { class: "muted" }, t("standing.cleanRecord"))
  return facts([
    ["record.filed", String(record.filed)],
    ["record.received", String(record.received)],
    ["record.upheld", String(record.upheld)],
    ["record.dismissed", String(record.dismissed)],
    ["record.panels", String(record.panels)],
    ["record.strikes", String(record.strikes)],
    ["record.protegesUpheld", String(record.protegesUpheld)],
    ["record.dissents", String(record.dissents)],
    ["record.ban", restriction(record.ban)],
    ["record.filingBar", restriction(record.filingBar)],
  ])
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
        replace(
          body,
          section(
            "standing.membership",
            facts([
              ["standing.class", className(ctx, member.class)],
              ["standing.status", statusText(member.status)],
              ["standing.blocked", member.blocked ? t("yes") : t("no")],
              ["standing.since", t("standing.block", { block: member.since })],
              ["standing.banned", member.banned ? t("yes") : t("no")],
              ["standing.guaranteesLeft", String(member.guaranteesLeft ?? "—")],
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
          section("standing.record", recordFacts(record), ...blocks.map((b) => note(t("standing.blockedBy", { case: b.case, reason: b.reason === "accused" ? t("standing.accused") : b.reason === "panel" ? t("standing.onPanel") : b.reason }), "error"))),
        )
      },
    }
  },
}
