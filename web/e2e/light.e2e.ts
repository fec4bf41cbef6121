// The light client. First, in Node, that every synergy_* reader the portal uses answers the
// same from the runtime API (runtimeReader: the typed call and the converter of views.ts) as
// from the node's RPC method, at the same block, on a dev chain whose state the test makes
// non-trivial round by round: applications, guarantees offered, deals proposed, open and
// completed, a complaint with its panel and a vote, a spend proposal voted on, a donation, a
// project with a kind of its own and a contribution, an offer and a request on the board and a
// response to the offer. Then, in headless Chromium, the portal
// started with the light client (smoldot in a Web Worker, from the chain spec served beside
// it): it syncs, follows new blocks and finality, shows a founder's standing and the fund read
// through the runtime API, sends a candidate's and a member's transaction through the light client,
// and the settings switch a node's reader to it.
import { mkdirSync } from "node:fs"
import { join } from "node:path"
import { synergy, MultiAddress } from "@synergy/descriptors"
import { Binary, createClient, Enum, FixedSizeBinary, type PolkadotClient, type TypedApi } from "polkadot-api"
import { withPolkadotSdkCompat } from "polkadot-api/polkadot-sdk-compat"
import { getWsProvider } from "polkadot-api/ws-provider/node"
import type { Browser, Page } from "puppeteer-core"
import type { PreviewServer } from "vite"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { devAccounts, type Account } from "../src/accounts"
import { rpcReader, runtimeReader, type Reader } from "../src/rpc"
import { termsHash } from "../src/inputs"
import type { AnyTx } from "../src/tx"
import { runtimeViews } from "../src/views"
import { devChainSpec, launchBrowser, portIn, recordMeasurements, rpc, servePortal, startChain, type DevChain } from "./harness"

const ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"
const UNITS = 1_000_000_000_000n
// Generous, never a speed target: the light client syncs from genesis on a loaded machine.
const FINAL = 240_000
const WAIT = 120_000
const SYNC = 240_000

const artifacts = process.env.PORTAL_ARTIFACTS ?? join(process.cwd(), "test-results", "screenshots")
let chain: DevChain
let portal: { url: string; server: PreviewServer }
let client: PolkadotClient
let api: TypedApi<typeof synergy>
let people: Record<"Alice" | "Bob" | "Charlie" | "Dave" | "Eve" | "Ferdie", Account>
let browser: Browser | undefined

/** Signs and sends, resolving once the transaction is in a best block and succeeded there. */
function included(tx: AnyTx, who: Account): Promise<void> {
  return new Promise((resolve, reject) => {
    const subscription = tx.signSubmitAndWatch(who.signer, { at: "best" }).subscribe({
      next(event) {
        if (event.type !== "txBestBlocksState" || !event.found) return
        subscription.unsubscribe()
        if (event.ok) resolve()
        else reject(new Error(`${who.name}: ${JSON.stringify(event.dispatchError)}`))
      },
      error: (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))),
    })
  })
}

/** One block's worth of transactions, each from a different account. */
async function round(...sends: Promise<void>[]): Promise<void> {
  await Promise.all(sends)
}

/** Every reader the portal uses, for every development account and every number the chain has. */
async function readAll(read: Reader, accounts: string[], ids: number[]): Promise<Record<string, unknown>> {
  const nobody = "5C4hrfjw9DjXZTzV3MwzrrAr9P1MJhSrvWGWqi1eSuyUpnhM"
  const everyone = [...accounts, nobody]
  const out: Record<string, unknown> = {}
  const each = async (name: string, ask: () => Promise<unknown>) => {
    try {
      out[name] = await ask()
    } catch (error) {
      out[name] = { refused: true }
      if (name !== "splitPreview(0, x)") throw error
    }
  }
  const asks: [string, () => Promise<unknown>][] = [
    ["classes", () => read.classes()],
    ["fund", () => read.fund()],
    ["proposals(true)", () => read.proposals(true)],
    ["proposals(false)", () => read.proposals(false)],
    ["validators", () => read.validators()],
    ["blocks(null)", () => read.blocks(null)],
    ["splitPreview(0, 1000000000000)", () => read.splitPreview(0, "1000000000000")],
    ["splitPreview(0, 7)", () => read.splitPreview(0, "7")],
    ["splitPreview(0, x)", () => read.splitPreview(0, "x")],
    ["categories", () => read.categories()],
    ["board(0)", () => read.board(0, null, null, 0)],
    ["board(1, offer, 7)", () => read.board(1, "offer", 7, 0)],
    ["board(1, request, 3, 1)", () => read.board(1, "request", 3, 1)],
  ]
  for (const id of ids) {
    asks.push([`deal(${id})`, () => read.deal(id)], [`case(${id})`, () => read.case(id)], [`project(${id})`, () => read.project(id)], [`splitPreview(${id}, 1)`, () => read.splitPreview(id, "1")])
    asks.push([`listing(${id})`, () => read.listing(id)], [`matches(${id})`, () => read.matches(id)])
  }
  for (const who of everyone) {
    asks.push(
      [`member(${who})`, () => read.member(who)],
      [`application(${who})`, () => read.application(who)],
      [`escrow(${who})`, () => read.escrow(who)],
      [`dealsOf(${who})`, () => read.dealsOf(who)],
      [`record(${who})`, () => read.record(who)],
      [`blocks(${who})`, () => read.blocks(who)],
      [`casesOf(${who})`, () => read.casesOf(who)],
      [`duties(${who})`, () => read.duties(who)],
      [`votesOf(${who})`, () => read.votesOf(who)],
      [`contributionsOf(${who})`, () => read.contributionsOf(who)],
      [`matches(${who})`, () => read.matches(who)],
    )
    for (const depth of [1, 4]) asks.push([`graph(${who}, ${depth})`, () => read.graph(who, depth)])
  }
  for (const [name, ask] of asks) await each(name, ask)
  return out
}

/** The readers over both paths at the best block: what each answers must be the same JSON. */
async function compareAtBest(label: string): Promise<Record<string, unknown>> {
  const [best] = await client.getBestBlocks()
  if (!best) throw new Error("no best block")
  const views = runtimeViews(await client.getMetadata(best.hash))
  const node = rpcReader({ rpc: <T>(method: string, params: unknown[]) => rpc<T>(chain.port, method, params) }, best.hash)
  const light = runtimeReader(api, views, best.hash)
  const accounts = Object.values(people).map((a) => a.address)
  const ids = [0, 1, 2]
  const [fromNode, fromLight] = [await readAll(node, accounts, ids), await readAll(light, accounts, ids)]
  expect(Object.keys(fromLight).length, label).toBeGreaterThan(90)
  for (const name of Object.keys(fromNode)) expect(fromLight[name], `${label}: ${name} at #${best.number}`).toStrictEqual(fromNode[name])
  return fromNode
}

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true })
  const binary = process.env.SYNERGY_NODE
  if (!binary) throw new Error("SYNERGY_NODE names the node binary")
  chain = await startChain(binary, { rpcPort: await portIn(9960, 9969), wsP2p: await portIn(30360, 30369) })
  if (!chain.bootNode) throw new Error("the node does not listen over WebSocket")
  portal = await servePortal({ chainSpec: await devChainSpec(binary, chain.bootNode), port: await portIn(8090, 8099) })
  client = createClient(withPolkadotSdkCompat(getWsProvider(`ws://127.0.0.1:${chain.port}`)))
  api = client.getTypedApi(synergy)
  const [alice, bob, charlie, dave, eve, ferdie] = devAccounts({ name: "dev", chainType: "Development", tokenSymbol: "SYN", tokenDecimals: 12, ss58Format: 42 })
  if (!alice || !bob || !charlie || !dave || !eve || !ferdie) throw new Error("no development accounts")
  people = { Alice: alice, Bob: bob, Charlie: charlie, Dave: dave, Eve: eve, Ferdie: ferdie }
})

afterAll(async () => {
  await browser?.close()
  client?.destroy()
  await portal?.server.close()
  await chain?.stop()
})

describe("the light client", () => {
  it("reads every synergy_* answer from the runtime API exactly as the node's RPC gives it", async () => {
    const { Alice, Bob, Charlie, Dave, Eve, Ferdie } = people
    await compareAtBest("genesis")

    // Two applications (one free, one with a fee), a deal proposed, a project with a kind of its own.
    await round(
      included(api.tx.Membership.propose({ candidate: MultiAddress.Id(Eve.address), class: 2 }), Alice),
      included(api.tx.Membership.propose({ candidate: MultiAddress.Id(Ferdie.address), class: 1 }), Bob),
      included(api.tx.Escrow.open_deal({ counterparty: MultiAddress.Id(Dave.address), amount: 5n * UNITS, terms: FixedSizeBinary.fromHex(termsHash("ten chairs")) }), Charlie),
      included(
        api.tx.Contributions.create_project({
          description: FixedSizeBinary.fromHex(termsHash("a village bakery")),
          equation: {
            time: 10,
            money: 1,
            materials: 2,
            introductions: 5,
            custom: [{ name: Binary.fromText("loaves baked"), weight: 3 }],
            fund_share: 200_000_000,
            organisers_share: 100_000_000,
            approvals: 1,
            challenge_period: 40,
            voting_period: 20,
          },
        }),
        Dave,
      ),
    )
    await compareAtBest("applications, a deal proposed, a project")

    await round(
      included(api.tx.Membership.guarantee({ person: MultiAddress.Id(Eve.address) }), Bob),
      included(api.tx.Escrow.accept_deal({ deal: 0n }), Dave),
      included(api.tx.Fund.propose_spend({ beneficiary: Eve.address, amount: 10n * UNITS, rationale: FixedSizeBinary.fromHex(termsHash("a pensioner's first month")) }), Alice),
      included(api.tx.Fund.donate({ amount: 2n * UNITS }), Charlie),
    )
    await compareAtBest("a guarantee, a deal open, a proposal, a donation")

    await round(
      included(api.tx.Membership.accept(), Eve),
      included(api.tx.Escrow.confirm_deal({ deal: 0n }), Charlie),
      included(api.tx.Contributions.record({ project: 0, kind: Enum("Custom", 0), quantity: 12n, evidence: FixedSizeBinary.fromHex(termsHash("twelve loaves")) }), Dave),
      included(api.tx.Fund.vote({ id: 0, vote: Enum("Aye") }), Alice),
      included(api.tx.Fund.vote({ id: 0, vote: Enum("Nay") }), Bob),
    )
    await compareAtBest("a member admitted, a deal confirmed once, a contribution, votes")

    // On the board: Alice offers meat at a price, Bob asks for meat in kind, in the same region.
    const head = (await client.getBestBlocks())[0]?.number ?? 0
    const listing = (title: string, quantity: number, price: Parameters<TypedApi<typeof synergy>["tx"]["Board"]["post"]>[0]["terms"]["price"]) => ({
      title: Binary.fromText(title),
      details: FixedSizeBinary.fromHex(termsHash(title)),
      quantity,
      unit: Enum("Kilogram"),
      price,
      region: 7,
      expires: head + 14_400,
    })
    await round(
      included(api.tx.Escrow.confirm_deal({ deal: 0n }), Dave),
      included(api.tx.Membership.guarantee({ person: MultiAddress.Id(Eve.address) }), Charlie),
      included(api.tx.Board.post({ side: Enum("Offer"), category: 1, terms: listing("beef", 10, Enum("PerUnit", 2n * UNITS)) }), Alice),
      included(api.tx.Board.post({ side: Enum("Request"), category: 1, terms: listing("meat for a kitchen", 3, Enum("InKind")) }), Bob),
    )
    await compareAtBest("a deal completed, a guarantee offered, an offer and a request on the board")
    // Posted in one block, the two are numbered in the order the block took them.
    const numberOf = async (side: "offer" | "request") => (await rpc<{ listings: { id: number }[] }>(chain.port, "synergy_board", [1, side, 7, 0])).listings[0]?.id ?? -1
    const [offer, request] = [await numberOf("offer"), await numberOf("request")]

    await round(
      included(api.tx.Complaints.file({ deal: 0n, evidence: FixedSizeBinary.fromHex(termsHash("the chairs never came")) }), Charlie),
      included(api.tx.Board.respond({ listing: BigInt(offer), quantity: 1, terms: { value: undefined, details: FixedSizeBinary.fromHex(termsHash("1 kg on Saturday")) } }), Eve),
    )
    const filed = await rpc<{ sides: { panel: { member: string }[] }[] } | null>(chain.port, "synergy_case", [0])
    const seat = filed?.sides[0]?.panel[0]?.member
    const judge = Object.values(people).find((a) => a.address === seat)
    expect(judge, "a panel drawn from the accused's guarantors").toBeDefined()
    await compareAtBest("a complaint with its panel")

    if (judge) await round(included(api.tx.Complaints.vote({ case: 0, side: 0, verdict: Enum("Compensate", 3n * UNITS) }), judge))
    const last = await compareAtBest("a panel vote")
    // The state compared is what was meant to be there.
    expect(last[`member(${Eve.address})`]).toMatchObject({ class: 2, offers: [Charlie.address] })
    expect(last[`application(${Ferdie.address})`]).toMatchObject({ class: 1, accepted: false, feePaidBy: null })
    expect(last["deal(0)"]).toMatchObject({ status: { completed: {} } })
    expect(JSON.stringify(last["case(0)"])).toContain('"vote":{"compensate":"3000000000000"}')
    expect(last["proposals(true)"]).toMatchObject([{ id: 0, tally: { ayes: 1, nays: 1 }, status: { state: "voting" } }])
    expect(last[`contributionsOf(${Dave.address})`]).toMatchObject([{ project: 0, kind: { custom: 0 }, points: "36" }])
    expect(last["project(0)"]).toMatchObject({ equations: [{ custom: [{ name: "loaves baked", weight: 3 }] }] })
    expect(last[`record(${Charlie.address})`]).toMatchObject({ filed: 1 })
    expect(last[`listing(${offer})`]).toMatchObject({ owner: Alice.address, side: "offer", quantity: 10, committed: 1, unit: "kilogram", price: { perUnit: "2000000000000" } })
    expect(last[`matches(${request})`]).toMatchObject([{ forListing: request, listing: { id: offer, owner: Alice.address }, score: { dealValue: "6000000000000" } }])
  })

  it("starts in the browser from the chain spec beside the portal, syncs and follows new blocks (measured)", async () => {
    browser = await launchBrowser()
    const context = await browser.createBrowserContext()
    const page = await context.newPage()
    page.setDefaultTimeout(WAIT)
    page.setDefaultNavigationTimeout(WAIT)
    await page.setViewport({ width: 1000, height: 900 })
    const cdp = await page.createCDPSession()
    await cdp.send("Network.enable")
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true })
    let bytes = 0
    cdp.on("Network.loadingFinished", (event) => {
      bytes += event.encodedDataLength
    })
    const started = Date.now()
    await page.goto(`${portal.url}?light#/graph?account=${ALICE}&depth=1`)
    await page.waitForSelector("main h1")
    const shell = Date.now() - started
    await page.waitForSelector("#graph[data-nodes]", { timeout: SYNC })
    const usable = Date.now() - started
    recordMeasurements(artifacts, { lightClientFirstUsablePageMs: usable, lightClientShellMs: shell, lightClientTransferredBytes: bytes })
    console.log(`light client: the graph drawn after ${usable} ms (the shell after ${shell} ms), ${bytes} bytes transferred`)
    expect(await page.$eval(".brand [data-via]", (e) => (e as HTMLElement).dataset.via)).toBe("light")
    expect(Number(await page.$eval("#graph", (e) => (e as HTMLElement).dataset.nodes))).toBeGreaterThanOrEqual(4)
    await shot(page, "light-graph")

    // New blocks, and finality, as the light client follows them.
    await go(page, "validators")
    await page.waitForSelector("#heads[data-finalized]", { timeout: WAIT })
    const heads = async () => page.$eval("#heads", (e) => ({ best: Number((e as HTMLElement).dataset.best), finalized: Number((e as HTMLElement).dataset.finalized) }))
    const first = await heads()
    await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>("#heads")?.dataset.finalized) > n, { timeout: FINAL }, first.finalized)
    const later = await heads()
    expect(later.best).toBeGreaterThanOrEqual(later.finalized)
    expect(later.finalized).toBeGreaterThan(first.finalized)
    await page.waitForSelector(`main [data-validator="${ALICE}"]`, { timeout: WAIT })
    await shot(page, "light-validators")

    // A founder's standing, read through the runtime API.
    await page.select("#account", ALICE)
    await go(page, "standing")
    await page.waitForSelector("main .facts", { timeout: WAIT })
    expect(await page.$eval("main", (e) => e.textContent ?? "")).toContain("managers")
    await shot(page, "light-standing")

    // The fund's statement as the node has it (the donation made in Node among it); then a
    // donation by a candidate, Ferdie, signed and sent through the light client, its fee
    // estimated through the runtime API.
    await go(page, "fund")
    const donations = async () => (await rpc<{ statement: { donations: string } }>(chain.port, "synergy_fund")).statement.donations
    const shown = (value: string) =>
      page.waitForFunction((v) => document.querySelectorAll<SVGElement>("#fund-chart .bar")[3]?.dataset.value === v, { timeout: WAIT }, value)
    const before = await donations()
    await shown(before)
    await page.select("#account", people.Ferdie.address)
    await page.waitForSelector('main .tx[data-action="donate"]', { timeout: WAIT })
    await type(page, 'main input[name="donation"]', "1")
    expect(await send(page, "donate")).toBe("finalized")
    const after = await donations()
    expect(BigInt(after) - BigInt(before)).toBe(UNITS)
    await shown(after)

    // A member's transaction: the light client checks it against the chain before sending it,
    // the member's record read from the node's proof (docs/portal.md).
    await page.select("#account", ALICE)
    await page.waitForSelector('main .tx[data-action="donate"]', { timeout: WAIT })
    await type(page, 'main input[name="donation"]', "1")
    expect(await send(page, "donate")).toBe("finalized")
    await shot(page, "light-fund")
    await context.close()
  })

  it("switches a reader of a node to the light client in the settings", async () => {
    if (!browser) browser = await launchBrowser()
    const context = await browser.createBrowserContext()
    const page = await context.newPage()
    page.setDefaultTimeout(WAIT)
    page.setDefaultNavigationTimeout(WAIT)
    await page.setViewport({ width: 360, height: 800 })
    await page.goto(`${portal.url}?rpc=ws://127.0.0.1:${chain.port}#/settings`)
    await page.waitForSelector('main .spec-status[data-available="true"]', { timeout: WAIT })
    expect(await page.$eval(".brand [data-via]", (e) => (e as HTMLElement).dataset.via)).toBe("node")
    await shot(page, "settings-connection-360px")
    // By keyboard: the node's choice focused, the arrow moves to the light client's.
    await page.focus('main input[name="via"][value="node"]')
    await page.keyboard.press("ArrowDown")
    expect(await page.$eval('main input[name="via"][value="light"]', (e) => (e as HTMLInputElement).checked)).toBe(true)
    await Promise.all([page.waitForNavigation({ waitUntil: "domcontentloaded" }), page.click('main [data-role="save"]')])
    expect(new URL(page.url()).searchParams.has("rpc")).toBe(false)
    await page.waitForSelector('.brand [data-via="light"]', { timeout: SYNC })
    await page.waitForSelector('main p[data-via="light"]', { timeout: WAIT })
    expect(await page.$eval("main", (e) => e.textContent ?? "")).toContain("Through the light client, from the chain spec chain-spec.json.")
    // The node's address is kept for switching back.
    expect(await page.$eval('main input[name="rpc"]', (e) => (e as HTMLInputElement).value)).toBe(`ws://127.0.0.1:${chain.port}`)
    await shot(page, "settings-light-360px")
    await context.close()
  })
})

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true })
}

/** Another page of the same load: the light client keeps running. */
async function go(page: Page, route: string): Promise<void> {
  await page.evaluate((r) => {
    location.hash = `#/${r}`
  }, route)
  await page.waitForFunction((r) => document.querySelector(`nav a[data-page="${r}"]`)?.hasAttribute("aria-current"), {}, route)
}

async function type(page: Page, selector: string, text: string): Promise<void> {
  await page.click(selector, { count: 3 })
  await page.type(selector, text)
  await page.$eval(selector, (e) => e.dispatchEvent(new Event("change")))
}

/**
 * Clicks an action, checks the fee shown before signing (read through the runtime API), signs,
 * and waits for the outcome: finalized, or failed.
 */
async function send(page: Page, action: string): Promise<string> {
  const count = (await page.$$(`#activity .tx-item[data-action="${action}"]`)).length
  await page.click(`main .tx[data-action="${action}"] > button`)
  await page.waitForSelector(`main .tx[data-action="${action}"] [data-role="sign"]`, { timeout: WAIT })
  expect(await page.$eval(`main .tx[data-action="${action}"] .fee`, (e) => e.textContent ?? "")).toMatch(/Estimated fee: .*SYN/)
  await page.click(`main .tx[data-action="${action}"] [data-role="sign"]`)
  await page.waitForFunction((a, n) => document.querySelectorAll(`#activity .tx-item[data-action="${a}"]`).length > n, {}, action, count)
  const item = `#activity .tx-item[data-action="${action}"]:first-child`
  await page.waitForFunction((s) => ["finalized", "failed"].includes(document.querySelector<HTMLElement>(s)?.dataset.stage ?? ""), { timeout: FINAL }, item)
  const outcome = await page.$eval(item, (e) => ({ stage: (e as HTMLElement).dataset.stage ?? "", text: e.textContent ?? "" }))
  if (outcome.stage !== "finalized") console.log(`${action}: ${outcome.text}`)
  return outcome.stage
}
