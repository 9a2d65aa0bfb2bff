// The ledger's default view (repost copies collapsed) at 1M items: the first page as the API reads
// it (page, count up to the cap, analysis context), newest first, with a 2-character query and
// without, alone and with each filter (sentiment, source, watch, event). Prints figures only.
// Size: BENCH_ITEMS (default 1,000,000); BENCH_DB_CACHE=<dir> keeps the built database for reuse.
import type { ItemFilter } from "../src/store/item-search";
import { readFunctions } from "../src/jobs/read-functions";
import { ledgerDb } from "./lib/ledger-db";
import { fmt, pct, sampleTerms } from "./lib/terms";

const TOTAL = Number(process.env.BENCH_ITEMS ?? 1_000_000);
const t0 = Date.now();
const l = ledgerDb(TOTAL);
const { db, info } = l;
console.log(`${fmt(info.items)} items ready in ${fmt((Date.now() - t0) / 1000)} s${info.insertSeconds ? ` (insert+index ${fmt(info.items / info.insertSeconds)} items/s)` : " (cached)"}`);

const terms = sampleTerms(2, 100);
const size = (sql: string, id: number) => db.sqlite.prepare(sql).pluck().get(id) as number;
const filters: [string, ItemFilter][] = [
  ["no filter", {}],
  ["sentiment=neg", { sentiment: "neg" }],
  ["one source (1/5)", { sourceIds: [info.sourceIds[1]] }],
  ...info.watchIds.filter((_, i) => i === 0 || i === 2 || i === 4).map((id): [string, ItemFilter] =>
    [`watch of ${fmt(size("SELECT match_count FROM watches WHERE id = ?", id))} items`, { watchId: id }]),
  ...[info.eventIds[0], info.eventIds[500]].map((id): [string, ItemFilter] =>
    [`event of ${fmt(size("SELECT size FROM events WHERE id = ?", id))} items`, { eventId: id }]),
];

// Each figure is measured over the same words, after one warm-up pass.
try {
  let worst = 0;
  for (const [label, f] of filters) {
    for (const withQuery of [false, true]) {
      const words = withQuery ? terms : terms.slice(0, 30);
      const run = (q: string) => readFunctions.ledgerPage(db, { ...f, collapse: true, ...(withQuery ? { q } : {}) }, 20, 0);
      run(words[0]);
      const ms: number[] = [];
      let capped = 0;
      for (const q of words) {
        const t = process.hrtime.bigint();
        const r = run(q);
        ms.push(Number(process.hrtime.bigint() - t) / 1e6);
        if (r.capped) capped++;
      }
      worst = Math.max(worst, pct(ms, 95));
      console.log(
        `collapsed first page, ${label}${withQuery ? ", 2-char query" : ""} (n=${words.length}, ${capped} counts "more than"): ` +
          `p50 ${fmt(pct(ms, 50))} ms, p95 ${fmt(pct(ms, 95))} ms, max ${fmt(Math.max(...ms))} ms`,
      );
    }
  }
  console.log(`worst p95 of the collapsed first page at ${fmt(info.items)} items: ${fmt(worst)} ms`);
} finally {
  l.done();
}
