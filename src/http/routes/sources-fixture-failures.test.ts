// What goes wrong on real sites, through the API against the fixture site: an article page that never
// answers or never ends, a list page too large, a truncated feed, import files with bad rows, and
// asking to fetch a source that is not fetched from the web.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../../test/helpers";
import { startFixtureSite, type FixtureSite } from "../../../test/fixture-site";

let site: FixtureSite;
let t: TestApp | null = null;

beforeAll(async () => {
  site = await startFixtureSite();
});
afterAll(async () => site.close());
afterEach(async () => {
  await t?.close();
  t = null;
});

async function monitor(): Promise<Client> {
  t = await createTestApp({ fetchAllowHosts: [site.allowHost], timeZone: "Asia/Shanghai", fetchTimeoutMs: 1500, fetchMaxBytes: 1024 * 1024 });
  return t.userClient("monitor");
}

const NEWS = { item: "li.news", title: "a.t", link: "a.t", time: ".time" };

describe("failing pages", () => {
  it("keeps an entry whose article page times out or is too large, with a warning, and stores the rest", async () => {
    const m = await monitor();
    const body = { kind: "html", url: `${site.url}/news/list-slow.html`, intervalSeconds: 600, selectors: NEWS };
    const preview = (await m.post("/api/sources/preview", body)).json();
    expect(preview.items.map((i: { title: string }) => i.title)).toEqual(["青禾县召开防汛工作会议", "迟迟打不开的正文页", "无穷无尽的正文页"]);
    expect(preview.warnings).toEqual(expect.arrayContaining([`正文页抓取失败：${site.url}/slow`, `正文页抓取失败：${site.url}/huge`]));

    const id = (await m.post("/api/sources", { ...body, name: "慢站" })).json().id;
    expect((await m.post(`/api/sources/${id}/fetch`)).json()).toEqual({ inserted: 3 });
    const items = (await m.get("/api/items?limit=50")).json().items as { title: string; text: string }[];
    expect(items.find((i) => i.title === "青禾县召开防汛工作会议")!.text).toContain("部署今年汛期各项准备工作");
    expect(items.map((i) => i.title)).toContain("迟迟打不开的正文页");
    expect((await m.get(`/api/sources/${id}`)).json()).toMatchObject({ errorCount: 0 });
  });

  it("stops a list page at the size cap with a clear error", async () => {
    const m = await monitor();
    const id = (await m.post("/api/sources", { name: "无底洞", kind: "html", url: `${site.url}/huge`, intervalSeconds: 600, selectors: NEWS })).json().id;
    const r = (await m.post(`/api/sources/${id}/fetch`)).json();
    expect(r).toMatchObject({ inserted: 0, errorCode: "fetch.too_large" });
    expect((await m.get(`/api/sources/${id}`)).json()).toMatchObject({ lastErrorCode: "fetch.too_large", errorCount: 1 });
  });

  it("says a truncated feed is broken", async () => {
    const m = await monitor();
    const id = (await m.post("/api/sources", { name: "截断的订阅", kind: "rss", url: `${site.url}/feed/truncated.xml`, intervalSeconds: 600 })).json().id;
    const r = (await m.post(`/api/sources/${id}/fetch`)).json();
    expect(r).toMatchObject({ inserted: 0, errorCode: "feed.malformed" });
    expect(r.error).toContain("可能被截断");
  });
});

describe("import files with bad rows", () => {
  async function importFile(m: Client, name: string) {
    const bytes = Buffer.from(await (await fetch(`${site.url}/files/${name}`)).arrayBuffer());
    const up = await m.request({
      method: "POST", url: "/api/sources/import", payload: bytes,
      headers: { "content-type": "application/octet-stream", "x-file-name": encodeURIComponent(name) },
    });
    expect(up.statusCode, up.body).toBe(200);
    const u = up.json();
    const done = await m.post("/api/sources/import/confirm", { uploadId: u.uploadId, sourceName: `台账 ${name}`, mapping: u.suggestedMapping });
    expect(done.statusCode, done.body).toBe(200);
    return done.json();
  }

  it("imports the good rows of CSV, XLSX and JSONL files and names each bad row with its number and reason", async () => {
    const m = await monitor();
    expect(await importFile(m, "bad.csv")).toMatchObject({
      imported: 2, rejectedCount: 3,
      rejected: [{ row: 3, reason: "缺少标题和内容" }, { row: 5, reason: "时间无法识别：上周" }, { row: 6, reason: expect.stringContaining("链接") }],
    });
    expect(await importFile(m, "bad.xlsx")).toMatchObject({
      imported: 0, skipped: 1, rejectedCount: 2, rejected: [{ row: 3, reason: "缺少标题和内容" }, { row: 4, reason: "时间无法识别：上周" }],
    });
    expect(await importFile(m, "bad.jsonl")).toMatchObject({
      imported: 0, skipped: 2, rejectedCount: 2, rejected: [{ row: 2, reason: "不是有效的 JSON" }, { row: 4, reason: "时间无法识别：上周" }],
    });
  });

  it("refuses to fetch an import source now (400), without counting an error; such sources are not created by URL", async () => {
    const m = await monitor();
    const { sourceId } = await importFile(m, "bad.csv");
    const r = await m.post(`/api/sources/${sourceId}/fetch`);
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: "source.not_polled" });
    expect((await m.get(`/api/sources/${sourceId}`)).json()).toMatchObject({ errorCount: 0 });
    const created = await m.post("/api/sources", { name: "假导入", kind: "import", url: "https://example.cn/x", intervalSeconds: 600 });
    expect(created.statusCode).toBe(400);
    expect(created.json().fields.kind).toContain("不从网上抓取");
  });
});
