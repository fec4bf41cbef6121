// Auditor: the guarantor graph around any account, open to anyone without an account.
import type cytoscape from "cytoscape"
import type { Ctx, Page } from "../app"
import { className } from "../app"
import { BLOCKED_COLOUR, CANDIDATE_COLOUR, classColour, graphElements } from "../graph-model"
import { t } from "../i18n"
import { readAddress } from "../inputs"
import { accountLabel, accountText } from "../names"
import type { Graph, Member } from "../rpc"
import { field, h, note, replace, section, syn } from "../ui"

export const MAX_DEPTH = 4

interface Around {
  /** `guarantor>protégé` → the escrow that guarantee holds. */
  held: Map<string, string>
  members: Map<string, Member>
}

/** What the graph answer leaves out: each member's class and block, each guarantee's escrow. */
async function around(ctx: Ctx, graph: Graph): Promise<Around> {
  const held = new Map<string, string>()
  const members = new Map<string, Member>()
  await Promise.all(
    graph.nodes.map(async (n) => {
      const [member, escrow] = await Promise.all([n.member ? ctx.read.member(n.account) : null, n.guarantors.length ? ctx.read.escrow(n.account) : null])
      if (member) members.set(n.account, member)
      for (const g of escrow?.guarantees ?? []) held.set(`${g.guarantor}>${n.account}`, g.held)
    }),
  )
  return { held, members }
}

function legend(ctx: Ctx): HTMLElement {
  const items = ctx.classes.map((c) => h("li", {}, h("span", { class: "swatch", style: `background:${classColour(c.id)}` }), className(ctx, c.id)))
  items.push(h("li", {}, h("span", { class: "swatch candidate", style: `border-color:${CANDIDATE_COLOUR}` }), t("graph.candidate")))
  items.push(h("li", {}, h("span", { class: "swatch blocked", style: `border-color:${BLOCKED_COLOUR}` }), t("graph.blocked")))
  return h("ul", { class: "legend" }, ...items, h("li", {}, t("graph.edgeWidth")))
}

/** The same graph as a table, for readers who do not see the drawing. */
function table(ctx: Ctx, graph: Graph, { held, members }: Around): HTMLElement {
  const rows = graph.nodes.map((n) =>
    h(
      "tr",
      {},
      h("td", { class: "address", title: n.account }, accountText(n.account)),
      h("td", {}, String(n.distance)),
      h("td", {}, members.has(n.account) ? className(ctx, members.get(n.account)?.class ?? -1) : t("graph.candidate")),
      h("td", {}, members.get(n.account)?.blocked ? t("yes") : t("no")),
      h("td", {}, n.guarantors.map((g) => `${accountLabel(g)}: ${syn(held.get(`${g}>${n.account}`) ?? "0")}`).join("; ")),
    ),
  )
  const head = ["graph.account", "graph.distance", "graph.class", "graph.blockedColumn", "graph.guarantorsColumn"] as const
  return h("table", { class: "graph-table" }, h("caption", {}, t("graph.tableCaption")), h("thead", {}, h("tr", {}, ...head.map((k) => h("th", { scope: "col" }, t(k))))), h("tbody", {}, ...rows))
}

export const graphPage: Page = {
  path: "graph",
  title: "nav.graph",
  needsAccount: false,
  render(ctx, params) {
    const prefix = ctx.chain.info.ss58Format
    const who = h("input", { name: "account", autocomplete: "off", spellcheck: "false", value: params.get("account") ?? ctx.account()?.address ?? "" })
    const depth = h("select", { name: "depth" })
    for (let d = 1; d <= MAX_DEPTH; d++) depth.append(h("option", { value: String(d) }, String(d)))
    depth.value = params.get("depth") ?? "2"
    const canvas = h("div", { id: "graph", class: "graph", role: "img", "aria-label": t("graph.drawing") })
    const info = h("div", { "aria-live": "polite" })
    const details = h("div")
    let cy: cytoscape.Core | null = null
    let drawn = ""

    async function draw(force: boolean): Promise<void> {
      if (!who.value.trim()) return replace(info, note(t("graph.chooseAccount")))
      let account: string
      try {
        account = readAddress(who.value, prefix)
      } catch (error) {
        return replace(info, note(error instanceof Error ? error.message : String(error), "error"))
      }
      const graph = await ctx.read.graph(account, Number(depth.value))
      const extra = await around(ctx, graph)
      const key = JSON.stringify([graph, [...extra.held], [...extra.members]])
      if (!force && key === drawn) return
      drawn = key
      const elements = graphElements(
        graph,
        account,
        (g, p) => extra.held.get(`${g}>${p}`),
        (a) => {
          const m = extra.members.get(a)
          return m && { classId: m.class, blocked: m.blocked }
        },
        accountLabel,
      )
      // Loaded with the first drawing: the other pages do without it.
      const { default: cytoscape } = await import("cytoscape")
      cy?.destroy()
      cy = cytoscape({
        container: canvas,
        elements: [...elements.nodes, ...elements.edges],
        layout: { name: "concentric", concentric: (n: cytoscape.NodeSingular) => MAX_DEPTH + 1 - Number(n.data("distance")), levelWidth: () => 1, minNodeSpacing: 30 },
        style: [
          { selector: "node", style: { "background-color": (n: cytoscape.NodeSingular) => classColour(Number(n.data("classId"))), label: "data(label)", "font-size": 10, color: "#111", "text-valign": "bottom", "text-margin-y": 4 } },
          { selector: "node[?centre]", style: { width: 40, height: 40, "font-weight": "bold" } },
          { selector: "node[!member]", style: { "background-color": "#fff", "border-width": 3, "border-style": "dashed", "border-color": CANDIDATE_COLOUR } },
          { selector: "node[?blocked]", style: { "border-width": 5, "border-color": BLOCKED_COLOUR } },
          { selector: "edge", style: { width: "data(width)", "line-color": "#8a8a8a", "target-arrow-color": "#8a8a8a", "target-arrow-shape": "triangle", "curve-style": "bezier" } },
        ],
      })
      canvas.dataset.nodes = String(elements.nodes.length)
      canvas.dataset.edges = String(elements.edges.length)
      replace(info, note(t(graph.truncated ? "graph.truncated" : "graph.summary", { nodes: elements.nodes.length, edges: elements.edges.length, depth: graph.depth })))
      replace(details, table(ctx, graph, extra))
      const query = new URLSearchParams({ account, depth: depth.value })
      history.replaceState(null, "", `${location.pathname}${location.search}#/graph?${query}`)
    }

    const go = h("button", { type: "button", class: "primary", onclick: () => void draw(true) }, t("graph.draw"))
    who.addEventListener("keydown", (event) => {
      if (event.key === "Enter") void draw(true)
    })
    depth.addEventListener("change", () => void draw(true))
    const element = h(
      "div",
      { class: "stack" },
      h("h1", {}, t("nav.graph")),
      section("graph.around", h("p", { class: "muted" }, t("graph.help")), field("graph.accountField", who), field("graph.depth", depth), go),
      info,
      canvas,
      legend(ctx),
      details,
    )
    return {
      element,
      refresh: () => draw(false),
      dispose: () => cy?.destroy(),
    }
  },
}
