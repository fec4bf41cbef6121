// A few DOM helpers: elements are built with text nodes only, never from HTML strings.
import { formatSyn, type Planck } from "./amount"
import { shortAddress } from "./accounts"
import { lang, t } from "./i18n"
import type { MessageKey } from "./messages"
import { accountText } from "./names"

type Child = Node | string | null | undefined | false
type Attrs = Record<string, string | boolean | EventListener | undefined>

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue
    if (typeof value === "function") element.addEventListener(name.replace(/^on/, ""), value)
    else if (value === true) element.setAttribute(name, "")
    else element.setAttribute(name, value)
  }
  append(element, children)
  return element
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child)
  }
}

export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren()
  append(parent, children)
}

export function syn(value: Planck): string {
  return formatSyn(value, lang())
}

/** An address shown short (after its name, if the reader knows one), whole in its title, in a monospace face. */
export function address(value: string, label?: string): HTMLElement {
  return h("span", { class: "address", title: value }, label ? `${label} (${shortAddress(value)})` : accountText(value))
}

/** A labelled form field; `control` gets the id the label points at. */
export function field(label: MessageKey, control: HTMLInputElement | HTMLSelectElement, hint?: string): HTMLElement {
  control.id ||= `f-${Math.random().toString(36).slice(2, 9)}`
  return h("div", { class: "field" }, h("label", { for: control.id }, t(label)), control, hint ? h("small", {}, hint) : null)
}

/** A definition list of facts: [term, value] pairs. */
export function facts(rows: [MessageKey, Child][]): HTMLElement {
  const list = h("dl", { class: "facts" })
  for (const [term, value] of rows) append(list, [h("dt", {}, t(term)), h("dd", {}, value)])
  return list
}

export function section(title: MessageKey, ...children: Child[]): HTMLElement {
  return h("section", { class: "card" }, h("h2", {}, t(title)), ...children)
}

export function note(text: string, kind: "info" | "error" = "info"): HTMLElement {
  return h("p", { class: `note ${kind}`, role: kind === "error" ? "alert" : "status" }, text)
}

export function list(items: Child[], empty: MessageKey): HTMLElement {
  if (items.length === 0) return h("p", { class: "muted" }, t(empty))
  const ul = h("ul", { class: "plain" })
  for (const item of items) append(ul, [h("li", {}, item)])
  return ul
}
