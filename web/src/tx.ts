// Sending a transaction: its fee estimated before signing, then its progress — signed, in the
// pool, in a block, finalized — and its failure in words.
import { InvalidTxError, type PolkadotSigner, type Transaction } from "polkadot-api"
import { explainDispatchError, explainPoolRefusal, type ErrorDocs } from "./errors"

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
 * Signs and sends `tx`, reporting each stage; resolves with whether it succeeded once the
 * outcome is final (a failure in a best block is final too: the call ran and failed).
 */
export function submit(tx: AnyTx, signer: PolkadotSigner, docs: ErrorDocs, report: (p: TxProgress) => void): Promise<boolean> {
  report({ stage: "signing" })
  return new Promise((resolve) => {
    const subscription = tx.signSubmitAndWatch(signer).subscribe({
      next(event) {
        if (event.type === "broadcasted") report({ stage: "pool" })
        else if (event.type === "txBestBlocksState" && event.found) {
          if (event.ok) report({ stage: "inBlock", block: event.block.number })
          else {
            report({ stage: "failed", block: event.block.number, reason: explainDispatchError(event.dispatchError, docs) })
            subscription.unsubscribe()
            resolve(false)
          }
        } else if (event.type === "finalized") {
          if (event.ok) report({ stage: "finalized", block: event.block.number })
          else report({ stage: "failed", block: event.block.number, reason: explainDispatchError(event.dispatchError, docs) })
          resolve(event.ok)
        }
      },
      error(error: unknown) {
        report({ stage: "failed", reason: describeSubmitError(error) })
        resolve(false)
      },
    })
  })
}

function describeSubmitError(error: unknown): string {
  if (error instanceof InvalidTxError) return explainPoolRefusal(error.error)
  return error instanceof Error ? error.message : String(error)
}
