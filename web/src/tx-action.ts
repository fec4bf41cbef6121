// A button that sends one transaction: the fee shown before signing, the progress then in the
// activity panel.
import { track } from "./activity"
import type { Ctx } from "./app"
import { t } from "./i18n"
import { InputError } from "./inputs"
import type { MessageKey } from "./messages"
import { estimateFee, submit, type AnyTx } from "./tx"
import { h, note, replace, syn } from "./ui"

export interface TxActionOptions {
  label: MessageKey
  /** Builds the transaction from the form; throws InputError for a mistake in it. */
  build(): AnyTx
  /** A call the chain lets through without a fee (a candidate's own answer). */
  free?: boolean
  /** Names the action for tests and styles. */
  name: string
  /** Called once the transaction succeeded (finalized), before the page reads the chain again. */
  done?(): void
}

/** Whether a part of a page holds an action being prepared, which a redraw would lose. */
export function busy(container: Element): boolean {
  return container.querySelector(".tx[data-stage]") !== null
}

/** What each part of a page was last drawn from. */
const drawnFrom = new WeakMap<Element, string>()

/**
 * Draws `slot` again with `content()` only when `value` (what it shows) changed since it was
 * last drawn and no action in it is being prepared: typing survives new blocks, and a button is
 * never swapped under a click.
 */
export function redrawOnChange(slot: Element, value: unknown, content: () => Node | Node[]): void {
  const key = JSON.stringify(value)
  if (busy(slot) || drawnFrom.get(slot) === key) return
  drawnFrom.set(slot, key)
  const drawn = content()
  replace(slot, ...(Array.isArray(drawn) ? drawn : [drawn]))
}

export function txAction(ctx: Ctx, options: TxActionOptions): HTMLElement {
  const box = h("div", { class: "tx", "data-action": options.name })
  const status = h("div", { class: "tx-status", "aria-live": "polite" })
  const start = h("button", { type: "button", onclick: () => void prepare() }, t(options.label))
  box.append(start, status)

  async function prepare(): Promise<void> {
    const account = ctx.account()
    if (!account) return replace(status, note(t("tx.noAccount"), "error"))
    let tx: AnyTx
    try {
      tx = options.build()
    } catch (error) {
      if (error instanceof InputError) return replace(status, note(error.message, "error"))
      throw error
    }
    start.disabled = true
    box.dataset.stage = "estimating"
    replace(status, note(t("tx.estimating")))
    let feeText: string
    try {
      feeText = options.free ? t("tx.free") : t("tx.fee", { fee: syn(await estimateFee(tx, account.address)) })
    } catch (error) {
      feeText = t("tx.feeUnknown", { reason: error instanceof Error ? error.message : String(error) })
    }
    const sign = h("button", { type: "button", class: "primary", "data-role": "sign", onclick: () => void send(tx) }, t("tx.sign", { name: account.name }))
    const cancel = h("button", { type: "button", onclick: reset }, t("tx.cancel"))
    box.dataset.stage = "ready"
    replace(status, h("p", { class: "fee" }, feeText), h("div", { class: "buttons" }, sign, cancel))
    sign.focus()
  }

  async function send(tx: AnyTx): Promise<void> {
    const account = ctx.account()
    if (!account) return
    reset()
    const report = track(t(options.label), options.name)
    if (await submit(tx, account.signer, ctx.docs, report, ctx.chain.onTransactionDropped)) {
      options.done?.()
      ctx.refresh()
    }
  }

  function reset(): void {
    start.disabled = false
    delete box.dataset.stage
    replace(status)
  }

  return box
}
