import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { holdReason, isQueryCode, newQueryCode } from "./filter";

describe("board filter", () => {
  it("lets ordinary messages through and holds spam with a reason", () => {
    expect(holdReason("小区门口路灯坏了", "青禾大道与滨河路路口的路灯已经坏了一周，晚上很不安全，请尽快维修。")).toBeNull();
    expect(holdReason("投诉", "噪音扰民 http://a.example http://b.example www.c.example https://d.example")).toContain("4 个链接");
    expect(holdReason("啊啊啊啊啊啊啊啊啊啊啊啊啊啊啊啊", "")).toContain("重复字符「啊」");
    expect(holdReason("优惠", "专业代开发票，联系微信")).toBe("包含疑似违法广告用语「代开发票」");
    expect(holdReason("x", "正常的话", ["正常"])).toContain("「正常」");
    expect(holdReason("1234", "#### $$$$ 1234 5678 !!!! ???? 1234 5678 #### $$$$ 1234")).toContain("无法识别");
    expect(holdReason("Road", "The street light at the corner has been broken for a week")).toBeNull();
  });

  it("makes query codes of the right shape, and different ones", () => {
    const codes = new Set(Array.from({ length: 1000 }, () => newQueryCode((n) => randomBytes(n))));
    expect(codes.size).toBe(1000);
    for (const c of codes) expect(isQueryCode(c)).toBe(true);
    expect(isQueryCode("ABCDEFGHJKL1")).toBe(false);
    expect(isQueryCode("abc")).toBe(false);
  });
});
