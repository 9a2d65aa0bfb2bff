// A local news site on 127.0.0.1 for html/json source tests: list pages (UTF-8, GBK, Big5),
// pagination, article pages with navigation and ads, malformed HTML, a JSON API, a robots.txt,
// a page that never answers (/slow), an endless body (/huge), a truncated feed and import files
// with bad rows (/files/bad.csv|.xlsx|.jsonl). `?charset=X` on any page sends that charset in the
// header (a misconfigured server). Files live in src/ingest/testdata/site/; requests are counted by path.
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";

const SITE = fileURLToPath(new URL("../src/ingest/testdata/site/", import.meta.url));

/** A running fixture site. */
export interface FixtureSite {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  /** host:port, for fetchAllowHosts. */
  allowHost: string;
  /** Requests by path. */
  hits: Map<string, number>;
  /** When set, /robots.txt answers with this status (a site whose robots.txt is broken). */
  robotsStatus: number | null;
  close(): Promise<void>;
}

// No charset in the header for the legacy-encoded pages: their <meta> must be read.
const TYPES: Record<string, string> = {
  html: "text/html", json: "application/json; charset=utf-8", txt: "text/plain; charset=utf-8", xml: "application/rss+xml; charset=utf-8",
  csv: "text/csv; charset=utf-8", jsonl: "application/x-ndjson", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

function fileFor(path: string): string | null {
  if (path === "/robots.txt") return "robots.txt";
  if (path === "/api/posts.json") return "api.json";
  if (path === "/feed/truncated.xml") return "truncated.xml";
  const file = /^\/files\/(bad\.(?:csv|jsonl))$/.exec(path);
  if (file) return file[1];
  const m = /^\/(?:news|gov|mail|m|private)\/([a-z0-9-]+\.html)$/.exec(path) ?? /^\/news\/list_(\d+)\.html$/.exec(path);
  if (!m) return null;
  return /^\d+$/.test(m[1]) ? (m[1] === "1" ? "list.html" : `list-${m[1]}.html`) : m[1];
}

/** A 台账 sheet with a good row, an empty row (skipped), a row without title or text and one with an unreadable time. */
async function badXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("台账");
  ws.addRow(["标题", "链接", "正文", "时间"]);
  ws.addRow(["城西片区停水", "https://qinghe.example.cn/water", "城西片区今日停水", "2026-11-20 08:30"]);
  ws.addRow(["", "https://qinghe.example.cn/only-link", "", ""]);
  ws.addRow(["坏时间", "", "正文", "上周"]);
  return Buffer.from(await wb.xlsx.writeBuffer() as ArrayBuffer);
}

// An endless body: 64 KiB chunks until the client goes away.
function endless(res: http.ServerResponse): void {
  const chunk = Buffer.alloc(65_536, "<p>无尽的正文</p>");
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  const pump = (): void => {
    while (!res.destroyed && res.write(chunk));
    if (!res.destroyed) res.once("drain", pump);
  };
  pump();
}

/** Starts the fixture site on 127.0.0.1:0. */
export async function startFixtureSite(): Promise<FixtureSite> {
  const hits = new Map<string, number>();
  const xlsx = await badXlsx();
  const site: FixtureSite = {
    url: "", allowHost: "", hits, robotsStatus: null,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const path = url.pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === "/robots.txt" && site.robotsStatus !== null) return void res.writeHead(site.robotsStatus, { "content-type": "text/plain" }).end("error");
    if (path === "/slow") return; // never answers; the fetcher's timeout ends it
    if (path === "/huge") return endless(res);
    if (path === "/files/bad.xlsx") return void res.writeHead(200, { "content-type": TYPES.xlsx }).end(xlsx);
    const file = fileFor(path);
    let body: Buffer;
    try {
      if (!file) throw new Error("not found");
      body = readFileSync(SITE + file);
    } catch {
      return void res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
    const ext = file.split(".").pop() ?? "html";
    const charset = url.searchParams.get("charset");
    const type = charset ? `text/${ext}; charset=${charset}` : TYPES[ext] ?? "text/html";
    res.writeHead(200, { "content-type": type }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  Object.assign(site, { url: `http://127.0.0.1:${port}`, allowHost: `127.0.0.1:${port}` });
  return site;
}
