import { describe, expect, it } from "vitest";
import { capLength, SENTIMENT_MAX_CHARS } from "./normalise";

describe("sentiment length cap", () => {
  it("keeps only the head and tail of very long input", () => {
    const long = "头".repeat(300_000) + "尾".repeat(300_000);
    const capped = capLength(long);
    expect(capped.length).toBeLessThanOrEqual(SENTIMENT_MAX_CHARS + 1);
    expect(capped.startsWith("头")).toBe(true);
    expect(capped.endsWith("尾")).toBe(true);
  });

  it("never cuts an emoji in half at the cap", () => {
    const capped = capLength("😀".repeat(400_000));
    expect(capped).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(capped).not.toMatch(/(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });
});
