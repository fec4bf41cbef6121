// One message catalogue for every language the portal speaks; the choice is remembered.
import { en, ru, type MessageKey } from "./messages"

export type Lang = "en" | "ru"
export const LANGS: readonly Lang[] = ["en", "ru"]
const CATALOGUE: Record<Lang, Record<MessageKey, string>> = { en, ru }
const STORAGE_KEY = "synergy.lang"

let current: Lang = "en"

export function lang(): Lang {
  return current
}

export function setLang(next: Lang): void {
  current = next
  localStorage.setItem(STORAGE_KEY, next)
  document.documentElement.lang = next
}

/** The saved language, else the browser's if the portal speaks it, else English. */
export function initialLang(saved: string | null, browser: readonly string[]): Lang {
  const known = (code: string | null | undefined): Lang | null => {
    const base = code?.slice(0, 2).toLowerCase()
    return LANGS.find((l) => l === base) ?? null
  }
  return known(saved) ?? browser.map(known).find((l) => l !== null) ?? "en"
}

export function loadLang(): void {
  setLang(initialLang(localStorage.getItem(STORAGE_KEY), navigator.languages))
}

/** A message in the current language, with `{name}` placeholders filled. */
export function t(key: MessageKey, params: Record<string, string | number> = {}, in_: Lang = current): string {
  return format(CATALOGUE[in_][key], params)
}

export function format(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  )
}
