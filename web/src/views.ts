// The synergy_* answers written in the page from the runtime API's values. Every synergy_* RPC
// method is a thin wrapper over a runtime API whose result the node writes as JSON with serde; a
// light client serves no synergy_* method, so the portal calls the runtime API itself and writes
// the decoded value exactly as the node would, led by the type's definition in the runtime's
// metadata and the conventions the view types follow (docs/portal.md):
//
// - struct fields and enum variants in camelCase (`rename_all = "camelCase"`, on every view);
// - enums externally tagged: a unit variant as its name, any other as `{ name: payload }`;
// - `Option` as the value or null, a newtype (Perbill, BoundedVec, H256) as its inner value;
// - accounts as SS58 addresses, 128-bit numbers (balances, points) as decimal strings
//   (`serde_balance`), 64-bit and smaller ones as numbers, bytes as 0x-hex;
//
// and a few per-type rules that the Rust sources say in attributes: flattened fields, an
// internally tagged enum, bytes written as text (VIEW_RULES).
import { decAnyMetadata, unifyMetadata, type UnifiedMetadata } from "@polkadot-api/substrate-bindings"

/** A JSON value, as the node's RPC answers. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** The runtime's type table (scale-info), as the metadata carries it. */
export type TypeTable = UnifiedMetadata["lookup"]
type TypeDef = TypeTable[number]
interface Field {
  name: string | undefined
  type: number
}

/** What serde does beyond the conventions, by type (`crate::Type`: the first and last segment of its path). */
export interface ViewRules {
  /** Fields whose own fields serde writes into the enclosing object (`#[serde(flatten)]`). */
  flatten: Readonly<Record<string, readonly string[]>>
  /** Enums tagged internally (`#[serde(tag = "…")]`): the tag's name. */
  tagged: Readonly<Record<string, string>>
  /** Byte fields written as text (UTF-8), not hex. */
  text: Readonly<Record<string, readonly string[]>>
}

/** The rules of Synergy's view types, from their serde attributes. */
export const VIEW_RULES: ViewRules = {
  flatten: {
    "pallet_deposit_escrow::DealView": ["deal"],
    "pallet_deposit_escrow::GuaranteeEscrowView": ["escrow"],
    "pallet_deposit_escrow::EscrowView": ["standing"],
    "pallet_complaints::RecordView": ["record"],
  },
  tagged: { "pallet_fund_voting::Status": "state" },
  text: { "pallet_contributions::CustomKindView": ["name"] },
}

export class ViewError extends Error {
  override name = "ViewError"
}

/** serde's camelCase of a snake_case field: `top_up_by` → `topUpBy`. */
export function camelField(name: string): string {
  const pascal = name.replace(/_+(.)?/g, (_, next: string | undefined) => (next ?? "").toUpperCase())
  return pascal.charAt(0).toLowerCase() + pascal.slice(1)
}

/** serde's camelCase of a PascalCase variant: `GracePaused` → `gracePaused`. */
export function camelVariant(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1)
}

/** A type's name for the rules: its crate and its own name. */
export function typeKey(path: readonly string[]): string {
  return path.length ? `${path[0]}::${path[path.length - 1]}` : ""
}

function bytesOf(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value
  if (typeof value === "object" && value !== null && typeof (value as { asBytes?: unknown }).asBytes === "function") {
    return (value as { asBytes(): Uint8Array }).asBytes()
  }
  throw new ViewError(`bytes expected, found ${typeof value}`)
}

export function hex(bytes: Uint8Array): string {
  let text = "0x"
  for (const byte of bytes) text += byte.toString(16).padStart(2, "0")
  return text
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

const WIDE = new Set(["u128", "u256", "i128", "i256"])

/**
 * Writes `value` — a value of type `id` as polkadot-api decodes it — as serde writes the same
 * value of the Rust type: the JSON the node's synergy_* method would answer.
 */
export function toJson(types: TypeTable, id: number, value: unknown, rules: ViewRules = VIEW_RULES): Json {
  return jsonWriter(types, rules)(id, value)
}

/** {@link toJson} over one type table, its index built once. */
export function jsonWriter(types: TypeTable, rules: ViewRules = VIEW_RULES): (id: number, value: unknown) => Json {
  const byId = new Map<number, TypeDef>()
  for (const type of types) byId.set(type.id, type)
  const typeOf = (ref: number): TypeDef => {
    const found = byId.get(ref)
    if (!found) throw new ViewError(`no type ${ref} in the metadata`)
    return found
  }
  const isByte = (ref: number): boolean => {
    const def = typeOf(ref).def
    return def.tag === "primitive" && def.value.tag === "u8"
  }

  function primitive(name: string, v: unknown): Json {
    if (name === "bool") return Boolean(v)
    if (name === "str" || name === "char") return String(v)
    if (WIDE.has(name)) return BigInt(v as bigint | number).toString()
    return Number(v)
  }

  function fields(key: string, list: readonly Field[], object: Record<string, unknown>): Record<string, Json> {
    const out: Record<string, Json> = {}
    for (const field of list) {
      const name = field.name ?? ""
      const v = object[name]
      if (rules.text[key]?.includes(name)) {
        out[camelField(name)] = new TextDecoder().decode(bytesOf(v))
      } else if (rules.flatten[key]?.includes(name)) {
        const inner = convert(field.type, v)
        if (!isObject(inner)) throw new ViewError(`${key}.${name} is flattened but is not an object`)
        Object.assign(out, inner)
      } else {
        out[camelField(name)] = convert(field.type, v)
      }
    }
    return out
  }

  /**
   * A struct's or a variant's fields. polkadot-api gives a struct of one field as that field's
   * value (`alone`), a variant of one named field as an object.
   */
  function composite(key: string, list: readonly Field[], v: unknown, alone: boolean): Json {
    if (list.length === 0) return null
    const named = list.every((f) => f.name)
    if (named) {
      const object = alone && list.length === 1 ? { [list[0]?.name ?? ""]: v } : v
      if (!isObject(object)) throw new ViewError(`${key}: a struct expected`)
      return fields(key, list, object)
    }
    if (list.length === 1) return convert(list[0]?.type ?? -1, v)
    if (!Array.isArray(v)) throw new ViewError(`${key}: a tuple expected`)
    return list.map((f, i) => convert(f.type, v[i]))
  }

  function convert(ref: number, v: unknown): Json {
    const type = typeOf(ref)
    const key = typeKey(type.path)
    const def = type.def
    switch (def.tag) {
      case "primitive":
        return primitive(def.value.tag, v)
      case "compact": {
        const inner = typeOf(def.value).def
        return inner.tag === "primitive" ? primitive(inner.value.tag, v) : convert(def.value, v)
      }
      case "composite": {
        if (type.path[type.path.length - 1] === "AccountId32" && def.value.length === 1) return String(v)
        if (type.path[type.path.length - 1] === "BTreeMap" && def.value.length === 1 && Array.isArray(v)) {
          const entry = typeOf(def.value[0]?.type ?? -1).def
          const pair = entry.tag === "sequence" ? typeOf(entry.value).def : null
          if (pair?.tag !== "tuple" || pair.value.length !== 2) throw new ViewError(`${key}: a map of pairs expected`)
          const [k, val] = pair.value as [number, number]
          return Object.fromEntries((v as [unknown, unknown][]).map(([a, b]) => [String(convert(k, a)), convert(val, b)]))
        }
        return composite(key, def.value, v, true)
      }
      case "variant": {
        if (type.path.length === 1 && type.path[0] === "Option") {
          const inner = type.params[0]?.type
          if (inner === undefined) throw new ViewError("Option without a type")
          return v === undefined || v === null ? null : convert(inner, v)
        }
        if (type.path.length === 1 && type.path[0] === "Result") {
          const result = v as { success: boolean; value: unknown }
          const inner = type.params[result.success ? 0 : 1]?.type
          if (inner === undefined) throw new ViewError("Result without a type")
          return { [result.success ? "Ok" : "Err"]: convert(inner, result.value) }
        }
        if (def.value.length === 0) return null
        const tagged = v as { type: string; value?: unknown }
        const variant = def.value.find((x) => x.name === tagged?.type)
        if (!variant) throw new ViewError(`${key}: no variant ${String(tagged?.type)}`)
        const name = camelVariant(variant.name)
        const tag = rules.tagged[key]
        if (variant.fields.length === 0) return tag ? { [tag]: name } : name
        const payload = composite(key, variant.fields, tagged.value, false)
        if (!tag) return { [name]: payload }
        if (!isObject(payload)) throw new ViewError(`${key}.${variant.name}: an internally tagged variant must hold fields`)
        return { [tag]: name, ...payload }
      }
      case "sequence":
        if (isByte(def.value)) return hex(bytesOf(v))
        if (!Array.isArray(v)) throw new ViewError(`${key || "a sequence"}: an array expected`)
        return v.map((x) => convert(def.value, x))
      case "array": {
        const { len, type: inner } = def.value
        if (isByte(inner)) return hex(bytesOf(v))
        if (len === 0) return []
        // polkadot-api gives a one-element array as its element.
        if (len === 1) return [convert(inner, v)]
        if (!Array.isArray(v)) throw new ViewError(`${key || "an array"}: an array expected`)
        return v.map((x) => convert(inner, x))
      }
      case "tuple": {
        const list = def.value
        if (list.length === 0) return null
        if (list.length === 1) return [convert(list[0] ?? -1, v)]
        if (!Array.isArray(v)) throw new ViewError("a tuple expected")
        return list.map((t, i) => convert(t, v[i]))
      }
      default:
        throw new ViewError(`${key || "a type"}: ${def.tag} is not written by the views`)
    }
  }

  return convert
}

/** The runtime APIs' result types, from the runtime's metadata. */
export interface RuntimeViews {
  /** The JSON the node would answer for `api.method`'s value. */
  json(api: string, method: string, value: unknown): Json
}

export function runtimeViews(metadata: Uint8Array, rules: ViewRules = VIEW_RULES): RuntimeViews {
  const unified = unifyMetadata(decAnyMetadata(metadata))
  const write = jsonWriter(unified.lookup, rules)
  const outputs = new Map<string, number>()
  for (const api of unified.apis) for (const method of api.methods) outputs.set(`${api.name}.${method.name}`, method.output)
  return {
    json(api, method, value) {
      const output = outputs.get(`${api}.${method}`)
      if (output === undefined) throw new ViewError(`the runtime has no ${api}.${method}`)
      return write(output, value)
    },
  }
}
