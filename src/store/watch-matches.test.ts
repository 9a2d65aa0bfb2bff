import { describe, expect, it } from "vitest";
import { openDb } from "../db/connection";
import { migrate } from "../db/migrate";
import { encodeWatchSpans } from "../analyse/query";
import { contentHash } from "../ingest";
import { saveAnalysis, watchMatchesOf } from "./analysis";
import { insertItems } from "./items";
import { deleteSource, insertSource } from "./sources";
import { burstEnd, HOUR_MS, hourlyCounts } from "../analyse/bursts";
import { deleteWatch, insertWatch, insertWatchMatches, listWatches, MATCH_BUCKET_MS, MatchTally, updateWatch, watchHourlyCounts } from "./watches";

const count = (db: ReturnType<typeof openDb>, table: string) => (db.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

function fixture() {
  const db = openDb(":memory:");
  migrate(db);
  const [a, b] = [1, 2].map((n) => insertSource(db, { name: `来源${n}`, kind: "rss", url: `http://127.0.0.1/${n}`, intervalSeconds: 300, priority: 1, enabled: true }));
  const [w1, w2, w3] = ["学校", "食堂", "涨价"].map((query, i) => insertWatch(db, { name: `方案${i + 1}`, query, enabled: true, createdBy: null }));
  const add = (sourceId: number, text: string) =>
    insertItems(db, sourceId, [{ guid: text, url: null, canonicalUrl: null, contentHash: contentHash("", text), author: null, title: "", text, publishedAt: 1000 }])[0];
  const x = add(a.id, "学校食堂涨价");
  const y = add(b.id, "学校放假");
  const save = (id: number, matches: { watchId: number; spans: { field: "title" | "text"; start: number; end: number }[] }[]) =>
    db.tx(() => saveAnalysis(db, id, {
      sentiment: { label: "neg", score: -0.5 }, keywords: [], simhash: "0000000000000000", dupGroup: String(id), relabelled: [], time: 1000, eventId: 0,
      watches: { ids: matches.map((m) => m.watchId), spans: encodeWatchSpans(matches) },
    }));
  save(x, [{ watchId: w1, spans: [{ field: "text", start: 0, end: 2 }] }, { watchId: w2, spans: [{ field: "text", start: 2, end: 4 }] }]);
  save(y, [{ watchId: w1, spans: [{ field: "text", start: 0, end: 2 }] }]);
  return { db, a, b, w1, w2, w3, x, y };
}

describe("watch matches", () => {
  it("lists an item's watches with their spans, and a re-scan for one watch keeps the others' spans", () => {
    const { db, w1, w2, w3, x } = fixture();
    expect(watchMatchesOf(db, [x]).get(x)).toEqual([
      { id: w1, name: "方案1", spans: [{ field: "text", start: 0, end: 2 }] },
      { id: w2, name: "方案2", spans: [{ field: "text", start: 2, end: 4 }] },
    ]);
    db.tx(() => insertWatchMatches(db, w3, [{ itemId: x, time: 1000, spans: [{ field: "text", start: 4, end: 6 }] }]));
    expect(watchMatchesOf(db, [x]).get(x)?.map((m) => [m.id, m.spans[0].start])).toEqual([[w1, 0], [w2, 2], [w3, 4]]);
    // A damaged spans row shows no watches instead of failing the page.
    db.sqlite.prepare("UPDATE item_watch_spans SET spans = 'oops' WHERE item_id = ?").run(x);
    expect(watchMatchesOf(db, [x]).has(x)).toBe(false);
  });

  it("stops showing a watch whose query changed or that was deleted, until it matches again", () => {
    const { db, w1, w2, x, y } = fixture();
    updateWatch(db, w1, { query: "放假" });
    deleteWatch(db, w2);
    expect(watchMatchesOf(db, [x, y]).size).toBe(0);
    db.tx(() => insertWatchMatches(db, w1, [{ itemId: y, time: 1000, spans: [{ field: "text", start: 2, end: 4 }] }]));
    expect(watchMatchesOf(db, [x, y]).get(y)).toEqual([{ id: w1, name: "方案1", spans: [{ field: "text", start: 2, end: 4 }] }]);
    expect(watchMatchesOf(db, [x, y]).has(x)).toBe(false);
  });

  it("goes with the items of a deleted source, leaving other sources' matches", () => {
    const { db, a, b, w1, y } = fixture();
    db.sqlite.prepare("INSERT INTO sentiment_corrections (item_id, label, at) SELECT id, 'pos', 0 FROM items WHERE source_id = ?").run(a.id);
    db.tx(() => deleteSource(db, a.id));
    expect([count(db, "items"), count(db, "watch_matches"), count(db, "item_watch_spans"), count(db, "sentiment_corrections")]).toEqual([1, 1, 1, 0]);
    expect(watchMatchesOf(db, [y]).get(y)?.map((m) => m.id)).toEqual([w1]);
    // A damaged spans row does not stop the deletion (its match rows are left behind, unseen).
    db.sqlite.prepare("UPDATE item_watch_spans SET spans = 'oops' WHERE item_id = ?").run(y);
    db.tx(() => deleteSource(db, b.id));
    expect(count(db, "items")).toBe(0);
  });

  it("keeps each watch's match counts as matches are stored, re-scanned and deleted", () => {
    const { db, a, w1, w2, w3, x, y } = fixture();
    const counts = (dayStart = 0) => listWatches(db, dayStart).map((w) => [w.id, w.match_count, w.matches_today]);
    expect(counts()).toEqual([[w1, 2, 2], [w2, 1, 1], [w3, 0, 0]]);
    // Today's are those of items published since the day began (the fixture's at 1970-01-01T00:00:01Z).
    expect(counts(MATCH_BUCKET_MS)).toEqual([[w1, 2, 0], [w2, 1, 0], [w3, 0, 0]]);
    // A match stored again is not counted again.
    db.tx(() => insertWatchMatches(db, w3, [{ itemId: x, time: 1000, spans: [] }, { itemId: x, time: 1000, spans: [] }]));
    expect(counts()).toEqual([[w1, 2, 2], [w2, 1, 1], [w3, 1, 1]]);
    db.tx(() => deleteSource(db, a.id));
    expect(counts()).toEqual([[w1, 1, 1], [w2, 0, 0], [w3, 0, 0]]);
    // Buckets left with no matches leave no rows.
    expect(db.sqlite.prepare("SELECT count(*) FROM watch_match_counts WHERE n <= 0").pluck().get()).toBe(0);
    expect(db.sqlite.prepare("SELECT watch_id FROM watch_match_counts").pluck().all()).toEqual([w1]);
    updateWatch(db, w1, { query: "放假" });
    expect(counts()).toEqual([[w1, 0, 0], [w2, 0, 0], [w3, 0, 0]]);
    db.tx(() => insertWatchMatches(db, w1, [{ itemId: y, time: 1000, spans: [] }]));
    expect(counts()).toEqual([[w1, 1, 1], [w2, 0, 0], [w3, 0, 0]]);
    deleteWatch(db, w1);
    expect(db.sqlite.prepare("SELECT count(*) FROM watch_match_counts WHERE watch_id = ?").pluck().get(w1)).toBe(0);
  });

  it("gives a watch's hourly series exactly as the matches' times give it, on the burst grid", () => {
    const { db, w3 } = fixture();
    const now = Date.UTC(2026, 11, 1, 10, 5);
    const end = burstEnd(now); // 10:10
    // Times on and beside the hours' edges, over nine days, and one in the future.
    const times = [0, 1, 5, 60, 60.001, 95, 120, 24 * 60 + 30, 7 * 24 * 60 + 40, 9 * 24 * 60, -30].map((minutes) => now - minutes * 60_000);
    const tally = new MatchTally();
    db.tx(() => {
      times.forEach((t) => tally.add(w3, Math.floor(t / MATCH_BUCKET_MS)));
      tally.flush(db);
    });
    const hours = 24 * 8;
    expect(watchHourlyCounts(db, w3, end, hours)).toEqual(hourlyCounts(times, end, hours));
    // [07:10, 08:10): 08:05; [08:10, 09:10): 08:30, 09:04:59.9, 09:05; [09:10, 10:10): 10:00, 10:04, 10:05.
    expect(watchHourlyCounts(db, w3, end, hours).slice(-3)).toEqual([1, 3, 3]);
    // An hour later every match has moved back one hour, and the one that was in the future (10:35) is in the last.
    expect(watchHourlyCounts(db, w3, end + HOUR_MS, hours).slice(-4)).toEqual([1, 3, 3, 1]);
  });
});
