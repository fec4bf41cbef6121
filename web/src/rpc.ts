// The synergy_* JSON-RPC methods the portal reads (docs/auditor.md): balances are decimal
// strings of the smallest unit, accounts SS58 addresses. Under the light client the same
// answers come from the runtime APIs those methods wrap (runtimeReader).
import { Enum } from "polkadot-api"
import type { Chain, SynergyApi } from "./chain"
import type { RuntimeViews } from "./views"

export type MemberStatus = "active" | { grace: { until: number } } | { gracePaused: { left: number } }

export interface EscrowTotals {
  behind: string
  exposure: string
  settling: string
  headroom: string
  insuredQuantum: string
  frozen: boolean
}

export interface Member {
  class: number
  since: number
  number?: number
  status: MemberStatus
  blocked: boolean
  guarantors: string[]
  proteges: string[]
  escrow: EscrowTotals
  /** Guarantees offered to this member, waiting for their consent. */
  offers?: string[]
  ofVotingAge?: boolean
  /** Guarantees they may still give this admission period. */
  guaranteesLeft?: number
  /** Banned from guaranteeing. */
  banned?: boolean
}

export interface Application {
  class: number
  quantum: string
  guarantors: string[]
  guaranteesMissing: number
  accepted: boolean
  expiresAt: number
  fee: string
  feePaidBy: string | null
}

export interface MemberClass {
  id: number
  name: string
  quantum: string
  fee?: string
  users: number
}

export interface Guarantee {
  guarantor: string
  held: string
  quantum: string
  topUpBy: number | null
  topUpPaused?: number | null
  ended: boolean
}

export interface Escrow extends EscrowTotals {
  guarantees: Guarantee[]
  deals: number[]
}

export interface GraphNode {
  account: string
  distance: number
  /** A member, or else a candidate (or a membership still being wound up). */
  member: boolean
  guarantors: string[]
  proteges: string[]
}

export interface Graph {
  depth: number
  truncated: boolean
  nodes: GraphNode[]
}

export type DealStatus = "proposed" | { open: { completesAt: number } } | { completed: { at: number } }

export interface Deal {
  id: number
  initiator: string
  counterparty: string
  amount: string
  terms: string
  status: DealStatus
  initiatorConfirmed: boolean
  counterpartyConfirmed: boolean
}

/** synergy_dealsOf: the deals, or the deals by list (open, proposed by, proposed to). */
export type DealsOf = Deal[] | Record<string, Deal[]>

export interface PanelSeat {
  member: string
  sitsFor: string
  /** The seat's verdict: null until they vote. */
  vote: unknown
}

export interface CaseSide {
  complainant: string
  accused: string
  evidence: string | null
  /** `{ panel: { level, deadline } }` while a panel decides, else the side's later stage. */
  stage: unknown
  panel: PanelSeat[]
  levels: { level: number; panel: PanelSeat[] }[]
  outcome: unknown
  paid: string
  insured: string
  bond: string
}

export interface Case {
  id: number
  deal: number
  amount: string
  openedAt: number
  closedAt: number | null
  sides: CaseSide[]
}

/** Who a complaint blocks, by which case, and why. */
export interface Block {
  account: string
  case: number
  reason: "accused" | "panel" | string
}

/** An account's record in the complaints pallet (docs/complaints.md). */
export interface CaseRecord {
  filed: number
  received: number
  upheld: number
  dismissed: number
  panels: number
  strikes: number
  protegesUpheld: number
  dissents: number
  ban: unknown
  filingBar: unknown
}

export interface Fund {
  account: string
  balance: string
  statement: Record<string, unknown>
  reserve: string
  available: string
  budgetLeft?: string
  [field: string]: unknown
}

export interface Proposal {
  id: number
  proposer: string
  deposit: string
  /** `{ spend: { beneficiary, amount, rationale } }`, or a motion. */
  kind: Record<string, unknown>
  opened: number
  electorate: number
  tally: { ayes: number; nays: number; abstains: number; objections: number }
  /** Parts per billion. */
  turnout: number
  quorum: number
  approval: number
  status: { state: string; ends?: number }
  blocksLeft: number | null
}

/** synergy_duties: what the cooperative asks of an account, each with its deadline (a block). */
export interface Duties {
  /** The block answered for. */
  at: number
  application: Application | null
  guaranteesOffered: string[]
  panelVotes: { case: number; side: number; level: number; accused: string; sitsFor: string; deadline: number }[]
  topUps: { protege: string; owed: string; by: number | null; pausedLeft: number | null }[]
  deals: { deal: number; action: "accept" | "confirm"; with: string; amount: string; by: number }[]
  votes: { proposal: number; motion: boolean; ends: number }[]
}

/** synergy_votesOf: a member's vote on a proposal (null if they only objected), and whether they objected. */
export interface VoteRecord {
  proposal: number
  vote: "aye" | "nay" | "abstain" | null
  objected: boolean
}

/** synergy_validators: the validators of this session and the next, and the set the members decided. */
export interface ValidatorSet {
  session: number
  current: string[]
  next: string[]
  /** The session after next, when it differs from `next` (else empty). */
  decided: string[]
  sessionLength: number
}

/** A kind of contribution: the four every equation weighs, or the project's own by index. */
export type ContributionKind = "time" | "money" | "materials" | "introductions" | { custom: number }

/** A version of a project's value equation: points per unit of each kind, shares in parts per billion. */
export interface Equation {
  version: number
  time: number
  money: number
  materials: number
  introductions: number
  custom: { name: string; weight: number }[]
  fundShare: number
  organisersShare: number
  approvals: number
  challengePeriod: number
  votingPeriod: number
}

export interface Participant {
  who: string
  standing: "participant" | "left"
  organiser: boolean
  since: number
  points: string
  seen: string
  claimable: string
  claimed: string
}

export interface ProjectTotals {
  revenue: string
  fund: string
  organisers: string
  participants: string
  remainder: string
  claimed: string
}

export interface EquationVote {
  round: number
  proposer: string
  equation: Equation
  opened: number
  ends: number
  electorate: number
  ayes: number
  nays: number
}

/** synergy_project. */
export interface Project {
  id: number
  founder: string
  description: string
  created: number
  organisers: string[]
  version: number
  /** Newest first. */
  equations: Equation[]
  participantCount: number
  totalPoints: string
  rewardPerPoint: string
  totals: ProjectTotals
  participants: Participant[]
  equationVote: EquationVote | null
}

export type ContributionStatus =
  | { pending: { approvals: number; windowEnds: number } }
  | {
      challenged: { challenger: string; approvals: number; electorate: number; quorum: number; opened: number; ends: number; accept: number; reject: number }
    }
  | { validated: { at: number; by: "approved" | "unchallenged" | "vote" } }
  | { rejected: { at: number; by: "vote" | "unapproved" } }

/** synergy_contributionsOf. */
export interface Contribution {
  id: number
  project: number
  contributor: string
  kind: ContributionKind
  quantity: number
  evidence: string
  version: number
  points: string
  recorded: number
  status: ContributionStatus
}

/** synergy_splitPreview. */
export interface SplitPreview {
  project: number
  version: number
  split: { revenue: string; fund: string; perOrganiser: string; organisers: number; rewardPerPoint: string; points: string; remainder: string }
  toFund: string
  parties: { who: string; asOrganiser: string; asParticipant: string; total: string }[]
}

/** A listing's side: what the member has to give, or what they need. */
export type Side = "offer" | "request"

/** What a listing's quantity counts. */
export type Unit = "piece" | "kilogram" | "litre" | "metre" | "hour" | "day" | "month" | "lot"

/** A listing's price: so much SYN a unit, or in kind (goods or work in return). */
export type Price = { perUnit: string } | "inKind"

/** synergy_categories: a category of the board, its parent and depth in the tree. */
export interface BoardCategory {
  id: number
  parent: number | null
  name: string
  depth: number
  /** Retired itself or from above: it takes no new listing. */
  retired: boolean
}

/** synergy_listing: a listing on the board; `quantity` is what is still open, `committed` of it in running deals. */
export interface Listing {
  id: number
  owner: string
  side: Side
  category: number
  title: string
  details: string
  quantity: number
  committed: number
  unit: Unit
  price: Price
  region: number
  expires: number
  deposit: string
  posted: number
}

/** synergy_board: a page of listings, newest first. */
export interface BoardPage {
  listings: Listing[]
  page: number
  more: boolean
  truncated: boolean
}

/** A match's score with every part of it (docs/board.md). */
export interface Score {
  dealsCompleted: number
  complaintsReceived: number
  complaintsUpheld: number
  guarantorsUpheld: number
  guarantorsBanned: number
  banned: boolean
  /** Within six handshakes, else null. */
  handshakes: number | null
  /** The deal's value in the smallest unit (a JSON number: the view writes it without serde_balance), null when both sides are in kind. */
  dealValue: number | string | null
  covered: boolean | null
  recordPoints: number
  guarantorPoints: number
  nearnessPoints: number
  coverPoints: number
  total: number
}

/** synergy_matches: an opposite listing for one of the reader's, and its owner's score. */
export interface Match {
  forListing: number
  listing: Listing
  score: Score
}

/** The most matches synergy_matches answers (its default limit). */
export const MAX_MATCHES = 50

/** The synergy_* methods the portal reads, each answering at one block. */
export interface Reader {
  member(who: string): Promise<Member | null>
  application(who: string): Promise<Application | null>
  classes(): Promise<MemberClass[]>
  graph(who: string, depth: number): Promise<Graph>
  escrow(who: string): Promise<Escrow | null>
  deal(id: number): Promise<Deal | null>
  dealsOf(who: string): Promise<DealsOf>
  record(who: string): Promise<CaseRecord | null>
  blocks(who: string | null): Promise<Block[]>
  case(id: number): Promise<Case | null>
  casesOf(who: string): Promise<Case[]>
  fund(): Promise<Fund>
  proposals(openOnly: boolean): Promise<Proposal[]>
  duties(who: string): Promise<Duties>
  votesOf(who: string): Promise<VoteRecord[]>
  validators(): Promise<ValidatorSet>
  project(id: number): Promise<Project | null>
  contributionsOf(who: string): Promise<Contribution[]>
  splitPreview(project: number, revenue: string): Promise<SplitPreview | null>
  categories(): Promise<BoardCategory[]>
  /** A page (from 0) of a category and below it, of a side (both with null), in a region (every region with null). */
  board(category: number, side: Side | null, region: number | null, page: number): Promise<BoardPage>
  listing(id: number): Promise<Listing | null>
  /** The matches of a listing (its number) or of every open listing of an account (its address). */
  matches(of: number | string, limit?: number): Promise<Match[]>
}

/** The readers over the node's synergy_* methods; at the best block, or at block hash `at`. */
export function rpcReader(chain: Pick<Chain, "rpc">, at?: string): Reader {
  const call = <T>(method: string, ...params: unknown[]) => chain.rpc<T>(method, at === undefined ? params : [...params, at])
  return {
    member: (who) => call("synergy_member", who),
    application: (who) => call("synergy_application", who),
    classes: () => call("synergy_classes"),
    graph: (who, depth) => call("synergy_guarantorGraph", who, depth),
    escrow: (who) => call("synergy_escrow", who),
    deal: (id) => call("synergy_deal", id),
    dealsOf: (who) => call("synergy_dealsOf", who),
    record: (who) => call("synergy_record", who),
    blocks: (who) => call("synergy_blocks", who),
    case: (id) => call("synergy_case", id),
    casesOf: (who) => call("synergy_casesOf", who),
    fund: () => call("synergy_fund"),
    proposals: (openOnly) => call("synergy_proposals", openOnly),
    duties: (who) => call("synergy_duties", who),
    votesOf: (who) => call("synergy_votesOf", who),
    validators: () => call("synergy_validators"),
    project: (id) => call("synergy_project", id),
    contributionsOf: (who) => call("synergy_contributionsOf", who),
    splitPreview: (project, revenue) => call("synergy_splitPreview", project, revenue),
    categories: () => call("synergy_categories"),
    board: (category, side, region, page) => call("synergy_board", category, side, region, page),
    listing: (id) => call("synergy_listing", id),
    matches: (of, limit = MAX_MATCHES) => call("synergy_matches", of, limit),
  }
}

/** A revenue amount as synergy_splitPreview takes it: a decimal number of the smallest unit. */
export function decimalAmount(text: string): bigint {
  const trimmed = text.trim()
  if (!/^\d+$/.test(trimmed)) throw new Error(`revenue is not a decimal amount: ${text}`)
  return BigInt(trimmed)
}

/**
 * The same readers over the runtime APIs that the synergy_* methods wrap, for a client that
 * serves no synergy_* method (the light client): each value written as the method answers it
 * (views.ts), with the method's own argument conversions. At the best block, as the node's
 * methods answer, or at block hash `at`.
 */
export function runtimeReader(api: SynergyApi, views: RuntimeViews, at: string = "best"): Reader {
  const options = { at }
  const { GuaranteeMembershipApi: membership, DepositEscrowApi: escrow, ComplaintsApi: complaints, GeneralMeetingApi: meeting, ContributionsApi: contributions, SynergyDutiesApi: duties, BoardApi: board } = api.apis
  // What the JSON stands for is the RPC's type, which the view rules make it.
  const view = async <T>(runtimeApi: string, method: string, value: Promise<unknown>): Promise<T> => views.json(runtimeApi, method, await value) as unknown as T
  return {
    member: (who) => view("GuaranteeMembershipApi", "member", membership.member(who, options)),
    application: (who) => view("GuaranteeMembershipApi", "application", membership.application(who, options)),
    classes: () => view("GuaranteeMembershipApi", "classes", membership.classes(options)),
    graph: (who, depth) => view("GuaranteeMembershipApi", "guarantor_graph", membership.guarantor_graph(who, depth, options)),
    escrow: (who) => view("DepositEscrowApi", "escrow", escrow.escrow(who, options)),
    deal: (id) => view("DepositEscrowApi", "deal", escrow.deal(BigInt(id), options)),
    dealsOf: (who) => view("DepositEscrowApi", "deals_of", escrow.deals_of(who, options)),
    record: (who) => view("ComplaintsApi", "record", complaints.record(who, options)),
    blocks: (who) => view("ComplaintsApi", "blocks", complaints.blocks(who ?? undefined, options)),
    case: (id) => view("ComplaintsApi", "case", complaints.case(id, options)),
    casesOf: (who) => view("ComplaintsApi", "cases_of", complaints.cases_of(who, options)),
    fund: () => view("GeneralMeetingApi", "fund", meeting.fund(options)),
    proposals: (openOnly) => view("GeneralMeetingApi", "proposals", meeting.proposals(openOnly, options)),
    duties: (who) => view("SynergyDutiesApi", "duties", duties.duties(who, options)),
    votesOf: (who) => view("GeneralMeetingApi", "votes_of", meeting.votes_of(who, options)),
    validators: () => view("GeneralMeetingApi", "validators", meeting.validators(options)),
    project: (id) => view("ContributionsApi", "project", contributions.project(id, options)),
    contributionsOf: (who) => view("ContributionsApi", "contributions_of", contributions.contributions_of(who, options)),
    splitPreview: async (project, revenue) => view("ContributionsApi", "split_preview", contributions.split_preview(project, decimalAmount(revenue), options)),
    categories: () => view("BoardApi", "categories", board.categories(options)),
    board: (category, side, region, page) =>
      view("BoardApi", "board", board.board(category, side === null ? undefined : Enum(side === "offer" ? "Offer" : "Request"), region ?? undefined, page, options)),
    listing: (id) => view("BoardApi", "listing", board.listing(BigInt(id), options)),
    matches: (of, limit = MAX_MATCHES) => view("BoardApi", "matches", board.matches(typeof of === "number" ? Enum("Listing", BigInt(of)) : Enum("Account", of), limit, options)),
  }
}

/** The readers over a connection: the node's methods, or under the light client the runtime APIs. */
export function reader(chain: Chain): Reader {
  return chain.connection.via === "light" ? runtimeReader(chain.api, chain.views) : rpcReader(chain)
}
