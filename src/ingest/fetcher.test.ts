import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FetchError } from "./errors";
import { fetchFeedUrl, type FetchFeedOptions } from "./fetcher";
import { startLocalServer, type LocalServer } from "./testdata/local-server";

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>青禾</title></channel></rss>`;
const ETAG = '"feed-v1"';
const LAST_MODIFIED = "Wed, 01 May 2024 04:00:00 GMT";
const MB = 1024 * 1024;
let opts: FetchFeedOptions;
let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer((req, res) => {
    const path = req.url ?? "/";
    if (path === "/feed.xml") {
      if (req.headers["if-none-match"] === ETAG || req.headers["if-modified-since"] === LAST_MODIFIED) return void res.writeHead(304).end();
      return void res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag: ETAG, "last-modified": LAST_MODIFIED }).end(FEED);
    }
    const hops = /^\/hop\/(\d+)$/.exec(path);
    if (hops) return void res.writeHead(302, { location: Number(hops[1]) > 0 ? `/hop/${Number(hops[1]) - 1}` : "/feed.xml" }).end();
    if (path === "/to-ftp") return void res.writeHead(301, { location: "ftp://files.qinghe.example/feed.xml" }).end();
    if (path === "/error") return void res.writeHead(500, { "content-type": "text/plain" }).end("boom");
    if (path === "/gone") return void res.writeHead(404).end();
    if (path === "/slow-headers") return; // never answers
    if (path === "/slow-body") {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      return void res.write("<rss><channel>"); // …and stalls
    }
    if (path === "/big-declared") {
      res.writeHead(200, { "content-type": "application/xml", "content-length": String(11 * MB) });
      return void res.write(Buffer.alloc(64 * 1024, 0x20));
    }
    if (path === "/big-chunked") {
      res.writeHead(200, { "content-type": "application/xml" });
      const chunk = Buffer.alloc(MB, 0x20);
      let sent = 0;
      const pump = (): void => {
        while (sent < 11 && !res.destroyed) {
          sent++;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      return pump();
    }
    if (path === "/image") return void res.writeHead(200, { "content-type": "image/png" }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    if (path === "/octet-binary") return void res.writeHead(200, { "content-type": "application/octet-stream" }).end(Buffer.from([0x50, 0x4b, 3, 4, 0, 0]));
    if (path === "/octet-xml") return void res.writeHead(200, { "content-type": "application/octet-stream" }).end(FEED);
    if (path === "/gzip") return void res.writeHead(200, { "content-type": "text/xml", "content-encoding": "gzip" }).end(gzipSync(FEED));
    res.writeHead(404).end();
  });
  // The fixture is on loopback, which the fetch guard refuses unless it is allowed by name.
  opts = { timeoutMs: 2000, maxBytes: 10 * MB, userAgent: "Tingfeng-test/1", allowHosts: [new URL(server.url).host] };
});

afterAll(() => server.close());

async function fetchError(url: string, override: Partial<FetchFeedOptions> = {}): Promise<FetchError> {
  try {
    await fetchFeedUrl(url, { ...opts, ...override });
  } catch (err) {
    if (err instanceof FetchError) return err;
    throw err;
  }
  throw new Error("expected a FetchError");
}

describe("fetchFeedUrl", () => {
  it("returns the body and validators, then 304 on a conditional GET", async () => {
    const first = await fetchFeedUrl(`${server.url}/feed.xml`, opts);
    expect(first).toMatchObject({ kind: "ok", etag: ETAG, lastModified: LAST_MODIFIED, contentType: "application/rss+xml; charset=utf-8", finalUrl: `${server.url}/feed.xml` });
    expect(first.kind === "ok" && first.body.toString("utf8")).toBe(FEED);
    expect(server.requests.at(-1)?.headers["user-agent"]).toBe("Tingfeng-test/1");

    expect(await fetchFeedUrl(`${server.url}/feed.xml`, { ...opts, etag: ETAG })).toEqual({ kind: "not-modified" });
    expect(server.requests.at(-1)?.headers["if-none-match"]).toBe(ETAG);
    expect(await fetchFeedUrl(`${server.url}/feed.xml`, { ...opts, lastModified: LAST_MODIFIED })).toEqual({ kind: "not-modified" });
  });

  it("reuses one connection for consecutive fetches from the same host (keep-alive)", async () => {
    const before = server.requests.length;
    for (let i = 0; i < 4; i++) expect((await fetchFeedUrl(`${server.url}/feed.xml`, opts)).kind).toBe("ok");
    // A connection may not be back in the pool the instant its body is read, so two can alternate; never one each.
    const ports = new Set(server.requests.slice(before).map((r) => r.socket.remotePort));
    expect(ports.size).toBeLessThanOrEqual(2);
  });

  it("follows up to 5 redirects and reports the final URL", async () => {
    const res = await fetchFeedUrl(`${server.url}/hop/4`, opts); // 5 redirects
    expect(res).toMatchObject({ kind: "ok", finalUrl: `${server.url}/feed.xml` });
    expect((await fetchError(`${server.url}/hop/5`)).code).toBe("fetch.too_many_redirects");
  });

  it("refuses redirects and URLs that are not http(s)", async () => {
    expect((await fetchError(`${server.url}/to-ftp`)).code).toBe("fetch.bad_url");
    expect((await fetchError("ftp://files.qinghe.example/feed.xml")).code).toBe("fetch.bad_url");
    expect((await fetchError("not a url")).code).toBe("fetch.bad_url");
  });

  it("turns non-2xx answers into fetch.http_status with the status", async () => {
    const err = await fetchError(`${server.url}/error`);
    expect(err).toMatchObject({ code: "fetch.http_status", status: 500 });
    expect(err.message).toContain("500");
    expect((await fetchError(`${server.url}/gone`)).message).toMatch(/404.*check the URL/);
  });

  it("times out when headers never come, and when the body stalls", async () => {
    const started = Date.now();
    expect((await fetchError(`${server.url}/slow-headers`, { timeoutMs: 300 })).code).toBe("fetch.timeout");
    expect((await fetchError(`${server.url}/slow-body`, { timeoutMs: 300 })).code).toBe("fetch.timeout");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("rejects bodies over the cap, with and without Content-Length", async () => {
    const declared = await fetchError(`${server.url}/big-declared`);
    expect(declared.code).toBe("fetch.too_large");
    expect(declared.message).toContain(String(11 * MB));
    expect((await fetchError(`${server.url}/big-chunked`)).code).toBe("fetch.too_large");
  });

  it("rejects binary content types, and octet-stream whose bytes are binary", async () => {
    const image = await fetchError(`${server.url}/image`);
    expect(image.code).toBe("fetch.bad_content_type");
    expect(image.message).toContain("image/png");
    expect((await fetchError(`${server.url}/octet-binary`)).code).toBe("fetch.bad_content_type");
    const xml = await fetchFeedUrl(`${server.url}/octet-xml`, opts);
    expect(xml.kind === "ok" && xml.body.toString()).toBe(FEED);
  });

  it("decompresses gzip responses", async () => {
    const res = await fetchFeedUrl(`${server.url}/gzip`, opts);
    expect(res.kind === "ok" && res.body.toString()).toBe(FEED);
  });

  it("reports an unreachable host as fetch.network", async () => {
    const closed = await startLocalServer(() => undefined);
    await closed.close();
    expect((await fetchError(`${closed.url}/feed.xml`, { allowHosts: [new URL(closed.url).host] })).code).toBe("fetch.network");
  });
});
