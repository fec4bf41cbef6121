// Hash routes (`#/graph?account=…`), so the static build works from any folder or host.

export interface Route<P> {
  page: P
  params: URLSearchParams
}

export function route<P extends { path: string }>(hash: string, pages: readonly P[], fallback: P): Route<P> {
  const [path = "", query = ""] = hash.replace(/^#\/?/, "").split("?")
  const page = pages.find((p) => p.path === path) ?? fallback
  return { page, params: new URLSearchParams(query) }
}
