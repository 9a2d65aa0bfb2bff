import { describe, expect, it } from "vitest";
import { openDb } from "../db/connection";
import { migrate } from "../db/migrate";
import { contentHash } from "../ingest";
import { refreshEvents } from "../monitor/refresh-events";
import { saveAnalysis } from "./analysis";
import { bumpEventCounts, createEventRow, getEvent } from "./events";
import { insertItems } from "./items";
import { deleteSource, insertSource } from "./sources";

describe("deleteSource", () => {
  it("names the events that lost members, whose counts then come from the members left", () => {
    const db = openDb(":memory:");
    migrate(db);
    const [a, b] = [1, 2].map((n) => insertSource(db, { name: `来源${n}`, kind: "rss", url: `http://127.0.0.1/${n}`, intervalSeconds: 300, priority: 1, enabled: true }));
    const [shared, alone, untouched] = [createEventRow(db, 0), createEventRow(db, 0), createEventRow(db, 0)];
    const add = (sourceId: number, text: string, eventId: number, label: "neg" | "pos", at: number) => {
      const [id] = insertItems(db, sourceId, [{ guid: text, url: null, canonicalUrl: null, contentHash: contentHash("", text), author: null, title: "", text, publishedAt: at }]);
      db.tx(() => {
        saveAnalysis(db, id, {
          sentiment: { label, score: label === "neg" ? -0.5 : 0.5 }, keywords: [], simhash: "0000000000000000", dupGroup: String(id), relabelled: [], time: at,
          eventId, watches: { ids: [], spans: "{}" },
        });
        bumpEventCounts(db, eventId, { n: 1, neg: label === "neg" ? 1 : 0, neu: 0, pos: label === "pos" ? 1 : 0, first: at, last: at }, at);
      });
    };
    add(a.id, "化工厂排污", shared, "neg", 1000);
    add(b.id, "化工厂回应排污", shared, "pos", 5000);
    add(a.id, "河水变色", alone, "neg", 2000);
    add(b.id, "公园开放", untouched, "pos", 3000);
    const { events } = db.tx(() => deleteSource(db, a.id));
    expect(events.sort()).toEqual([shared, alone].sort());
    db.tx(() => refreshEvents(db, events, 9000));
    expect(getEvent(db, shared)).toMatchObject({ size: 1, neg: 0, pos: 1, first_at: 5000, last_at: 5000 });
    expect(getEvent(db, alone)).toMatchObject({ size: 0, neg: 0, pos: 0 });
    expect(getEvent(db, untouched)).toMatchObject({ size: 1, pos: 1 });
  });
});
