// Amounts of SYN: the chain counts in the smallest unit (12 decimals); people write SYN.

export const DECIMALS = 12
const UNIT = 10n ** BigInt(DECIMALS)

export class AmountError extends Error {
  constructor(readonly reason: "empty" | "malformed" | "tooPrecise" | "negative") {
    super(reason)
    this.name = "AmountError"
  }
}

/**
 * Parses an amount of SYN as a person writes it ("2100", "0.5", "1 000,25") into the
 * smallest unit. A comma or a point separates the fraction; spaces group digits.
 */
export function parseSyn(input: string): bigint {
  const text = input.replace(/[\s\u00a0\u202f_]/g, "")
  if (text === "") throw new AmountError("empty")
  if (text.startsWith("-")) throw new AmountError("negative")
  const match = /^(\d*)(?:[.,](\d*))?$/.exec(text)
  if (!match) throw new AmountError("malformed")
  const whole = match[1] ?? ""
  const fraction = match[2] ?? ""
  if (whole === "" && fraction === "") throw new AmountError("malformed")
  if (fraction.length > DECIMALS) throw new AmountError("tooPrecise")
  return BigInt(whole || "0") * UNIT + BigInt(fraction.padEnd(DECIMALS, "0") || "0")
}

/** A balance as the RPC methods give it (a decimal string) or as the typed API does. */
export type Planck = bigint | string

/** Formats a balance in SYN for a locale, with the fraction only as long as it needs. */
export function formatSyn(value: Planck, locale: string, withUnit = true): string {
  const amount = typeof value === "bigint" ? value : BigInt(value)
  const negative = amount < 0n
  const abs = negative ? -amount : amount
  const whole = new Intl.NumberFormat(locale, { useGrouping: true }).format(abs / UNIT)
  const fraction = (abs % UNIT).toString().padStart(DECIMALS, "0").replace(/0+$/, "")
  const separator = new Intl.NumberFormat(locale).formatToParts(0.5).find((p) => p.type === "decimal")?.value ?? "."
  const number = `${negative ? "−" : ""}${whole}${fraction ? separator + fraction : ""}`
  return withUnit ? `${number} SYN` : number
}

/** A balance as a form field's starting value: SYN with a point, no grouping, no unit. */
export function synInput(value: Planck): string {
  const amount = typeof value === "bigint" ? value : BigInt(value)
  const fraction = (amount % UNIT).toString().padStart(DECIMALS, "0").replace(/0+$/, "")
  return `${amount / UNIT}${fraction ? `.${fraction}` : ""}`
}
