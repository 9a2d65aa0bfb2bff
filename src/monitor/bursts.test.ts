import { afterEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "../db/connection";
import { migrate } from "../db/migrate";
import { contentHash } from "../ingest";
import { mulberry32 } from "../ingest/demo/template";
import { burstEnd, HOUR_MS } from "../analyse/bursts";
import { saveAnalysis } from "../store/analysis";
import { createEventRow, eventVolume } from "../store/events";
import { insertItems } from "../store/items";
import { insertSource } from "../store/sources";
import { insertWatch, MatchTally, matchBucket } from "../store/watches";
import { configureBursts, DEFAULT_BURST_MIN_ITEMS, eventBurst, watchBurst } from "./bursts";
import { refreshEvents } from "./refresh-events";

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 20, 0, 0); // midnight UTC: the streams start here

/** Poisson draw (Knuth) from a seeded generator. */
function poisson(random: () => number, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k++;
  return k;
}

/**
 * A deterministic stream of item times: `rate` an hour for `hours` hours from T0, drawn per minute,
 * plus `burst` an hour more from `burstAt` (ms after T0) on.
 */
function stream(seed: number, hours: number, rate: number, burst?: { at: number; rate: number }): number[] {
  const random = mulberry32(seed);
  const times: number[] = [];
  for (let m = 0; m < hours * 60; m++) {
    const t = T0 + m * MIN;
    const mean = (rate + (burst && t - T0 >= burst.at ? burst.rate : 0)) / 60;
    for (let n = poisson(random, mean); n > 0; n--) times.push(t + Math.floor(random() * MIN));
  }
  return times;
}

function freshDb(): Db {
  const db = openDb(":memory:");
  migrate(db);
  return db;
}

/** A watch created at `createdAt` whose matches are at `times` (counted as the analysis counts them). */
function watchWith(db: Db, times: readonly number[], createdAt: number): number {
  const id = insertWatch(db, { name: "测试方案", query: "垃圾", enabled: true, createdBy: null }, createdAt);
  const tally = new MatchTally();
  for (const t of times) tally.add(id, matchBucket(t));
  db.tx(() => tally.flush(db));
  return id;
}

/** An event whose members were published at `times`. */
function eventWith(db: Db, times: readonly number[]): number {
  const source = insertSource(db, { name: "来源", kind: "rss", url: `http://127.0.0.1/${times.length}`, intervalSeconds: 300, priority: 3, enabled: true });
  const event = createEventRow(db, times[0]);
  db.tx(() => {
    times.forEach((t, n) => {
      const text = `青禾县南湖镇荷塘村垃圾没人清运，第${n}条`;
      const [id] = insertItems(db, source.id, [{ guid: `g${n}`, url: null, canonicalUrl: null, contentHash: contentHash("", text), author: null, title: "垃圾没人清运", text, publishedAt: t }], t);
      saveAnalysis(db, id, {
        sentiment: { label: "neg", score: -1 }, keywords: [], simhash: "0000000000000000", dupGroup: String(id), relabelled: [], time: t,
        eventId: event, watches: { ids: [], spans: "{}" },
      });
    });
  });
  refreshEvents(db, [event], times[times.length - 1]);
  return event;
}

/** Every 10 minutes from `from` to `to`: the moments a page showing the flag could be opened. */
function steps(from: number, to: number): number[] {
  const out: number[] = [];
  for (let t = from; t <= to; t += 10 * MIN) out.push(t);
  return out;
}

afterEach(() => configureBursts({ minItems: DEFAULT_BURST_MIN_ITEMS }));

describe("watch bursts on a deterministic stream", () => {
  const BURST_AT = 60 * HOUR_MS + 20 * MIN; // day 3, 12:20
  const HOURS = 64;

  it("flags a planted burst within the hour it starts, and never before it", () => {
    const db = freshDb();
    const id = watchWith(db, stream(7, HOURS, 8, { at: BURST_AT, rate: 60 }), T0);
    const before = steps(T0 + 13 * HOUR_MS, T0 + BURST_AT - MIN).filter((t) => watchBurst(db, id, t).flag);
    expect(before).toEqual([]);
    const first = steps(T0 + BURST_AT, T0 + BURST_AT + 2 * HOUR_MS).find((t) => watchBurst(db, id, t).flag);
    expect(first).toBeDefined();
    expect(first! - (T0 + BURST_AT)).toBeLessThan(HOUR_MS);
  });

  it("never flags the quiet control stream", () => {
    const db = freshDb();
    const id = watchWith(db, stream(7, HOURS, 8), T0);
    const flagged = steps(T0 + 13 * HOUR_MS, T0 + HOURS * HOUR_MS).filter((t) => watchBurst(db, id, t).flag);
    expect(flagged).toEqual([]);
  });

  it("never flags a watch observed for less than the 12-hour baseline", () => {
    const db = freshDb();
    const from = T0 + BURST_AT - 6 * HOUR_MS; // created six hours before the burst, nothing back-filled before that
    const times = stream(7, HOURS, 8, { at: BURST_AT, rate: 60 }).filter((t) => t >= from);
    const young = watchWith(db, times, from);
    const during = steps(T0 + BURST_AT, T0 + BURST_AT + HOUR_MS);
    expect(during.filter((t) => watchBurst(db, young, t).flag)).toEqual([]);
    expect(watchBurst(db, young, T0 + BURST_AT + 30 * MIN).reasons.join("\n")).toContain("观察不足12小时");
    // A watch made a minute ago whose back-fill reached two days back is judged on those two days.
    const backfilled = watchWith(db, stream(7, HOURS, 8, { at: BURST_AT, rate: 60 }), T0 + BURST_AT - MIN);
    expect(during.some((t) => watchBurst(db, backfilled, t).flag)).toBe(true);
  });

  it("never flags fewer items than the configured minimum, however steep the rise", () => {
    const db = freshDb();
    const last = T0 + 48 * HOUR_MS;
    const four = watchWith(db, [1, 2, 3, 4].map((m) => last - m * MIN), T0);
    const five = watchWith(db, [1, 2, 3, 4, 5].map((m) => last - m * MIN), T0);
    expect(watchBurst(db, four, last).flag).toBe(false);
    expect(watchBurst(db, five, last)).toMatchObject({ flag: true, lastHour: 5, baseline: 0, ratio: null });
    configureBursts({ minItems: 8 });
    expect(watchBurst(db, five, last).flag).toBe(false);
    expect(watchBurst(db, five, last).reasons.join("\n")).toContain("近1小时不足 8 条");
  });
});

describe("event bursts", () => {
  it("never flags an event younger than its baseline, and flags it once it has one", () => {
    const db = freshDb();
    // A story that starts at 08:00 and takes off at 10:00: no history to rise from.
    const young = eventWith(db, stream(11, 3, 4).map((t) => t + 8 * HOUR_MS).concat(stream(12, 1, 60).map((t) => t + 10 * HOUR_MS)).sort((a, b) => a - b));
    expect(eventBurst(db, young, T0 + 10 * HOUR_MS + 50 * MIN)).toMatchObject({ flag: false, observed: false });
    const old = eventWith(db, stream(13, 40, 4, { at: 39 * HOUR_MS, rate: 60 }));
    expect(eventBurst(db, old, T0 + 39 * HOUR_MS + 50 * MIN)).toMatchObject({ flag: true, observed: true });
  });

  it("quotes the counts of its volume curve: last point, mean of the 12 before it, their ratio", () => {
    const db = freshDb();
    const times = stream(17, 30, 6, { at: 29 * HOUR_MS, rate: 50 });
    const id = eventWith(db, times);
    for (const now of steps(T0 + 29 * HOUR_MS + 5 * MIN, T0 + 30 * HOUR_MS)) {
      const b = eventBurst(db, id, now);
      const end = burstEnd(now);
      const points = new Map(eventVolume(db, id, end).map((v) => [v.hour, v.count]));
      const at = (k: number): number => points.get(end - (k + 1) * HOUR_MS) ?? 0;
      expect(b.lastHour).toBe(at(0));
      const mean = Array.from({ length: 12 }, (_, i) => at(i + 1)).reduce((a, c) => a + c, 0) / 12;
      expect(b.baseline).toBeCloseTo(mean, 2);
      expect(b.ratio).toBeCloseTo(at(0) / mean, 2);
    }
  });

  it("says in the stored risk reasons the counts of the hour up to the latest item", () => {
    const db = freshDb();
    const times = stream(17, 30, 6, { at: 29 * HOUR_MS, rate: 50 });
    const id = eventWith(db, times);
    const reasons = JSON.parse(db.sqlite.prepare("SELECT risk_reasons FROM events WHERE id = ?").pluck().get(id) as string) as string[];
    const b = eventBurst(db, id, times[times.length - 1]);
    expect(b.flag).toBe(true);
    expect(reasons).toContain(`截至最新一条，1小时内 ${b.lastHour} 条，前12小时平均每小时 ${b.baseline.toFixed(1)} 条（突增）（+2） / ${b.lastHour} in the hour up to the latest item, ${b.baseline.toFixed(1)} an hour in the 12 hours before (burst) (+2)`);
  });
});
