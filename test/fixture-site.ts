// A local news site on 127.0.0.1 for html/json source tests: list pages (UTF-8, GBK, Big5),
// pagination, article pages with navigation and ads, malformed HTML, a JSON API, a robots.txt.
// Files live in src/ingest/testdata/site/; every request is counted by path.
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";

const SITE = fileURLToPath(new URL("../src/ingest/testdata/site/", import.meta.url));

/** A running fixture site. */
export interface FixtureSite {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  /** host:port, for fetchAllowHosts. */
  allowHost: string;
  /** Requests by path. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

// No charset in the header for the legacy-encoded pages: their <meta> must be read.
const TYPES: Record<string, string> = { html: "text/html", json: "application/json; charset=utf-8", txt: "text/plain; charset=utf-8" };

function fileFor(path: string): string | null {
  if (path === "/robots.txt") return "robots.txt";
  if (path === "/api/posts.json") return "api.json";
  const m = /^\/(?:news|gov|mail|m)\/([a-z0-9-]+\.html)$/.exec(path) ?? /^\/news\/list_(\d+)\.html$/.exec(path);
  if (!m) return null;
  return /^\d+$/.test(m[1]) ? (m[1] === "1" ? "list.html" : `list-${m[1]}.html`) : m[1];
}

/** Starts the fixture site on 127.0.0.1:0. */
export async function startFixtureSite(): Promise<FixtureSite> {
  const hits = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const file = fileFor(path);
    let body: Buffer;
    try {
      if (!file) throw new Error("not found");
      body = readFileSync(SITE + file);
    } catch {
      return void res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
    res.writeHead(200, { "content-type": TYPES[file.split(".").pop() ?? "html"] ?? "text/html" }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`, allowHost: `127.0.0.1:${port}`, hits,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
