import { describe, expect, it } from "vitest"
import { edgeWidth, graphElements, MAX_WIDTH, MIN_WIDTH } from "./graph-model"
import type { Graph } from "./rpc"


const graph: Graph = {
  depth: 1,
  truncated: false,
  nodes: [
    { account: "A", distance: 0, member: true, guarantors: ["B", "C"], proteges: ["E"] },
    { account: "B", distance: 1, member: true, guarantors: [], proteges: ["A"] },
    { account: "C", distance: 1, member: true, guarantors: ["Z"], proteges: ["A"] },
    { account: "E", distance: 1, member: false, guarantors: ["A"], proteges: [] },
  ],
}

describe("the guarantor graph", () => {
  const amounts: Record<string, string> = { "B>A": "2000", "C>A": "1000", "A>E": "0" }
  const held = (g: string, p: string) => amounts[`${g}>${p}`]
  const members: Record<string, { classId: number; blocked: boolean }> = {
    A: { classId: 0, blocked: false },
    B: { classId: 0, blocked: true },
    C: { classId: 2, blocked: false },
  }
  const elements = graphElements(graph, "A", held, (a) => members[a], (a) => a.toLowerCase())

  it("has one node per account, marked by class, block and membership", () => {
    expect(elements.nodes.map((n) => n.data.id)).toEqual(["A", "B", "C", "E"])
    const b = elements.nodes[1]!.data
    expect(b).toMatchObject({ classId: 0, blocked: true, member: true, centre: false, label: "b" })
    expect(elements.nodes[3]!.data).toMatchObject({ classId: -1, member: false })
    expect(elements.nodes[0]!.data.centre).toBe(true)
  })
  it("draws each guarantee once, from guarantor to protégé, and none to accounts outside", () => {
    expect(elements.edges.map((e) => e.data.id).sort()).toEqual(["A>E", "B>A", "C>A"])
  })
  it("makes the edge as wide as its escrow", () => {
    const width = Object.fromEntries(elements.edges.map((e) => [e.data.id, e.data.width]))
    expect(width["B>A"]).toBe(MAX_WIDTH)
    expect(width["A>E"]).toBe(MIN_WIDTH)
    expect(width["C>A"]).toBe(5.5)
    expect(edgeWidth(5n, 0n)).toBe(MIN_WIDTH)
  })
})
