import { describe, expect, it } from "vitest";
import { FeedError } from "./errors";
import { parseFeed } from "./parse-feed";
import { fixture } from "./testdata/local-server";

function feedError(run: () => unknown): FeedError {
  try {
    run();
  } catch (err) {
    if (err instanceof FeedError) return err;
    throw err;
  }
  throw new Error("expected a FeedError");
}

describe("parseFeed: wrong content", () => {
  it("rejects an empty or blank body as feed.empty", () => {
    expect(feedError(() => parseFeed(Buffer.alloc(0), "text/xml")).code).toBe("feed.empty");
    expect(feedError(() => parseFeed(Buffer.from(" \n\t "), "text/xml")).code).toBe("feed.empty");
  });

  it("rejects an HTML page and points at the feed it advertises", () => {
    const err = feedError(() => parseFeed(fixture("page.html"), "text/html; charset=utf-8", "https://www.qinghe.example/"));
    expect(err.code).toBe("feed.not_a_feed");
    expect(err.message).toContain("HTML");
    expect(err.message).toContain("https://www.qinghe.example/rss/news.xml");
    expect(err.message).not.toContain("wp-json"); // a JSON API link is not a feed
  });

  it("rejects binary data, naming what it is", () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const err = feedError(() => parseFeed(png, "application/octet-stream"));
    expect(err.code).toBe("feed.not_a_feed");
    expect(err.message).toContain("PNG");
  });

  it("rejects truncated XML as feed.malformed and says it looks truncated", () => {
    const err = feedError(() => parseFeed(fixture("malformed.xml"), "text/xml"));
    expect(err.code).toBe("feed.malformed");
    expect(err.message).toMatch(/truncated/);
  });

  it("rejects mismatched tags with a line number", () => {
    const err = feedError(() => parseFeed(Buffer.from("<rss>\n<channel>\n<title>x</titel>\n</channel></rss>"), null));
    expect(err.code).toBe("feed.malformed");
    expect(err.message).toContain("line 3");
  });

  it("rejects XML that is not a feed, and JSON that is not a JSON Feed", () => {
    expect(feedError(() => parseFeed(fixture("sitemap.xml"), "application/xml")).message).toContain("<urlset>");
    expect(feedError(() => parseFeed(Buffer.from('{"data": []}'), "application/json")).code).toBe("feed.not_a_feed");
    expect(feedError(() => parseFeed(Buffer.from('{"version": '), "application/json")).code).toBe("feed.malformed");
    expect(feedError(() => parseFeed(Buffer.from("Hello, world"), "text/plain")).code).toBe("feed.not_a_feed");
  });

  it("refuses a billion-laughs document quickly", () => {
    const started = performance.now();
    const err = feedError(() => parseFeed(fixture("bomb.xml"), "text/xml"));
    expect(err.code).toBe("feed.malformed");
    expect(err.message).toContain("entities");
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("never expands entities, even when a declaration slips past the DOCTYPE check", () => {
    const bomb = fixture("bomb.xml").toString("utf8").replace('<?xml version="1.0"?>', '<?xml version="1.0"?><?xml-stylesheet href="a.xsl"?>');
    const heapBefore = process.memoryUsage().heapUsed;
    const feed = parseFeed(Buffer.from(bomb), "text/xml");
    expect(feed.title).toBe("&lol9;"); // left unexpanded
    expect(feed.items[0].text.length).toBeLessThan(200);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(50 * 1024 * 1024);
  });
});

describe("parseFeed: limits", () => {
  it("keeps at most 1000 items", () => {
    const items = Array.from({ length: 1100 }, (_, i) => `<item><title>帖子${i}</title><guid>g${i}</guid></item>`).join("");
    const feed = parseFeed(Buffer.from(`<rss version="2.0"><channel><title>大</title>${items}</channel></rss>`), null);
    expect(feed.items).toHaveLength(1000);
    expect(feed.items[999].guid).toBe("g999");
  });

  it("caps item text at 200,000 characters", () => {
    const long = "青".repeat(300_000);
    const feed = parseFeed(Buffer.from(`<rss><channel><item><title>长文</title><description>${long}</description></item></channel></rss>`), null);
    expect(feed.items[0].text).toHaveLength(200_000);
  });
});
