import { describe, expect, it } from "vitest";
import { fixture } from "../testdata/local-server";
import { fetchHtmlEntries } from "./html";
import type { KindContext } from "./types";

const BASE = "http://news.example.cn";
const FILES: Record<string, string> = {
  "/news/list.html": "site/list.html", "/news/list-2.html": "site/list-2.html",
  "/news/article-1.html": "site/article-1.html", "/news/article-2.html": "site/article-2.html",
  "/news/article-3.html": "site/article-3.html", "/news/article-4.html": "site/article-4.html", "/news/article-5.html": "site/article-5.html",
};

/** A context whose fetch serves the fixture site from memory and records what was asked for. */
function context(known: string[] = [], maxArticles = 20, disallowed = "\u0000"): KindContext & { fetched: string[] } {
  const fetched: string[] = [];
  return {
    fetched, timeZone: "Asia/Shanghai", now: Date.parse("2026-05-04T02:00:00Z"), maxArticles,
    knownUrls: (urls) => new Set(urls.filter((u) => known.includes(u))),
    robots: async (url) => (url.includes(disallowed) ? "disallowed" : "allowed"),
    async fetch(url) {
      fetched.push(url);
      const file = FILES[new URL(url).pathname];
      if (!file) throw new Error(`no fixture for ${url}`);
      return { kind: "ok", body: fixture(file), contentType: "text/html", etag: '"v1"', lastModified: null, finalUrl: url };
    },
  };
}

const source = (config: unknown) => ({ url: `${BASE}/news/list.html`, config, etag: null, lastModified: null });
const selectors = { item: "li.news", title: "a.t", link: "a.t", time: ".time" };

describe("fetchHtmlEntries", () => {
  it("reads relative times in the office zone and skips articles already in the ledger", async () => {
    const ctx = context([`${BASE}/news/article-2.html`], 20, "article-1");
    const res = await fetchHtmlEntries(source({ selectors }), ctx);
    if (res.kind !== "ok") throw new Error("expected entries");
    expect(res.items.map((i) => i.publishedAt?.toISOString())).toEqual([
      "2026-05-04T02:00:00.000Z", "2026-05-04T01:55:00.000Z", "2026-05-03T04:30:00.000Z",
    ]);
    expect(ctx.fetched).not.toContain(`${BASE}/news/article-2.html`);
    expect(ctx.fetched).toContain(`${BASE}/news/article-3.html`);
    // robots.txt: the entry stays, its page is not fetched.
    expect(ctx.fetched).not.toContain(`${BASE}/news/article-1.html`);
    expect(res.items[0]).toMatchObject({ title: "青禾县召开防汛工作会议", text: "" });
    expect(res.warnings.join()).toContain("robots.txt");
    expect(res.etag).toBe('"v1"');
  });

  it("fetches at most maxArticles article pages and leaves the rest for the next poll", async () => {
    const ctx = context([], 2);
    const res = await fetchHtmlEntries(source({ selectors, pages: 2, nextPage: ".pager a.next" }), ctx);
    if (res.kind !== "ok") throw new Error("expected entries");
    expect(ctx.fetched.filter((u) => u.includes("article-"))).toHaveLength(2);
    expect(res.items).toHaveLength(2);
    expect(res.items.every((i) => i.text.length > 20)).toBe(true);
    expect(res.warnings.join()).toContain("其余 3 条下次抓取");
    // No validators kept: the next poll must read the list again to reach the deferred entries.
    expect(res.etag).toBeNull();
  });

  it("refuses stored settings that are not valid for an html source", async () => {
    await expect(fetchHtmlEntries(source({ selectors: { item: "li" } }), context())).rejects.toMatchObject({ code: "source.bad_config" });
  });
});
