// Daily digest over a day holding 1M items (BENCH_REPORT_ITEMS): draft, then DOCX, then PDF, each timed
// apart, as the API runs them (the same generator and renderers). The items are written straight into
// the table with their analysis (sentiment, repost group, event) set, spread evenly over one Beijing day,
// plus a tenth as many the day before (the change). Prints `report draft X s, docx Y s, pdf Z s`.
// BENCH_DB_CACHE=<dir> keeps the database for the next run (building it takes about a minute).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb, type Db } from "../src/db/connection";
import { migrate } from "../src/db/migrate";
import { loadConfig } from "../src/config";
import { insertSource } from "../src/store/sources";
import { createReportDraft } from "../src/reports/service";
import { closePdfBrowser, renderReport } from "../src/reports/render";
import { localMidnight } from "../src/shared/working-calendar";
import { generateChineseItems } from "../src/ingest";

const TOTAL = Number(process.env.BENCH_REPORT_ITEMS ?? 1_000_000);
const DAY = "2026-07-01";
const TZ = "Asia/Shanghai";
const SENTIMENTS = ["neg", "neu", "neu", "pos"] as const;

function rand(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function build(db: Db): number {
  const t0 = performance.now();
  const now = Date.now();
  const sources = Array.from({ length: 12 }, (_, i) =>
    insertSource(db, { name: `来源${i + 1}`, kind: "rss", url: `http://127.0.0.1/${i}`, intervalSeconds: 300, priority: 3, enabled: true }).id);
  const start = localMidnight(DAY, TZ);
  const docs = generateChineseItems(2000, 7);
  const ev = db.sqlite.prepare(
    `INSERT INTO events (title, first_at, last_at, size, keywords, risk_level, created_at, updated_at) VALUES (?, ?, ?, 0, '[{"word":"施工"},{"word":"噪音"}]', ?, ?, ?)`,
  );
  const events = Array.from({ length: 3000 }, (_, i) =>
    Number(ev.run(docs[i % docs.length].title.slice(0, 20), start, start + 86_000_000, i % 50 === 0 ? "significant" : "general", now, now).lastInsertRowid));
  const ins = db.sqlite.prepare(
    `INSERT INTO items (source_id, dedup_key, content_hash, title, text, published_at, fetched_at, analysed_at, sentiment, sentiment_score, dup_group, event_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const r = rand(42);
  const write = (count: number, from: number, span: number, tag: string) => {
    for (let done = 0; done < count;) {
      db.tx(() => {
        for (let k = 0; k < 10_000 && done < count; k++, done++) {
          const d = docs[done % docs.length];
          const at = from + Math.floor((done / count) * span);
          const s = SENTIMENTS[Math.floor(r() * SENTIMENTS.length)];
          // ~15% copies of a recent item; ~30% in an event (a few events large).
          const group = done > 2000 && r() < 0.15 ? `${tag}${done - 1 - Math.floor(r() * 2000)}` : null;
          const event = r() < 0.3 ? events[Math.floor(r() * r() * events.length)] : null;
          ins.run(sources[done % sources.length], `${tag}${done}`, `${tag}${done}`, d.title, d.text, at, at + 60_000, at + 61_000, s,
            s === "neg" ? -r() : s === "pos" ? r() : 0, group, event);
        }
      });
    }
  };
  write(TOTAL, start, 86_400_000 - 120_000, "d");
  write(Math.round(TOTAL / 10), start - 86_400_000, 86_400_000 - 120_000, "p");
  db.sqlite.pragma("wal_checkpoint(TRUNCATE)");
  db.sqlite.exec("ANALYZE");
  return (performance.now() - t0) / 1000;
}

const cacheDir = process.env.BENCH_DB_CACHE;
const dir = cacheDir ?? mkdtempSync(path.join(os.tmpdir(), "tingfeng-report-"));
if (cacheDir) mkdirSync(cacheDir, { recursive: true });
const file = path.join(dir, `report-v1-${TOTAL}.db`);
const cached = cacheDir !== undefined && existsSync(file);
const db = openDb(file);
migrate(db);
if (!cached) console.log(`built ${TOTAL.toLocaleString("en-US")} items in one day (+${Math.round(TOTAL / 10).toLocaleString("en-US")} the day before) in ${build(db).toFixed(1)} s`);
const config = loadConfig({}, { dataDir: dir, demo: false, timeZone: TZ });

const rounds = Number(process.env.BENCH_REPORT_ROUNDS ?? 2);
for (let round = 1; round <= rounds; round++) {
  const t0 = performance.now();
  const { report } = await createReportDraft(db, config, { kind: "daily", date: DAY }, null, { trigger: "cli" });
  const t1 = performance.now();
  const docx = await renderReport(report.content, "docx", { baseUrl: config.publicUrl, draft: true });
  const t2 = performance.now();
  const pdf = await renderReport(report.content, "pdf", { baseUrl: config.publicUrl, draft: true });
  const t3 = performance.now();
  const total = report.content.sections[0].blocks[0].type === "figures" ? report.content.sections[0].blocks[0].figures[0].value : NaN;
  console.log(
    `round ${round}: report draft ${((t1 - t0) / 1000).toFixed(2)} s (${total.toLocaleString("en-US")} items), docx ${((t2 - t1) / 1000).toFixed(2)} s ` +
      `(${docx.length} bytes), pdf ${((t3 - t2) / 1000).toFixed(2)} s (${pdf.length} bytes)${round === 1 ? " — first round includes the browser launch" : ""}`,
  );
}
await closePdfBrowser();
db.close();
if (!cacheDir) rmSync(dir, { recursive: true, force: true });
