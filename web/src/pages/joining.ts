// Joining: a candidate sees what their application still misses and answers it; a member
// proposes a candidate in a class, or guarantees one.
import { MultiAddress } from "@synergy/descriptors"
import { className, type Ctx, type Page } from "../app"
import { t } from "../i18n"
import { readAddress } from "../inputs"
import type { Application } from "../rpc"
import { redrawOnChange, txAction } from "../tx-action"
import { address, facts, field, h, list, note, replace, section, syn } from "../ui"

/** What an application still needs before the candidate is admitted, in words. */
export function missing(application: Application): string[] {
  const needs: string[] = []
  if (application.guaranteesMissing > 0) needs.push(t("joining.needsGuarantees", { count: application.guaranteesMissing }))
  if (!application.accepted) needs.push(t("joining.needsAcceptance"))
  if (BigInt(application.fee) > 0n && !application.feePaidBy) needs.push(t("joining.needsFee", { fee: syn(application.fee) }))
  return needs
}

function applicationFacts(ctx: Ctx, application: Application): HTMLElement {
  return facts([
    ["joining.class", className(ctx, application.class)],
    ["joining.quantum", syn(application.quantum)],
    ["joining.fee", BigInt(application.fee) > 0n ? syn(application.fee) : t("joining.noFee")],
    ["joining.guarantors", list(application.guarantors.map((g) => address(g)), "standing.none")],
    ["joining.expires", t("standing.block", { block: application.expiresAt })],
  ])
}

function candidateSection(ctx: Ctx, me: string, application: Application | null): HTMLElement {
  if (!application) return section("joining.mine", note(t("joining.noApplication")))
  const needs = missing(application)
  const api = ctx.chain.api
  return section(
    "joining.mine",
    applicationFacts(ctx, application),
    h("h3", {}, t("joining.missing")),
    list(needs, "joining.nothingMissing"),
    h(
      "div",
      { class: "buttons" },
      !application.accepted && txAction(ctx, { name: "accept", label: "joining.accept", free: true, build: () => api.tx.Membership.accept() }),
      BigInt(application.fee) > 0n &&
        !application.feePaidBy &&
        txAction(ctx, { name: "pay-fee", label: "joining.payFee", free: true, build: () => api.tx.Membership.pay_fee({ candidate: MultiAddress.Id(me) }) }),
      txAction(ctx, { name: "decline", label: "joining.decline", free: true, build: () => api.tx.Membership.decline() }),
    ),
  )
}

function proposeForm(ctx: Ctx): HTMLElement {
  const candidate = h("input", { name: "candidate", autocomplete: "off", spellcheck: "false" })
  const classes = h("select", { name: "class" })
  for (const c of ctx.classes) classes.append(h("option", { value: String(c.id) }, t("joining.classOption", { name: c.name, quantum: syn(c.quantum) })))
  const prefix = ctx.chain.info.ss58Format
  return section(
    "joining.propose",
    h("p", { class: "muted" }, t("joining.proposeHelp")),
    field("joining.candidate", candidate),
    field("joining.class", classes),
    txAction(ctx, {
      name: "propose",
      label: "joining.proposeButton",
      build: () => ctx.chain.api.tx.Membership.propose({ candidate: MultiAddress.Id(readAddress(candidate.value, prefix)), class: Number(classes.value) }),
    }),
  )
}

function guaranteeForm(ctx: Ctx): HTMLElement {
  const person = h("input", { name: "person", autocomplete: "off", spellcheck: "false" })
  const preview = h("div", { "aria-live": "polite" })
  const prefix = ctx.chain.info.ss58Format
  person.addEventListener("change", () => {
    void (async () => {
      try {
        const application = await ctx.read.application(readAddress(person.value, prefix))
        replace(preview, application ? applicationFacts(ctx, application) : note(t("joining.noApplicationFor")))
      } catch (error) {
        replace(preview, note(error instanceof Error ? error.message : String(error), "error"))
      }
    })()
  })
  return section(
    "joining.guarantee",
    h("p", { class: "muted" }, t("joining.guaranteeHelp")),
    field("joining.person", person),
    preview,
    txAction(ctx, {
      name: "guarantee",
      label: "joining.guaranteeButton",
      build: () => ctx.chain.api.tx.Membership.guarantee({ person: MultiAddress.Id(readAddress(person.value, prefix)) }),
    }),
  )
}

export const joiningPage: Page = {
  path: "joining",
  title: "nav.joining",
  needsAccount: true,
  render(ctx) {
    const mine = h("div")
    const memberForms = h("div", { class: "stack" })
    const element = h("div", { class: "stack" }, h("h1", {}, t("nav.joining")), mine, memberForms)
    return {
      element,
      async refresh() {
        const account = ctx.account()
        if (!account) return
        const [member, application] = await Promise.all([ctx.read.member(account.address), ctx.read.application(account.address)])
        const isMember = member !== null
        redrawOnChange(mine, [account.address, isMember, application], () =>
          member ? section("joining.mine", note(t("joining.alreadyMember"))) : candidateSection(ctx, account.address, application),
        )
        redrawOnChange(memberForms, isMember, () =>
          member ? [proposeForm(ctx), guaranteeForm(ctx)] : [note(t("joining.membersOnly"))],
        )
      },
    }
  },
}
