import { describe, expect, it } from "vitest";
import { openDb } from "../db/connection";
import { migrate } from "../db/migrate";
import { contentHash } from "../ingest";
import { hourlyCounts } from "../analyse/bursts";
import { saveAnalysis } from "./analysis";
import { createEventRow, eventAggregates, eventHourlyCounts, eventTimes, eventVolume } from "./events";
import { insertItems } from "./items";
import { insertSource } from "./sources";

const HOUR = 3_600_000;

describe("event aggregates from the event index", () => {
  it("counts members per hour as hourlyCounts does over their times, boundaries and unknown times included", () => {
    const db = openDb(":memory:");
    migrate(db);
    const src = insertSource(db, { name: "来源", kind: "rss", url: "http://127.0.0.1/1", intervalSeconds: 300, priority: 2, enabled: true });
    const now = 1_000 * HOUR + 1234;
    const event = createEventRow(db, now);
    const other = createEventRow(db, now);
    // Times on and around hour boundaries, after now, before the window, and one with no publication time.
    const times = [now, now - 1, now - HOUR, now - HOUR - 1, now - 5 * HOUR + 7, now - 191 * HOUR, now - 192 * HOUR, now - 193 * HOUR, now + 10, null];
    let n = 0;
    for (const t of [...times, ...times.slice(0, 4)]) {
      n++;
      const text = `第${n}条`;
      const [id] = insertItems(db, src.id, [{ guid: `g${n}`, url: null, canonicalUrl: null, contentHash: contentHash("", text), author: null, title: "", text, publishedAt: t }], now - 2 * HOUR);
      saveAnalysis(db, id, {
        sentiment: { label: n % 3 === 0 ? "neg" : "neu", score: 0 }, keywords: [], simhash: "0000000000000000", dupGroup: String(id), relabelled: [], time: 1000,
        eventId: n <= times.length ? event : other, watches: { ids: [], spans: "{}" },
      });
    }
    for (const hours of [1, 2, 24, 192]) expect(eventHourlyCounts(db, event, now, hours)).toEqual(hourlyCounts(eventTimes(db, event, 0), now, hours));
    const counts = eventHourlyCounts(db, event, now, 192);
    // In the 192 hours before `now` (the series' end, excluded): now−1, now−1h, now−1h−1, now−5h+7, now−191h,
    // now−192h, and the post with no time (fetched at now−2h).
    expect(counts.reduce((a, b) => a + b, 0)).toBe(7);
    expect(counts.slice(-3)).toEqual([0, 2, 2]);
    // The volume curve has the same hours: each point is one of the series' non-zero hours.
    const volume = eventVolume(db, event, now);
    expect(volume.at(-1)).toEqual({ hour: now - HOUR, count: 2 });
    for (const { hour, count } of volume.filter((v) => v.hour >= now - 192 * HOUR)) expect(counts[192 - (now - hour) / HOUR]).toBe(count);
    expect(volume.filter((v) => v.hour >= now - 192 * HOUR).reduce((a, v) => a + v.count, 0)).toBe(7);
    expect(eventAggregates(db, event)).toMatchObject({ size: times.length, neg: 3, neu: 7, pos: 0, priority: 2 });
  });
});
