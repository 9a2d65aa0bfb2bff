import { describe, expect, it } from "vitest";
import { capLength, MAX_ANALYSED_CHARS, normaliseText, toHalfWidth, toSimplifiedChinese } from "./normalise";

describe("sentiment normalisation", () => {
  it("turns full-width letters, digits and punctuation into half-width", () => {
    expect(toHalfWidth("ＡＢＣ１２３！？，")).toBe("ABC123!?,");
    expect(toHalfWidth("中文　空格")).toBe("中文 空格");
  });

  it("converts traditional characters and leaves simplified text alone", () => {
    expect(toSimplifiedChinese("這間醫院服務態度很差")).toBe("这间医院服务态度很差");
    const simplified = "这间医院服务态度很差";
    expect(toSimplifiedChinese(simplified)).toBe(simplified);
  });

  it("lower-cases latin text and collapses whitespace", () => {
    expect(normaliseText("  YYDS\n\n  真的　　好 ")).toBe("yyds 真的 好");
  });

  it("keeps only the head and tail of very long input", () => {
    const long = "头".repeat(300_000) + "尾".repeat(300_000);
    const capped = capLength(long);
    expect(capped.length).toBeLessThanOrEqual(MAX_ANALYSED_CHARS + 1);
    expect(capped.startsWith("头")).toBe(true);
    expect(capped.endsWith("尾")).toBe(true);
  });

  it("never cuts an emoji in half at the cap", () => {
    const capped = capLength("😀".repeat(400_000));
    expect(capped).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(capped).not.toMatch(/(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });
});
