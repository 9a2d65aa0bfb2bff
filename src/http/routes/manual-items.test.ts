// Manual entry (手工录入): pasted text, a link fetched from a local page and reduced to its article,
// the same entry again returning the stored item, and who may enter.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers";

let t: TestApp | undefined;
let server: Server | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
  await new Promise((r) => (server ? server.close(r) : r(null)));
  server = undefined;
});

const ARTICLE = `<!doctype html><html><head><meta charset="utf-8"><title>禾溪镇卫生院夜间无人值班 - 青禾论坛</title>
<meta property="article:published_time" content="2026-11-20T21:00:00+08:00"></head><body>
<nav>首页 | 论坛 | 登录</nav><div class="ad">广告：驾校招生</div>
<article><h1>禾溪镇卫生院夜间无人值班</h1>
<p>昨晚十点多孩子发高烧，赶到禾溪镇卫生院，急诊室大门紧锁，打值班电话也没人接。</p>
<p>最后只能开车四十分钟去县医院。希望卫生院能落实夜间值班制度，别让群众看病难。</p>
<p>附近不少居民都遇到过类似情况，大家都很着急，盼望有关部门尽快解决。</p></article>
<footer>版权所有</footer></body></html>`;

const BIG5_ARTICLE = `<html><head><meta charset="big5"><title>夜間急診無人值班</title></head><body><article>
<p>昨晚十點多孩子發高燒，趕到衛生院，急診室大門緊鎖，打值班電話也沒人接，最後只能開車四十分鐘去縣醫院。</p>
<p>希望衛生院能落實夜間值班制度，別讓群眾看病難，附近不少居民都遇到過類似情況。</p></article></body></html>`;

// Encodes text in a legacy charset by asking the platform's decoder for each character's bytes (Node has no such encoder).
function legacy(label: string, text: string): Uint8Array {
  const dec = new TextDecoder(label);
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) for (let lo = 0x40; lo <= 0xfe; lo++) {
    const ch = dec.decode(new Uint8Array([hi, lo]));
    if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
  }
  return new Uint8Array(Array.from(text).flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : table.get(c) ?? [0x3f])));
}

async function page(): Promise<number> {
  server = createServer((req, res) => {
    if (req.url === "/post/1") return void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(ARTICLE);
    // Big5 named only in <meta>, as older sites do (read as GB18030 it would be garbage).
    if (req.url === "/post/big5") return void res.writeHead(200, { "content-type": "text/html" }).end(Buffer.from(legacy("big5", BIG5_ARTICLE)));
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  return (server.address() as AddressInfo).port;
}

describe("POST /api/items/manual", () => {
  it("stores pasted text under 手工录入 with its first line as title, and returns the stored item the second time", async () => {
    t = await createTestApp();
    const monitor = await t.userClient("monitor");
    const text = "城东菜市场占道经营严重\n早上七点到九点，整条街被摊位占满，车辆无法通行。";
    const first = await monitor.post("/api/items/manual", { text });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ title: "城东菜市场占道经营严重", text, sourceName: "手工录入", url: null });
    const again = await monitor.post("/api/items/manual", { text });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const source = (await monitor.get("/api/sources")).json().sources[0];
    expect(source).toMatchObject({ name: "手工录入", kind: "manual" });
    expect(t.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'item.manual'").get()).toEqual({ n: 1 });

    expect((await monitor.post("/api/items/manual", {})).json()).toMatchObject({ code: "manual.empty" });
    expect((await monitor.post("/api/items/manual", { url: "ftp://x.cn/a" })).statusCode).toBe(400);
    const leader = await t.userClient("leader");
    expect((await leader.post("/api/items/manual", { text })).statusCode).toBe(403);
  });

  it("fetches a link through the guarded fetcher and keeps the article, not the page around it", async () => {
    const port = await page();
    const url = `http://127.0.0.1:${port}/post/1`;
    // Without the allow-list entry the guard refuses a loopback address.
    t = await createTestApp({ timeZone: "Asia/Shanghai" });
    const refused = await (await t.userClient("monitor")).post("/api/items/manual", { url });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe("manual.fetch_failed");
    expect(refused.json().message).toContain("目标地址为内网/本机地址");
    const inEnglish = await (await t.userClient("monitor", { username: "mona-en" })).request({
      method: "POST", url: "/api/items/manual", payload: JSON.stringify({ url }), headers: { "content-type": "application/json", "accept-language": "en" },
    });
    expect(inEnglish.json().code).toBe("manual.fetch_failed");
    expect(inEnglish.json().message).toMatch(/^The link could not be fetched: [\x20-\x7e]+$/);
    await t.close();

    t = await createTestApp({ timeZone: "Asia/Shanghai", fetchAllowHosts: [`127.0.0.1:${port}`] });
    const admin = await t.userClient("admin");
    const res = await admin.post("/api/items/manual", { url });
    expect(res.statusCode, res.body).toBe(201);
    const it = res.json();
    expect(it.url).toBe(url);
    expect(it.title).toContain("禾溪镇卫生院夜间无人值班");
    expect(it.text).toContain("急诊室大门紧锁");
    expect(it.text).not.toContain("驾校招生");
    expect(it.publishedAt).toBe("2026-11-20T13:00:00.000Z");
    const big5 = (await admin.post("/api/items/manual", { url: `http://127.0.0.1:${port}/post/big5` })).json();
    expect(big5.text).toContain("急診室大門緊鎖");
    // The same link again: already in the ledger.
    const again = await admin.post("/api/items/manual", { url });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(it.id);
  });
});

describe("which source a manual entry may go to", () => {
  it("needs sources.write to name a polled or import source or to create a new one, not for manual sources", async () => {
    t = await createTestApp();
    const { manualSourceNeedsWrite } = await import("../../ingest/import");
    const { insertSource } = await import("../../store/sources");
    insertSource(t.db, { name: "青禾论坛", kind: "rss", url: "https://example.cn/feed.xml", intervalSeconds: 600, priority: 2, enabled: true });
    insertSource(t.db, { name: "网评手录", kind: "manual", url: "import:网评手录", intervalSeconds: 86400, priority: 3, enabled: true });
    expect(manualSourceNeedsWrite(t.db, undefined)).toBe(false);
    expect(manualSourceNeedsWrite(t.db, "手工录入")).toBe(false);
    expect(manualSourceNeedsWrite(t.db, "网评手录")).toBe(false);
    expect(manualSourceNeedsWrite(t.db, "青禾论坛")).toBe(true);
    expect(manualSourceNeedsWrite(t.db, "新建的来源")).toBe(true);
  });
});
