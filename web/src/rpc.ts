// The synergy_* JSON-RPC methods the portal reads (docs/auditor.md): balances are decimal
// strings of the smallest unit, accounts SS58 addresses.
import type { Chain } from "./chain"

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

/** The typed readers of the synergy_* methods over one connection. */
export function reader(chain: Chain) {
  const call = <T>(method: string, ...params: unknown[]) => chain.rpc<T>(method, params)
  return {
    member: (who: string) => call<Member | null>("synergy_member", who),
    application: (who: string) => call<Application | null>("synergy_application", who),
    classes: () => call<MemberClass[]>("synergy_classes"),
    graph: (who: string, depth: number) => call<Graph>("synergy_guarantorGraph", who, depth),
    escrow: (who: string) => call<Escrow | null>("synergy_escrow", who),
    deal: (id: number) => call<Deal | null>("synergy_deal", id),
    dealsOf: (who: string) => call<DealsOf>("synergy_dealsOf", who),
    record: (who: string) => call<CaseRecord | null>("synergy_record", who),
    blocks: (who: string | null) => call<Block[]>("synergy_blocks", who),
    case: (id: number) => call<Case | null>("synergy_case", id),
    casesOf: (who: string) => call<Case[]>("synergy_casesOf", who),
    fund: () => call<Fund>("synergy_fund"),
    proposals: (openOnly: boolean) => call<Proposal[]>("synergy_proposals", openOnly),
    duties: (who: string) => call<Duties>("synergy_duties", who),
    votesOf: (who: string) => call<VoteRecord[]>("synergy_votesOf", who),
    validators: () => call<ValidatorSet>("synergy_validators"),
    project: (id: number) => call<Project | null>("synergy_project", id),
    contributionsOf: (who: string) => call<Contribution[]>("synergy_contributionsOf", who),
    splitPreview: (project: number, revenue: string) => call<SplitPreview | null>("synergy_splitPreview", project, revenue),
  }
}

export type Reader = ReturnType<typeof reader>
