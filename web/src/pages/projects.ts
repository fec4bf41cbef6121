// Projects (contribution accounting): each project with its value equation, participants,
// points and revenue; its contributions with Approve, Challenge and the challenge vote; what
// the reader may claim; joining, inviting and the participants' motions; a new project, a
// contribution recorded, revenue paid in with its split shown before signing.
import { Binary, Enum, FixedSizeBinary } from "polkadot-api"
import type { Ctx, Page } from "../app"
import type { SynergyApi } from "../chain"
import { t } from "../i18n"
import { InputError, readAddress, readAmount, readPercent, readWhole, termsHash } from "../inputs"
import type { Contribution, ContributionKind, ContributionStatus, Equation, Member, Project } from "../rpc"
import { redrawOnChange, txAction } from "../tx-action"
import { address, facts, field, h, list, note, replace, section, syn } from "../ui"
import { percent } from "./fund"

/** The newest projects the page lists. */
export const LISTED = 20

/** The kinds every equation weighs, in its order. */
const STANDARD = ["time", "money", "materials", "introductions"] as const

type EquationArg = Parameters<SynergyApi["tx"]["Contributions"]["create_project"]>[0]["equation"]

/** A kind of contribution in words: the four every project knows, or the project's own by name. */
export function kindText(kind: ContributionKind, equation?: Equation): string {
  if (typeof kind === "string") return t(`projects.kind.${kind}`)
  return equation?.custom[kind.custom]?.name || t("projects.kind.custom", { index: kind.custom })
}

/** The kinds an equation weighs, with their points per unit (a kind of weight zero earns nothing and is not offered). */
export function weighedKinds(equation: Equation): { kind: ContributionKind; weight: number }[] {
  const kinds: { kind: ContributionKind; weight: number }[] = STANDARD.map((kind) => ({ kind, weight: equation[kind] }))
  equation.custom.forEach((c, index) => kinds.push({ kind: { custom: index }, weight: c.weight }))
  return kinds.filter((k) => k.weight > 0)
}

/** Where a contribution stands, in words. */
export function contributionStatusText(status: ContributionStatus): string {
  if ("pending" in status) return t("projects.pending", { approvals: status.pending.approvals, block: status.pending.windowEnds })
  if ("challenged" in status) {
    const c = status.challenged
    return t("projects.challenged", { accept: c.accept, reject: c.reject, quorum: c.quorum, electorate: c.electorate, block: c.ends })
  }
  if ("validated" in status) return t("projects.validated", { block: status.validated.at, by: t(`projects.validatedBy.${status.validated.by}`) })
  return t("projects.rejected", { block: status.rejected.at, by: t(`projects.rejectedBy.${status.rejected.by}`) })
}

export type ContributionAction = "approve" | "challenge" | "vote"

/**
 * What a participant may do about a contribution at block `now`: approve or challenge it in
 * its window, vote on it once challenged; never on their own, nor on a challenge of theirs.
 */
export function contributionActions(contribution: Contribution, me: string, participant: boolean, now: number): ContributionAction[] {
  if (!participant || contribution.contributor === me) return []
  const status = contribution.status
  if ("pending" in status) return now < status.pending.windowEnds ? ["approve", "challenge"] : []
  if ("challenged" in status) return status.challenged.challenger !== me && now < status.challenged.ends ? ["vote"] : []
  return []
}

export function isParticipant(project: Project, who: string): boolean {
  return project.participants.some((p) => p.who === who && p.standing === "participant")
}

/** An open motion of a project's participants: to admit a member, or appoint an organiser. */
interface Motion {
  candidate: string
  kind: "Admission" | "Appointment"
  round: number
  ayes: number
  nays: number
  electorate: number
  ends: number
  votedByMe: boolean
}

/** What the page reads besides synergy_project: the chain's storage for what the RPC does not list. */
interface Extra {
  contributions: Contribution[]
  /** Contributions the reader approved or voted on already. */
  approved: number[]
  voted: number[]
  invited: boolean
  requested: boolean
  requests: string[]
  motions: Motion[]
  equationVoted: boolean
}

function equationFacts(equation: Equation): HTMLElement {
  return facts([
    ["projects.weights", weighedKinds(equation).map((k) => t("projects.weight", { kind: kindText(k.kind, equation), points: k.weight })).join("; ") || "—"],
    ["projects.fundShare", percent(equation.fundShare)],
    ["projects.organisersShare", percent(equation.organisersShare)],
    ["projects.approvals", String(equation.approvals)],
    ["projects.challengePeriod", t("projects.blocks", { blocks: equation.challengePeriod })],
    ["projects.votingPeriod", t("projects.blocks", { blocks: equation.votingPeriod })],
  ])
}

function participantsTable(project: Project): HTMLElement {
  const head = ["projects.who", "projects.role", "projects.points", "projects.claimable", "projects.claimed"] as const
  const rows = project.participants.map((p) =>
    h(
      "tr",
      {},
      h("td", {}, address(p.who)),
      h("td", {}, p.standing === "left" ? t("projects.left") : p.organiser ? t("projects.organiser") : t("projects.participant")),
      h("td", {}, p.points),
      h("td", {}, syn(p.claimable)),
      h("td", {}, syn(p.claimed)),
    ),
  )
  return h(
    "table",
    { class: "graph-table" },
    h("caption", {}, t("projects.participants", { count: project.participantCount })),
    h("thead", {}, h("tr", {}, ...head.map((k) => h("th", { scope: "col" }, t(k))))),
    h("tbody", {}, ...rows),
  )
}

function projectFacts(project: Project): HTMLElement {
  const equation = project.equations[0]
  const { totals } = project
  return h(
    "div",
    {},
    facts([
      ["projects.founder", address(project.founder)],
      ["projects.description", h("code", { class: "motion" }, project.description)],
      ["projects.created", t("standing.block", { block: project.created })],
      ["projects.organisers", list(project.organisers.map((o) => address(o)), "standing.none")],
      ["projects.totalPoints", project.totalPoints],
      ["projects.revenue", t("projects.revenueText", { revenue: syn(totals.revenue), fund: syn(totals.fund), organisers: syn(totals.organisers), participants: syn(totals.participants), remainder: syn(totals.remainder), claimed: syn(totals.claimed) })],
    ]),
    h("h4", {}, t("projects.equation", { version: project.version })),
    equation ? equationFacts(equation) : null,
    participantsTable(project),
  )
}

function contributionItem(ctx: Ctx, project: Project, contribution: Contribution, extra: Extra, now: number): HTMLElement {
  const api = ctx.chain.api
  const me = ctx.account()?.address ?? ""
  const equation = project.equations.find((e) => e.version === contribution.version)
  const actions = contributionActions(contribution, me, isParticipant(project, me), now).filter(
    (a) => !(a === "approve" && extra.approved.includes(contribution.id)) && !(a === "vote" && extra.voted.includes(contribution.id)),
  )
  const id = BigInt(contribution.id)
  return h(
    "div",
    { class: "row", "data-contribution": String(contribution.id) },
    h(
      "p",
      {},
      t("projects.contributionTitle", { id: contribution.id, quantity: contribution.quantity, kind: kindText(contribution.kind, equation), points: contribution.points }),
      " — ",
      address(contribution.contributor),
    ),
    h("p", { class: "muted" }, contributionStatusText(contribution.status), extra.approved.includes(contribution.id) ? `; ${t("projects.approvedByMe")}` : ""),
    actions.length
      ? h(
          "div",
          { class: "buttons" },
          actions.includes("approve") && txAction(ctx, { name: "approve-contribution", label: "projects.approve", build: () => api.tx.Contributions.approve({ id }) }),
          actions.includes("challenge") && txAction(ctx, { name: "challenge-contribution", label: "projects.challenge", build: () => api.tx.Contributions.challenge({ id }) }),
          actions.includes("vote") && txAction(ctx, { name: "accept-contribution", label: "projects.voteAccept", build: () => api.tx.Contributions.vote_on_contribution({ id, accept: true }) }),
          actions.includes("vote") && txAction(ctx, { name: "reject-contribution", label: "projects.voteReject", build: () => api.tx.Contributions.vote_on_contribution({ id, accept: false }) }),
        )
      : null,
  )
}

function motionItem(ctx: Ctx, project: Project, motion: Motion, now: number): HTMLElement {
  const api = ctx.chain.api
  const me = ctx.account()?.address ?? ""
  const canVote = isParticipant(project, me) && me !== motion.candidate && !motion.votedByMe && now < motion.ends
  const vote = (aye: boolean) =>
    txAction(ctx, { name: aye ? "motion-aye" : "motion-nay", label: aye ? "fund.Aye" : "fund.Nay", build: () => api.tx.Contributions.vote_on_motion({ project: project.id, candidate: motion.candidate, aye }) })
  return h(
    "div",
    { class: "row", "data-motion": motion.candidate },
    h("p", {}, t(motion.kind === "Admission" ? "projects.motionAdmit" : "projects.motionAppoint"), " ", address(motion.candidate)),
    h("p", { class: "muted" }, t("projects.motionTally", { ayes: motion.ayes, nays: motion.nays, electorate: motion.electorate, block: motion.ends }), motion.votedByMe ? `; ${t("projects.votedAlready")}` : ""),
    canVote ? h("div", { class: "buttons" }, vote(true), vote(false)) : null,
  )
}

/** The equation's fields, filled from `start` (the one in force) or the defaults, read back as the call's argument. */
function equationForm(start: Equation | undefined, floor: number): { element: HTMLElement; read(): EquationArg } {
  const number = (name: string, value: number | string) => h("input", { name, inputmode: "numeric", autocomplete: "off", value: String(value) })
  const time = number("time", start?.time ?? 10)
  const money = number("money", start?.money ?? 1)
  const materials = number("materials", start?.materials ?? 1)
  const introductions = number("introductions", start?.introductions ?? 5)
  const fundShare = number("fundShare", percent(Math.max(start?.fundShare ?? 0, floor)).replace("%", ""))
  const organisersShare = number("organisersShare", percent(start?.organisersShare ?? 100_000_000).replace("%", ""))
  const approvals = number("approvals", start?.approvals ?? 1)
  const challengePeriod = number("challengePeriod", start?.challengePeriod ?? 20)
  const votingPeriod = number("votingPeriod", start?.votingPeriod ?? 20)
  const element = h(
    "fieldset",
    { class: "equation" },
    h("legend", {}, t("projects.equationFields")),
    h("p", { class: "muted" }, t("projects.weightsHelp")),
    h(
      "div",
      { class: "grid" },
      field("projects.kind.time", time),
      field("projects.kind.money", money),
      field("projects.kind.materials", materials),
      field("projects.kind.introductions", introductions),
    ),
    h(
      "div",
      { class: "grid" },
      field("projects.fundShare", fundShare, t("projects.floorHint", { floor: percent(floor) })),
      field("projects.organisersShare", organisersShare),
      field("projects.approvals", approvals, t("projects.approvalsHint")),
      field("projects.challengePeriod", challengePeriod, t("projects.periodHint")),
      field("projects.votingPeriod", votingPeriod, t("projects.periodHint")),
    ),
  )
  return {
    element,
    read() {
      const fund = readPercent(fundShare.value)
      const organisers = readPercent(organisersShare.value)
      if (fund < floor) throw new InputError(t("projects.belowFloor", { floor: percent(floor) }))
      if (fund + organisers > 1_000_000_000) throw new InputError(t("projects.sharesOver"))
      const challenge = readWhole(challengePeriod.value)
      const voting = readWhole(votingPeriod.value)
      if (challenge === 0 || voting === 0) throw new InputError(t("projects.periodZero"))
      return {
        time: readWhole(time.value),
        money: readWhole(money.value),
        materials: readWhole(materials.value),
        introductions: readWhole(introductions.value),
        custom: (start?.custom ?? []).map((c) => ({ name: Binary.fromText(c.name), weight: c.weight })),
        fund_share: fund,
        organisers_share: organisers,
        approvals: readWhole(approvals.value),
        challenge_period: challenge,
        voting_period: voting,
      }
    },
  }
}

function kindArg(kind: ContributionKind) {
  if (typeof kind !== "string") return Enum("Custom", kind.custom)
  return Enum(kind === "time" ? "Time" : kind === "money" ? "Money" : kind === "materials" ? "Materials" : "Introductions")
}

function recordForm(ctx: Ctx, project: Project): HTMLElement {
  const equation = project.equations[0]
  const kinds = equation ? weighedKinds(equation) : []
  const kind = h("select", { name: "kind" })
  kinds.forEach((k, i) => kind.append(h("option", { value: String(i) }, t("projects.kindOption", { kind: kindText(k.kind, equation), points: k.weight }))))
  const quantity = h("input", { name: "quantity", inputmode: "numeric", autocomplete: "off" })
  const evidence = h("input", { name: "contributionEvidence", autocomplete: "off" })
  return h(
    "div",
    { class: "subform" },
    h("h4", {}, t("projects.record")),
    field("projects.kind", kind),
    field("projects.quantity", quantity, t("projects.quantityHint")),
    field("projects.evidence", evidence, t("complaints.evidenceHint")),
    txAction(ctx, {
      name: "record-contribution",
      label: "projects.recordButton",
      build: () => {
        const chosen = kinds[Number(kind.value)]
        if (!chosen) throw new InputError(t("projects.noKinds"))
        const amount = readWhole(quantity.value, Number.MAX_SAFE_INTEGER)
        if (amount === 0) throw new InputError(t("input.zeroAmount"))
        if (!evidence.value.trim()) throw new InputError(t("projects.noEvidence"))
        return ctx.chain.api.tx.Contributions.record({ project: project.id, kind: kindArg(chosen.kind), quantity: BigInt(amount), evidence: FixedSizeBinary.fromHex(termsHash(evidence.value)) })
      },
    }),
  )
}

function inviteForm(ctx: Ctx, project: Project): HTMLElement {
  const who = h("input", { name: "invitee", autocomplete: "off", spellcheck: "false" })
  const prefix = ctx.chain.info.ss58Format
  return h(
    "div",
    { class: "subform" },
    h("h4", {}, t("projects.invite")),
    h("p", { class: "muted" }, t("projects.inviteHelp")),
    field("projects.inviteWho", who),
    txAction(ctx, { name: "invite", label: "projects.inviteButton", build: () => ctx.chain.api.tx.Contributions.invite({ project: project.id, who: readAddress(who.value, prefix) }) }),
  )
}

function proposeEquationForm(ctx: Ctx, project: Project, floor: number): HTMLElement {
  const equation = equationForm(project.equations[0], floor)
  return h(
    "details",
    { class: "subform" },
    h("summary", {}, t("projects.proposeEquation")),
    h("p", { class: "muted" }, t("projects.proposeEquationHelp")),
    equation.element,
    txAction(ctx, { name: "propose-equation", label: "projects.proposeEquationButton", build: () => ctx.chain.api.tx.Contributions.propose_equation({ project: project.id, equation: equation.read() }) }),
  )
}

function revenueForm(ctx: Ctx, project: Project): HTMLElement {
  const amount = h("input", { name: "revenue", inputmode: "decimal", autocomplete: "off" })
  const preview = h("div", { class: "split", "aria-live": "polite" })
  amount.addEventListener("change", () => {
    void (async () => {
      try {
        const split = await ctx.read.splitPreview(project.id, readAmount(amount.value).toString())
        if (!split) return replace(preview, note(t("projects.noSplit"), "error"))
        replace(
          preview,
          h("p", {}, t("projects.splitFund", { amount: syn(split.toFund) })),
          list(split.parties.map((p) => h("span", {}, address(p.who), " — ", syn(p.total))), "projects.noParties"),
        )
      } catch (error) {
        replace(preview, note(error instanceof Error ? error.message : String(error), "error"))
      }
    })()
  })
  return h(
    "div",
    { class: "subform" },
    h("h4", {}, t("projects.payRevenue")),
    h("p", { class: "muted" }, t("projects.payRevenueHelp")),
    field("deals.amount", amount),
    preview,
    txAction(ctx, { name: "pay-revenue", label: "projects.payRevenueButton", build: () => ctx.chain.api.tx.Contributions.pay_revenue({ project: project.id, amount: readAmount(amount.value) }) }),
  )
}

/** What the reader may do in a project as a whole: join, ask to, claim, the open equation vote. */
function projectActions(ctx: Ctx, project: Project, extra: Extra, member: Member | null, now: number): HTMLElement {
  const api = ctx.chain.api
  const me = ctx.account()?.address
  if (!me) return h("div")
  const mine = project.participants.find((p) => p.who === me)
  const participant = isParticipant(project, me)
  const vote = project.equationVote
  const canVoteEquation = vote && participant && !extra.equationVoted && now < vote.ends && (mine?.since ?? now) < vote.opened
  return h(
    "div",
    { class: "buttons" },
    mine && BigInt(mine.claimable) > 0n && txAction(ctx, { name: "claim", label: "projects.claim", build: () => api.tx.Contributions.claim({ project: project.id }) }),
    !participant && extra.invited && txAction(ctx, { name: "join-project", label: "projects.join", build: () => api.tx.Contributions.join({ project: project.id }) }),
    !participant && !extra.invited && !extra.requested && member !== null && txAction(ctx, { name: "request-to-join", label: "projects.requestToJoin", build: () => api.tx.Contributions.request_to_join({ project: project.id }) }),
    !participant && extra.requested && h("p", { class: "muted" }, t("projects.requestedAlready")),
    canVoteEquation && txAction(ctx, { name: "equation-aye", label: "projects.equationAye", build: () => api.tx.Contributions.vote_on_equation({ project: project.id, aye: true }) }),
    canVoteEquation && txAction(ctx, { name: "equation-nay", label: "projects.equationNay", build: () => api.tx.Contributions.vote_on_equation({ project: project.id, aye: false }) }),
  )
}

/** One project on the page: its figures, its contributions and motions, and its forms, each drawn again only when what it shows changed. */
function projectView(ctx: Ctx, id: number): { element: HTMLElement; draw(project: Project, extra: Extra, member: Member | null, now: number, floor: number): void } {
  const info = h("div")
  const actions = h("div")
  const contributions = h("div")
  const governance = h("div")
  const forms = h("div", { class: "stack" })
  const element = h(
    "article",
    { class: "project", "data-project": String(id) },
    h("h3", {}, t("projects.title", { id })),
    info,
    actions,
    h("h4", {}, t("projects.contributions")),
    contributions,
    governance,
    forms,
  )
  function draw(project: Project, extra: Extra, member: Member | null, now: number, floor: number): void {
    const me = ctx.account()?.address ?? null
    const participant = me !== null && isParticipant(project, me)
    const vote = project.equationVote
    redrawOnChange(info, project, () => projectFacts(project))
    redrawOnChange(actions, [me, project.participants, vote, extra.invited, extra.requested, extra.equationVoted, member !== null], () =>
      [
        vote ? note(t("projects.equationVote", { version: vote.equation.version, ayes: vote.ayes, nays: vote.nays, electorate: vote.electorate, block: vote.ends })) : null,
        vote ? equationFacts(vote.equation) : null,
        projectActions(ctx, project, extra, member, now),
      ].filter((n): n is HTMLElement => n !== null),
    )
    redrawOnChange(contributions, [me, participant, extra.contributions, extra.approved, extra.voted], () =>
      list(extra.contributions.map((c) => contributionItem(ctx, project, c, extra, now)), "projects.noContributions"),
    )
    const requests = extra.requests.filter((who) => !extra.motions.some((m) => m.candidate === who))
    redrawOnChange(governance, [me, participant, extra.motions, requests], () =>
      participant && (extra.motions.length || requests.length)
        ? [
            h("h4", {}, t("projects.motions")),
            list(
              [
                ...extra.motions.map((m) => motionItem(ctx, project, m, now)),
                ...requests.map((who) =>
                  h(
                    "div",
                    { class: "row", "data-request": who },
                    h("p", {}, t("projects.asksToJoin"), " ", address(who)),
                    txAction(ctx, { name: "admit", label: "projects.admit", build: () => ctx.chain.api.tx.Contributions.admit({ project: project.id, who }) }),
                  ),
                ),
              ],
              "projects.noMotions",
            ),
          ]
        : [],
    )
    const voting = vote !== null
    redrawOnChange(forms, [me, participant, project.version, voting, floor, project.totalPoints !== "0"], () =>
      [
        participant ? recordForm(ctx, project) : null,
        participant ? inviteForm(ctx, project) : null,
        participant && !voting ? proposeEquationForm(ctx, project, floor) : null,
        me && project.totalPoints !== "0" ? revenueForm(ctx, project) : null,
      ].filter((n): n is HTMLElement => n !== null),
    )
  }
  return { element, draw }
}

/** The storage the RPC does not list: a project's invitations, requests and motions, and the reader's approvals and votes. */
async function readExtra(api: SynergyApi, project: Project, contributions: Contribution[], me: string | null): Promise<Extra> {
  const at = { at: "best" } as const
  const extra: Extra = { contributions, approved: [], voted: [], invited: false, requested: false, requests: [], motions: [], equationVoted: false }
  if (!me) return extra
  const participant = isParticipant(project, me)
  const [invitations, requests] = await Promise.all([api.query.Contributions.Invitations.getEntries(project.id, at), api.query.Contributions.Requests.getEntries(project.id, at)])
  extra.invited = invitations.some((e) => e.keyArgs[1] === me)
  extra.requested = requests.some((e) => e.keyArgs[1] === me)
  if (!participant) return extra
  extra.requests = requests.map((e) => e.keyArgs[1])
  const open = contributions.filter((c) => c.contributor !== me && !("validated" in c.status) && !("rejected" in c.status))
  const [approvals, votes, motions, equationVote] = await Promise.all([
    Promise.all(open.map((c) => api.query.Contributions.Approvals.getEntries(BigInt(c.id), at))),
    Promise.all(open.map((c) => api.query.Contributions.ContributionVotes.getValue(BigInt(c.id), me, at))),
    api.query.Contributions.Motions.getEntries(project.id, at),
    project.equationVote ? api.query.Contributions.EquationVotes.getValue(project.id, project.equationVote.round, me, at) : Promise.resolve(undefined),
  ])
  open.forEach((c, i) => {
    if (approvals[i]?.some((e) => e.keyArgs[1] === me)) extra.approved.push(c.id)
    if (votes[i] !== undefined) extra.voted.push(c.id)
  })
  extra.motions = await Promise.all(
    motions.map(async ({ keyArgs, value }) => ({
      candidate: keyArgs[1],
      kind: value.kind.type,
      round: value.round,
      ayes: value.ayes,
      nays: value.nays,
      electorate: value.electorate,
      ends: value.ends,
      votedByMe: (await api.query.Contributions.MotionVotes.getValue(project.id, value.round, me, at)) !== undefined,
    })),
  )
  extra.equationVoted = equationVote !== undefined
  return extra
}

function createForm(ctx: Ctx, floor: number): HTMLElement {
  const description = h("input", { name: "projectDescription", autocomplete: "off" })
  const equation = equationForm(undefined, floor)
  return section(
    "projects.create",
    h("p", { class: "muted" }, t("projects.createHelp")),
    field("projects.description", description, t("projects.descriptionHint")),
    equation.element,
    txAction(ctx, {
      name: "create-project",
      label: "projects.createButton",
      build: () => {
        if (!description.value.trim()) throw new InputError(t("projects.noDescription"))
        return ctx.chain.api.tx.Contributions.create_project({ description: FixedSizeBinary.fromHex(termsHash(description.value)), equation: equation.read() })
      },
    }),
  )
}

export const projectsPage: Page = {
  path: "projects",
  title: "nav.projects",
  needsAccount: false,
  render(ctx) {
    const api = ctx.chain.api
    const listed = h("div", { class: "stack" })
    const mine = h("div")
    const create = h("div")
    const views = new Map<number, ReturnType<typeof projectView>>()
    const element = h(
      "div",
      { class: "stack" },
      h("h1", {}, t("nav.projects")),
      h("p", { class: "muted" }, t("projects.help")),
      section("projects.list", listed),
      ctx.account() ? section("projects.mine", mine) : null,
      create,
    )
    return {
      element,
      async refresh() {
        const me = ctx.account()?.address ?? null
        const at = { at: "best" } as const
        const [heads, next, floor, member, myContributions] = await Promise.all([
          ctx.chain.heads(),
          api.query.Contributions.NextProjectId.getValue(at),
          api.query.Contributions.MinFundShare.getValue(at),
          me ? ctx.read.member(me) : Promise.resolve(null),
          me ? ctx.read.contributionsOf(me) : Promise.resolve([]),
        ])
        const ids = Array.from({ length: Math.min(next, LISTED) }, (_, i) => next - 1 - i)
        const projects = (await Promise.all(ids.map((id) => ctx.read.project(id)))).filter((p): p is Project => p !== null)
        const accounts = [...new Set(projects.flatMap((p) => p.participants.map((x) => x.who)))]
        const byAccount = await Promise.all(accounts.map((who) => (who === me ? Promise.resolve(myContributions) : ctx.read.contributionsOf(who))))
        const all = new Map<number, Contribution>()
        for (const c of byAccount.flat()) all.set(c.id, c)
        const extras = await Promise.all(
          projects.map((p) =>
            readExtra(
              api,
              p,
              [...all.values()].filter((c) => c.project === p.id).sort((a, b) => b.id - a.id),
              me,
            ),
          ),
        )
        redrawOnChange(listed, [me, projects.map((p) => p.id)], () => {
          views.clear()
          for (const p of projects) views.set(p.id, projectView(ctx, p.id))
          return projects.length ? [...views.values()].map((v) => v.element) : [h("p", { class: "muted" }, t("projects.none"))]
        })
        projects.forEach((p, i) => {
          const extra = extras[i]
          if (extra) views.get(p.id)?.draw(p, extra, member, heads.best, floor)
        })
        if (me)
          redrawOnChange(mine, [me, myContributions], () =>
            list(
              myContributions.map((c) =>
                h("span", { "data-contribution": String(c.id) }, t("projects.myContribution", { id: c.id, project: c.project, quantity: c.quantity, kind: kindText(c.kind, projects.find((p) => p.id === c.project)?.equations.find((e) => e.version === c.version)), points: c.points }), " — ", contributionStatusText(c.status)),
              ),
              "projects.noContributions",
            ),
          )
        redrawOnChange(create, [me, member !== null, floor], () => (member ? createForm(ctx, floor) : []))
      },
    }
  },
}
