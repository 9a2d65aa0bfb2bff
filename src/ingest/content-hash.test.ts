import { describe, expect, it } from "vitest";
import { contentHash } from "./content-hash";

describe("contentHash", () => {
  it("is a sha256 hex digest", () => {
    expect(contentHash("标题", "正文")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("ignores differences in whitespace only", () => {
    expect(contentHash("  青禾县 通知 ", "第一段\n\n第二段")).toBe(contentHash("青禾县\t通知", "第一段 第二段"));
  });

  it("differs when the words differ or move between title and text", () => {
    expect(contentHash("标题", "正文")).not.toBe(contentHash("标题", "正文。"));
    expect(contentHash("ab", "c")).not.toBe(contentHash("a", "bc"));
  });
});
