// The 专报 counts a large event over all its members (not the bounded list it draws the timeline from),
// keeps two sources of one name apart with their own ledger links, and the digest's most negative
// uncopied posts are chosen over the whole period.
import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb, type Db } from "../db/connection";
import { migrate } from "../db/migrate";
import { negativeLeads } from "../store/report-data";
import { specialSections } from "./special";

let dir: string | undefined;
let db: Db | undefined;
afterEach(() => {
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  db = dir = undefined;
});

function fresh(): Db {
  dir = mkdtempSync(path.join(os.tmpdir(), "tingfeng-special-"));
  db = openDb(path.join(dir, "t.db"));
  migrate(db);
  return db;
}

const T0 = Date.parse("2026-07-01T00:00:00+08:00");
const src = (d: Db, name: string, url: string) =>
  Number(d.prepare("INSERT INTO sources (name, kind, url, interval_seconds, enabled, created_at, updated_at) VALUES (?, 'rss', ?, 600, 1, 0, 0)").run(name, url).lastInsertRowid);

describe("special report figures", () => {
  it("counts an event of more than 20,000 items over all its members and keeps same-named sources apart", () => {
    const d = fresh();
    const a = src(d, "青禾发布", "https://a.example.org/feed.xml");
    const b = src(d, "青禾发布", "https://b.example.org/feed.xml");
    const ev = Number(d.prepare(
      `INSERT INTO events (title, first_at, last_at, size, neg, neu, pos, keywords, risk_level, created_at, updated_at)
       VALUES ('大事件', ?, ?, 0, 0, 0, 0, '[]', 'general', 0, 0)`,
    ).run(T0, T0 + 86_400_000).lastInsertRowid);
    const ins = d.prepare(
      `INSERT INTO items (source_id, dedup_key, content_hash, title, text, published_at, fetched_at, sentiment, sentiment_score, event_id, dup_group, analysed_at)
       VALUES (?, ?, ?, ?, '正文', ?, ?, ?, ?, ?, ?, ?)`,
    );
    const N = 20_030;
    d.tx(() => {
      for (let i = 0; i < N; i++) {
        const at = T0 + i * 4_000;
        ins.run(i % 4 === 0 ? b : a, `k${i}`, `h${i}`, `信息${i}`, at, at, i % 3 === 0 ? "neg" : "neu", i % 3 === 0 ? -0.5 : 0, ev, i < 10 ? "g1" : null, at);
      }
    });
    const sections = specialSections(d, ev, "Asia/Shanghai");
    const figs = new Map(sections.flatMap((s) => s.blocks.flatMap((bl) => (bl.type === "figures" ? bl.figures : []))).map((f) => [f.key, f.value]));
    const one = (sql: string) => d.prepare(sql).pluck().get(ev) as number;
    const sentiment = (s: string) => one(`SELECT count(*) FROM items WHERE event_id = ? AND sentiment = '${s}'`);
    // Every figure, each recounted.
    expect(Object.fromEntries(figs)).toEqual({
      eventItems: one("SELECT count(*) FROM items WHERE event_id = ?"), eventSources: one("SELECT count(DISTINCT source_id) FROM items WHERE event_id = ?"),
      eventNeg: sentiment("neg"), event_neg: sentiment("neg"), event_neu: sentiment("neu"), event_pos: sentiment("pos"),
      eventCopies: one("SELECT count(*) - count(DISTINCT dup_group) FROM items WHERE event_id = ? AND dup_group IS NOT NULL"),
    });
    expect(figs.get("eventItems")).toBe(N);
    expect(figs.get("eventCopies")).toBe(9);
    expect(figs.get("eventSources")).toBe(2);
    const chart = sections.find((s) => s.key === "spread")!.blocks.find((bl) => bl.type === "chart");
    expect(chart?.type === "chart" && chart.chart.series[0].data.reduce((x, y) => x + y, 0)).toBe(N);
    expect(sections[0].text).toContain(`共 ${N.toLocaleString("en-US")} 条`);
    const table = sections.find((s) => s.key === "spread")!.blocks.find((bl) => bl.type === "table" && bl.title === "来源分布");
    expect(table?.type === "table" && table.rows.map((r) => [r[1].text, r[0].href])).toEqual([
      [String(N - Math.ceil(N / 4)), `/items?eventId=${ev}&collapse=0&sourceId=${a}`],
      [String(Math.ceil(N / 4)), `/items?eventId=${ev}&collapse=0&sourceId=${b}`],
    ]);
  });

  it("picks the most negative uncopied posts over the whole period, not its first 5,000", () => {
    const d = fresh();
    const s = src(d, "论坛", "https://c.example.org/feed.xml");
    const ins = d.prepare(
      `INSERT INTO items (source_id, dedup_key, content_hash, title, text, published_at, fetched_at, sentiment, sentiment_score, analysed_at)
       VALUES (?, ?, ?, ?, '正文', ?, ?, 'neg', ?, ?)`,
    );
    d.tx(() => {
      for (let i = 0; i < 6_000; i++) ins.run(s, `k${i}`, `h${i}`, `信息${i}`, T0 + i * 10_000, T0 + i * 10_000, -0.2, T0);
      // The most negative posts of the day come late in it.
      for (let i = 0; i < 3; i++) ins.run(s, `late${i}`, `hl${i}`, `晚间${i}`, T0 + 20 * 3_600_000 + i, T0 + 20 * 3_600_000 + i, -0.9 - i / 100, T0);
    });
    const leads = negativeLeads(d, T0, T0 + 86_400_000, 3);
    const titles = d.prepare(`SELECT title FROM items WHERE id IN (${leads.map((l) => l.id).join(",")}) ORDER BY sentiment_score`).pluck().all();
    expect(titles).toEqual(["晚间2", "晚间1", "晚间0"]);
  });
});
