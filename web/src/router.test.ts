import { describe, expect, it } from "vitest"
import { route } from "./router"

const pages = [{ path: "standing" }, { path: "graph" }] as const

describe("hash routes", () => {
  it("finds the page and its parameters", () => {
    const r = route("#/graph?account=5Grw&depth=3", pages, pages[0])
    expect(r.page.path).toBe("graph")
    expect(r.params.get("depth")).toBe("3")
  })
  it("falls back to the first page", () => {
    expect(route("", pages, pages[0]).page.path).toBe("standing")
    expect(route("#/nowhere", pages, pages[0]).page.path).toBe("standing")
  })
})
