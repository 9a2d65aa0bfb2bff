import { describe, expect, it } from "vitest";
import { en } from "./en";
import { LANGS, MESSAGES, toLang, translate } from "./translate";
import { zhCN } from "./zh-CN";

describe("locales", () => {
  it("have the same keys and no empty strings", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const lang of LANGS) {
      for (const [key, text] of Object.entries(MESSAGES[lang])) expect(text.trim(), `${lang} ${key}`).not.toBe("");
    }
  });

  it("use the same placeholders in both languages", () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]));
    }
  });

  it("keep Chinese out of the English table", () => {
    const chinese = Object.entries(en).filter(([, text]) => /[\u4e00-\u9fff]/.test(text));
    expect(chinese).toEqual([]);
  });
});

describe("translate", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(translate(zhCN, "sources.fetchResult", { n: 3 })).toBe("抓取完成，新增 3 条");
    expect(translate(en, "common.total", {})).toBe("{n} in total");
  });

  it("falls back to Chinese for an unknown stored language", () => {
    expect(toLang("en")).toBe("en");
    expect(toLang("fr")).toBe("zh-CN");
    expect(toLang(null)).toBe("zh-CN");
  });
});
