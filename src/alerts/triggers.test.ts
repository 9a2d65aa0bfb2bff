// The triggers against a database: watch and event bursts fire once when they start, an event's risk
// rising (suggested or overridden) fires once, a source fires on turning unhealthy, and item alerts
// fold per event with the count sentence of their subject. Fake clocks throughout.
import { afterEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "../db/connection";
import { migrate } from "../db/migrate";
import { contentHash } from "../ingest";
import { HOUR_MS } from "../analyse/bursts";
import { saveAnalysis } from "../store/analysis";
import { createEventRow, setEventRiskOverride } from "../store/events";
import { insertItems } from "../store/items";
import { insertSource, markFetchError, markFetchSuccess, noteSourceSilence } from "../store/sources";
import { sourceRhythm } from "../store/source-activity";
import { silenceReason } from "../ingest/health";
import { insertWatch, MatchTally, matchBucket } from "../store/watches";
import { insertChannel, insertRule, type RuleInput } from "../store/alert-config";
import { listAlerts } from "../store/alerts";
import { refreshEvents } from "../monitor/refresh-events";
import { enqueueAlerts, reloadRules, type AlertCandidate } from "./outbox";
import { buildMessage } from "./message";
import { PLAIN_FLAVOUR, renderText } from "./channels/format";
import "./triggers";

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 20, 0, 0);
let db: Db | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

function setup(): { db: Db; channel: number; source: number } {
  db = openDb(":memory:");
  migrate(db);
  const channel = insertChannel(db, { name: "站内", kind: "inapp", url: null, options: {}, enabled: true }, null, T0);
  const source = insertSource(db, { name: "青禾论坛", kind: "rss", url: "http://127.0.0.1/feed", intervalSeconds: 300, priority: 2, enabled: true }, T0).id;
  return { db, channel, source };
}

function addRule(d: Db, channel: number, r: Partial<RuleInput> & { trigger: string }): number {
  const id = insertRule(d, {
    name: `${r.trigger}规则`, watchId: null, severity: "significant", onlyNegative: false, maxSourcePriority: null, minReposts: null,
    channelIds: [channel], quietStart: null, quietEnd: null, foldSeconds: 600, enabled: true, ...r,
  }, null, T0);
  reloadRules(d);
  return id;
}

/** One match an hour for a day from T0, then 12 in the 25th hour: a burst at T0 + 25 h. */
function burstingWatch(d: Db): number {
  const id = insertWatch(d, { name: "乱收费", query: "乱收费", enabled: true, createdBy: null }, T0);
  const tally = new MatchTally();
  for (let h = 0; h < 24; h++) tally.add(id, matchBucket(T0 + h * HOUR_MS + 5 * MIN));
  for (let k = 0; k < 12; k++) tally.add(id, matchBucket(T0 + 24 * HOUR_MS + k * 4 * MIN));
  d.tx(() => tally.flush(d));
  return id;
}

/** An event whose negative members were published at `times`, with `text`. */
function eventWith(d: Db, source: number, times: readonly number[], text: string): number {
  const event = createEventRow(d, times[0]);
  d.tx(() =>
    times.forEach((t, n) => {
      const body = `${text}，第${n}条`;
      const [id] = insertItems(d, source, [{ guid: `e${event}-${n}`, url: null, canonicalUrl: null, contentHash: contentHash("", body), author: null, title: text, text: body, publishedAt: t }], t);
      saveAnalysis(d, id, {
        sentiment: { label: "neg", score: -1 }, keywords: [], simhash: "0000000000000000", dupGroup: String(id), relabelled: [], time: t,
        eventId: event, watches: { ids: [], spans: "{}" },
      });
    }),
  );
  return event;
}

const candidate = (over: Partial<AlertCandidate>): AlertCandidate => ({
  id: 1, title: "禾溪镇小学被指乱收费", watchIds: [], sentiment: "neg", sourcePriority: 2, publishedAt: T0, fetchedAt: T0, ...over,
});

describe("burst trigger", () => {
  it("fires once when a watch burst starts and not again while it lasts", () => {
    const { db, channel } = setup();
    const watchId = burstingWatch(db);
    addRule(db, channel, { trigger: "burst", watchId });
    const now = T0 + 24 * HOUR_MS + 50 * MIN;
    expect(db.tx(() => enqueueAlerts(db, [candidate({ watchIds: [watchId] })], now))).toBe(1);
    expect(db.tx(() => enqueueAlerts(db, [candidate({ watchIds: [watchId] })], now + 10 * MIN))).toBe(0);
    expect(db.tx(() => enqueueAlerts(db, [candidate({ watchIds: [watchId] })], now + 20 * MIN))).toBe(0);
    const [a] = listAlerts(db, 10);
    expect(a).toMatchObject({ item_id: null, deliveries: [{ channel_id: channel, state: "pending" }] });
    expect(a.title).toBe("[较大] 监测方案「乱收费」突增：最近一小时 12 条");
    expect(a.reason).toMatch(/^预警规则「burst规则」：监测方案「乱收费」出现突增，最近一小时 12 条（.+）$/);
    // Its message has no items, and says so in no count sentence.
    const message = buildMessage(db, a.id, "http://tf.local")!;
    expect(message).toMatchObject({ count: 1, items: [], title: a.title });
    // Rendered for a channel: head, reason and link, no item blocks and no fold line.
    expect(renderText(message, PLAIN_FLAVOUR, 4000).split("\n\n")).toEqual([
      `【预警·较大】${a.title}`, `原因：${a.reason}`, `在听风中查看：http://tf.local/alerts?id=${a.id}`,
    ]);
  });

  it("does not fire for items of another watch, nor without a burst", () => {
    const { db, channel } = setup();
    const watchId = burstingWatch(db);
    addRule(db, channel, { trigger: "burst", watchId });
    expect(db.tx(() => enqueueAlerts(db, [candidate({ watchIds: [watchId + 1] })], T0 + 24 * HOUR_MS + 50 * MIN))).toBe(0);
    expect(db.tx(() => enqueueAlerts(db, [candidate({ watchIds: [watchId] })], T0 + 12 * HOUR_MS))).toBe(0);
  });

  it("fires once when any event's burst starts, only for events of the rule's least risk", () => {
    const { db, channel, source } = setup();
    addRule(db, channel, { trigger: "burst", name: "事件突增" });
    addRule(db, channel, { trigger: "burst", name: "重大事件突增", minRisk: "major" });
    const times = [...Array.from({ length: 24 }, (_, h) => T0 + h * HOUR_MS), ...Array.from({ length: 12 }, (_, k) => T0 + 24 * HOUR_MS + k * 4 * MIN)];
    const event = eventWith(db, source, times, "荷塘村垃圾没人清运");
    const last = times[times.length - 1];
    db.tx(() => refreshEvents(db, [event], last + MIN));
    db.tx(() => refreshEvents(db, [event], last + 11 * MIN));
    const alerts = listAlerts(db, 10);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ event_id: event, title: "[较大] 事件「荷塘村垃圾没人清运」突增：最近一小时 12 条" });
    expect(alerts[0].reason).toContain("预警规则「事件突增」");
  });
});

describe("event risk trigger", () => {
  it("fires when the suggested level rises to the rule's level, once", () => {
    const { db, channel, source } = setup();
    addRule(db, channel, { trigger: "event_risk", minRisk: "significant" });
    const event = eventWith(db, source, [T0], "禾溪镇学生溺水身亡");
    db.tx(() => refreshEvents(db, [event], T0 + MIN));
    db.tx(() => refreshEvents(db, [event], T0 + 2 * MIN));
    const alerts = listAlerts(db, 10);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ event_id: event, item_id: null, title: "[较大] 事件风险升级：禾溪镇学生溺水身亡" });
    expect(alerts[0].reason).toBe("预警规则「event_risk规则」：事件「禾溪镇学生溺水身亡」风险等级由一般升至重大，达到较大");
  });

  it("fires on an analyst's override that raises the level, in the override's transaction, and not on a lowering one", () => {
    const { db, channel, source } = setup();
    addRule(db, channel, { trigger: "event_risk", minRisk: "major" });
    const event = eventWith(db, source, [T0], "荷塘村垃圾没人清运");
    db.tx(() => refreshEvents(db, [event], T0 + MIN));
    expect(listAlerts(db, 10)).toHaveLength(0);
    // A rolled-back override leaves no alert.
    expect(() => db.tx(() => {
      setEventRiskOverride(db, event, "major", T0 + 2 * MIN);
      throw new Error("rolled back");
    })).toThrow("rolled back");
    expect(listAlerts(db, 10)).toHaveLength(0);
    db.tx(() => setEventRiskOverride(db, event, "major", T0 + 3 * MIN));
    db.tx(() => setEventRiskOverride(db, event, "general", T0 + 4 * MIN));
    const alerts = listAlerts(db, 10);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].reason).toContain("风险等级由一般升至重大（分析人员调整）");
  });
});

describe("source unhealthy trigger", () => {
  it("fires on the failure that turns a source unhealthy, not on the next ones, and again after it recovered", () => {
    const { db, channel, source } = setup();
    addRule(db, channel, { trigger: "source_unhealthy", minFailures: 3, severity: "major" });
    const fail = (n: number) => markFetchError(db, source, { message: "连接失败", code: "network" }, T0 + n * MIN, T0 + n * MIN);
    for (let n = 1; n <= 2; n++) fail(n);
    expect(listAlerts(db, 10)).toHaveLength(0);
    fail(3);
    fail(4);
    expect(listAlerts(db, 10)).toHaveLength(1);
    expect(listAlerts(db, 10)[0]).toMatchObject({
      source_id: source, title: "[重大] 信息源异常：青禾论坛",
      reason: "预警规则「source_unhealthy规则」：信息源「青禾论坛」连续 3 次抓取失败，已转为异常（最近错误：连接失败）",
    });
    markFetchSuccess(db, source, { etag: null, lastModified: null, nextFetchAt: T0 }, T0 + 5 * MIN);
    for (let n = 6; n <= 8; n++) fail(n);
    expect(listAlerts(db, 10)).toHaveLength(2);
  });

  it("fires once when a source goes silent beyond its rhythm, and again only after it spoke", () => {
    const { db, channel, source } = setup();
    addRule(db, channel, { trigger: "source_unhealthy", minFailures: 3, severity: "significant" });
    // Two items an hour for the past week, the newest 10 hours before now.
    const now = T0 + 8 * 24 * HOUR_MS;
    const rows = Array.from({ length: 300 }, (_, i) => ({
      guid: `s${i}`, url: null, canonicalUrl: null, contentHash: contentHash(`t${i}`, `x${i}`), author: null, title: `t${i}`, text: `x${i}`, publishedAt: null,
    }));
    rows.forEach((r, i) => insertItems(db, source, [r], now - 10 * HOUR_MS - (299 - i) * 30 * 60_000));
    const rhythm = sourceRhythm(db, source, now);
    expect(rhythm.lastItemAt).toBe(now - 10 * HOUR_MS);
    expect(rhythm.week).toBe((db.prepare("SELECT count(*) AS n FROM items WHERE source_id = ? AND fetched_at >= ?").get(source, now - 7 * 24 * HOUR_MS) as { n: number }).n);
    const why = silenceReason({ ...rhythm, itemCount: 300, now });
    expect(why).toMatch(/^已 10 小时无新信息/);
    noteSourceSilence(db, source, why, now);
    noteSourceSilence(db, source, why, now + MIN);
    expect(listAlerts(db, 10)).toHaveLength(1);
    expect(listAlerts(db, 10)[0].reason).toContain("信息源「青禾论坛」已 10 小时无新信息");
    // It spoke (a new item): the next silence is a new one.
    noteSourceSilence(db, source, null, now + 2 * MIN);
    noteSourceSilence(db, source, why, now + 20 * MIN);
    expect(listAlerts(db, 10)).toHaveLength(2);
    // Not silent: nothing.
    expect(silenceReason({ ...rhythm, itemCount: 300, now: now - 8 * HOUR_MS })).toBeNull();
  });

  it("fires only for its source when it names one", () => {
    const { db, channel, source } = setup();
    const other = insertSource(db, { name: "禾溪论坛", kind: "rss", url: "http://127.0.0.1/other", intervalSeconds: 300, priority: 3, enabled: true }, T0).id;
    addRule(db, channel, { trigger: "source_unhealthy", minFailures: 1, sourceId: other });
    markFetchError(db, source, { message: "超时", code: "timeout" }, T0, T0);
    expect(listAlerts(db, 10)).toHaveLength(0);
    markFetchError(db, other, { message: "超时", code: "timeout" }, T0, T0);
    expect(listAlerts(db, 10).map((a) => a.source_id)).toEqual([other]);
  });
});

describe("folding per event", () => {
  it("folds a watch rule's alerts about one event into one message saying 同一事件, and others by watch", () => {
    const { db, channel } = setup();
    const watchId = insertWatch(db, { name: "乱收费", query: "乱收费", enabled: true, createdBy: null }, T0);
    addRule(db, channel, { trigger: "watch", watchId });
    const now = T0 + HOUR_MS;
    const items = [1, 2, 3].map((id) => candidate({ id, watchIds: [watchId], eventId: 40, eventSize: 3 }));
    const lone = [candidate({ id: 4, watchIds: [watchId], eventId: 41, eventSize: 1 }), candidate({ id: 5, watchIds: [watchId], eventId: 42, eventSize: 1 })];
    expect(db.tx(() => enqueueAlerts(db, [...items, ...lone], now))).toBe(5);
    const alerts = listAlerts(db, 10);
    const carriers = alerts.filter((a) => a.folded_into == null);
    expect(carriers.map((a) => a.fold_key).sort()).toEqual([`rule:1:event:40`, `rule:1:watch:${watchId}`]);
    const byEvent = carriers.find((a) => a.fold_key.includes("event"))!;
    expect(alerts.filter((a) => a.folded_into === byEvent.id)).toHaveLength(2);
    expect(buildMessage(db, byEvent.id, "http://tf.local")!.title).toBe("[较大] 乱收费：禾溪镇小学被指乱收费（同一事件 10 分钟内新增 3 条）");
    const byWatch = carriers.find((a) => a.fold_key.includes("watch"))!;
    const watchMessage = buildMessage(db, byWatch.id, "http://tf.local")!;
    expect(watchMessage.title).toContain("（同一监测方案 10 分钟内新增 2 条）");
    expect(renderText(watchMessage, PLAIN_FLAVOUR, 4000)).toContain("同一预警共 2 条（已合并发送）");
    // A later alert about the event within the window joins a carrier held for the window's end.
    expect(db.tx(() => enqueueAlerts(db, [candidate({ id: 6, watchIds: [watchId], eventId: 40, eventSize: 4 })], now + MIN))).toBe(1);
    expect(listAlerts(db, 1)[0]).toMatchObject({ fold_key: "rule:1:event:40", folded_into: null, due_at: now + 10 * MIN });
  });
});
