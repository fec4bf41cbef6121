import { Binary, FixedSizeBinary } from "polkadot-api"
import { describe, expect, it } from "vitest"
import { camelField, camelVariant, jsonWriter, typeKey, VIEW_RULES, ViewError, type TypeTable } from "./views"

type Def = TypeTable[number]["def"]
type Field = { name?: string; type: number }

let table: TypeTable = []
function add(id: number, path: string[], def: Def, params: { name: string; type: number | undefined }[] = []): number {
  table.push({ id, path, params, def, docs: [] })
  return id
}
const fields = (list: Field[]) => list.map((f) => ({ name: f.name, type: f.type, typeName: undefined, docs: [] }))
const composite = (list: Field[]): Def => ({ tag: "composite", value: fields(list) })
const variant = (list: { name: string; fields?: Field[] }[]): Def => ({
  tag: "variant",
  value: list.map((v, index) => ({ name: v.name, fields: fields(v.fields ?? []), index, docs: [] })),
})
const primitive = (tag: "u8" | "u32" | "u64" | "u128" | "bool" | "str"): Def => ({ tag: "primitive", value: { tag, value: undefined } }) as Def

// A type table shaped as the runtime's: the primitives, the account and hash newtypes, Option,
// and view types that carry the conventions and the rules.
table = []
const U8 = add(0, [], primitive("u8"))
const U32 = add(1, [], primitive("u32"))
const U128 = add(2, [], primitive("u128"))
const U64 = add(3, [], primitive("u64"))
const BOOL = add(4, [], primitive("bool"))
const BYTES32 = add(5, [], { tag: "array", value: { len: 32, type: U8 } })
const ACCOUNT = add(6, ["sp_core", "crypto", "AccountId32"], composite([{ type: BYTES32 }]))
const H256 = add(7, ["primitive_types", "H256"], composite([{ type: BYTES32 }]))
const OPTION_U32 = add(8, ["Option"], variant([{ name: "None" }, { name: "Some", fields: [{ type: U32 }] }]), [{ name: "T", type: U32 }])
const STATUS = add(9, ["pallet_fund_voting", "types", "Status"], variant([{ name: "Voting", fields: [{ name: "ends", type: U32 }] }, { name: "Executed", fields: [{ name: "at", type: U32 }, { name: "ok", type: BOOL }] }, { name: "Withdrawn" }]))
const MEMBER_STATUS = add(10, ["pallet_guarantee_membership", "types", "MemberStatus"], variant([{ name: "Active" }, { name: "GracePaused", fields: [{ name: "left", type: U32 }] }]))
const VERDICT = add(11, ["pallet_complaints", "types", "Verdict"], variant([{ name: "Compensate", fields: [{ type: U128 }] }, { name: "Dismiss" }]))
const STANDING = add(12, ["synergy_primitives", "EscrowStanding"], composite([{ name: "behind", type: U128 }, { name: "insured_quantum", type: U128 }, { name: "frozen", type: BOOL }]))
const U64S = add(14, [], { tag: "sequence", value: U64 })
const ESCROW = add(13, ["pallet_deposit_escrow", "types", "EscrowView"], composite([{ name: "standing", type: STANDING }, { name: "deals", type: U64S }]))
const VEC_U8 = add(15, [], { tag: "sequence", value: U8 })
const CUSTOM = add(16, ["pallet_contributions", "views", "CustomKindView"], composite([{ name: "name", type: VEC_U8 }, { name: "weight", type: U32 }]))
const PERBILL = add(17, ["sp_arithmetic", "per_things", "Perbill"], composite([{ type: U32 }]))
const OPTION_ACCOUNT = add(19, ["Option"], variant([{ name: "None" }, { name: "Some", fields: [{ type: ACCOUNT }] }]), [{ name: "T", type: ACCOUNT }])
const ONE_FIELD = add(18, ["pallet_example", "Paid"], composite([{ name: "fee_paid_by", type: OPTION_ACCOUNT }]))
const PAIR = add(20, [], { tag: "tuple", value: [U32, BOOL] })
const ACCOUNTS = add(22, [], { tag: "sequence", value: ACCOUNT })
const BOUNDED = add(21, ["bounded_collections", "bounded_vec", "BoundedVec"], composite([{ type: ACCOUNTS }]))
const TEXT = add(24, [], primitive("str"))
const ENTRY = add(26, [], { tag: "tuple", value: [U32, TEXT] })
const ENTRIES = add(27, [], { tag: "sequence", value: ENTRY })
const MAP = add(25, ["BTreeMap"], composite([{ type: ENTRIES }]))
const UNIT = add(28, [], { tag: "tuple", value: [] })
const OPTION_U128 = add(29, ["Option"], variant([{ name: "None" }, { name: "Some", fields: [{ type: U128 }] }]), [{ name: "T", type: U128 }])
const SCORE = add(30, ["pallet_board", "types", "Score"], composite([{ name: "deal_value", type: OPTION_U128 }, { name: "cover_points", type: U32 }]))
const PRICE = add(31, ["pallet_board", "types", "Price"], variant([{ name: "PerUnit", fields: [{ type: U128 }] }, { name: "InKind" }]))

const ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"
const write = jsonWriter(table)

describe("serde's names", () => {
  it("writes fields and variants in camelCase", () => {
    expect(camelField("top_up_by")).toBe("topUpBy")
    expect(camelField("fee_paid_by")).toBe("feePaidBy")
    expect(camelField("class")).toBe("class")
    expect(camelVariant("GracePaused")).toBe("gracePaused")
    expect(camelVariant("Active")).toBe("active")
  })
  it("names a type for the rules by its crate and its own name", () => {
    expect(typeKey(["pallet_deposit_escrow", "types", "DealView"])).toBe("pallet_deposit_escrow::DealView")
    expect(typeKey([])).toBe("")
  })
})

describe("a runtime API's value as the synergy_* method answers it", () => {
  it("writes numbers: 128-bit ones (balances, points) as decimal strings, the rest as numbers", () => {
    expect(write(U128, 12_000_000_000_000_000_000_001n)).toBe("12000000000000000000001")
    expect(write(U64, 7n)).toBe(7)
    expect(write(U32, 42)).toBe(42)
    expect(write(BOOL, true)).toBe(true)
  })
  it("writes accounts as their address, hashes and bytes as 0x-hex, newtypes as their inner value", () => {
    expect(write(ACCOUNT, ALICE)).toBe(ALICE)
    const hash = `0x${"ab".repeat(32)}`
    expect(write(H256, FixedSizeBinary.fromHex(hash))).toBe(hash)
    expect(write(VEC_U8, Binary.fromHex("0x0102ff"))).toBe("0x0102ff")
    expect(write(PERBILL, 330_000_000)).toBe(330_000_000)
    expect(write(BOUNDED, [ALICE])).toEqual([ALICE])
  })
  it("writes Option as the value or null", () => {
    expect(write(OPTION_U32, undefined)).toBeNull()
    expect(write(OPTION_U32, 5)).toBe(5)
  })
  it("tags enums externally: a unit variant by its name, the others around their payload", () => {
    expect(write(MEMBER_STATUS, { type: "Active", value: undefined })).toBe("active")
    expect(write(MEMBER_STATUS, { type: "GracePaused", value: { left: 9 } })).toEqual({ gracePaused: { left: 9 } })
    expect(write(VERDICT, { type: "Compensate", value: 40n })).toEqual({ compensate: "40" })
    expect(write(VERDICT, { type: "Dismiss", value: undefined })).toBe("dismiss")
  })
  it("tags the proposal's status internally, by its state", () => {
    expect(write(STATUS, { type: "Voting", value: { ends: 25 } })).toEqual({ state: "voting", ends: 25 })
    expect(write(STATUS, { type: "Executed", value: { at: 30, ok: true } })).toEqual({ state: "executed", at: 30, ok: true })
    expect(write(STATUS, { type: "Withdrawn", value: undefined })).toEqual({ state: "withdrawn" })
  })
  it("writes structs' fields in camelCase, and flattens the fields the view flattens", () => {
    const standing = { behind: 20n, insured_quantum: 10n, frozen: false }
    expect(write(STANDING, standing)).toEqual({ behind: "20", insuredQuantum: "10", frozen: false })
    expect(write(ESCROW, { standing, deals: [3n, 4n] })).toEqual({ behind: "20", insuredQuantum: "10", frozen: false, deals: [3, 4] })
  })
  it("writes a kind's name as text", () => {
    expect(write(CUSTOM, { name: Binary.fromText("loaves baked"), weight: 3 })).toEqual({ name: "loaves baked", weight: 3 })
  })
  it("puts back the field of a one-field struct, which polkadot-api gives alone", () => {
    expect(write(ONE_FIELD, ALICE)).toEqual({ feePaidBy: ALICE })
    expect(write(ONE_FIELD, undefined)).toEqual({ feePaidBy: null })
  })
  it("writes tuples as arrays, maps as objects, the unit as null", () => {
    expect(write(PAIR, [1, false])).toEqual([1, false])
    expect(write(MAP, [[1, "one"], [2, "two"]])).toEqual({ 1: "one", 2: "two" })
    expect(write(UNIT, undefined)).toBeNull()
  })
  it("writes the board's deal value as a decimal string, as every balance, and its prices tagged", () => {
    expect(write(SCORE, { deal_value: 6_000_000_000_000n, cover_points: 200 })).toEqual({ dealValue: "6000000000000", coverPoints: 200 })
    expect(write(SCORE, { deal_value: undefined, cover_points: 0 })).toEqual({ dealValue: null, coverPoints: 0 })
    expect(write(PRICE, { type: "PerUnit", value: 2_000_000_000_000n })).toEqual({ perUnit: "2000000000000" })
    expect(write(PRICE, { type: "InKind", value: undefined })).toBe("inKind")
  })
  it("refuses what does not fit the type, naming the type", () => {
    expect(() => write(MEMBER_STATUS, { type: "Expelled" })).toThrow(ViewError)
    expect(() => write(ESCROW, { standing: 5, deals: [] })).toThrow(/EscrowStanding: a struct expected/)
    expect(() => write(99, 1)).toThrow(/no type 99/)
  })
  it("knows the rules of the view types that serde attributes set", () => {
    expect(Object.keys(VIEW_RULES.flatten)).toEqual(["pallet_deposit_escrow::DealView", "pallet_deposit_escrow::GuaranteeEscrowView", "pallet_deposit_escrow::EscrowView", "pallet_complaints::RecordView"])
    expect(VIEW_RULES.tagged).toEqual({ "pallet_fund_voting::Status": "state" })
  })
})
