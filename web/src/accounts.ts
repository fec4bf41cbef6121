// The accounts a reader signs with: injected browser-extension wallets (polkadot.js extension,
// Talisman, SubWallet, …) and, on a development chain only, the well-known development accounts.
import { AccountId } from "@polkadot-api/substrate-bindings"
import { sr25519CreateDerive } from "@polkadot-labs/hdkd"
import { DEV_PHRASE, entropyToMiniSecret, mnemonicToEntropy } from "@polkadot-labs/hdkd-helpers"
import type { PolkadotSigner } from "polkadot-api"
import { connectInjectedExtension, getInjectedExtensions } from "polkadot-api/pjs-signer"
import { getPolkadotSigner, withMetadataHash } from "polkadot-api/signer"
import type { ChainInfo } from "./chain"

export interface Account {
  address: string
  name: string
  /** "dev" for a development account, else the extension's name. */
  source: string
  signer: PolkadotSigner
}

export const DEV_NAMES = ["Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie"] as const

/**
 * The development accounts (`//Alice` … `//Ferdie` of the public development phrase). Their
 * signers send the runtime's metadata hash (CheckMetadataHash mode 1) where the runtime asks.
 */
export function devAccounts(info: ChainInfo): Account[] {
  const derive = sr25519CreateDerive(entropyToMiniSecret(mnemonicToEntropy(DEV_PHRASE)))
  const encode = AccountId(info.ss58Format).dec
  const network = { decimals: info.tokenDecimals, tokenSymbol: info.tokenSymbol, base58Prefix: info.ss58Format }
  return DEV_NAMES.map((name) => {
    const pair = derive(`//${name}`)
    return {
      address: encode(pair.publicKey),
      name,
      source: "dev",
      signer: withMetadataHash(network, getPolkadotSigner(pair.publicKey, "Sr25519", pair.sign)),
    }
  })
}

/** The accounts of every injected extension the reader lets the portal see. */
export async function extensionAccounts(): Promise<Account[]> {
  const accounts: Account[] = []
  for (const name of getInjectedExtensions()) {
    try {
      const extension = await connectInjectedExtension(name)
      for (const account of extension.getAccounts()) {
        accounts.push({ address: account.address, name: account.name ?? account.address, source: name, signer: account.polkadotSigner })
      }
    } catch {
      // The reader refused this extension access; the others still count.
    }
  }
  return accounts
}

/** The first characters of an address and its last ones, for lists. */
export function shortAddress(address: string): string {
  return address.length > 14 ? `${address.slice(0, 6)}…${address.slice(-6)}` : address
}
