import { describe, expect, it } from "vitest"
import { format, initialLang, t } from "./i18n"
import { en, ru } from "./messages"

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe("the message catalogue", () => {
  it("says everything in Russian that it says in English, with the same placeholders", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(ru[key], key).toBeTruthy()
      expect(placeholders(ru[key]), key).toEqual(placeholders(en[key]))
    }
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort())
  })
  it("fills placeholders and leaves unknown ones", () => {
    expect(format("{a} and {b}", { a: 1 })).toBe("1 and {b}")
    expect(t("deals.title", { id: 7, amount: "5 SYN" }, "ru")).toBe("Сделка 7: 5 SYN")
  })
  it("picks the saved language, else the browser's, else English", () => {
    expect(initialLang("ru", ["en-US"])).toBe("ru")
    expect(initialLang(null, ["de-DE", "ru-RU"])).toBe("ru")
    expect(initialLang(null, ["de-DE"])).toBe("en")
    expect(initialLang("xx", [])).toBe("en")
  })
})
