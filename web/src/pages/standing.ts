// My standing: class, guarantors and protégés, the escrow behind me and the escrow I hold,
// exposure and headroom, my record and whatever blocks or bans me — and what a member does
// about their guarantees: accept or decline one offered, drop a guarantor, top up or revoke the
// escrow they hold behind a protégé.
import { MultiAddress } from "@synergy/descriptors"
import { className, type Ctx, type Page } from "../app"
import { t } from "../i18n"
import type { CaseRecord, Guarantee, Member, MemberStatus } from "../rpc"
import { redrawOnChange, txAction } from "../tx-action"
import { address, facts, h, list, note, section, syn } from "../ui"

export function statusText(status: MemberStatus): string {
  if (status === "active") return t("status.active")
  if ("grace" in status) return t("status.grace", { block: status.grace.until })
  return t("status.gracePaused", { left: status.gracePaused.left })
}

/** What a guarantor still has to put back into escrow behind a protégé (zero when whole or ended). */
export function topUpMissing(guarantee: Guarantee): bigint {
  if (guarantee.ended) return 0n
  const missing = BigInt(guarantee.quantum) - BigInt(guarantee.held)
  return missing > 0n ? missing : 0n
}

/** The escrow this guarantor holds behind one protégé, as the protégé's escrow lists it. */
interface Held {
  protege: string
  guarantee: Guarantee | null
}

async function escrowIHold(ctx: Ctx, me: string, member: Member): Promise<Held[]> {
  return Promise.all(
    member.proteges.map(async (protege) => {
      const escrow = await ctx.read.escrow(protege)
      return { protege, guarantee: escrow?.guarantees.find((g) => g.guarantor === me) ?? null }
    }),
  )
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

function membershipFacts(ctx: Ctx, member: Member): HTMLElement {
  return section(
    "standing.membership",
    facts([
      ["standing.class", className(ctx, member.class)],
      ["standing.status", statusText(member.status)],
      ["standing.blocked", member.blocked ? t("yes") : t("no")],
      ["standing.since", t("standing.block", { block: member.since })],
      ["standing.banned", member.banned ? t("yes") : t("no")],
      ["standing.guaranteesLeft", String(member.guaranteesLeft ?? "—")],
    ]),
  )
}

/** Guarantees offered to me: each starts only with my consent. */
function offersSection(ctx: Ctx, member: Member, quantum: string): HTMLElement {
  const api = ctx.chain.api
  const offers = member.offers ?? []
  return section(
    "standing.offers",
    h("p", { class: "muted" }, t("standing.offersHelp", { quantum: syn(quantum) })),
    list(
      offers.map((guarantor) =>
        h(
          "div",
          { class: "row", "data-offer": guarantor },
          address(guarantor),
          h(
            "div",
            { class: "buttons" },
            txAction(ctx, { name: "accept-guarantee", label: "standing.acceptOffer", build: () => api.tx.Membership.accept_guarantee({ guarantor: MultiAddress.Id(guarantor) }) }),
            txAction(ctx, { name: "decline-guarantee", label: "standing.declineOffer", build: () => api.tx.Membership.drop_guarantor({ guarantor: MultiAddress.Id(guarantor) }) }),
          ),
        ),
      ),
      "standing.noOffers",
    ),
  )
}

function behindSection(ctx: Ctx, member: Member, guarantees: Guarantee[]): HTMLElement {
  const api = ctx.chain.api
  return section(
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
    guarantees.some((g) => !g.ended) ? h("p", { class: "muted" }, t("standing.dropHelp")) : null,
    list(
      guarantees.map((g) =>
        h(
          "div",
          { class: "row", "data-guarantor": g.guarantor },
          h("span", {}, address(g.guarantor), " — ", t("standing.holds", { held: syn(g.held), quantum: syn(g.quantum) }), g.ended ? ` (${t("standing.ended")})` : ""),
          !g.ended && txAction(ctx, { name: "drop-guarantor", label: "standing.drop", build: () => api.tx.Membership.drop_guarantor({ guarantor: MultiAddress.Id(g.guarantor) }) }),
        ),
      ),
      "standing.none",
    ),
  )
}

function heldSection(ctx: Ctx, held: Held[]): HTMLElement {
  const api = ctx.chain.api
  return section(
    "standing.escrowIHold",
    h("h3", {}, t("standing.proteges")),
    held.length ? h("p", { class: "muted" }, t("standing.revokeHelp")) : null,
    list(
      held.map(({ protege, guarantee }) => {
        const missing = guarantee ? topUpMissing(guarantee) : 0n
        const by = guarantee?.topUpBy
        return h(
          "div",
          { class: "row", "data-protege": protege },
          h("span", {}, address(protege), " — ", guarantee ? t("standing.holds", { held: syn(guarantee.held), quantum: syn(guarantee.quantum) }) : t("standing.nothingHeld")),
          missing > 0n
            ? note(by === null || by === undefined ? t("standing.topUpDue", { missing: syn(missing) }) : t("standing.topUpBy", { missing: syn(missing), block: by }), "error")
            : null,
          h(
            "div",
            { class: "buttons" },
            missing > 0n && txAction(ctx, { name: "top-up", label: "standing.topUp", build: () => api.tx.Escrow.top_up({ protege: MultiAddress.Id(protege) }) }),
            txAction(ctx, { name: "revoke-guarantee", label: "standing.revoke", build: () => api.tx.Membership.revoke({ protege: MultiAddress.Id(protege) }) }),
          ),
        )
      }),
      "standing.none",
    ),
  )
}

export const standingPage: Page = {
  path: "standing",
  title: "nav.standing",
  needsAccount: true,
  render(ctx) {
    const outside = h("div")
    const slots = { membership: h("div"), offers: h("div"), behind: h("div"), held: h("div"), record: h("div") }
    const inside = h("div", { class: "stack" }, ...Object.values(slots))
    const element = h("div", {}, h("h1", {}, t("nav.standing")), h("div", { class: "stack" }, outside, inside))
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
        outside.hidden = member !== null
        inside.hidden = member === null
        if (!member) {
          redrawOnChange(outside, [me, application !== null], () => [
            note(application ? t("standing.candidate") : t("standing.notMember")),
            h("a", { href: "#/joining" }, t("nav.joining")),
          ])
          return
        }
        const [escrow, held] = await Promise.all([ctx.read.escrow(me), escrowIHold(ctx, me, member)])
        const quantum = ctx.classes.find((c) => c.id === member.class)?.quantum ?? "0"
        const guarantees = escrow?.guarantees ?? []
        redrawOnChange(slots.membership, [me, member.class, member.status, member.blocked, member.since, member.banned, member.guaranteesLeft], () => membershipFacts(ctx, member))
        redrawOnChange(slots.offers, [me, member.offers ?? []], () => ((member.offers ?? []).length ? offersSection(ctx, member, quantum) : []))
        redrawOnChange(slots.behind, [me, member.escrow, guarantees], () => behindSection(ctx, member, guarantees))
        redrawOnChange(slots.held, [me, held], () => heldSection(ctx, held))
        redrawOnChange(slots.record, [me, record, blocks], () =>
          section(
            "standing.record",
            recordFacts(record),
            ...blocks.map((b) =>
              note(t("standing.blockedBy", { case: b.case, reason: b.reason === "accused" ? t("standing.accused") : b.reason === "panel" ? t("standing.onPanel") : b.reason }), "error"),
            ),
          ),
        )
      },
    }
  },
}
