import { describe, expect, it } from "vitest";
import { FETCH_MESSAGES } from "../../src/shared/fetch-messages";
import { sourceErrorText } from "./source-error";

describe("sourceErrorText", () => {
  const blocked = { lastError: FETCH_MESSAGES["fetch.blocked_address"]["zh-CN"], lastErrorCode: "fetch.blocked_address" };

  it("says a coded error in the reader's language", () => {
    expect(sourceErrorText(blocked, "zh-CN")).toContain("目标地址为内网/本机地址，已拒绝抓取");
    expect(sourceErrorText(blocked, "en")).toBe(FETCH_MESSAGES["fetch.blocked_address"].en);
  });

  it("falls back to the stored text without a code, with an unknown one, or when the text needs a parameter", () => {
    expect(sourceErrorText({ lastError: "旧的错误", lastErrorCode: null }, "en")).toBe("旧的错误");
    expect(sourceErrorText({ lastError: "新的错误", lastErrorCode: "fetch.from_the_future" }, "en")).toBe("新的错误");
    expect(sourceErrorText({ lastError: "网站返回 HTTP 418（应为 200）", lastErrorCode: "fetch.http_status" }, "en")).toBe("网站返回 HTTP 418（应为 200）");
  });

  it("shows nothing after a successful fetch", () => {
    expect(sourceErrorText({ lastError: null, lastErrorCode: null }, "zh-CN")).toBeNull();
  });
});
