import { describe, expect, it } from "vitest";
import { formatMessage, MESSAGES, pickLang } from "./messages";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message catalog", () => {
  it("gives every code both languages with the same placeholders, and no '中文 / English' halves", () => {
    for (const [code, texts] of Object.entries(MESSAGES)) {
      // The Chinese query message is the parser's own positional text; its English one names position and reason.
      if (code !== "invalid_query" && code !== "word.invalid") expect(placeholders(texts.en), code).toEqual(placeholders(texts["zh-CN"]));
      expect(texts["zh-CN"], code).toMatch(/[\u4e00-\u9fff]|^\{detail\}$/);
      expect(`${texts["zh-CN"]}${texts.en}`, code).not.toContain(" / ");
    }
  });

  it("fills placeholders, translating a referenced code, and gives null for an unknown code or a missing parameter", () => {
    expect(formatMessage("en", "not_found", { what: { code: "resource.watch" } })).toBe("Watch not found");
    expect(formatMessage("zh-CN", "unit.in_use", { children: 2, users: 0, records: 0 })).toBe("该单位还有 2 个下级单位、0 个用户、0 条工单/留言/官方账号记录，不能删除");
    expect(formatMessage("zh-CN", "unit.in_use", { children: 2, users: 0 })).toBeNull();
    expect(formatMessage("zh-CN", "rate_limited")).toBeNull();
    expect(formatMessage("en", "no.such.code")).toBeNull();
  });

  it("answers in English only when English is asked for first", () => {
    expect(pickLang(undefined)).toBe("zh-CN");
    expect(pickLang("en")).toBe("en");
    expect(pickLang("en-US,en;q=0.9")).toBe("en");
    expect(pickLang("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(pickLang("fr")).toBe("zh-CN");
  });
});
