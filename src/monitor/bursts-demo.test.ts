import { describe, expect, it } from "vitest";
import { openDb } from "../db/connection";
import { migrate } from "../db/migrate";
import { HOUR_MS } from "../analyse/bursts";
import { WatchSet } from "../analyse/query";
import { DEMO_WATCHES } from "../cli/demo";
import { createDemoGenerator } from "../ingest/demo/corpus";
import { insertWatch, MatchTally, matchBucket } from "../store/watches";
import { watchBurst } from "./bursts";

// The demo county as a newcomer meets it: the demo feed's default pace (a post every 5 s), the
// demo's own watches and seven more on its topics, judged every 10 minutes as the watch list would be.
const WATCHES = [
  ...DEMO_WATCHES.map((w) => w.query),
  "校车", "食堂", "医院 | 看病 | 挂号", "垃圾 | 清运", "施工 | 围挡", "异味 | 废气 | 偷排", "志愿者 | 正能量",
];
const T0 = Date.UTC(2026, 10, 20, 0, 0);
const HOURS = 20;
const POST_EVERY_MS = 5_000;

function demoDb() {
  const db = openDb(":memory:");
  migrate(db);
  const ids = WATCHES.map((query, i) => insertWatch(db, { name: `方案${i}`, query, enabled: true, createdBy: null }, T0));
  const set = new WatchSet(WATCHES.map((query, i) => ({ id: ids[i], query })));
  const demo = createDemoGenerator(20261206);
  const tally = new MatchTally();
  for (let t = T0; t < T0 + HOURS * HOUR_MS; t += POST_EVERY_MS) {
    const post = demo.next(new Date(t));
    for (const m of set.match({ title: post.title, text: post.text, source: "演示：青禾县网络动态" })) tally.add(m.watchId, matchBucket(t));
  }
  db.tx(() => tally.flush(db));
  return { db, ids };
}

describe("burst flags on the demo stream", () => {
  const { db, ids } = demoDb();
  const judge = (from: number, to: number) => {
    let judged = 0;
    let flagged = 0;
    for (let t = from; t < to; t += 600_000)
      for (const id of ids) {
        judged++;
        if (watchBurst(db, id, t).flag) flagged++;
      }
    return { judged, flagged };
  };

  it("flags no watch while the demo is younger than the 12-hour baseline", () => {
    expect(judge(T0 + 10 * 60_000, T0 + 12 * HOUR_MS)).toMatchObject({ flagged: 0 });
  });

  it("flags fewer than 1 in 10 watches in its quiet hours", () => {
    const { judged, flagged } = judge(T0 + 13 * HOUR_MS, T0 + HOURS * HOUR_MS);
    expect(judged).toBe(42 * WATCHES.length);
    expect(flagged / judged).toBeLessThan(0.1);
  });
});
