// Settings: which node the portal talks to (kept in this browser).
import type { Page } from "../app"
import { isWsUrl, saveRpc } from "../config"
import { t } from "../i18n"
import { field, h, note, replace, section } from "../ui"

export const settingsPage: Page = {
  path: "settings",
  title: "nav.settings",
  needsAccount: false,
  render(ctx) {
    const url = h("input", { name: "rpc", type: "url", value: ctx.chain.url, autocomplete: "url", spellcheck: "false" })
    const message = h("div", { "aria-live": "polite" })
    const save = h(
      "button",
      {
        type: "button",
        class: "primary",
        onclick: () => {
          if (!isWsUrl(url.value.trim())) return replace(message, note(t("settings.badUrl"), "error"))
          saveRpc(url.value.trim())
          const next = new URL(location.href)
          next.searchParams.delete("rpc")
          history.replaceState(null, "", next)
          location.reload()
        },
      },
      t("settings.save"),
    )
    const info = ctx.chain.info
    const element = h(
      "div",
      { class: "stack" },
      h("h1", {}, t("nav.settings")),
      section("settings.node", field("settings.url", url, t("settings.urlHint")), save, message),
      section("settings.chain", h("p", {}, t("settings.connected", { name: info.name, type: info.chainType, token: info.tokenSymbol }))),
    )
    return { element, refresh: async () => undefined }
  },
}
