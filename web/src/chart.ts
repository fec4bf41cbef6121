// A bar chart in plain inline SVG: one bar per figure, as long as its share of the largest.
// The figures stay readable beside it as text (the chart is their picture, not their only form).

export interface Bar {
  /** What the bar stands for, in words. */
  label: string
  value: bigint
  /** The value in words (e.g. "100 000 SYN"). */
  text: string
  /** Money going out of the fund rather than coming in. */
  out?: boolean
}

/** The shortest bar drawn for a value above zero, in percent of the width: a sliver, never nothing. */
export const MIN_PERCENT = 0.5

/** Each value's bar length in percent of the width (one decimal): the largest is 100, zero is 0. */
export function barPercents(values: readonly bigint[]): number[] {
  const most = values.reduce((max, v) => (v > max ? v : max), 0n)
  if (most <= 0n) return values.map(() => 0)
  return values.map((v) => {
    if (v <= 0n) return 0
    const tenths = Number((v * 1000n) / most) / 10
    return Math.max(MIN_PERCENT, tenths)
  })
}

const SVG = "http://www.w3.org/2000/svg"
const ROW = 40
const BAR = 14

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag)
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value))
  if (text !== undefined) element.textContent = text
  return element
}

/**
 * Horizontal bars, each with its label above it and its value at the right end. Widths are in
 * percent, so the chart fills any width from 360 px up while its text keeps its size.
 */
export function barChart(title: string, bars: readonly Bar[]): SVGSVGElement {
  const chart = svg("svg", { class: "bars", role: "img", width: "100%", height: bars.length * ROW + 4, "aria-label": title })
  chart.append(svg("title", {}, title))
  const percents = barPercents(bars.map((b) => b.value))
  bars.forEach((bar, i) => {
    const top = i * ROW
    const row = svg("g", { class: bar.out ? "bar out" : "bar", "data-value": bar.value.toString() })
    row.append(
      svg("text", { x: 0, y: top + 14, class: "bar-label" }, bar.label),
      svg("text", { x: "100%", y: top + 14, "text-anchor": "end", class: "bar-value" }, bar.text),
      svg("rect", { x: 0, y: top + 20, width: "100%", height: BAR, class: "bar-track", rx: 2 }),
      svg("rect", { x: 0, y: top + 20, width: `${percents[i] ?? 0}%`, height: BAR, class: "bar-fill", rx: 2 }),
    )
    chart.append(row)
  })
  return chart
}
