import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers";
import { insertItems, type NewItem } from "../../store/items";
import { insertSource } from "../../store/sources";
import { contentHash } from "../../ingest";
import { localDate } from "../../shared/working-calendar";

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

// Fictional posts: a fee complaint and its repost, and a plain notice.
const FEE = "青禾县禾溪镇第一小学家长反映，学校以兴趣班名义每学期额外收取补课费八百元，家长质疑属于乱收费，希望教育局尽快调查处理。";
const posts = [
  { title: "禾溪镇小学被指乱收费", text: FEE },
  { title: "转发：禾溪镇小学被指乱收费", text: `转发：${FEE}` },
  { title: "城西公交3路调整线路", text: "青禾县交通运输局发布通知，城西公交3路自下周一起调整线路，不再经过老汽车站，改经新建的滨河路。" },
];

async function sheet(buf: Buffer): Promise<Record<string, string>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("台账")!;
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Record<string, string>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const cells = (row.values as unknown[]).slice(1);
    out.push(Object.fromEntries(header.map((h, i) => [h, cells[i] == null ? "" : String(cells[i])])));
  });
  return out;
}

describe("ledger XLSX export", () => {
  it("carries each item's analysis and triage in the UI's words, named by the office's local date", async () => {
    const src = insertSource(t.db, { name: "青禾论坛", kind: "rss", url: "http://127.0.0.1/f", intervalSeconds: 300, priority: 2, enabled: false });
    const now = Date.now();
    const ids = posts.flatMap((p, i) => {
      const row: NewItem = { guid: `x${i}`, url: `http://127.0.0.1/p/${i}`, canonicalUrl: null, contentHash: contentHash(p.title, p.text), author: null, title: p.title, text: p.text, publishedAt: now - (3 - i) * 60_000 };
      return insertItems(t.db, src.id, [row], now);
    });
    const admin = await t.userClient("admin", { username: "lina" });
    expect((await admin.post("/api/watches", { name: "乱收费方案", query: "乱收费", enabled: true })).statusCode).toBe(201);
    await t.analysis.drain();
    expect((await admin.patch(`/api/items/${ids[2]}`, { status: "ignored" })).statusCode).toBe(200);

    const res = await admin.get("/api/items/export.xlsx");
    expect(res.statusCode).toBe(200);
    expect(decodeURIComponent(String(res.headers["content-disposition"]))).toContain(`舆情台账-${localDate(Date.now(), t.config.timeZone)}.xlsx`);
    const rows = await sheet(res.rawPayload);
    const byId = new Map(rows.map((r) => [Number(r["编号"]), r]));
    const fee = byId.get(ids[0])!;
    const copy = byId.get(ids[1])!;
    const notice = byId.get(ids[2])!;
    expect(fee["情感"]).toBe("负面");
    expect(Number(fee["情感得分"])).toBeLessThan(0);
    expect(fee["监测方案"]).toBe("乱收费方案");
    expect(fee["事件"]).not.toBe("");
    expect(copy["转载组"]).toBe(fee["转载组"]);
    expect(fee["转载组"]).toMatch(/^#\d+$/);
    expect(Number(fee["转载数"])).toBe(1);
    expect(fee["状态"]).toBe("未读");
    expect(notice["状态"]).toBe("已忽略");
    expect(notice["处理人"]).toBe("lina");
    expect(notice["处理时间"]).not.toBe("");
    expect(notice["监测方案"]).toBe("");
  });

  it("names the file and writes times on the office's clock (TINGFENG_TIME_ZONE), not the server's", async () => {
    const office = await createTestApp({ timeZone: "Asia/Shanghai" });
    const tz = process.env.TZ;
    process.env.TZ = "America/New_York"; // a server whose own clock disagrees with the office's
    try {
      const src = insertSource(office.db, { name: "青禾论坛", kind: "rss", url: "http://127.0.0.1/f", intervalSeconds: 300, priority: 2, enabled: false });
      // 17:30 UTC on 6 December is 01:30 on the 7th in the office (12:30 on the 6th in New York).
      const at = Date.parse("2026-12-06T17:30:00Z");
      insertItems(office.db, src.id, [{ guid: "tz", url: "http://127.0.0.1/p/tz", canonicalUrl: null, contentHash: contentHash("夜间通知", "夜间停水"), author: null, title: "夜间通知", text: "夜间停水", publishedAt: at }], at);
      const admin = await office.userClient("admin");
      const res = await admin.get("/api/items/export.xlsx");
      expect(res.statusCode).toBe(200);
      const todayInOffice = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
      expect(decodeURIComponent(String(res.headers["content-disposition"]))).toContain(`舆情台账-${todayInOffice}.xlsx`);
      const [row] = await sheet(res.rawPayload);
      expect(row["发布时间"]).toBe("2026/12/7 01:30:00");
      expect(row["采集时间"]).toBe("2026/12/7 01:30:00");
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
      await office.close();
    }
  });
});
