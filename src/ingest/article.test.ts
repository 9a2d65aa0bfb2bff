import { describe, expect, it } from "vitest";
import { extractArticle } from "./article";
import { fixture } from "./testdata/local-server";

describe("extractArticle", () => {
  it("keeps the article body and drops navigation, ads, sidebar and footer", () => {
    const a = extractArticle(fixture("site/article-1.html").toString("utf8"), "http://example.cn/news/article-1.html");
    expect(a.title).toContain("青禾县召开防汛工作会议");
    expect(a.text).toContain("部署今年汛期各项准备工作");
    expect(a.text).toContain("防汛物资储备");
    expect(a.text).not.toContain("导航栏链接");
    expect(a.text).not.toContain("大促销");
    expect(a.text).not.toContain("侧栏推荐文章");
    expect(a.publishedAt?.toISOString()).toBe("2026-05-01T01:30:00.000Z");
  });

  it("works on pages without an <article> element", () => {
    const a = extractArticle(fixture("site/article-2.html").toString("utf8"), "http://example.cn/news/article-2.html");
    expect(a.text).toContain("实行交通管制");
    expect(a.text).not.toContain("广告位招租");
    expect(a.publishedAt).toBeUndefined();
  });

  it("falls back to the page text for short or malformed pages", () => {
    const a = extractArticle("<html><body><p>只有一句话<b>未闭合", "http://example.cn/x");
    expect(a.text).toContain("只有一句话");
    expect(extractArticle("", "http://example.cn/x").text).toBe("");
  });
});
