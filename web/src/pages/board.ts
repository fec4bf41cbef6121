// The offer and request board: the listings of a category and below it, of a side and a
// region, twenty a page (synergy_board); posting a listing, its deposit and fee shown before
// signing; the reader's own listings (Board.ListingsOf, synergy_listing) with Withdraw and
// their matches ranked by trust (synergy_matches), every part of the score in words; and
// responding to a listing, which proposes an insured deal to its owner (docs/board.md).
import { Binary, Enum, FixedSizeBinary } from "polkadot-api"
import type { Ctx, Page } from "../app"
import {
  BLOCKS_PER_DAY,
  categoryOptions,
  categoryPath,
  dealValue,
  durationText,
  expiryBlock,
  expiryText,
  filterQuery,
  freeQuantity,
  MATCHES_SHOWN,
  MAX_TITLE_BYTES,
  PAGE_SIZE,
  points,
  priceText,
  quantityText,
  readDays,
  readFilter,
  readQuantity,
  readRegion,
  readTitle,
  regionText,
  scoreParts,
  sideText,
  UNITS,
  utf8Length,
  wholeText,
  type BoardFilter,
  type CategoryOption,
  type ScorePart,
} from "../board-model"
import { t } from "../i18n"
import { InputError, readAmount, termsHash } from "../inputs"
import type { BoardCategory, BoardPage, Listing, Match, Member, Side, Unit } from "../rpc"
import { redrawOnChange, txAction } from "../tx-action"
import { address, facts, field, h, list, note, replace, section, syn } from "../ui"

const UNIT_ARG: Record<Unit, "Piece" | "Kilogram" | "Litre" | "Metre" | "Hour" | "Day" | "Month" | "Lot"> = {
  piece: "Piece",
  kilogram: "Kilogram",
  litre: "Litre",
  metre: "Metre",
  hour: "Hour",
  day: "Day",
  month: "Month",
  lot: "Lot",
}

/** What the page reads once: the runtime's constants for listings. */
interface Limits {
  deposit: bigint
  maxPeriod: number
  maxTitle: number
  maxListings: number
}

/** A response offered on a card: the quantity it starts from, and what follows its success. */
interface Responding {
  quantity: number
  done(listing: Listing, value: bigint | null): void
}

/** What a listing's card needs besides the listing. */
interface CardContext {
  ctx: Ctx
  categories: readonly BoardCategory[]
  now: number
  /** Offer a response (on another's listing with something open). */
  respond?: Responding
}

/** A listing's expiry, kept current on every block without drawing its card again. */
function expirySpan(now: number, expires: number): HTMLElement {
  return h("span", { class: "expiry", "data-expires": String(expires) }, expiryText(now, expires))
}

function updateExpiries(root: Element, now: number): void {
  for (const span of root.querySelectorAll<HTMLElement>(".expiry[data-expires]")) span.textContent = expiryText(now, Number(span.dataset.expires))
}

function respondForm(ctx: Ctx, listing: Listing, respond: Responding): HTMLElement {
  const free = freeQuantity(listing)
  const quantity = h("input", { name: "respondQuantity", inputmode: "numeric", autocomplete: "off", value: String(Math.min(Math.max(respond.quantity, 1), free)) })
  const value = listing.price === "inKind" ? h("input", { name: "respondValue", inputmode: "decimal", autocomplete: "off" }) : null
  const terms = h("input", { name: "respondTerms", autocomplete: "off" })
  const preview = h("p", { class: "muted", "aria-live": "polite" })
  const show = () => {
    try {
      const units = readQuantity(quantity.value, free)
      const worth = dealValue(listing.price, units)
      replace(preview, worth === null ? t("board.respondValueNeeded") : t("board.dealValue", { value: syn(worth) }))
    } catch (error) {
      replace(preview, error instanceof InputError ? error.message : String(error))
    }
  }
  quantity.addEventListener("input", show)
  show()
  let sent: bigint | null = null
  return h(
    "details",
    { class: "subform respond" },
    h("summary", {}, t("board.respond")),
    h("p", { class: "muted" }, t("board.respondHelp")),
    field("board.respondQuantity", quantity, t("board.respondQuantityHint", { free: quantityText(free, listing.unit) })),
    value ? field("board.respondValue", value, t("board.respondValueHint")) : null,
    field("board.respondTerms", terms, t("deals.termsHint")),
    preview,
    txAction(ctx, {
      name: "respond",
      label: "board.respondButton",
      build: () => {
        const units = readQuantity(quantity.value)
        if (units > free) throw new InputError(t("board.beyondQuantity", { free: quantityText(free, listing.unit) }))
        const stated = value ? readAmount(value.value) : undefined
        sent = stated ?? dealValue(listing.price, units)
        return ctx.chain.api.tx.Board.respond({
          listing: BigInt(listing.id),
          quantity: units,
          terms: { value: stated, details: FixedSizeBinary.fromHex(termsHash(terms.value)) },
        })
      },
      done: () => respond.done(listing, sent),
    }),
  )
}

/** A listing as the board shows it: title, side and category, quantity, price, region, owner, expiry. */
function listingCard(card: CardContext, listing: Listing, ...extra: (Node | null)[]): HTMLElement {
  const me = card.ctx.account()?.address ?? null
  const committed = listing.committed > 0 ? ` ${t("board.committed", { committed: quantityText(listing.committed, listing.unit) })}` : ""
  const respond = card.respond && me !== null && listing.owner !== me && freeQuantity(listing) > 0 ? card.respond : null
  return h(
    "article",
    { class: `listing ${listing.side}`, "data-listing": String(listing.id), "data-side": listing.side },
    h("h3", {}, listing.title),
    h("p", { class: "muted" }, h("span", { class: "side" }, sideText(listing.side)), ` · ${categoryPath(card.categories, listing.category)} · ${t("board.number", { id: listing.id })}`),
    facts([
      ["board.quantityField", `${quantityText(listing.quantity, listing.unit)}${committed}`],
      ["board.price", priceText(listing.price, listing.unit)],
      ["board.regionField", regionText(listing.region)],
      ["board.owner", address(listing.owner)],
      ["board.expiresField", expirySpan(card.now, listing.expires)],
    ]),
    ...extra,
    respond ? respondForm(card.ctx, listing, respond) : null,
  )
}

function scoreItem(part: ScorePart): HTMLElement {
  const value = part.points === null ? null : part.part === "total" ? ` = ${wholeText(part.points)}` : ` — ${t("board.points", { points: points(part.points) })}`
  return h("li", { "data-part": part.part, class: part.part === "total" ? "total" : undefined }, part.text, value ? h("strong", {}, value) : null)
}

/** A match: the opposite listing (with Respond) and why it ranks where it does. */
function matchItem(card: CardContext, match: Match): HTMLElement {
  return h(
    "div",
    { class: "match", "data-match": String(match.listing.id) },
    listingCard(
      card,
      match.listing,
      h(
        "div",
        { class: "score" },
        h("p", {}, h("strong", {}, t("board.score", { total: wholeText(match.score.total) }))),
        h("ul", { class: "parts" }, ...scoreParts(match.score).map(scoreItem)),
      ),
    ),
  )
}

function categorySelect(name: string, options: readonly CategoryOption[], chosen: number | null, openOnly: boolean): HTMLSelectElement {
  const select = h("select", { name })
  for (const option of options) {
    select.append(h("option", { value: String(option.id), selected: option.id === chosen, disabled: openOnly && option.retired }, option.label))
  }
  return select
}

function postForm(ctx: Ctx, options: readonly CategoryOption[], limits: Limits, now: () => number, chosen: number | null): HTMLElement {
  const side = h("select", { name: "postSide" }, h("option", { value: "offer" }, t("board.offer")), h("option", { value: "request" }, t("board.request")))
  const open = options.filter((o) => !o.retired)
  const category = categorySelect("postCategory", options, chosen !== null && open.some((o) => o.id === chosen) ? chosen : (open[0]?.id ?? null), true)
  const title = h("input", { name: "title", autocomplete: "off" })
  const titleBytes = h("small", { "aria-live": "polite" })
  const countBytes = () => replace(titleBytes, t("board.titleBytes", { bytes: utf8Length(title.value.trim()), max: limits.maxTitle }))
  title.addEventListener("input", countBytes)
  countBytes()
  const details = h("input", { name: "details", autocomplete: "off" })
  const quantity = h("input", { name: "quantity", inputmode: "numeric", autocomplete: "off" })
  const unit = h("select", { name: "unit" }, ...UNITS.map((u) => h("option", { value: u }, t(`board.unitName.${u}`))))
  const priceKind = h("select", { name: "priceKind" }, h("option", { value: "perUnit" }, t("board.pricePerUnit")), h("option", { value: "inKind" }, t("board.priceInKind")))
  const price = h("input", { name: "price", inputmode: "decimal", autocomplete: "off" })
  priceKind.addEventListener("change", () => (price.disabled = priceKind.value === "inKind"))
  const region = h("input", { name: "postRegion", inputmode: "numeric", autocomplete: "off", value: "0" })
  const days = h("input", { name: "days", inputmode: "numeric", autocomplete: "off", value: "30" })
  const until = h("small", { "aria-live": "polite" })
  const most = Math.floor(limits.maxPeriod / BLOCKS_PER_DAY)
  const showUntil = () => {
    try {
      const block = expiryBlock(now(), readDays(days.value, limits.maxPeriod))
      replace(until, t("board.daysHint", { max: most, block, time: durationText(block - now()) }))
    } catch (error) {
      replace(until, error instanceof InputError ? error.message : String(error))
    }
  }
  days.addEventListener("input", showUntil)
  showUntil()
  const titleField = field("board.title", title, t("board.titleHint", { max: limits.maxTitle }))
  titleField.append(titleBytes)
  const daysField = field("board.daysField", days)
  daysField.append(until)
  return h(
    "div",
    { class: "subform" },
    h("div", { class: "grid" }, field("board.side", side), field("board.category", category)),
    titleField,
    field("board.details", details, t("board.detailsHint")),
    h("div", { class: "grid" }, field("board.quantityField", quantity), field("board.unitField", unit)),
    h("div", { class: "grid" }, field("board.priceKind", priceKind), field("board.priceField", price, t("board.priceHint"))),
    h("div", { class: "grid" }, field("board.regionField", region, t("board.regionHint")), daysField),
    note(t("board.deposit", { deposit: syn(limits.deposit), max: limits.maxListings })),
    txAction(ctx, {
      name: "post-listing",
      label: "board.postButton",
      build: () => {
        const text = readTitle(title.value, limits.maxTitle)
        if (!details.value.trim()) throw new InputError(t("board.noDetails"))
        const chosenUnit = UNITS.find((u) => u === unit.value) ?? "piece"
        return ctx.chain.api.tx.Board.post({
          side: Enum(side.value === "request" ? "Request" : "Offer"),
          category: Number(category.value),
          terms: {
            title: Binary.fromText(text),
            details: FixedSizeBinary.fromHex(termsHash(details.value)),
            quantity: readQuantity(quantity.value),
            unit: Enum(UNIT_ARG[chosenUnit]),
            price: priceKind.value === "inKind" ? Enum("InKind") : Enum("PerUnit", readAmount(price.value)),
            region: readRegion(region.value, false) ?? 0,
            expires: expiryBlock(now(), readDays(days.value, limits.maxPeriod)),
          },
        })
      },
    }),
  )
}

/** The notice after a response: the owner must accept the deal, then both confirm it on the deals page. */
function respondedNotice(listing: Listing, value: bigint | null): HTMLElement {
  return h(
    "div",
    { class: "note", role: "status", "data-responded": String(listing.id) },
    h("p", {}, t("board.responded", { id: listing.id, title: listing.title, value: value === null ? "—" : syn(value) })),
    h("p", {}, h("a", { href: "#/deals" }, t("board.toDeals"))),
  )
}

export const boardPage: Page = {
  path: "board",
  title: "nav.board",
  needsAccount: false,
  render(ctx, params) {
    const api = ctx.chain.api
    const me = ctx.account()?.address ?? null
    const filter: BoardFilter = readFilter(params)
    let categories: BoardCategory[] = []
    let now = 0
    let limits: Limits | null = null

    const notice = h("div", { "aria-live": "polite" })
    const done = (listing: Listing, value: bigint | null) => {
      replace(notice, respondedNotice(listing, value))
      notice.scrollIntoView?.({ block: "nearest" })
    }

    // The choice of what to list.
    const category = h("select", { name: "category" })
    const side = h(
      "select",
      { name: "side" },
      h("option", { value: "" }, t("board.both")),
      h("option", { value: "offer", selected: filter.side === "offer" }, t("board.offers")),
      h("option", { value: "request", selected: filter.side === "request" }, t("board.requests")),
    )
    const region = h("input", { name: "region", inputmode: "numeric", autocomplete: "off", value: filter.region === null ? "" : String(filter.region) })
    const problem = h("div")
    const results = h("div", { class: "stack" })
    const pageText = h("span", { class: "muted", "aria-live": "polite" })
    const previous = h("button", { type: "button", "data-role": "previous", onclick: () => go(filter.page - 1) }, t("board.previous"))
    const next = h("button", { type: "button", "data-role": "next", onclick: () => go(filter.page + 1) }, t("board.next"))
    const post = h("div")
    const mine = h("div", { class: "stack" })

    function choose(): void {
      try {
        filter.region = readRegion(region.value, true)
        replace(problem)
      } catch (error) {
        if (!(error instanceof InputError)) throw error
        replace(problem, note(error.message, "error"))
        return
      }
      filter.category = category.value === "" ? null : Number(category.value)
      filter.side = side.value === "offer" || side.value === "request" ? (side.value as Side) : null
      go(0)
    }
    function go(page: number): void {
      filter.page = Math.max(0, page)
      const query = filterQuery(filter)
      history.replaceState(null, "", `#/board${query ? `?${query}` : ""}`)
      ctx.refresh()
    }
    category.addEventListener("change", choose)
    side.addEventListener("change", choose)
    region.addEventListener("change", choose)

    const element = h(
      "div",
      { class: "stack" },
      h("h1", {}, t("nav.board")),
      h("p", { class: "muted" }, t("board.help")),
      notice,
      section(
        "board.browse",
        h("div", { class: "grid" }, field("board.category", category), field("board.side", side), field("board.regionFilter", region, t("board.regionFilterHint"))),
        problem,
        results,
        h("div", { class: "buttons pager" }, previous, next, pageText),
      ),
      me ? section("board.post", h("p", { class: "muted" }, t("board.postHelp")), post) : null,
      me ? section("board.mine", h("p", { class: "muted" }, t("board.mineHelp")), mine) : null,
    )

    async function refresh(): Promise<void> {
      const asked = filterQuery(filter)
      const at = { at: "best" } as const
      const [heads, read, member, ids] = await Promise.all([
        ctx.chain.heads(),
        ctx.read.categories(),
        me ? ctx.read.member(me) : Promise.resolve(null as Member | null),
        me ? api.query.Board.ListingsOf.getValue(me, at) : Promise.resolve([] as bigint[]),
      ])
      now = heads.best
      categories = read
      limits ??= await Promise.all([
        api.constants.Board.ListingDeposit(),
        api.constants.Board.MaxListingPeriod(),
        api.constants.Board.MaxTitleLen(),
        api.constants.Board.MaxListingsPerMember(),
      ]).then(([deposit, maxPeriod, maxTitle, maxListings]) => ({ deposit, maxPeriod, maxTitle: maxTitle || MAX_TITLE_BYTES, maxListings }))
      const options = categoryOptions(categories)
      const shown = filter.category !== null && options.some((o) => o.id === filter.category) ? filter.category : (options[0]?.id ?? null)
      redrawOnChange(category, [options, shown], () => options.map((o) => h("option", { value: String(o.id), selected: o.id === shown }, o.label)))

      const [page, own] = await Promise.all([
        shown === null ? Promise.resolve<BoardPage>({ listings: [], page: 0, more: false, truncated: false }) : ctx.read.board(shown, filter.side, filter.region, filter.page),
        Promise.all(ids.map((id) => ctx.read.listing(Number(id)))).then((found) => found.filter((l): l is Listing => l !== null).sort((a, b) => b.id - a.id)),
      ])
      const matches = await Promise.all(own.map((l) => ctx.read.matches(l.id, MATCHES_SHOWN)))

      // Members respond; anyone else reads.
      const browse: CardContext = { ctx, categories, now, ...(member ? { respond: { quantity: 1, done } } : {}) }
      redrawOnChange(results, [me, member !== null, categories, page], () => [
        page.truncated ? note(t("board.truncated")) : null,
        list(page.listings.map((l) => listingCard(browse, l)), "board.none"),
      ].filter((n): n is HTMLElement => n !== null))
      previous.disabled = filter.page === 0
      next.disabled = !page.more
      replace(pageText, t("board.page", { page: filter.page + 1, size: PAGE_SIZE }))

      if (me && limits) {
        const fixed = limits
        redrawOnChange(post, [member !== null, options, fixed.deposit.toString()], () =>
          member ? postForm(ctx, options, fixed, () => now, shown) : note(t("board.membersOnly")),
        )
        redrawOnChange(mine, [me, categories, own, matches], () =>
          list(
            own.map((listing, i) => {
              const found = matches[i] ?? []
              const card: CardContext = { ctx, categories, now, respond: { quantity: listing.quantity, done } }
              return h(
                "div",
                { class: "mine", "data-mine": String(listing.id) },
                listingCard(
                  { ctx, categories, now },
                  listing,
                  txAction(ctx, { name: "withdraw-listing", label: "board.withdraw", build: () => api.tx.Board.withdraw({ listing: BigInt(listing.id) }) }),
                  h("p", { class: "muted" }, t("board.withdrawHelp", { deposit: syn(listing.deposit) })),
                  h("h4", {}, t("board.matches", { count: found.length })),
                  found.length
                    ? h("div", { class: "matches" }, ...found.map((m) => matchItem(card, m)))
                    : h("p", { class: "muted" }, t("board.noMatches")),
                ),
              )
            }),
            "board.noneMine",
          ),
        )
      }
      updateExpiries(element, now)
      // The choice changed while the chain was read (the shell skips a refresh asked meanwhile): read it again.
      if (filterQuery(filter) !== asked) await refresh()
    }

    return { element, refresh }
  },
}
