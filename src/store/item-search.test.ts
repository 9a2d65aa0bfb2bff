import { describe, expect, it } from "vitest";
import { openDb } from "../db/connection";
import { migrate } from "../db/migrate";
import { contentHash } from "../ingest";
import { saveAnalysis } from "./analysis";
import { insertItems } from "./items";
import { searchItems } from "./item-search";
import { insertSource } from "./sources";
import { insertWatch } from "./watches";

// Twelve items in two sources; items 4–6 copy item 1 (group "1"), 8–9 copy item 7 (group "7");
// watch A matches the odd items.
function fixture() {
  const db = openDb(":memory:");
  migrate(db);
  const src = [1, 2].map((n) => insertSource(db, { name: `来源${n}`, kind: "rss", url: `http://127.0.0.1/${n}`, intervalSeconds: 300, priority: 1, enabled: true }));
  const watch = { id: insertWatch(db, { name: "A", query: "学校", enabled: true, createdBy: null }) };
  const ids: number[] = [];
  for (let n = 1; n <= 12; n++) {
    const text = `第${n}条 学校食堂`;
    ids.push(...insertItems(db, src[n % 2].id, [{ guid: `g${n}`, url: null, canonicalUrl: null, contentHash: contentHash("", text), author: null, title: "", text, publishedAt: n * 1000 }]));
  }
  const group = (n: number) => (n >= 4 && n <= 6 ? ids[0] : n === 8 || n === 9 ? ids[6] : ids[n - 1]);
  db.tx(() => ids.forEach((id, k) => {
    const n = k + 1;
    const odd = n % 2 === 1;
    saveAnalysis(db, id, {
      sentiment: { label: "neu", score: 0 }, keywords: [], simhash: "0000000000000000", dupGroup: String(group(n)), relabelled: [], time: 1000, eventId: 0,
      watches: odd ? { ids: [watch.id], spans: `{"${watch.id}":[]}` } : { ids: [], spans: "{}" },
    });
  }));
  return { db, ids, src, watch };
}

const idsOf = (r: { rows: { id: number }[] }) => r.rows.map((x) => x.id);

describe("searchItems", () => {
  it("collapses copies under their first post, newest first, with the count", () => {
    const { db, ids } = fixture();
    const r = searchItems(db, { collapse: true }, 50, 0);
    const firsts = [1, 2, 3, 7, 10, 11, 12].map((n) => ids[n - 1]);
    expect(idsOf(r)).toEqual(firsts.sort((a, b) => b - a));
    expect(r).toMatchObject({ total: 7, capped: false });
  });

  it("stops counting a collapsed view at the cap and says so", () => {
    const { db, watch } = fixture();
    expect(searchItems(db, { collapse: true }, 2, 0, { countCap: 3 })).toMatchObject({ total: 3, capped: true });
    expect(searchItems(db, { collapse: true }, 2, 0, { countCap: 7 })).toMatchObject({ total: 7, capped: false });
    expect(searchItems(db, {}, 2, 0, { countCap: 3 })).toMatchObject({ total: 12, capped: false }); // only collapsed views are capped
    // The cap counts past the requested page, so later pages stay reachable.
    expect(searchItems(db, { collapse: true }, 2, 2, { countCap: 3 })).toMatchObject({ total: 5, capped: true });
    expect(searchItems(db, { collapse: true }, 2, 6, { countCap: 3 })).toMatchObject({ total: 7, capped: false });
    // The same cap on the text-query and watch-driven paths.
    expect(searchItems(db, { collapse: true, q: "学校" }, 2, 0, { countCap: 3 })).toMatchObject({ total: 3, capped: true });
    expect(searchItems(db, { collapse: true, watchId: watch.id }, 2, 0, { countCap: 3 })).toMatchObject({ total: 3, capped: true });
    expect(searchItems(db, { collapse: true, watchId: watch.id }, 2, 0)).toMatchObject({ total: 4, capped: false });
  });

  it("lists a copy the watch matches when its first post is not matched", () => {
    const { db, ids } = fixture();
    const other = insertWatch(db, { name: "B", query: "x", enabled: true, createdBy: null });
    db.tx(() => [4, 5, 12].forEach((n) => db.sqlite.prepare("INSERT INTO watch_matches (watch_id, item_id) VALUES (?, ?)").run(other, ids[n - 1])));
    // 4 and 5 copy item 1, which watch B does not match: both are listed; 12 is its own first post.
    expect(idsOf(searchItems(db, { watchId: other, collapse: true }, 50, 0))).toEqual([12, 5, 4].map((n) => ids[n - 1]));
    expect(searchItems(db, { watchId: other, collapse: true }, 50, 0)).toMatchObject({ total: 3, capped: false });
  });

  it("pages a watch's matches newest first, alone, with a source and collapsed", () => {
    const { db, ids, src, watch } = fixture();
    const odd = ids.filter((_, k) => k % 2 === 0).sort((a, b) => b - a);
    expect(idsOf(searchItems(db, { watchId: watch.id }, 3, 0))).toEqual(odd.slice(0, 3));
    expect(idsOf(searchItems(db, { watchId: watch.id }, 3, 3))).toEqual(odd.slice(3, 6));
    expect(searchItems(db, { watchId: watch.id }, 3, 0).total).toBe(6);
    const inSource = searchItems(db, { watchId: watch.id, sourceIds: [src[1].id] }, 50, 0);
    expect(idsOf(inSource)).toEqual(odd); // odd items are all in the second source
    expect(searchItems(db, { watchId: watch.id, sourceIds: [src[0].id] }, 50, 0).total).toBe(0);
    // Collapsed: 5 and 9 are copies whose first posts (1, 7) the watch also matches.
    expect(idsOf(searchItems(db, { watchId: watch.id, collapse: true }, 50, 0))).toEqual([11, 7, 3, 1].map((n) => ids[n - 1]));
    // With a text query the full-text index drives and the watch filters.
    expect(idsOf(searchItems(db, { watchId: watch.id, q: "学校" }, 50, 0))).toEqual(odd);
  });

  it("stops a collapsed count at its time limit and says it counted only part", () => {
    const db = openDb(":memory:");
    migrate(db);
    const src = insertSource(db, { name: "来源", kind: "rss", url: "http://127.0.0.1/1", intervalSeconds: 300, priority: 1, enabled: true });
    const items = Array.from({ length: 2000 }, (_, n) => ({
      guid: `g${n}`, url: null, canonicalUrl: null, contentHash: contentHash("", `第${n}条 学校食堂`), author: null, title: "", text: `第${n}条 学校食堂`, publishedAt: n,
    }));
    insertItems(db, src.id, items);
    expect(searchItems(db, { collapse: true, q: "学校" }, 20, 0)).toMatchObject({ total: 2000, capped: false });
    const cut = searchItems(db, { collapse: true, q: "学校" }, 20, 0, { countMs: 0 });
    expect(cut.capped).toBe(true);
    expect(cut.rows).toHaveLength(20);
    expect(cut.total).toBeGreaterThanOrEqual(20);
    expect(cut.total).toBeLessThan(2000);
  });
});
