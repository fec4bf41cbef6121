// Words, not codes: a dispatch error is shown with the documentation its variant carries in
// the runtime's metadata, a refusal by the transaction pool in plain words.
import { decAnyMetadata, unifyMetadata } from "@polkadot-api/substrate-bindings"
import { t } from "./i18n"

/** `Pallet.Error` → the error variant's documentation, from the runtime's metadata. */
export type ErrorDocs = ReadonlyMap<string, string>

export function errorDocs(metadata: Uint8Array): ErrorDocs {
  const unified = unifyMetadata(decAnyMetadata(metadata))
  const docs = new Map<string, string>()
  for (const pallet of unified.pallets) {
    if (!pallet.errors) continue
    const type = unified.lookup[pallet.errors.type]
    if (type?.def.tag !== "variant") continue
    for (const variant of type.def.value) {
      docs.set(`${pallet.name}.${variant.name}`, variant.docs.join(" ").replace(/\s+/g, " ").trim())
    }
  }
  return docs
}

/** An enum as polkadot-api decodes it: `{ type, value }`, nested. */
interface Tagged {
  type: string
  value?: unknown
}

function isTagged(value: unknown): value is Tagged {
  return typeof value === "object" && value !== null && typeof (value as Tagged).type === "string"
}

/** The path of variant names of a nested enum: Module → Membership → NoApplication. */
export function variantPath(value: unknown): string[] {
  const path: string[] = []
  let cursor = value
  while (isTagged(cursor)) {
    path.push(cursor.type)
    cursor = cursor.value
  }
  if (typeof cursor === "number" || typeof cursor === "bigint") path.push(String(cursor))
  return path
}

/** A sentence for a dispatch error (the call ran and failed). */
export function explainDispatchError(error: unknown, docs: ErrorDocs): string {
  const path = variantPath(error)
  if (path[0] === "Module" && path.length >= 3) {
    const name = `${path[1]}.${path[2]}`
    const doc = docs.get(name)
    return doc ? t("error.module", { name, doc }) : t("error.moduleUndocumented", { name })
  }
  return t("error.dispatch", { name: path.join(".") || String(error) })
}

/**
 * A sentence for a transaction the pool refused (it never reached a block and cost nothing).
 * Synergy's pool refuses with custom code 1 what only members may send, and with code 2 a
 * tip on a free answer.
 */
export function explainPoolRefusal(validityError: unknown): string {
  const path = variantPath(validityError)
  const [kind, reason, code] = path
  if (kind === "Invalid" && reason === "Custom" && code === "1") return t("pool.notMember")
  if (kind === "Invalid" && reason === "Custom" && code === "2") return t("pool.tipOnFree")
  if (kind === "Invalid" && reason === "Payment") return t("pool.payment")
  if (kind === "Invalid" && reason === "BadProof") return t("pool.badProof")
  if (kind === "Invalid" && (reason === "Stale" || reason === "Future")) return t("pool.nonce")
  if (kind === "Invalid" && reason === "ExhaustsResources") return t("pool.full")
  return t("pool.other", { name: path.join(".") })
}
