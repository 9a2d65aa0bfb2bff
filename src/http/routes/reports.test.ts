// Reports through the API: every figure of a generated digest equals the same figure recomputed from the
// database with plain SQL; editing, issuing (numbering per kind and year, versions immutable), templates,
// instructions, special reports and summaries.
import { afterEach, describe, expect, it } from "vitest";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createTestApp, type TestApp } from "../../../test/helpers";
import type { ReportBlock, ReportContent, ReportDetail, ReportFigure } from "../../shared/report-types";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const cst = (s: string) => Date.parse(`${s}+08:00`);
const HOUR = 3_600_000;

/** A county's day: items on 2026-07-01 (Beijing) across sources, sentiments, an event and a repost group; items the day before and after. */
async function seeded(overrides: Parameters<typeof createTestApp>[0] = {}) {
  t = await createTestApp({ timeZone: "Asia/Shanghai", publicUrl: "https://yq.example.gov.cn", ...overrides });
  const db = t.db;
  const now = Date.now();
  const src = (name: string) =>
    Number(db.prepare("INSERT INTO sources (name, kind, url, interval_seconds, enabled, created_at, updated_at) VALUES (?, 'rss', ?, 600, 1, ?, ?)")
      .run(name, `https://example.org/${encodeURIComponent(name)}.xml`, now, now).lastInsertRowid);
  const weibo = src("青禾微博");
  const news = src("青禾新闻网");
  const forum = src("禾溪论坛");
  const ev = Number(db.prepare(
    `INSERT INTO events (title, first_at, last_at, size, neg, neu, pos, keywords, risk_level, created_at, updated_at)
     VALUES ('禾溪镇中学食堂涨价', ?, ?, 0, 0, 0, 0, '[{"word":"食堂","weight":1},{"word":"涨价","weight":0.8}]', 'significant', ?, ?)`,
  ).run(cst("2026-07-01T08:00:00"), cst("2026-07-01T20:00:00"), now, now).lastInsertRowid);
  let n = 0;
  const item = (sourceId: number, published: number | null, fetched: number, sentiment: string | null, opts: { event?: number; group?: string; title?: string } = {}) => {
    n++;
    db.prepare(
      `INSERT INTO items (source_id, dedup_key, content_hash, title, text, published_at, fetched_at, sentiment, sentiment_score, event_id, dup_group, analysed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(sourceId, `k${n}`, `h${n}`, opts.title ?? `信息${n}`, `正文${n}：禾溪镇中学食堂涨价，家长反映`, published, fetched, sentiment,
      sentiment === "neg" ? -0.5 - n / 1000 : sentiment === "pos" ? 0.6 : 0, opts.event ?? null, opts.group ?? null, fetched);
    return (db.prepare("SELECT max(id) AS id FROM items").get() as { id: number }).id;
  };
  // The day itself: 2026-07-01 00:00–24:00 Beijing.
  for (let h = 0; h < 24; h += 2) item(weibo, cst(`2026-07-01T${String(h).padStart(2, "0")}:30:00`), cst(`2026-07-01T${String(h).padStart(2, "0")}:40:00`), h % 3 === 0 ? "neg" : "neu");
  const first = item(forum, cst("2026-07-01T08:00:00"), cst("2026-07-01T08:05:00"), "neg", { event: ev, title: "禾溪镇中学食堂饭菜涨价了" });
  db.prepare("UPDATE items SET dup_group = ? WHERE id = ?").run(String(first), first);
  for (let i = 0; i < 4; i++) item(weibo, cst(`2026-07-01T1${i}:00:00`), cst(`2026-07-01T1${i}:01:00`), "neg", { event: ev, group: String(first) });
  for (let i = 0; i < 5; i++) item(news, cst(`2026-07-01T1${i}:20:00`), cst(`2026-07-01T1${i}:30:00`), i < 2 ? "pos" : "neu", { event: ev });
  item(news, null, cst("2026-07-01T23:50:00"), null); // no published time: counted by its fetch
  item(news, cst("2026-07-01T23:55:00"), cst("2026-07-01T23:50:00"), "neu"); // published a little after its fetch
  // Not the day: the day before (previous period) and the day after.
  for (let i = 0; i < 7; i++) item(weibo, cst("2026-06-30T12:00:00") + i * HOUR, cst("2026-06-30T12:00:00") + i * HOUR, "neu");
  item(weibo, cst("2026-06-30T23:59:00"), cst("2026-07-01T00:10:00"), "neg"); // fetched in the day, published the day before
  item(weibo, cst("2026-07-02T00:00:00"), cst("2026-07-02T00:00:00"), "neg");
  // Alerts: two in the day, one before.
  const alert = (sev: string, at: number) => db.prepare(
    "INSERT INTO alerts (severity, title, reason, fold_key, created_at) VALUES (?, '预警', '命中', 'k', ?)",
  ).run(sev, at);
  alert("major", cst("2026-07-01T09:00:00"));
  alert("general", cst("2026-07-01T15:00:00"));
  alert("general", cst("2026-06-30T15:00:00"));
  return { db, ev, first, weibo };
}

const figures = (c: ReportContent): Map<string, ReportFigure> => {
  const m = new Map<string, ReportFigure>();
  for (const s of c.sections) for (const b of s.blocks) if (b.type === "figures") for (const f of b.figures) m.set(`${s.key}.${f.key}`, f);
  return m;
};
const blocks = (c: ReportContent, key: string): ReportBlock[] => c.sections.find((s) => s.key === key)?.blocks ?? [];

describe("reports", () => {
  it("drafts a daily digest whose every figure equals the database's count", async () => {
    const { db, weibo } = await seeded();
    const monitor = await t!.userClient("monitor");
    const res = await monitor.post("/api/reports", { kind: "daily", date: "2026-07-01" });
    expect(res.statusCode).toBe(201);
    const { report, run } = res.json() as { report: ReportDetail; run: { status: string; reportId: number; timings: Record<string, number> } };
    expect(run.status).toBe("done");
    expect(run.reportId).toBe(report.id);
    expect(report.status).toBe("draft");
    const c = report.content;
    expect(c.period).toEqual({ from: "2026-07-01", to: "2026-07-01", label: "2026年7月1日" });

    const start = cst("2026-07-01T00:00:00");
    const end = cst("2026-07-02T00:00:00");
    const count = (where: string, ...args: unknown[]) =>
      (db.prepare(`SELECT count(*) AS n FROM items WHERE coalesce(published_at, fetched_at) >= ? AND coalesce(published_at, fetched_at) < ? ${where}`)
        .get(start, end, ...args) as { n: number }).n;
    const f = figures(c);
    const total = count("");
    expect(total).toBe(12 + 1 + 4 + 5 + 2);
    expect(f.get("overview.total")!.value).toBe(total);
    expect(f.get("overview.previousTotal")!.value).toBe(
      (db.prepare("SELECT count(*) AS n FROM items WHERE coalesce(published_at, fetched_at) >= ? AND coalesce(published_at, fetched_at) < ?").get(start - 24 * HOUR, start) as { n: number }).n,
    );
    expect(f.get("overview.neg")!.value).toBe(count("AND sentiment = 'neg'"));
    expect(f.get("sentiment.sentimentNeg")!.value).toBe(count("AND sentiment = 'neg'"));
    expect(f.get("sentiment.sentimentNeu")!.value).toBe(count("AND sentiment = 'neu'"));
    expect(f.get("sentiment.sentimentPos")!.value).toBe(count("AND sentiment = 'pos'"));
    expect(f.get("sentiment.sentimentNone")!.value).toBe(count("AND sentiment IS NULL"));
    expect(f.get("overview.negShare")!.value).toBe(Math.round((count("AND sentiment = 'neg'") / total) * 1000) / 10);
    expect(f.get("overview.alerts")!.value).toBe(2);
    expect(f.get("alerts.alerts_major")!.value).toBe(1);
    // The hourly trend adds up to the total; the source table to each source's count.
    const trend = blocks(c, "trend").find((b) => b.type === "chart");
    expect(trend?.type === "chart" && trend.chart.series[0].data.reduce((a, b) => a + b, 0)).toBe(total);
    expect(trend?.type === "chart" && trend.chart.labels.length).toBe(24);
    const table = blocks(c, "sources").find((b) => b.type === "table");
    const weiboRow = table?.type === "table" ? table.rows.find((r) => r[0].text === "青禾微博") : undefined;
    expect(Number(weiboRow![1].text)).toBe(count("AND source_id = ?", weibo));
    // Figures link to the ledger query behind them, which the ledger answers with the same count.
    const negHref = f.get("overview.neg")!.href!;
    const admin = await t!.userClient("admin");
    const ledger = (await admin.get(negHref.replace("/items?", "/api/items?"))).json() as { total: number };
    expect(ledger.total).toBe(count("AND sentiment = 'neg'"));
    const totalLedger = (await admin.get(f.get("overview.total")!.href!.replace("/items?", "/api/items?"))).json() as { total: number };
    expect(totalLedger.total).toBe(total);
    // The negative items: one per repost group, the group's first post first (most copies).
    const neg = blocks(c, "negative").find((b) => b.type === "items");
    expect(neg?.type === "items" && neg.items[0].title).toBe("禾溪镇中学食堂饭菜涨价了");
    expect(neg?.type === "items" && neg.items[0].reposts).toBe(4);
    expect(neg?.type === "items" && neg.items.every((i) => i.href === `/items/${i.id}`)).toBe(true);
    // The event in the period with its count.
    const events = blocks(c, "events").find((b) => b.type === "table");
    expect(events?.type === "table" && events.rows[0][0].text).toBe("禾溪镇中学食堂涨价");
    expect(events?.type === "table" && Number(events.rows[0][1].text)).toBe(10);
    // The prose says the same numbers.
    expect(c.sections[0].text).toContain(`共监测到网络信息 ${total} 条`);
  });

  it("edits a draft, issues numbered immutable versions, and takes a leader's instruction", async () => {
    const { db } = await seeded();
    const monitor = await t!.userClient("monitor");
    const leader = await t!.userClient("leader");
    const a = (await monitor.post("/api/reports", { kind: "daily", date: "2026-07-01" })).json().report as ReportDetail;
    const edited = await monitor.patch(`/api/reports/${a.id}`, { sections: { advice: { text: "建议教育局今日内回应食堂涨价问题。" } }, removeSections: ["board"] });
    expect(edited.statusCode).toBe(200);
    const again = (await monitor.get(`/api/reports/${a.id}`)).json() as ReportDetail;
    expect(again.content.sections.find((s) => s.key === "advice")!.text).toBe("建议教育局今日内回应食堂涨价问题。");
    expect(again.content.sections.some((s) => s.key === "board")).toBe(false);
    expect((await monitor.patch(`/api/reports/${a.id}`, { sections: { advice: { text: "bad\u0000" } } })).statusCode).toBe(400);

    const v1 = await leader.post(`/api/reports/${a.id}/issue`);
    expect(v1.statusCode).toBe(201);
    const year = new Date().getFullYear();
    expect(v1.json().version).toMatchObject({ version: 1, number: `${year}年第1期` });
    const b = (await monitor.post("/api/reports", { kind: "daily", date: "2026-06-30" })).json().report as ReportDetail;
    expect((await monitor.post(`/api/reports/${b.id}/issue`)).json().version.number).toBe(`${year}年第2期`);
    // A periodic digest has its own numbering.
    const w = (await monitor.post("/api/reports", { kind: "periodic", from: "2026-06-29", to: "2026-07-05" })).json().report as ReportDetail;
    expect((await monitor.post(`/api/reports/${w.id}/issue`)).json().version.number).toBe(`${year}年第1期`);
    // Re-issuing after an edit: version 2 under the same number; version 1 unchanged.
    await monitor.patch(`/api/reports/${a.id}`, { title: "每日网络动态（更正）" });
    expect(((await monitor.get(`/api/reports/${a.id}`)).json() as ReportDetail).changedSinceIssue).toBe(true);
    const v2 = (await monitor.post(`/api/reports/${a.id}/issue`)).json().version;
    expect(v2).toMatchObject({ version: 2, number: `${year}年第1期` });
    const v1Detail = (await leader.get(`/api/report-versions/${v1.json().version.id}`)).json();
    expect(v1Detail.content.title).toBe("每日网络动态");
    expect(v1Detail.content.number).toBe(`${year}年第1期`);
    expect(v1Detail.content.issuedBy).toMatch(/leader/);
    expect(() => db.prepare("UPDATE report_versions SET title = 'x' WHERE id = ?").run(v1.json().version.id)).toThrow(/immutable/);
    expect(() => db.prepare("DELETE FROM report_versions WHERE id = ?").run(v1.json().version.id)).toThrow(/kept/);
    expect((await monitor.del(`/api/reports/${a.id}`)).statusCode).toBe(409);
    // Exports: the draft (marked 草稿) and the issued version, as files named the way offices file them.
    const docx = await monitor.get(`/api/report-versions/${v1.json().version.id}/export?format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    expect(decodeURIComponent(String(docx.headers["content-disposition"]))).toContain(`每日网络动态-${year}年第1期.docx`);
    const xlsx = await monitor.get(`/api/reports/${b.id}/export?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    const pdf = await monitor.get(`/api/reports/${a.id}/export?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await monitor.get(`/api/reports/${a.id}/export?format=exe`)).statusCode).toBe(400);

    // 批示: leaders write; monitors may not.
    expect((await monitor.post(`/api/report-versions/${v2.id}/instructions`, { text: "同意" })).statusCode).toBe(403);
    const ins = await leader.post(`/api/report-versions/${v2.id}/instructions`, { text: "请教育局抓紧回应，明日报结果。" });
    expect(ins.statusCode).toBe(201);
    const v2Detail = (await leader.get(`/api/report-versions/${v2.id}`)).json();
    expect(v2Detail.instructions.map((i: { text: string }) => i.text)).toEqual(["请教育局抓紧回应，明日报结果。"]);
    expect(v2Detail.canInstruct).toBe(true);
    // Unit staff do not read reports.
    const handler = await t!.userClient("handler");
    expect((await handler.get("/api/reports")).statusCode).toBe(403);
    const list = (await monitor.get("/api/reports?status=issued")).json();
    expect(list.total).toBe(3);
  });

  it("applies a template: title, issuing unit, red header and the chosen sections in order", async () => {
    await seeded();
    const admin = await t!.userClient("admin");
    const tpl = await admin.post("/api/report-templates", {
      kind: "daily", name: "县委网信办", title: "网络舆情日报", issuingUnit: "中共青禾县委网信办", redHeader: true, sections: ["negative", "overview", "advice"], isDefault: true,
    });
    expect(tpl.statusCode).toBe(201);
    expect((await admin.post("/api/report-templates", { kind: "daily", name: "x", title: "x", sections: ["nope"] })).statusCode).toBe(400);
    const r = (await admin.post("/api/reports", { kind: "daily", date: "2026-07-01" })).json().report as ReportDetail;
    expect(r.content).toMatchObject({ title: "网络舆情日报", issuingUnit: "中共青禾县委网信办", redHeader: true });
    expect(r.content.sections.map((s) => s.key)).toEqual(["negative", "overview", "advice"]);
    expect(r.templateId).toBe(tpl.json().id);
    const list = (await admin.get("/api/report-templates?kind=daily")).json().templates;
    expect(list.filter((x: { isDefault: boolean }) => x.isDefault)).toHaveLength(1);
  });

  it("drafts a special report on one event from its members", async () => {
    const { db, ev } = await seeded();
    const monitor = await t!.userClient("monitor");
    const res = await monitor.post("/api/reports", { kind: "special", eventId: ev });
    expect(res.statusCode).toBe(201);
    const c = (res.json().report as ReportDetail).content;
    expect(c.title).toBe("舆情专报：禾溪镇中学食堂涨价");
    expect(c.sections.map((s) => s.title)).toEqual(["概况", "传播情况", "情感与观点", "研判建议"]);
    const f = figures(c);
    const members = (where: string) => (db.prepare(`SELECT count(*) AS n FROM items WHERE event_id = ? ${where}`).get(ev) as { n: number }).n;
    expect(f.get("overview.eventItems")!.value).toBe(members(""));
    expect(f.get("overview.eventNeg")!.value).toBe(members("AND sentiment = 'neg'"));
    expect(f.get("overview.eventCopies")!.value).toBe(4);
    expect(f.get("opinion.event_pos")!.value).toBe(members("AND sentiment = 'pos'"));
    expect(c.sections[1].text).toContain("首发：禾溪论坛");
    expect((await monitor.post("/api/reports", { kind: "special", eventId: 99999 })).statusCode).toBe(404);
    expect((await monitor.post("/api/reports", { kind: "special" })).statusCode).toBe(400);
  });

  it("refuses a bad period and records failed and done runs", async () => {
    await seeded();
    const monitor = await t!.userClient("monitor");
    expect((await monitor.post("/api/reports", { kind: "periodic", from: "2026-07-05", to: "2026-07-01" })).statusCode).toBe(400);
    expect((await monitor.post("/api/reports", { kind: "daily", date: "2026-13-45" })).statusCode).toBe(400);
    const q = await monitor.post("/api/reports", { kind: "quarterly", from: "2026-07-01", to: "2026-09-30" });
    expect(q.statusCode).toBe(201);
    expect((q.json().report as ReportDetail).content.sections.map((s) => s.key)).toEqual(["overview", "caseStats", "overdue", "board"]);
    const runs = (await monitor.get("/api/report-runs")).json().runs as { status: string; kind: string }[];
    expect(runs[0]).toMatchObject({ status: "done", kind: "quarterly" });
    expect(runs.some((r) => r.status === "failed")).toBe(true);
  });

  it("adds a language model's sentences only where the cited items support them", async () => {
    // The office's own OpenAI-compatible endpoint, faked on 127.0.0.1: one supported sentence, one that invents a fact.
    let asked = "";
    const llm = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        asked = body;
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ choices: [{ message: { content: "禾溪镇中学食堂涨价，家长反映[1]。\n该校校长已被免职并公开道歉[1]。" } }] }));
      });
    });
    await new Promise<void>((r) => llm.listen(0, "127.0.0.1", r));
    try {
      await seeded({ llmUrl: `http://127.0.0.1:${(llm.address() as AddressInfo).port}/v1`, llmModel: "local-model" });
      const monitor = await t!.userClient("monitor");
      const res = await monitor.post("/api/reports", { kind: "daily", date: "2026-07-01" });
      expect(res.statusCode).toBe(201);
      const c = (res.json().report as ReportDetail).content;
      const sentences = blocks(c, "negative").filter((b) => b.type === "sentence");
      expect(sentences).toHaveLength(1);
      const first = sentences[0].type === "sentence" ? sentences[0] : null;
      expect(first!.text).toContain("禾溪镇中学食堂涨价");
      const items = blocks(c, "negative").find((b) => b.type === "items");
      expect(first!.citations).toEqual([{ label: "[1]", href: items?.type === "items" ? items.items[0].href : "" }]);
      expect(asked).toContain("禾溪镇中学食堂饭菜涨价了");
      expect(res.json().run.timings.llm).toBeGreaterThanOrEqual(0);
    } finally {
      llm.close();
    }
  });
});
