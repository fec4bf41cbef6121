import { InvalidTxError, type PolkadotSigner } from "polkadot-api"
import { describe, expect, it } from "vitest"
import { droppedTransaction, isShortHashOf, submit, type AnyTx, type DropWatch, type TxProgress } from "./tx"

type Listener = { next(event: unknown): void; error(error: unknown): void }

/** A transaction whose watch replays the given events, or fails with `error`. */
function fakeTx(events: unknown[], error?: unknown): AnyTx {
  return {
    signSubmitAndWatch: () => ({
      subscribe(listener: Listener) {
        queueMicrotask(() => {
          for (const event of events) listener.next(event)
          if (error) listener.error(error)
        })
        return { unsubscribe() {} }
      },
    }),
  } as unknown as AnyTx
}

const block = { hash: "0x01", number: 7, index: 1 }
const signer = {} as PolkadotSigner
const docs = new Map([["Escrow.AboveQuantum", "The amount exceeds a party's insured quantum."]])

async function run(tx: AnyTx): Promise<{ ok: boolean; stages: TxProgress[] }> {
  const stages: TxProgress[] = []
  const ok = await submit(tx, signer, docs, (p) => stages.push(p))
  return { ok, stages }
}

describe("a transaction's progress", () => {
  it("goes from signing through the pool and a block to finality", async () => {
    const { ok, stages } = await run(
      fakeTx([
        { type: "signed" },
        { type: "broadcasted" },
        { type: "txBestBlocksState", found: false, isValid: true },
        { type: "txBestBlocksState", found: true, ok: true, block, events: [] },
        { type: "finalized", ok: true, block, events: [] },
      ]),
    )
    expect(ok).toBe(true)
    expect(stages.map((s) => s.stage)).toEqual(["signing", "pool", "inBlock", "finalized"])
    expect(stages.at(-1)?.block).toBe(7)
  })
  it("fails in words when the call fails in a block", async () => {
    const dispatchError = { type: "Module", value: { type: "Escrow", value: { type: "AboveQuantum" } } }
    const { ok, stages } = await run(fakeTx([{ type: "broadcasted" }, { type: "txBestBlocksState", found: true, ok: false, block, events: [], dispatchError }]))
    expect(ok).toBe(false)
    expect(stages.at(-1)).toEqual({ stage: "failed", block: 7, reason: "Refused by the chain (Escrow.AboveQuantum): The amount exceeds a party's insured quantum." })
  })
  it("fails in words when the pool refuses it", async () => {
    const { ok, stages } = await run(fakeTx([], new InvalidTxError({ type: "Invalid", value: { type: "Custom", value: 1 } })))
    expect(ok).toBe(false)
    expect(stages.at(-1)?.reason).toMatch(/only members may send transactions/)
  })
  it("fails in words when the light client drops it unsent, and only for its own hash", async () => {
    const hash = `0x9415${"00".repeat(28)}efe9`
    let tell: ((shortHash: string, reason: string) => void) | null = null
    let watching = false
    const dropped: DropWatch = (listener) => {
      tell = listener
      watching = true
      return () => {
        watching = false
      }
    }
    const stages: TxProgress[] = []
    const tx = {
      signSubmitAndWatch: () => ({
        subscribe(listener: Listener) {
          queueMicrotask(() => {
            listener.next({ type: "signed", txHash: hash })
            listener.next({ type: "broadcasted" })
            tell?.("0x1234…abcd", "not this one")
            tell?.("0x9415…efe9", "Error trying to access the storage required for the runtime call")
          })
          return { unsubscribe() {} }
        },
      }),
    } as unknown as AnyTx
    const ok = await submit(tx, signer, docs, (p) => stages.push(p), dropped)
    expect(ok).toBe(false)
    expect(stages.map((s) => s.stage)).toEqual(["signing", "pool", "failed"])
    expect(stages.at(-1)?.reason).toMatch(/^The light client did not send it: .*A member's transactions cannot be checked by the light client yet/)
    expect(watching).toBe(false)
  })
})

describe("what the light client says of a transaction it dropped", () => {
  it("reads the hash and the reason from smoldot's log line", () => {
    expect(droppedTransaction("Failed to validate transaction 0x9415…efe9: Error trying to access the storage required for the runtime call")).toEqual({
      shortHash: "0x9415…efe9",
      reason: "Error trying to access the storage required for the runtime call",
    })
    expect(droppedTransaction("Successfully validated transaction 0x114d…af9e")).toBeNull()
  })
  it("matches smoldot's abbreviation to the whole hash", () => {
    const hash = `0x114d${"ab".repeat(28)}AF9E`
    expect(isShortHashOf("0x114d…af9e", hash)).toBe(true)
    expect(isShortHashOf("0x114d…af9f", hash)).toBe(false)
  })
})
