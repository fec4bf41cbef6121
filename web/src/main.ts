// The portal's shell: connects to the node, offers the accounts, routes by the address's hash
// (#/standing, #/graph?account=…) and redraws the page on every new block.
import { devAccounts, extensionAccounts, shortAddress, type Account } from "./accounts"
import { activity } from "./activity"
import type { Ctx, Page, PageView } from "./app"
import { connect, isDevelopment } from "./chain"
import { resolveConnection, savedConnection } from "./config"
import { errorDocs, type ErrorDocs } from "./errors"
import { LANGS, lang, loadLang, setLang, t } from "./i18n"
import { setNames } from "./names"
import { boardPage } from "./pages/board"
import { complaintsPage } from "./pages/complaints"
import { dealsPage } from "./pages/deals"
import { dutiesPage } from "./pages/duties"
import { fundPage } from "./pages/fund"
import { graphPage } from "./pages/graph"
import { joiningPage } from "./pages/joining"
import { projectsPage } from "./pages/projects"
import { settingsPage } from "./pages/settings"
import { standingPage } from "./pages/standing"
import { validatorsPage } from "./pages/validators"
import { reader } from "./rpc"
import { route } from "./router"
import "./style.css"
import { h, note, replace } from "./ui"

const PAGES: readonly Page[] = [standingPage, dutiesPage, joiningPage, dealsPage, boardPage, complaintsPage, projectsPage, graphPage, fundPage, validatorsPage, settingsPage]
const ACCOUNT_KEY = "synergy.account"

const root = document.getElementById("app") as HTMLElement

const connection = resolveConnection(location.search, savedConnection(), location.href)

async function start(): Promise<void> {
  loadLang()
  replace(root, note(connection.via === "light" ? t("app.lightStarting", { spec: connection.spec }) : t("app.connecting", { url: connection.url })))
  const chain = await connect(connection)
  const docs: ErrorDocs = errorDocs(chain.metadata)
  const [classes, injected] = await Promise.all([reader(chain).classes(), extensionAccounts()])
  const accounts: Account[] = [...injected, ...(isDevelopment(chain.info) ? devAccounts(chain.info) : [])]
  setNames(accounts)
  let account: Account | null = accounts.find((a) => a.address === localStorage.getItem(ACCOUNT_KEY)) ?? accounts[0] ?? null
  let view: PageView | null = null
  let refreshing = false

  const ctx: Ctx = {
    chain,
    read: reader(chain),
    docs,
    classes,
    account: () => account,
    refresh: () => void refresh(),
  }

  const blockNumber = h("span", { class: "block", "aria-live": "off" }, "—")
  const main = h("main", { id: "main", tabindex: "-1" })
  const problem = h("div", { class: "problem" })
  const nav = h("nav", { "aria-label": t("nav.label") })

  function accountPicker(): HTMLElement {
    const select = h("select", { id: "account", "aria-label": t("account.choose") })
    select.append(h("option", { value: "" }, t("account.none")))
    for (const a of accounts) select.append(h("option", { value: a.address, selected: a === account }, `${a.name} · ${shortAddress(a.address)}${a.source === "dev" ? ` (${t("account.dev")})` : ""}`))
    select.addEventListener("change", () => {
      account = accounts.find((a) => a.address === select.value) ?? null
      localStorage.setItem(ACCOUNT_KEY, select.value)
      show()
    })
    return select
  }

  function langPicker(): HTMLElement {
    const select = h("select", { id: "lang", "aria-label": t("lang.choose") })
    for (const l of LANGS) select.append(h("option", { value: l, selected: l === lang() }, t("lang.name", {}, l)))
    select.addEventListener("change", () => {
      setLang(select.value as (typeof LANGS)[number])
      shell()
      show()
    })
    return select
  }

  function shell(): void {
    replace(nav, ...PAGES.map((p) => h("a", { href: `#/${p.path}`, "data-page": p.path }, t(p.title))))
    const header = h(
      "header",
      {},
      // Not a hash link: the hash is the route.
      h("a", { class: "skip", href: "#main", onclick: (event: Event) => (event.preventDefault(), main.focus()) }, t("app.skip")),
      h("div", { class: "brand" }, h("strong", {}, "Synergy"), h("span", { class: "muted", "data-via": chain.connection.via }, ` ${chain.info.name} · `, chain.connection.via === "light" ? `${t("app.viaLight")} · ` : "", t("app.block"), " ", blockNumber)),
      h("div", { class: "pickers" }, accountPicker(), langPicker()),
      nav,
    )
    replace(root, header, activity(), main)
    if (accounts.length === 0) main.before(note(t("account.noneFound")))
  }

  async function refresh(): Promise<void> {
    if (!view || refreshing) return
    refreshing = true
    try {
      await view.refresh()
      replace(problem)
    } catch (error) {
      replace(problem, note(t("app.readFailed", { reason: error instanceof Error ? error.message : String(error) }), "error"))
    } finally {
      refreshing = false
    }
  }

  function show(): void {
    view?.dispose?.()
    const { page, params } = route(location.hash, PAGES, standingPage)
    for (const link of nav.querySelectorAll("a")) link.toggleAttribute("aria-current", link.dataset.page === page.path)
    document.title = `${t(page.title)} · Synergy`
    if (page.needsAccount && !account) {
      view = null
      replace(main, h("h1", {}, t(page.title)), note(t("account.needed")))
      return
    }
    view = page.render(ctx, params)
    replace(problem)
    replace(main, problem, view.element)
    void refresh()
  }

  shell()
  window.addEventListener("hashchange", () => {
    show()
    main.focus()
  })
  chain.onBlock((number) => {
    blockNumber.textContent = String(number)
    void refresh()
  })
  show()
}

start().catch((error: unknown) => {
  const reason = error instanceof Error ? error.message : String(error)
  replace(root, note(t("app.failed", { reason }), "error"), connection.via === "light" ? note(t("app.lightFailed")) : null)
})
