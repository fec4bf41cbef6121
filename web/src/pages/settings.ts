// Settings: how the portal reaches the chain — a node over WebSocket, or the light client
// started from a chain spec — kept in this browser.
import type { Page } from "../app"
import { checkChainSpec, fetchChainSpec } from "../chain-spec"
import { CONNECTION_PARAMS, DEFAULT_RPC, DEFAULT_SPEC, isSpecUrl, isWsUrl, saveConnection, savedConnection, type Connection } from "../config"
import { t } from "../i18n"
import { field, h, note, replace, section } from "../ui"

/** Whether a usable chain spec is at `url`; the reason in words if not. */
async function probeSpec(url: string): Promise<string | null> {
  try {
    checkChainSpec(await fetchChainSpec(url))
    return null
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

export const settingsPage: Page = {
  path: "settings",
  title: "nav.settings",
  needsAccount: false,
  render(ctx) {
    const current = ctx.chain.connection
    const saved = savedConnection()
    const url = h("input", { name: "rpc", type: "url", value: current.via === "node" ? current.url : (saved.rpc ?? DEFAULT_RPC), autocomplete: "url", spellcheck: "false" })
    const spec = h("input", { name: "spec", type: "text", value: current.via === "light" ? current.spec : (saved.spec ?? DEFAULT_SPEC), autocomplete: "url", spellcheck: "false" })
    const viaNode = h("input", { type: "radio", name: "via", value: "node", checked: current.via === "node" })
    const viaLight = h("input", { type: "radio", name: "via", value: "light", checked: current.via === "light" })
    const specStatus = h("div", { class: "spec-status", "aria-live": "polite" })
    const message = h("div", { "aria-live": "polite" })

    let probed = ""
    async function probe(): Promise<void> {
      const where = spec.value.trim()
      if (where === probed) return
      probed = where
      if (!isSpecUrl(where, location.href)) return replace(specStatus, note(t("settings.badSpecUrl"), "error"))
      replace(specStatus, note(t("settings.specChecking", { url: where })))
      const problem = current.via === "light" && where === current.spec ? null : await probeSpec(where)
      if (probed !== where) return
      specStatus.dataset.available = String(problem === null)
      // The light client is offered when there is a spec to start it from.
      viaLight.disabled = problem !== null
      if (viaLight.disabled && viaLight.checked) viaNode.checked = true
      replace(specStatus, problem === null ? note(t("settings.specFound", { url: where })) : note(t("settings.specMissing", { url: where, reason: problem }), "error"))
    }
    spec.addEventListener("change", () => void probe())

    async function save(): Promise<void> {
      let chosen: Connection
      if (viaLight.checked) {
        const where = spec.value.trim()
        if (!isSpecUrl(where, location.href)) return replace(message, note(t("settings.badSpecUrl"), "error"))
        const problem = await probeSpec(where)
        if (problem !== null) return replace(message, note(t("settings.specMissing", { url: where, reason: problem }), "error"))
        chosen = { via: "light", spec: where }
      } else {
        if (!isWsUrl(url.value.trim())) return replace(message, note(t("settings.badUrl"), "error"))
        chosen = { via: "node", url: url.value.trim() }
      }
      // The node's address typed is kept for switching back, whichever way is chosen.
      if (chosen.via === "light" && isWsUrl(url.value.trim())) saveConnection({ via: "node", url: url.value.trim() })
      saveConnection(chosen)
      const next = new URL(location.href)
      for (const param of CONNECTION_PARAMS) next.searchParams.delete(param)
      history.replaceState(null, "", next)
      location.reload()
    }

    const info = ctx.chain.info
    const element = h(
      "div",
      { class: "stack" },
      h("h1", {}, t("nav.settings")),
      section(
        "settings.connection",
        h(
          "fieldset",
          { class: "via" },
          h("legend", {}, t("settings.viaLegend")),
          h(
            "div",
            { class: "option", "data-via": "node" },
            h("label", { class: "choice" }, viaNode, " ", t("settings.viaNode")),
            h("p", { class: "muted" }, t("settings.viaNodeHelp")),
            field("settings.url", url, t("settings.urlHint")),
          ),
          h(
            "div",
            { class: "option", "data-via": "light" },
            h("label", { class: "choice" }, viaLight, " ", t("settings.viaLight")),
            h("p", { class: "muted" }, t("settings.viaLightHelp")),
            field("settings.spec", spec, t("settings.specHint")),
            specStatus,
          ),
        ),
        h("div", { class: "buttons" }, h("button", { type: "button", class: "primary", "data-role": "save", onclick: () => void save() }, t("settings.save"))),
        message,
      ),
      section(
        "settings.chain",
        h("p", {}, t("settings.connected", { name: info.name, type: info.chainType, token: info.tokenSymbol })),
        h("p", { "data-via": current.via }, current.via === "light" ? t("settings.viaLightNow", { spec: current.spec }) : t("settings.viaNodeNow", { url: current.url })),
      ),
    )
    void probe()
    return { element, refresh: async () => undefined }
  },
}
