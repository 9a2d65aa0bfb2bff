import { describe, expect, it } from "vitest";
import { openDb } from "../db/connection";
import { migrate } from "../db/migrate";
import { encodeWatchSpans } from "../analyse/query";
import { contentHash } from "../ingest";
import { saveAnalysis, watchMatchesOf } from "./analysis";
import { insertItems } from "./items";
import { deleteSource, insertSource } from "./sources";
import { deleteWatch, insertWatch, insertWatchMatches, updateWatch } from "./watches";

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
      sentiment: { label: "neg", score: -0.5 }, keywords: [], simhash: "0000000000000000", dupGroup: String(id), relabelled: [], eventId: 0,
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
    db.tx(() => insertWatchMatches(db, w3, [{ itemId: x, spans: [{ field: "text", start: 4, end: 6 }] }]));
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
    db.tx(() => insertWatchMatches(db, w1, [{ itemId: y, spans: [{ field: "text", start: 2, end: 4 }] }]));
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
});
