// A local RSS fixture server on 127.0.0.1 for end-to-end tests.
import http from "node:http";
import type { AddressInfo } from "node:net";

/** Serves `xml` at /feed.xml; resolves to its URL, the host:port to allow the fetch guard, how often the feed was asked for, and a close function. */
export async function serveFeed(xml: string): Promise<{ url: string; allowHost: string; hits(): number; close(): Promise<void> }> {
  let hits = 0;
  const server = http.createServer((req, res) => {
    if (req.url === "/feed.xml") {
      hits++;
      res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" });
      res.end(xml);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/feed.xml`,
    allowHost: `127.0.0.1:${port}`,
    hits: () => hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An RSS 2.0 feed about the fictional 青禾县, one item carrying script markup as visible text. */
export const FIXTURE_FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>青禾县论坛</title><link>http://127.0.0.1/</link><description>fixture</description>
<item><guid>e2e-1</guid><title>家长反映青禾二中补课费过高</title><link>http://127.0.0.1/p/1</link>
<description>有家长在论坛发帖称，青禾县第二中学暑期补课每人收费两千元，希望教育部门核实。</description>
<pubDate>Sat, 21 Nov 2026 08:00:00 +0800</pubDate></item>
<item><guid>e2e-2</guid><title>柳溪镇道路施工致早高峰拥堵</title><link>http://127.0.0.1/p/2</link>
<description>柳溪镇主干道施工，早高峰车辆排队一公里。</description>
<pubDate>Sat, 21 Nov 2026 09:00:00 +0800</pubDate></item>
<item><guid>e2e-3</guid><title>网友贴出一段代码问教育局</title><link>http://127.0.0.1/p/3</link>
<description>&amp;lt;script&amp;gt;window.__pwned = 1&amp;lt;/script&amp;gt;&amp;lt;img src=x onerror="window.__pwned=2"&amp;gt; 这是网友贴的原文</description>
<pubDate>Sat, 21 Nov 2026 10:00:00 +0800</pubDate></item>
</channel></rss>`;
