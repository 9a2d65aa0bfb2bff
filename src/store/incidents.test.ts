import { describe, expect, it } from "vitest";
import { openDb, type Db } from "../db/connection";
import { migrate } from "../db/migrate";
import { contentHash } from "../ingest";
import { createEventRow } from "./events";
import {
  activeIncidentForEvent, activeIncidents, closeIncident, getIncident, incidentFigures, incidentLog, openIncidentForEvent, startIncident,
  updateIncident,
} from "./incidents";
import { insertItems } from "./items";
import { dueSources, insertSource, markFetchError, markFetchSuccess } from "./sources";

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.UTC(2026, 11, 1, 8, 0, 0);

function setup() {
  const db = openDb(":memory:");
  migrate(db);
  const src = (name: string, intervalSeconds: number) =>
    insertSource(db, { name, kind: "rss", url: `http://127.0.0.1/${name}`, intervalSeconds, priority: 2, enabled: true }, T0);
  const [a, b, other] = [src("青禾论坛", 3600), src("禾溪微博", 1800), src("无关来源", 3600)];
  const eventId = createEventRow(db, T0);
  let n = 0;
  /** Stores a member of the event published at `at` with `sentiment`. */
  const member = (sourceId: number, at: number, sentiment: "neg" | "neu" | "pos" = "neu") => {
    const text = `禾溪镇化工厂排污 ${++n}`;
    const [id] = insertItems(db, sourceId, [{ guid: `g${n}`, url: null, canonicalUrl: null, contentHash: contentHash("", text), author: null, title: text, text, publishedAt: at }], at);
    db.prepare("UPDATE items SET event_id = ?, sentiment = ?, analysed_at = ? WHERE id = ?").run(eventId, sentiment, at, id);
    return id;
  };
  // Every source was just fetched and is next due an interval later.
  for (const s of [a, b, other]) markFetchSuccess(db, s.id, { etag: null, lastModified: null, nextFetchAt: T0 + s.interval_seconds * 1000 }, T0);
  return { db, a, b, other, eventId, member };
}

const dueIds = (db: Db, now: number) => dueSources(db, now).map((s) => s.id).sort();

describe("incident polling override", () => {
  it("polls the event's sources at the incident's interval until it expires, then at their own again", () => {
    const { db, a, b, other, eventId, member } = setup();
    member(a.id, T0 - HOUR);
    member(b.id, T0 - HOUR);
    expect(dueIds(db, T0 + 2 * MIN)).toEqual([]);

    const id = db.tx(() => startIncident(db, { eventId, userId: null, until: T0 + 6 * HOUR, pollSeconds: 120, escalateMinutes: 10 }, T0));
    // Both of the event's sources are due two minutes after their last fetch; the unrelated one is not.
    expect(dueIds(db, T0 + MIN)).toEqual([]);
    expect(dueIds(db, T0 + 2 * MIN)).toEqual([a.id, b.id].sort());
    // A fetch (which schedules the source's own next time) makes it wait two more minutes.
    markFetchSuccess(db, a.id, { etag: null, lastModified: null, nextFetchAt: T0 + 2 * MIN + HOUR }, T0 + 2 * MIN);
    expect(dueIds(db, T0 + 3 * MIN)).toEqual([b.id]);
    expect(dueIds(db, T0 + 4 * MIN)).toEqual([a.id, b.id].sort());
    // A failing source backs off from the incident's interval: 4 minutes after one error.
    markFetchError(db, b.id, { message: "x", code: "fetch.connect" }, T0 + 4 * MIN + 2 * HOUR, T0 + 4 * MIN);
    markFetchSuccess(db, a.id, { etag: null, lastModified: null, nextFetchAt: T0 + 4 * MIN + HOUR }, T0 + 4 * MIN);
    expect(dueIds(db, T0 + 6 * MIN)).toEqual([a.id]);
    expect(dueIds(db, T0 + 8 * MIN)).toEqual([a.id, b.id].sort());
    expect(activeIncidentForEvent(db, eventId, T0 + 8 * MIN)).toEqual({ id, eventId, until: T0 + 6 * HOUR, pollSeconds: 120, escalateMinutes: 10 });

    // After the expiry nothing is due before the sources' own next times; no row had to change.
    const lastA = T0 + 6 * HOUR - MIN;
    for (const s of [a, other]) markFetchSuccess(db, s.id, { etag: null, lastModified: null, nextFetchAt: lastA + HOUR }, lastA);
    expect(dueIds(db, T0 + 6 * HOUR + 5 * MIN)).toEqual([b.id]); // b's own back-off time has long passed
    markFetchSuccess(db, b.id, { etag: null, lastModified: null, nextFetchAt: lastA + 30 * MIN }, lastA);
    expect(dueIds(db, T0 + 6 * HOUR + 5 * MIN)).toEqual([]);
    expect(dueIds(db, lastA + 30 * MIN)).toEqual([b.id]);
    expect(activeIncidentForEvent(db, eventId, T0 + 6 * HOUR)).toBeUndefined();
    expect(activeIncidents(db, T0 + 6 * HOUR)).toEqual([]);
    // Expired but not closed: still the event's open incident (it waits for its summary).
    expect(openIncidentForEvent(db, eventId)?.id).toBe(id);
  });

  it("extends and shortens the interval, logging each change; closing ends the override at once", () => {
    const { db, a, b, eventId, member } = setup();
    member(a.id, T0 - HOUR);
    const id = db.tx(() => startIncident(db, { eventId, userId: null, until: T0 + HOUR, pollSeconds: 300, escalateMinutes: null }, T0));
    expect(dueIds(db, T0 + 2 * MIN)).toEqual([]);
    member(b.id, T0 + MIN); // b joins the event after the start: covered from the next extension on
    db.tx(() => updateIncident(db, getIncident(db, id)!, { pollSeconds: 60, until: T0 + 12 * HOUR }, null, T0 + 2 * MIN));
    expect(dueIds(db, T0 + 2 * MIN)).toEqual([a.id, b.id].sort());
    expect(activeIncidents(db, T0 + 2 * HOUR).map((i) => [i.id, i.event_title])).toEqual([[id, ""]]);
    expect(incidentLog(db, id).map((l) => [l.kind, JSON.parse(l.text || "{}")])).toEqual([
      ["started", { until: T0 + HOUR, pollSeconds: 300, sources: 1 }],
      ["extended", { until: T0 + 12 * HOUR, sources: 2 }],
      ["interval", { pollSeconds: 60 }],
    ]);
    db.tx(() => closeIncident(db, id, null, "事态平息", T0 + 3 * MIN));
    expect(dueIds(db, T0 + 4 * MIN)).toEqual([]);
    expect(getIncident(db, id)).toMatchObject({ closed_at: T0 + 3 * MIN, summary: "事态平息" });
    expect(openIncidentForEvent(db, eventId)).toBeUndefined();
  });

  it("refuses a second open incident on one event", () => {
    const { db, eventId } = setup();
    db.tx(() => startIncident(db, { eventId, userId: null, until: T0 + HOUR, pollSeconds: 120, escalateMinutes: null }, T0));
    expect(() => db.tx(() => startIncident(db, { eventId, userId: null, until: T0 + HOUR, pollSeconds: 120, escalateMinutes: null }, T0))).toThrow(/UNIQUE/);
  });
});

describe("incidentFigures", () => {
  it("counts the event's members of the incident period, its negative share, busiest hour, sources and alerts", () => {
    const { db, a, b, eventId, member } = setup();
    member(a.id, T0 - HOUR, "neg"); // before the start: not counted
    const id = db.tx(() => startIncident(db, { eventId, userId: null, until: T0 + 24 * HOUR, pollSeconds: 120, escalateMinutes: null }, T0));
    member(a.id, T0 + 10 * MIN, "neg");
    const hot = member(b.id, T0 + 2 * HOUR + MIN, "neg");
    member(b.id, T0 + 2 * HOUR + 30 * MIN, "pos");
    member(a.id, T0 + 2 * HOUR + 59 * MIN, "neu");
    const ins = db.prepare("INSERT INTO alerts (severity, title, reason, fold_key, item_id, created_at) VALUES ('major', 't', 'r', 'k', ?, ?)");
    ins.run(hot, T0 + 2 * HOUR + 2 * MIN);
    ins.run(hot, T0 - MIN); // before the start
    db.tx(() => closeIncident(db, id, null, "已处置", T0 + 3 * HOUR));
    member(a.id, T0 + 4 * HOUR, "neg"); // after the close
    const f = incidentFigures(db, getIncident(db, id)!, T0 + 5 * HOUR);
    expect(f).toEqual({
      from: T0, to: T0 + 3 * HOUR, items: 4, negative: 2, analysed: 4,
      peakHour: { at: T0 + 2 * HOUR, items: 3 },
      sources: [{ name: "禾溪微博", items: 2 }, { name: "青禾论坛", items: 2 }],
      sourceCount: 2, alerts: 1, polledSources: 1,
    });
  });
});
