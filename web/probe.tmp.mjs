import { createClient, Enum, Binary, FixedSizeBinary } from "polkadot-api"
import { getWsProvider } from "polkadot-api/ws-provider/node"
import { withPolkadotSdkCompat } from "polkadot-api/polkadot-sdk-compat"
import { synergy } from "./.papi/descriptors/dist/index.mjs"
import { sr25519CreateDerive } from "@polkadot-labs/hdkd"
import { DEV_PHRASE, entropyToMiniSecret, mnemonicToEntropy } from "@polkadot-labs/hdkd-helpers"
import { getPolkadotSigner } from "polkadot-api/signer"
const derive = sr25519CreateDerive(entropyToMiniSecret(mnemonicToEntropy(DEV_PHRASE)))
const signer = (n) => { const p = derive(`//${n}`); return getPolkadotSigner(p.publicKey, "Sr25519", p.sign) }
const client = createClient(withPolkadotSdkCompat(getWsProvider("ws://127.0.0.1:9977")))
const api = client.getTypedApi(synergy)
const best = (await client.getBestBlocks())[0].number
const h = FixedSizeBinary.fromHex("0x" + "11".repeat(32))
const terms = (title, q, price, region) => ({ title: Binary.fromText(title), details: h, quantity: q, unit: Enum("Kilogram"), price, region, expires: best + 1000 })
const U = 1_000_000_000_000n
const r1 = api.tx.Board.post({ side: Enum("Offer"), category: 1, terms: terms("Beef", 10, Enum("PerUnit", 2n * U), 7) }).signAndSubmit(signer("Alice"))
const r2 = api.tx.Board.post({ side: Enum("Request"), category: 1, terms: terms("Need meat", 3, Enum("InKind"), 7) }).signAndSubmit(signer("Bob"))
console.log((await r1).ok, (await r2).ok)
console.log("deposit", await api.constants.Board.ListingDeposit(), await api.constants.Board.MaxListingPeriod(), await api.constants.Board.MaxTitleLen())
console.log(await api.query.Board.ListingsOf.getValue("5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty"))
client.destroy()
