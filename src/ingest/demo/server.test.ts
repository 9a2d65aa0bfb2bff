import { afterEach, describe, expect, it } from "vitest";
import { fetchFeedUrl } from "../fetcher";
import { parseFeed } from "../parse-feed";
import { renderPostPage } from "./render";
import { startDemoFeedServer, type DemoFeedServer } from "./server";

let demo: DemoFeedServer | null = null;
// The demo is on loopback: the fetch guard lets it through only by its own host:port.
const fetchOpts = () => ({ timeoutMs: 2000, maxBytes: 10 * 1024 * 1024, userAgent: "test", allowHosts: demo ? [new URL(demo.url).host] : [] });
afterEach(async () => {
  await demo?.close();
  demo = null;
});

async function feedOf(url: string) {
  const res = await fetchFeedUrl(url, fetchOpts());
  if (res.kind !== "ok") throw new Error("expected a body");
  return { res, feed: parseFeed(res.body, res.contentType, res.finalUrl) };
}

describe("startDemoFeedServer", () => {
  it("serves an RSS feed that parseFeed reads, with a week of backdated posts", async () => {
    const now = new Date("2024-05-10T12:00:00Z");
    demo = await startDemoFeedServer({ seed: 1, intervalMs: 60_000, now: () => now });
    expect(demo.feedUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/feed\.xml$/);
    const { feed } = await feedOf(demo.feedUrl);
    expect(feed.title).toBe("青禾县网络动态（演示）");
    expect(feed.items).toHaveLength(20);
    const times = feed.items.map((i) => i.publishedAt!.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(now.getTime() - 7 * 86_400_000);
    expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
    expect(new Set(times.map((t) => new Date(t).toISOString().slice(0, 10))).size).toBeGreaterThanOrEqual(6);
    expect(times).toEqual([...times].sort((a, b) => b - a)); // newest first
    for (const item of feed.items) {
      expect(item.guid).toBeTruthy();
      expect(item.url).toBe(`${demo.url}/posts/${item.guid}`);
      expect(item.author).toBeTruthy();
    }
  });

  it("answers 304 while nothing changed and shows new posts after intervalMs", async () => {
    demo = await startDemoFeedServer({ seed: 2, intervalMs: 150 });
    const first = await fetchFeedUrl(demo.feedUrl, fetchOpts());
    if (first.kind !== "ok") throw new Error("expected a body");
    expect(await fetchFeedUrl(demo.feedUrl, { ...fetchOpts(), etag: first.etag })).toEqual({ kind: "not-modified" });
    expect(await fetchFeedUrl(demo.feedUrl, { ...fetchOpts(), lastModified: first.lastModified })).toEqual({ kind: "not-modified" });

    await new Promise((r) => setTimeout(r, 400));
    const later = await fetchFeedUrl(demo.feedUrl, { ...fetchOpts(), etag: first.etag, lastModified: first.lastModified });
    expect(later.kind).toBe("ok");
    const before = new Set(parseFeed(first.body, first.contentType).items.map((i) => i.guid));
    const after = later.kind === "ok" ? parseFeed(later.body, later.contentType).items : [];
    expect(after.filter((i) => !before.has(i.guid)).length).toBeGreaterThanOrEqual(1);
  });

  it("keeps the feed to the latest 50 posts", async () => {
    demo = await startDemoFeedServer({ seed: 3, intervalMs: 5 });
    await new Promise((r) => setTimeout(r, 400));
    const { feed } = await feedOf(demo.feedUrl);
    expect(feed.items).toHaveLength(50);
  });

  it("serves each post as an HTML page and 404s unknown ones", async () => {
    demo = await startDemoFeedServer({ seed: 4, intervalMs: 60_000 });
    const { feed } = await feedOf(demo.feedUrl);
    const page = await fetch(feed.items[0].url!);
    expect(page.headers.get("content-type")).toContain("text/html");
    const html = await page.text();
    expect(html).toContain(`<h1>${feed.items[0].title}</h1>`);
    expect((await fetch(`${demo.url}/posts/nope`)).status).toBe(404);
    expect((await fetch(`${demo.url}/posts/%E0%A4%A`)).status).toBe(404); // bad escape: still alive
    expect((await fetch(demo.feedUrl)).status).toBe(200);
  });

  it("stops producing and listening after close()", async () => {
    const server = await startDemoFeedServer({ seed: 5, intervalMs: 10 });
    await server.close();
    await expect(fetch(server.feedUrl)).rejects.toThrow();
  });
});

describe("renderPostPage", () => {
  it("escapes every generated string", () => {
    const html = renderPostPage(
      { guid: "g", title: "<script>alert(1)</script>", text: 'a & b "c"', url: "http://127.0.0.1/posts/g", author: "<b>x</b>", publishedAt: new Date(0), topic: "local", tone: "neutral" },
      "http://127.0.0.1/feed.xml",
    );
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("a &amp; b &quot;c&quot;");
    expect(html).toContain("&lt;b&gt;x&lt;/b&gt;");
  });
});
