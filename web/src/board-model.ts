// The offer and request board in words: the category tree as the page lists it, quantities,
// prices and regions, expiries in blocks and time, and a match's score part by part
// (docs/board.md). Pure: the page (pages/board.ts) draws what these return.
import { formatSyn, type Planck } from "./amount"
import { BLOCK_SECONDS, blocksLeft } from "./duties-model"
import { lang, t } from "./i18n"
import { InputError, readWhole } from "./inputs"
import type { MessageKey } from "./messages"
import type { BoardCategory, Listing, Price, Score, Side, Unit } from "./rpc"

/** Blocks in a day, at six seconds a block. */
export const BLOCKS_PER_DAY = (24 * 60 * 60) / BLOCK_SECONDS

/** The longest title the runtime keeps, in bytes of UTF-8 (`MaxTitleLen`). */
export const MAX_TITLE_BYTES = 64

/** The listings in one page of synergy_board. */
export const PAGE_SIZE = 20

/** The matches the page asks for each of the reader's listings. */
export const MATCHES_SHOWN = 10

/** The units a listing's quantity counts, in the runtime's order. */
export const UNITS: readonly Unit[] = ["piece", "kilogram", "litre", "metre", "hour", "day", "month", "lot"]

/** The score every member starts from (`BASE_SCORE`). */
export const BASE_SCORE = 1000

/** A category as the page lists it: in tree order, indented by its depth, the retired marked. */
export interface CategoryOption {
  id: number
  depth: number
  name: string
  retired: boolean
  /** What a list of options shows: the name indented, "(retired)" after a retired one. */
  label: string
}

/**
 * The categories in tree order — each followed by the categories below it, siblings in number
 * order — indented by their depth. A category whose parent is unknown is listed at the top.
 */
export function categoryOptions(categories: readonly BoardCategory[]): CategoryOption[] {
  const ids = new Set(categories.map((c) => c.id))
  const children = new Map<number | null, BoardCategory[]>()
  for (const category of [...categories].sort((a, b) => a.id - b.id)) {
    const parent = category.parent !== null && ids.has(category.parent) ? category.parent : null
    children.set(parent, [...(children.get(parent) ?? []), category])
  }
  const out: CategoryOption[] = []
  const seen = new Set<number>()
  const walk = (parent: number | null) => {
    for (const category of children.get(parent) ?? []) {
      if (seen.has(category.id)) continue
      seen.add(category.id)
      const indent = "\u00a0\u00a0\u00a0".repeat(category.depth)
      const label = `${indent}${category.name}${category.retired ? ` (${t("board.retired")})` : ""}`
      out.push({ id: category.id, depth: category.depth, name: category.name, retired: category.retired, label })
      walk(category.id)
    }
  }
  walk(null)
  return out
}

/** A category's place in the tree: "food › meat"; its number if it is unknown. */
export function categoryPath(categories: readonly BoardCategory[], id: number): string {
  const byId = new Map(categories.map((c) => [c.id, c]))
  const names: string[] = []
  let cursor = byId.get(id)
  while (cursor && names.length <= categories.length) {
    names.unshift(cursor.name)
    cursor = cursor.parent === null ? undefined : byId.get(cursor.parent)
  }
  return names.length ? names.join(" › ") : t("board.categoryNumber", { id })
}

export function sideText(side: Side): string {
  return t(side === "offer" ? "board.offer" : "board.request")
}

/** A quantity and its unit: "10 kg". */
export function quantityText(quantity: number, unit: Unit): string {
  return t("board.quantity", { quantity: wholeText(quantity), unit: t(`board.units.${unit}`) })
}

/** A listing's price: "2 SYN per kg", or "in kind". */
export function priceText(price: Price, unit: Unit): string {
  if (price === "inKind") return t("board.inKind")
  return t("board.perUnit", { price: formatSyn(price.perUnit, lang()), unit: t(`board.unit.${unit}`) })
}

/** A region code in words: 0 serves every region. */
export function regionText(region: number): string {
  return region === 0 ? t("board.everywhere") : t("board.region", { region })
}

/** The value of a deal for `quantity` units at the listing's price; null for a listing in kind. */
export function dealValue(price: Price, quantity: number): bigint | null {
  return price === "inKind" ? null : BigInt(price.perUnit) * BigInt(quantity)
}

/** What is open to respond to: the open quantity less what running deals committed. */
export function freeQuantity(listing: Pick<Listing, "quantity" | "committed">): number {
  return Math.max(0, listing.quantity - listing.committed)
}

/** A number of blocks as time, rounded up: minutes under two hours, hours under two days, else days. */
export function durationText(blocks: number): string {
  const minutes = Math.ceil((blocks * BLOCK_SECONDS) / 60)
  if (minutes < 120) return t("board.minutes", { count: minutes })
  const hours = Math.ceil(minutes / 60)
  if (hours < 48) return t("board.hours", { count: hours })
  return t("board.days", { count: Math.ceil(hours / 24) })
}

/** When a listing leaves the board, seen at block `now`: its block, the blocks left and the time they make. */
export function expiryText(now: number, expires: number): string {
  const left = blocksLeft(now, expires)
  return t("board.expires", { block: expires, left, time: durationText(left) })
}

/** The block a listing posted at block `now` for `days` days expires at. */
export function expiryBlock(now: number, days: number): number {
  return now + days * BLOCKS_PER_DAY
}

/** How many days a listing stays, as typed: a whole number from 1 up to the longest the runtime allows. */
export function readDays(text: string, maxPeriod: number): number {
  const most = Math.floor(maxPeriod / BLOCKS_PER_DAY)
  const value = text.trim()
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > most) throw new InputError(t("board.badDays", { max: most }))
  return Number(value)
}

/** The length of a text in bytes of UTF-8, as the runtime counts a title. */
export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length
}

/** A listing's title as typed: not empty, at most `max` bytes of UTF-8. */
export function readTitle(text: string, max = MAX_TITLE_BYTES): string {
  const value = text.trim()
  if (value === "") throw new InputError(t("board.noTitle"))
  const bytes = utf8Length(value)
  if (bytes > max) throw new InputError(t("board.titleTooLong", { bytes, max }))
  return value
}

/** A quantity as typed: a whole number of units, more than zero. */
export function readQuantity(text: string, most = 0xffff_ffff): number {
  const value = readWhole(text, most)
  if (value === 0) throw new InputError(t("board.zeroQuantity"))
  return value
}

/** A region code as typed: a whole number up to 65 535; for a filter, nothing typed is every region. */
export function readRegion(text: string, optional: boolean): number | null {
  if (optional && text.trim() === "") return null
  return readWhole(text, 0xffff)
}

/** A whole number as the reader's language groups it: "1,510", "1 510". */
export function wholeText(value: number): string {
  return new Intl.NumberFormat(lang()).format(value)
}

/** Points with their sign: "+300", "−200", "0" (in a sum, "+0"). */
export function points(value: number, inSum = false): string {
  const digits = wholeText(Math.abs(value))
  return value > 0 || (inSum && value === 0) ? `+${digits}` : value < 0 ? `−${digits}` : "0"
}

/** One part of a score: what the chain knows, in words, and the points it gives (none for the facts alone). */
export interface ScorePart {
  part: "deals" | "complaints" | "banned" | "record" | "guarantors" | "handshakes" | "deal" | "total"
  text: string
  points: number | null
}

/** The deal's value as the score carries it (a JSON number or a decimal string), in SYN. */
function valueText(value: number | string): string {
  return formatSyn(typeof value === "number" ? BigInt(Math.round(value)) : (value as Planck), lang())
}

/**
 * A match's score part by part, in words: the owner's record (deals completed, complaints, a
 * ban), their guarantors' record, the handshakes between you, whether their escrow covers the
 * deal, and the total that ranks it.
 */
export function scoreParts(score: Score): ScorePart[] {
  const say = (key: MessageKey, params: Record<string, string | number> = {}) => t(key, params)
  const handshakes =
    score.handshakes === null ? say("board.score.farAway") : say(score.handshakes === 0 ? "board.score.self" : "board.score.handshakes", { count: score.handshakes })
  const deal =
    score.dealValue === null
      ? say("board.score.valueUnknown")
      : say(score.covered === true ? "board.score.covered" : score.covered === false ? "board.score.notCovered" : "board.score.coverUnknown", { value: valueText(score.dealValue) })
  const sum = BASE_SCORE + score.recordPoints + score.guarantorPoints + score.nearnessPoints + score.coverPoints
  return [
    { part: "deals", text: say("board.score.deals", { count: score.dealsCompleted }), points: null },
    { part: "complaints", text: say("board.score.complaints", { received: score.complaintsReceived, upheld: score.complaintsUpheld }), points: null },
    { part: "banned", text: say(score.banned ? "board.score.banned" : "board.score.notBanned"), points: null },
    { part: "record", text: say("board.score.record"), points: score.recordPoints },
    { part: "guarantors", text: say("board.score.guarantors", { upheld: score.guarantorsUpheld, banned: score.guarantorsBanned }), points: score.guarantorPoints },
    { part: "handshakes", text: handshakes, points: score.nearnessPoints },
    { part: "deal", text: deal, points: score.coverPoints },
    {
      part: "total",
      text: say(sum < 0 ? "board.score.totalFloor" : "board.score.total", {
        base: wholeText(BASE_SCORE),
        record: points(score.recordPoints, true),
        guarantors: points(score.guarantorPoints, true),
        nearness: points(score.nearnessPoints, true),
        cover: points(score.coverPoints, true),
      }),
      points: score.total,
    },
  ]
}

/** What the board page lists: a category (the tree's first if none), a side (both if none), a region (every one if none), a page from 0. */
export interface BoardFilter {
  category: number | null
  side: Side | null
  region: number | null
  page: number
}

const whole = (text: string | null, most: number): number | null => (text !== null && /^\d+$/.test(text) && Number(text) <= most ? Number(text) : null)

/** The filter in the page's address (`#/board?category=1&side=offer&region=7&page=2`); what does not read is left out. */
export function readFilter(params: URLSearchParams): BoardFilter {
  const side = params.get("side")
  return {
    category: whole(params.get("category"), 0xffff),
    side: side === "offer" || side === "request" ? side : null,
    region: whole(params.get("region"), 0xffff),
    page: whole(params.get("page"), 0xffff_ffff) ?? 0,
  }
}

/** The filter as the page's address carries it. */
export function filterQuery(filter: BoardFilter): string {
  const params = new URLSearchParams()
  if (filter.category !== null) params.set("category", String(filter.category))
  if (filter.side !== null) params.set("side", filter.side)
  if (filter.region !== null) params.set("region", String(filter.region))
  if (filter.page > 0) params.set("page", String(filter.page))
  return params.toString()
}
