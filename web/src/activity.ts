// The transactions sent from this page and where each stands, newest first. It lives outside
// the pages, so a page drawn again on a new block never hides a transaction's progress.
import { t } from "./i18n"
import type { TxProgress } from "./tx"
import { h, replace } from "./ui"

const STAGES: readonly TxProgress["stage"][] = ["signing", "pool", "inBlock", "finalized"]
const KEPT = 5

let panel: HTMLElement | null = null

/** The panel, made on first use. */
export function activity(): HTMLElement {
  panel ??= h("section", { id: "activity", class: "activity", "aria-live": "polite" })
  return panel
}

/** Adds a transaction to the panel; the returned function reports its progress. */
export function track(label: string, name: string): (progress: TxProgress) => void {
  const list = activity()
  list.setAttribute("aria-label", t("tx.activity"))
  const steps = h("ol", { class: "progress" })
  const reason = h("p", { class: "note error", role: "alert", hidden: true })
  const item = h("article", { class: "tx-item", "data-action": name }, h("h3", {}, label), steps, reason)
  list.prepend(item)
  while (list.children.length > KEPT) list.lastElementChild?.remove()
  let reached = -1
  return (progress) => {
    item.dataset.stage = progress.stage
    if (progress.stage !== "failed") reached = STAGES.indexOf(progress.stage)
    replace(steps, ...STAGES.map((stage, index) => step(stage, index, reached, progress)))
    if (progress.stage === "failed") {
      reason.hidden = false
      reason.textContent = progress.reason ?? t("tx.failed")
    }
  }
}

/** A stage done, current, failed or still to come. */
function step(stage: TxProgress["stage"], index: number, reached: number, progress: TxProgress): HTMLElement {
  const failed = progress.stage === "failed"
  const state =
    index < reached || progress.stage === "finalized" ? "done" : index === reached ? (failed ? "done" : "current") : failed && index === reached + 1 ? "failed" : "todo"
  const label = stage === "inBlock" || stage === "finalized" ? t(`tx.${stage}`, { block: progress.block ?? "…" }) : t(`tx.${stage}`)
  return h("li", { class: state }, label)
}
