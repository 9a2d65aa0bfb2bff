import { describe, expect, it } from "vitest";
import { FETCH_MESSAGES, isFetchMessageCode, renderFetchMessage } from "./fetch-messages";

describe("fetch messages", () => {
  it("has a Chinese and an English text for every code", () => {
    for (const [code, m] of Object.entries(FETCH_MESSAGES)) {
      expect(m["zh-CN"], code).toMatch(/[\u4e00-\u9fff]/);
      expect(m.en, code).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it("fills parameters, and renders nothing when one is missing", () => {
    expect(renderFetchMessage("fetch.http_status", "zh-CN", { status: 418 })).toBe("网站返回 HTTP 418（应为 200）");
    expect(renderFetchMessage("fetch.http_status", "en")).toBeNull();
    expect(renderFetchMessage("fetch.blocked_address", "zh-CN")).toContain("目标地址为内网/本机地址，已拒绝抓取");
  });

  it("knows its own codes only", () => {
    expect(isFetchMessageCode("fetch.network")).toBe(true);
    expect(isFetchMessageCode("toString")).toBe(false);
    expect(isFetchMessageCode("fetch.nope")).toBe(false);
  });
});
