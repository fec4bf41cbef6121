// What every page is given: the connection, the readers of the synergy_* methods, the error
// documentation of the running runtime, the chosen account.
import type { Account } from "./accounts"
import type { Chain } from "./chain"
import type { ErrorDocs } from "./errors"
import type { MessageKey } from "./messages"
import type { MemberClass, Reader } from "./rpc"

export interface Ctx {
  chain: Chain
  read: Reader
  docs: ErrorDocs
  classes: MemberClass[]
  /** The account the reader acts as, if any. */
  account(): Account | null
  /** Reads the page's figures again (after a transaction; new blocks do it by themselves). */
  refresh(): void
}

export interface PageView {
  element: HTMLElement
  /** Reads the chain again and redraws the figures (not the forms). */
  refresh(): Promise<void>
  dispose?(): void
}

export interface Page {
  path: string
  title: MessageKey
  /** Whether the page needs an account (the auditor's pages do not). */
  needsAccount: boolean
  render(ctx: Ctx, params: URLSearchParams): PageView
}

export function className(ctx: Ctx, id: number): string {
  return ctx.classes.find((c) => c.id === id)?.name ?? `#${id}`
}
