// Sending a transaction: its fee estimated before signing, then its progress — signed, in the
// pool, in a block, finalized — and its failure in words, a light client's refusal to send it too.
import { InvalidTxError, type PolkadotSigner, type Transaction } from "polkadot-api"
import { explainDispatchError, explainPoolRefusal, type ErrorDocs } from "./errors"
import { t } from "./i18n"

/** Any call of the runtime, ready to sign. */
export type AnyTx = Transaction<any, string, string, any>

export type TxStage = "signing" | "pool" | "inBlock" | "finalized" | "failed"

export interface TxProgress {
  stage: TxStage
  /** The block the transaction is in, from "inBlock" on. */
  block?: number
  /** Why it failed, in words. */
  reason?: string
}

export function estimateFee(tx: AnyTx, from: string): Promise<bigint> {
  return tx.getEstimatedFees(from)
}

/**
 * Tells `listener` of each transaction the light client dropped without sending it — its hash
 * as smoldot abbreviates it, and why; returns the unsubscribe. A node's connection drops none.
 */
export type DropWatch = (listener: (shortHash: string, reason: string) => void) => () => void

/** A transaction the light client dropped, from its log line: `Failed to validate transaction 0x1234…abcd: reason`. */
export function droppedTransaction(message: string): { shortHash: string; reason: string } | null {
  const found = /^Failed to validate transaction (0x[0-9a-f]{4}…[0-9a-f]{4}): (.+)$/s.exec(message)
  return found?.[1] && found[2] ? { shortHash: found[1], reason: found[2].trim() } : null
}

/** Whether smoldot's abbreviation (the first two bytes and the last two) is of `hash`. */
export function isShortHashOf(shortHash: string, hash: string): boolean {
  return shortHash.toLowerCase() === `${hash.slice(0, 6)}…${hash.slice(-4)}`.toLowerCase()
}

/** Why the light client dropped a transaction, in words. */
export function explainDrop(reason: string): string {
  return /access the storage/i.test(reason) ? t("tx.lightProofIncomplete") : t("tx.lightDropped", { reason })
}

/**
 * Signs and sends `tx`, reporting each stage; resolves with whether it succeeded once the
 * outcome is final (a failure in a best block is final too: the call ran and failed).
 */
export function submit(tx: AnyTx, signer: PolkadotSigner, docs: ErrorDocs, report: (p: TxProgress) => void, dropped?: DropWatch): Promise<boolean> {
  report({ stage: "signing" })
  return new Promise((resolve) => {
    let unwatch = () => {}
    const finish = (ok: boolean) => {
      unwatch()
      resolve(ok)
    }
    const subscription = tx.signSubmitAndWatch(signer).subscribe({
      next(event) {
        if (event.type === "signed" && dropped) {
          unwatch = dropped((shortHash, reason) => {
            if (!isShortHashOf(shortHash, event.txHash)) return
            report({ stage: "failed", reason: explainDrop(reason) })
            subscription.unsubscribe()
            finish(false)
          })
        } else if (event.type === "broadcasted") report({ stage: "pool" })
        else if (event.type === "txBestBlocksState" && event.found) {
          if (event.ok) report({ stage: "inBlock", block: event.block.number })
          else {
            report({ stage: "failed", block: event.block.number, reason: explainDispatchError(event.dispatchError, docs) })
            subscription.unsubscribe()
            finish(false)
          }
        } else if (event.type === "finalized") {
          if (event.ok) report({ stage: "finalized", block: event.block.number })
          else report({ stage: "failed", block: event.block.number, reason: explainDispatchError(event.dispatchError, docs) })
          finish(event.ok)
        }
      },
      error(error: unknown) {
        report({ stage: "failed", reason: describeSubmitError(error) })
        finish(false)
      },
    })
  })
}

function describeSubmitError(error: unknown): string {
  if (error instanceof InvalidTxError) return explainPoolRefusal(error.error)
  return error instanceof Error ? error.message : String(error)
}
