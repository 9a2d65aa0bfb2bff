// Incident mode through the API: start, the banner's list, one open incident per event, roles, validation,
// extension and interval changes, the log, closing with a summary and figures, and the audit rows.
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers";
import { contentHash } from "../../ingest";
import { createEventRow } from "../../store/events";
import { insertItems } from "../../store/items";
import { dueSources, insertSource, markFetchSuccess } from "../../store/sources";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const HOUR = 3_600_000;

async function setup() {
  t = await createTestApp();
  const db = t.db;
  const source = insertSource(db, { name: "青禾论坛", kind: "rss", url: "http://127.0.0.1/feed", intervalSeconds: 3600, priority: 2, enabled: true });
  const eventId = createEventRow(db, Date.now());
  db.prepare("UPDATE events SET title = '禾溪镇化工厂排污' WHERE id = ?").run(eventId);
  const now = Date.now();
  const ids = insertItems(db, source.id, ["化工厂排污河水变黑", "化工厂排污臭味严重", "环保局回应化工厂排污"].map((text, i) => ({
    guid: `g${i}`, url: null, canonicalUrl: null, contentHash: contentHash("", text), author: null, title: text, text, publishedAt: now + i,
  })), now);
  ids.forEach((id, i) => db.prepare("UPDATE items SET event_id = ?, sentiment = ? WHERE id = ?").run(eventId, i < 2 ? "neg" : "neu", id));
  markFetchSuccess(db, source.id, { etag: null, lastModified: null, nextFetchAt: now + HOUR }, now - 5 * 60_000);
  const monitor = await t.userClient("monitor");
  let n = 0;
  /** Adds a member to the event, published now. */
  const member = (text: string, sentiment: "neg" | "pos", at = Date.now()) => {
    const [id] = insertItems(db, source.id, [{ guid: `m${++n}`, url: null, canonicalUrl: null, contentHash: contentHash("", text), author: null, title: text, text, publishedAt: at }]);
    db.prepare("UPDATE items SET event_id = ?, sentiment = ? WHERE id = ?").run(eventId, sentiment, id);
    return id;
  };
  return { db, source, eventId, monitor, member };
}

const audits = (action: string) =>
  t!.db.prepare("SELECT target_id, summary FROM audit_log WHERE action = ? ORDER BY id").all(action) as { target_id: string; summary: string }[];

describe("incident routes", () => {
  it("starts an incident that everyone sees in the banner and that polls the event's sources at once", async () => {
    const { db, source, eventId, monitor } = await setup();
    expect(dueSources(db).map((s) => s.id)).toEqual([]);
    const res = await monitor.post(`/api/events/${eventId}/incident`, { hours: 12, pollSeconds: 120, escalateMinutes: 5 });
    expect(res.statusCode, res.body).toBe(201);
    const inc = res.json();
    expect(inc).toMatchObject({ eventId, eventTitle: "禾溪镇化工厂排污", pollSeconds: 120, escalateMinutes: 5, active: true, closedAt: null });
    expect(Date.parse(inc.until) - Date.parse(inc.startedAt)).toBe(12 * HOUR);
    expect(inc.log.map((l: { kind: string }) => l.kind)).toEqual(["started"]);
    expect(inc.figures).toMatchObject({ polledSources: 1 });
    // The source, fetched 5 minutes ago with an hour to go, is due now.
    expect(dueSources(db).map((s) => s.id)).toEqual([source.id]);

    const contributor = await t!.userClient("contributor");
    const banner = await contributor.get("/api/incidents/active");
    expect(banner.statusCode).toBe(200);
    expect(banner.json().incidents).toEqual([expect.objectContaining({ id: inc.id, eventTitle: "禾溪镇化工厂排污", active: true })]);
    // The log and figures are the office's.
    expect((await contributor.get(`/api/incidents/${inc.id}`)).statusCode).toBe(403);

    expect(audits("incident.start")).toEqual([{ target_id: String(inc.id), summary: JSON.stringify({ eventId, hours: 12, pollSeconds: 120, escalateMinutes: 5 }) }]);
  });

  it("allows one open incident per event, and another once it is closed", async () => {
    const { eventId, monitor } = await setup();
    const first = await monitor.post(`/api/events/${eventId}/incident`, {});
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ pollSeconds: 120, escalateMinutes: null });
    const again = await monitor.post(`/api/events/${eventId}/incident`, { hours: 6 });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "incident.already_open" });
    expect(audits("incident.start")).toHaveLength(1);
    expect((await monitor.post(`/api/incidents/${first.json().id}/close`, { summary: "已处置完毕" })).statusCode).toBe(200);
    expect((await monitor.post(`/api/events/${eventId}/incident`, { hours: 6 })).statusCode).toBe(201);
  });

  it("validates its inputs and refuses unknown events and merged ones", async () => {
    const { db, eventId, monitor } = await setup();
    for (const body of [{ hours: 0 }, { hours: 169 }, { pollSeconds: 30 }, { pollSeconds: 3600 }, { escalateMinutes: 0 }, { hours: "24" }, { extra: 1 }]) {
      const res = await monitor.post(`/api/events/${eventId}/incident`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await monitor.post("/api/events/9999/incident", {})).statusCode).toBe(404);
    const merged = createEventRow(db, Date.now());
    db.prepare("UPDATE events SET merged_into = ? WHERE id = ?").run(eventId, merged);
    const res = await monitor.post(`/api/events/${merged}/incident`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: "incident.event_merged" });
    expect(db.prepare("SELECT count(*) FROM incidents").pluck().get()).toBe(0);
    expect(audits("incident.start")).toEqual([]);

    const inc = (await monitor.post(`/api/events/${eventId}/incident`, { hours: 100 })).json();
    // Extending past a week from now is refused, and changes nothing.
    const long = await monitor.patch(`/api/incidents/${inc.id}`, { extendHours: 100 });
    expect(long.statusCode).toBe(400);
    expect(long.json().fields.extendHours).toBe("值守最长持续 168 小时");
    expect((await monitor.get(`/api/incidents/${inc.id}`)).json().until).toBe(inc.until);
    for (const text of ["", "   ", "x".repeat(2001), "a\u0000b"]) expect((await monitor.post(`/api/incidents/${inc.id}/log`, { text })).statusCode).toBe(400);
    expect((await monitor.post(`/api/incidents/${inc.id}/close`, { summary: " " })).statusCode).toBe(400);
  });

  it("lets monitors and admins start, change and close; leaders write in the log; the office reads", async () => {
    const { eventId, monitor } = await setup();
    const [leader, spokesperson, admin] = [await t!.userClient("leader"), await t!.userClient("spokesperson"), await t!.userClient("admin")];
    expect((await leader.post(`/api/events/${eventId}/incident`, {})).statusCode).toBe(403);
    expect((await spokesperson.post(`/api/events/${eventId}/incident`, {})).statusCode).toBe(403);
    const inc = (await admin.post(`/api/events/${eventId}/incident`, { hours: 6 })).json();
    expect((await leader.patch(`/api/incidents/${inc.id}`, { extendHours: 6 })).statusCode).toBe(403);
    expect((await leader.post(`/api/incidents/${inc.id}/close`, { summary: "x" })).statusCode).toBe(403);
    expect((await spokesperson.post(`/api/incidents/${inc.id}/log`, { text: "x" })).statusCode).toBe(403);
    const note = await leader.post(`/api/incidents/${inc.id}/log`, { text: "  已通知镇政府核实  " });
    expect(note.statusCode).toBe(201);
    expect(note.json().log.at(-1)).toMatchObject({ kind: "note", text: "已通知镇政府核实" });
    expect((await spokesperson.get(`/api/incidents/${inc.id}`)).statusCode).toBe(200);
    expect((await spokesperson.get(`/api/events/${eventId}/incidents`)).json().incidents).toHaveLength(1);

    const changed = await monitor.patch(`/api/incidents/${inc.id}`, { extendHours: 6, pollSeconds: 60, escalateMinutes: 3 });
    expect(changed.statusCode).toBe(200);
    expect(Date.parse(changed.json().until) - Date.parse(inc.until)).toBe(6 * HOUR);
    expect(changed.json()).toMatchObject({ pollSeconds: 60, escalateMinutes: 3 });
    expect(changed.json().log.map((l: { kind: string }) => l.kind)).toEqual(["started", "note", "extended", "interval", "escalation"]);
    expect(audits("incident.log")).toHaveLength(1);
    expect(JSON.parse(audits("incident.update")[0].summary)).toMatchObject({ extendHours: 6, pollSeconds: 60, escalateMinutes: 3 });
  });

  it("closes with a summary and the period's figures; a closed incident takes no more changes", async () => {
    const { eventId, monitor, member } = await setup();
    const inc = (await monitor.post(`/api/events/${eventId}/incident`, { hours: 24 })).json();
    const at = Date.now();
    const hot = member("化工厂夜间偷排被拍到", "neg", at);
    member("涉事企业停产整改获好评", "pos", at);
    const alert = Number(t!.db.prepare("INSERT INTO alerts (severity, title, reason, fold_key, item_id, created_at) VALUES ('major', '化工厂夜间偷排', 'r', 'k', ?, ?)")
      .run(hot, Date.now()).lastInsertRowid);
    const closed = await monitor.post(`/api/incidents/${inc.id}/close`, { summary: "涉事企业已停产整改，舆情平息。" });
    expect(closed.statusCode).toBe(200);
    const c = closed.json();
    expect(c).toMatchObject({ active: false, summary: "涉事企业已停产整改，舆情平息。" });
    expect(c.closedAt).not.toBeNull();
    // The two posts of the incident period; the three earlier members are not counted.
    expect(c.figures).toMatchObject({
      items: 2, negative: 1, analysed: 2, negativeShare: 0.5, sources: [{ name: "青禾论坛", items: 2 }], sourceCount: 1, alerts: 1, polledSources: 1,
    });
    expect(c.alerts).toEqual([{ id: alert, severity: "major", title: "化工厂夜间偷排", createdAt: expect.any(String) }]);
    expect(c.figures.peakHour.items).toBe(2);
    expect(c.log.at(-1).kind).toBe("closed");
    expect((await monitor.get("/api/incidents/active")).json().incidents).toEqual([]);
    for (const res of [
      await monitor.post(`/api/incidents/${inc.id}/log`, { text: "补充" }),
      await monitor.patch(`/api/incidents/${inc.id}`, { extendHours: 1 }),
      await monitor.post(`/api/incidents/${inc.id}/close`, { summary: "再次" }),
    ]) {
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe("incident.closed");
    }
    expect(audits("incident.close")).toHaveLength(1);
    expect((await monitor.get("/api/incidents/9999")).statusCode).toBe(404);
  });
});
