import { describe, expect, it } from "vitest";
import {
  byteLength, formatTime, markdownFlavour, maskUrl, neutraliseMarkdown, PLAIN_FLAVOUR, renderText, safeLink, TRUNCATED_NOTE,
  truncateBytes, validateRobotUrl,
} from "./format";
import { HOSTILE_TITLES, makeItem, makeMessage } from "./testdata/message";

const MD = markdownFlavour("\n");

describe("renderText", () => {
  it("says severity, title, reason, each item's source, time, sentiment and reposts, and ends with the link", () => {
    const text = renderText(makeMessage(), MD, 4096, { timeZone: "Asia/Shanghai" });
    expect(text.startsWith("**【预警·较大】供水问题负面舆情升温**")).toBe(true);
    expect(text).toContain("原因：监测方案「供水」命中负面信息");
    expect(text).toContain("来源：本地论坛｜发布时间：2026-12-06 09:30｜情感：负面｜转载 128");
    expect(text).toContain("[查看原文](https://news.example.cn/a/2)");
    expect(text.endsWith("[在听风中查看](https://tingfeng.example.gov.cn/alerts/42)")).toBe(true);
    expect(text).not.toContain("共");
  });

  it("formats times in the zone it is given", () => {
    expect(formatTime("2026-12-06T01:30:00Z", "Asia/Shanghai")).toBe("2026-12-06 09:30");
    expect(formatTime("2026-12-06T01:30:00Z", "UTC")).toBe("2026-12-06 01:30");
    expect(formatTime(null, "UTC")).toBe("未知");
  });

  it("says how many alerts were folded into one", () => {
    expect(renderText(makeMessage({ count: 5 }), MD, 4096)).toContain("同一预警共 5 条（已合并发送）");
  });

  it("cuts whole items to fit the byte limit and keeps the note and link", () => {
    const message = makeMessage({}, 30);
    const full = renderText(message, MD, 100_000, { maxItems: 30 });
    const text = renderText(message, MD, 2048, { maxItems: 30 });
    expect(byteLength(full)).toBeGreaterThan(2048);
    expect(byteLength(text)).toBeLessThanOrEqual(2048);
    expect(text.endsWith(`${TRUNCATED_NOTE}[在听风中查看](https://tingfeng.example.gov.cn/alerts/42)`)).toBe(true);
    // Whole items: every listed item still has its link line.
    const listed = text.match(/^\d+\. /gm) ?? [];
    expect(listed.length).toBeGreaterThan(0);
    expect(text.match(/\[查看原文\]/g)?.length).toBe(listed.length);
  });

  it("counts bytes, not characters (a CJK character is 3 bytes)", () => {
    expect(byteLength("预警")).toBe(6);
    expect(truncateBytes("预警预警", 7)).toBe("预…");
    expect(byteLength(truncateBytes("预".repeat(1000), 100))).toBeLessThanOrEqual(100);
  });
});

describe("hostile collected text", () => {
  it.each(HOSTILE_TITLES)("neutralises links, HTML, headings and mentions in %j", (title) => {
    const text = renderText(makeMessage({ title, reason: title, items: [makeItem({ title, source: title })] }), MD, 4096);
    expect(text).not.toMatch(/@/);
    expect(text).not.toMatch(/<(font|@|at|script)/);
    expect(text).not.toContain("](https://evil");
    expect(text).not.toMatch(/^(#|>|- )/m);
    // The only markdown links are ours.
    expect(text.match(/\]\(/g)?.length).toBe(2);
  });

  it("keeps the text readable with full-width look-alikes", () => {
    expect(neutraliseMarkdown("[a](b) @all <x>")).toBe("［a］(b) ＠all ＜x＞");
  });

  it("plain text only neutralises mentions", () => {
    const text = renderText(makeMessage({ title: "@all [x](y)" }), PLAIN_FLAVOUR, 4096);
    expect(text).toContain("【预警·较大】＠all [x](y)");
  });

  it("drops item links that are not http(s) and encodes what could close a markdown link", () => {
    expect(safeLink("javascript:alert(1)")).toBeNull();
    expect(safeLink("https://a.example/x)y (z)")).toBe("https://a.example/x%29y%20%28z%29");
    const text = renderText(makeMessage({ items: [makeItem({ url: "javascript:alert(1)" })] }), MD, 4096);
    expect(text).not.toContain("javascript:");
  });
});

describe("robot URLs", () => {
  it("masks the query and long path tokens in error messages", () => {
    expect(maskUrl("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx")).toBe("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?…");
    expect(maskUrl("https://open.feishu.cn/open-apis/bot/v2/hook/0123456789abcdef0123")).toBe("https://open.feishu.cn/open-apis/bot/v2/hook/0123…");
  });

  it("accepts http(s) without user-info only", () => {
    expect(validateRobotUrl("https://oapi.dingtalk.com/robot/send?access_token=x")).toBeNull();
    expect(validateRobotUrl(undefined)).toHaveProperty("url");
    expect(validateRobotUrl("ftp://x.example/")).toHaveProperty("url");
    expect(validateRobotUrl("https://u:p@x.example/")).toHaveProperty("url");
    expect(validateRobotUrl("not a url")).toHaveProperty("url");
  });
});
