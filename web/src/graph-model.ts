// The guarantor graph as cytoscape elements: members coloured by class, the blocked marked,
// candidates dashed, each guarantee an edge from guarantor to protégé as wide as its escrow.
import type { Graph } from "./rpc"

export interface NodeData {
  id: string
  label: string
  distance: number
  classId: number
  member: boolean
  blocked: boolean
  centre: boolean
}

export interface EdgeData {
  id: string
  source: string
  target: string
  held: string
  width: number
}

export interface Elements {
  nodes: { data: NodeData }[]
  edges: { data: EdgeData }[]
}

/** `held(guarantor, protégé)`: the escrow that guarantee holds, as a decimal string. */
export type HeldLookup = (guarantor: string, protege: string) => string | undefined

/** A member's class and whether a complaint blocks them (from synergy_member). */
export type MemberLookup = (account: string) => { classId: number; blocked: boolean } | undefined

export const MIN_WIDTH = 1
export const MAX_WIDTH = 10

export function graphElements(graph: Graph, centre: string, held: HeldLookup, member: MemberLookup, label: (account: string) => string): Elements {
  const inGraph = new Set(graph.nodes.map((n) => n.account))
  const nodes = graph.nodes.map((n) => {
    const known = n.member ? member(n.account) : undefined
    return {
    data: {
      id: n.account,
      label: label(n.account),
      distance: n.distance,
      classId: known?.classId ?? -1,
      member: n.member,
      blocked: known?.blocked ?? false,
      centre: n.account === centre,
    },
  }
  })
  const pairs = new Map<string, [string, string]>()
  for (const n of graph.nodes) {
    for (const g of n.guarantors) if (inGraph.has(g)) pairs.set(`${g}>${n.account}`, [g, n.account])
    for (const p of n.proteges) if (inGraph.has(p)) pairs.set(`${n.account}>${p}`, [n.account, p])
  }
  const amounts = [...pairs.values()].map(([g, p]) => BigInt(held(g, p) ?? "0"))
  const most = amounts.reduce((max, a) => (a > max ? a : max), 0n)
  const edges = [...pairs.entries()].map(([id, [source, target]], i) => {
    const amount = amounts[i] ?? 0n
    return { data: { id, source, target, held: amount.toString(), width: edgeWidth(amount, most) } }
  })
  return { nodes, edges }
}

/** Edge width grows with the escrow, from MIN_WIDTH (nothing held) to MAX_WIDTH (the most). */
export function edgeWidth(amount: bigint, most: bigint): number {
  if (most === 0n) return MIN_WIDTH
  const share = Number((amount * 1000n) / most) / 1000
  return Math.round((MIN_WIDTH + share * (MAX_WIDTH - MIN_WIDTH)) * 10) / 10
}

/** Colours of the classes (readable on white, told apart without relying on hue alone: see the legend). */
export const CLASS_COLOURS = ["#1f5fbf", "#2e7d32", "#8e44ad", "#b35900", "#00838f"] as const
export const CANDIDATE_COLOUR = "#6b6b6b"
export const BLOCKED_COLOUR = "#c62828"

export function classColour(classId: number): string {
  return classId < 0 ? CANDIDATE_COLOUR : (CLASS_COLOURS[classId % CLASS_COLOURS.length] ?? CANDIDATE_COLOUR)
}
