// The fetch guard end to end through fetchFeedUrl: real sockets to fixture servers on 127.0.0.1,
// DNS simulated by an injected resolver (never the network).
import type { LookupAddress } from "node:dns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FetchError } from "./errors";
import { describeFailure } from "./failure";
import { fetchFeedUrl, type FetchFeedOptions } from "./fetcher";
import type { Resolver } from "./guarded-agent";
import { startLocalServer, type LocalServer } from "./testdata/local-server";

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>青禾</title></channel></rss>`;
const base: FetchFeedOptions = { timeoutMs: 2000, maxBytes: 1024 * 1024, userAgent: "Tingfeng-test/1", allowHosts: [] };

let a: LocalServer; // the allowed host
let b: LocalServer; // a refused one
let portA: number;
let portB: number;

beforeAll(async () => {
  const serve = (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse): void => {
    const url = new URL(req.url ?? "/", "http://x");
    const to = url.searchParams.get("to");
    if (url.pathname === "/redirect" && to) return void res.writeHead(Number(url.searchParams.get("status")), { location: to }).end();
    if (url.pathname === "/feed.xml") return void res.writeHead(200, { "content-type": "application/rss+xml" }).end(FEED);
    res.writeHead(200, { "content-type": "text/html" }).end("<html><body>内部系统 secret-token-123</body></html>");
  };
  a = await startLocalServer(serve);
  b = await startLocalServer(serve);
  portA = Number(new URL(a.url).port);
  portB = Number(new URL(b.url).port);
});
afterAll(async () => {
  await a.close();
  await b.close();
});

async function failure(url: string, opts: Partial<FetchFeedOptions> = {}): Promise<FetchError> {
  try {
    await fetchFeedUrl(url, { ...base, ...opts });
  } catch (err) {
    if (err instanceof FetchError) return err;
    throw err;
  }
  throw new Error(`expected ${url} to fail`);
}

/** A resolver answering from a table, counting its calls. */
function fakeDns(table: Record<string, string[]>): Resolver & { calls: string[] } {
  const calls: string[] = [];
  const resolve = async (hostname: string): Promise<LookupAddress[]> => {
    calls.push(hostname);
    const found = table[hostname];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return found.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
  return Object.assign(resolve, { calls });
}

describe("fetch guard", () => {
  it("refuses every spelling of a loopback address without connecting", async () => {
    const before = a.requests.length;
    for (const host of ["127.0.0.1", "2130706433", "0x7f.1", "0177.0.0.1", "127.1", "[::ffff:127.0.0.1]", "[::1]", "localhost", "127.0.0.2"]) {
      expect((await failure(`http://${host}:${portA}/feed.xml`)).code, host).toBe("fetch.blocked_address");
    }
    expect((await failure("http://169.254.169.254/latest/meta-data/")).code).toBe("fetch.blocked_address");
    expect((await failure("http://[fd00::1]/")).code).toBe("fetch.blocked_address");
    expect(a.requests.length).toBe(before);
  });

  it("checks the address a name resolves to at connect time", async () => {
    const dns = fakeDns({ "feed.qinghe.example": ["127.0.0.1"], "mixed.qinghe.example": ["203.0.113.9", "127.0.0.1"] });
    const before = a.requests.length;
    expect((await failure(`http://feed.qinghe.example:${portA}/feed.xml`, { resolve: dns })).code).toBe("fetch.blocked_address");
    // Every answer counts: the socket could try any of them.
    expect((await failure(`http://mixed.qinghe.example:${portA}/feed.xml`, { resolve: dns })).code).toBe("fetch.blocked_address");
    expect(dns.calls).toEqual(["feed.qinghe.example", "mixed.qinghe.example"]);
    expect(a.requests.length).toBe(before);

    // A CIDR on the allow list admits the resolved address, and the socket goes where the resolver said.
    const ok = await fetchFeedUrl(`http://feed.qinghe.example:${portA}/feed.xml`, { ...base, resolve: dns, allowHosts: ["127.0.0.0/8"] });
    expect(ok.kind === "ok" && ok.body.toString()).toBe(FEED);
    expect(a.requests.at(-1)?.headers.host).toBe(`feed.qinghe.example:${portA}`);
    // So does the host name itself, on its port.
    const byName = await fetchFeedUrl(`http://feed.qinghe.example:${portA}/feed.xml`, { ...base, resolve: dns, allowHosts: [`feed.qinghe.example:${portA}`] });
    expect(byName.kind).toBe("ok");
  });

  it.each([302, 307])("refuses a %i redirect from an allowed host to a refused one", async (status) => {
    const allowHosts = [`127.0.0.1:${portA}`];
    const before = b.requests.length;
    for (const target of [`http://127.0.0.1:${portB}/feed.xml`, `http://localhost:${portB}/feed.xml`, `http://127.0.0.2:${portB}/feed.xml`, "http://169.254.169.254/latest/meta-data/", `http://[::ffff:7f00:1]:${portB}/feed.xml`]) {
      const err = await failure(`${a.url}/redirect?status=${status}&to=${encodeURIComponent(target)}`, { allowHosts });
      expect(err.code, target).toBe("fetch.blocked_address");
    }
    expect(b.requests.length).toBe(before);
    // The same redirect to an allowed place is followed.
    const ok = await fetchFeedUrl(`${a.url}/redirect?status=${status}&to=${encodeURIComponent(`${a.url}/feed.xml`)}`, { ...base, allowHosts });
    expect(ok).toMatchObject({ kind: "ok", finalUrl: `${a.url}/feed.xml` });
  });

  it("lets exactly the named host:port through", async () => {
    const allowHosts = [`127.0.0.1:${portA}`];
    expect((await fetchFeedUrl(`${a.url}/feed.xml`, { ...base, allowHosts })).kind).toBe("ok");
    expect((await failure(`${b.url}/feed.xml`, { allowHosts })).code).toBe("fetch.blocked_address");
    expect((await failure(`http://localhost:${portA}/feed.xml`, { allowHosts })).code).toBe("fetch.blocked_address");
  });

  it("gives one generic error for a closed port and an unresolvable host", async () => {
    const closed = await startLocalServer(() => undefined);
    await closed.close();
    const refused = await failure(`${closed.url}/feed.xml`, { allowHosts: [new URL(closed.url).host] });
    const unresolvable = await failure("http://nowhere.qinghe.example/feed.xml", { resolve: fakeDns({}) });
    expect(refused.code).toBe("fetch.network");
    expect(unresolvable.code).toBe("fetch.network");
    expect(describeFailure(refused)).toEqual(describeFailure(unresolvable));
    for (const err of [refused, unresolvable]) expect(err.message).not.toMatch(/ECONNREFUSED|ENOTFOUND|getaddrinfo/);
  });

  it("refuses URLs with user-info, also as a redirect target", async () => {
    const before = a.requests.length;
    expect((await failure(`http://user:pass@127.0.0.1:${portA}/feed.xml`, { allowHosts: [`127.0.0.1:${portA}`] })).code).toBe("fetch.credentials_in_url");
    expect(a.requests.length).toBe(before);
    const to = encodeURIComponent(`http://user:pass@127.0.0.1:${portA}/feed.xml`);
    expect((await failure(`${a.url}/redirect?status=302&to=${to}`, { allowHosts: [`127.0.0.1:${portA}`] })).code).toBe("fetch.credentials_in_url");
  });
});
