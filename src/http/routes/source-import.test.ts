// File import through the API: upload → columns and a suggested mapping; confirm → imported rows,
// refused rows with their numbers; the same file again adds nothing; who may import.
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../../test/helpers";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const CSV = [
  "标题,网址,正文,发布时间,作者",
  '城西片区停水,https://example.cn/water,"城西片区今日停水，""何时恢复""没人说",2026-11-20 08:30,居民甲',
  ",,,,",
  "医院排队,https://example.cn/h,排队三小时,2026/11/21,",
  "坏时间,,正文,上周,",
].join("\r\n");

function upload(c: Client, name: string, bytes: Buffer | string) {
  return c.request({
    method: "POST", url: "/api/sources/import", payload: bytes,
    headers: { "content-type": "application/octet-stream", "x-file-name": encodeURIComponent(name) },
  });
}

describe("POST /api/sources/import", () => {
  it("imports in two steps, reports refused rows by number, and adds nothing the second time", async () => {
    t = await createTestApp({ timeZone: "Asia/Shanghai" });
    const monitor = await t.userClient("monitor");
    const up = await upload(monitor, "台账.csv", `\uFEFF${CSV}`);
    expect(up.statusCode, up.body).toBe(200);
    const u = up.json();
    expect(u).toMatchObject({ format: "csv", columns: ["标题", "网址", "正文", "发布时间", "作者"], rowCount: 4 });
    expect(u.suggestedMapping).toEqual({ title: "标题", url: "网址", text: "正文", time: "发布时间", author: "作者" });
    expect(u.sampleRows[0]).toMatchObject({ 标题: "城西片区停水", 正文: '城西片区今日停水，"何时恢复"没人说' });

    const done = await monitor.post("/api/sources/import/confirm", { uploadId: u.uploadId, sourceName: "网评台账", mapping: u.suggestedMapping });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual({
      sourceId: expect.any(Number), imported: 2, skipped: 0, rejectedCount: 2,
      rejected: [{ row: 3, reason: "缺少标题和内容" }, { row: 5, reason: "时间无法识别：上周" }],
    });
    // The upload is used up.
    expect((await monitor.post("/api/sources/import/confirm", { uploadId: u.uploadId, sourceName: "网评台账", mapping: u.suggestedMapping })).json().code)
      .toBe("import.upload_expired");

    const items = (await monitor.get("/api/items?limit=50")).json().items;
    expect(items.map((i: { title: string }) => i.title).sort()).toEqual(["医院排队", "城西片区停水"]);
    expect(items.find((i: { title: string }) => i.title === "城西片区停水")).toMatchObject({ sourceName: "网评台账", author: "居民甲", publishedAt: "2026-11-20T00:30:00.000Z" });
    const source = (await monitor.get("/api/sources")).json().sources.find((s: { name: string }) => s.name === "网评台账");
    expect(source).toMatchObject({ kind: "import", url: "import:网评台账" });

    const again = (await upload(monitor, "台账.csv", CSV)).json();
    const second = (await monitor.post("/api/sources/import/confirm", { uploadId: again.uploadId, sourceName: "网评台账", mapping: again.suggestedMapping })).json();
    expect(second).toMatchObject({ imported: 0, skipped: 2, rejectedCount: 2 });
    expect((await monitor.get("/api/items?limit=50")).json().items).toHaveLength(2);

    const audit = t.db.prepare("SELECT action, summary FROM audit_log WHERE action = 'source.import' ORDER BY id").all() as { summary: string }[];
    expect(audit.map((a) => JSON.parse(a.summary))).toEqual([
      { file: "台账.csv", imported: 2, skipped: 0, rejected: 2 }, { file: "台账.csv", imported: 0, skipped: 2, rejected: 2 },
    ]);
  });

  it("takes a multipart XLSX upload and a hand-picked mapping into an existing source; refuses unknown columns", async () => {
    t = await createTestApp({ timeZone: "Asia/Shanghai" });
    const admin = await t.userClient("admin");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sheet1");
    ws.addRow(["事项", "说明"]);
    ws.addRow(["道路积水", "东门路口积水严重"]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer() as ArrayBuffer);
    const boundary = "----tf123";
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="list.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      xlsx, Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const up = await admin.request({ method: "POST", url: "/api/sources/import", payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } });
    expect(up.statusCode, up.body).toBe(200);
    const u = up.json();
    expect(u).toMatchObject({ fileName: "list.xlsx", format: "xlsx", columns: ["事项", "说明"], suggestedMapping: {} });

    const bad = await admin.post("/api/sources/import/confirm", { uploadId: u.uploadId, sourceName: "x", mapping: { title: "标题" } });
    expect(bad.json()).toMatchObject({ code: "import.unknown_column" });
    const feed = (await admin.post("/api/sources", { name: "县政府网", url: "https://example.cn/feed.xml", intervalSeconds: 600, priority: 3, enabled: true })).json();
    const ok = await admin.post("/api/sources/import/confirm", { uploadId: u.uploadId, sourceName: "县政府网", mapping: { title: "事项", text: "说明" } });
    expect(ok.json()).toMatchObject({ sourceId: feed.id, imported: 1, skipped: 0, rejectedCount: 0 });
    expect((await admin.get("/api/sources")).json().sources).toHaveLength(1);
  });

  it("is for monitors and admins only, and refuses an empty or unreadable file", async () => {
    t = await createTestApp();
    const leader = await t.userClient("leader");
    expect((await upload(leader, "a.csv", CSV)).statusCode).toBe(403);
    const monitor = await t.userClient("monitor");
    expect((await upload(monitor, "a.csv", "")).json()).toMatchObject({ code: "import.empty" });
    expect((await upload(monitor, "a.xlsx", "not a zip")).json()).toMatchObject({ code: "import.unreadable" });
    // Another user cannot confirm someone else's upload.
    const u = (await upload(monitor, "a.csv", CSV)).json();
    const admin = await t.userClient("admin");
    expect((await admin.post("/api/sources/import/confirm", { uploadId: u.uploadId, sourceName: "x", mapping: u.suggestedMapping })).json().code).toBe("import.upload_expired");
  });

  it("reports the rows stored so far while a large file is being stored", async () => {
    t = await createTestApp({ timeZone: "Asia/Shanghai" });
    const monitor = await t.userClient("monitor");
    const rows = Array.from({ length: 9000 }, (_, i) => `第${i}条反映,https://example.cn/p/${i},正文${i}`);
    const u = (await upload(monitor, "大台账.csv", ["标题,网址,正文", ...rows].join("\n"))).json();
    const confirming = monitor.post("/api/sources/import/confirm", { uploadId: u.uploadId, sourceName: "大台账", mapping: u.suggestedMapping });
    let finished = false;
    void confirming.then(() => { finished = true; });
    const seen: { active: boolean; done: number; total: number }[] = [];
    while (!finished) {
      seen.push((await monitor.get(`/api/sources/import/${u.uploadId}/progress`)).json());
      await new Promise((r) => setImmediate(r));
    }
    expect((await confirming).json()).toMatchObject({ imported: 9000 });
    expect(seen.some((s) => s.active && s.total === 9000 && s.done > 0 && s.done < 9000)).toBe(true);
    // Over: nothing in progress.
    expect((await monitor.get(`/api/sources/import/${u.uploadId}/progress`)).json()).toEqual({ active: false, done: 0, total: 0 });
  });
});
