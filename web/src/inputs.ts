// Reading what a reader typed: addresses, amounts, terms. A mistake becomes an InputError
// whose message is already in words.
import { Blake2256, getSs58AddressInfo } from "@polkadot-api/substrate-bindings"
import { toHex } from "polkadot-api/utils"
import { AmountError, parseSyn } from "./amount"
import { t } from "./i18n"

export class InputError extends Error {
  override name = "InputError"
}

/** An SS58 address, checked (its checksum, and the chain's prefix when one is given). */
export function readAddress(text: string, prefix?: number): string {
  const value = text.trim()
  const info = getSs58AddressInfo(value)
  if (!info.isValid) throw new InputError(t("input.badAddress"))
  if (prefix !== undefined && info.ss58Format !== prefix) throw new InputError(t("input.otherNetwork", { prefix: info.ss58Format }))
  return value
}

/** A positive amount of SYN in the smallest unit. */
export function readAmount(text: string): bigint {
  try {
    const value = parseSyn(text)
    if (value === 0n) throw new InputError(t("input.zeroAmount"))
    return value
  } catch (error) {
    if (error instanceof AmountError) throw new InputError(t(`amount.${error.reason}`))
    throw error
  }
}

/**
 * The hash the chain keeps of terms agreed off chain: a 0x-prefixed 32-byte hash as given, or
 * the blake2-256 hash of the text.
 */
export function termsHash(text: string): `0x${string}` {
  const value = text.trim()
  if (value === "") throw new InputError(t("input.noTerms"))
  if (/^0x[0-9a-fA-F]{64}$/.test(value)) return value.toLowerCase() as `0x${string}`
  return toHex(Blake2256(new TextEncoder().encode(value))) as `0x${string}`
}

/** A whole number from 0 up to `max` (a count of blocks, points, approvals). */
export function readWhole(text: string, max = 0xffff_ffff): number {
  const value = text.trim()
  if (!/^\d+$/.test(value) || Number(value) > max) throw new InputError(t("input.notWhole", { max }))
  return Number(value)
}

/** A percentage as typed ("12.5", "12,5 %") in parts per billion, as the chain's Perbill counts it. */
export function readPercent(text: string): number {
  const value = text.replace(/[\s%]/g, "").replace(",", ".")
  const match = /^(\d{1,3})(?:\.(\d{0,7}))?$/.exec(value)
  if (!match) throw new InputError(t("input.badPercent"))
  const whole = Number(match[1])
  const fraction = Number((match[2] ?? "").padEnd(7, "0"))
  const parts = whole * 10_000_000 + fraction
  if (parts > 1_000_000_000) throw new InputError(t("input.badPercent"))
  return parts
}
