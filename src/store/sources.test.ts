import { describe, expect, it } from "vitest";
import { openDb, type Db } from "../db/connection";
import { migrate } from "../db/migrate";
import { contentHash } from "../ingest";
import { analyseBatch, commitBatch, prepareHere } from "../jobs/analyse-items";
import { loadAnalyser } from "../jobs/load-analyser";
import { refreshEvents } from "../monitor/refresh-events";
import { pendingItems, saveAnalysis } from "./analysis";
import { bumpEventCounts, createEventRow, getEvent } from "./events";
import { insertItems } from "./items";
import { deleteSource, insertSource } from "./sources";

const addSources = (db: Db, n: number) =>
  Array.from({ length: n }, (_, i) => insertSource(db, { name: `来源${i + 1}`, kind: "rss", url: `http://127.0.0.1/${i + 1}`, intervalSeconds: 300, priority: 1, enabled: true }));
const post = (guid: string, text: string) => ({ guid, url: null, canonicalUrl: null, contentHash: contentHash("", text), author: null, title: "", text, publishedAt: 1000 });

describe("deleteSource", () => {
  it("names the events that lost members, whose counts then come from the members left", () => {
    const db = openDb(":memory:");
    migrate(db);
    const [a, b] = addSources(db, 2);
    const [shared, alone, untouched] = [createEventRow(db, 0), createEventRow(db, 0), createEventRow(db, 0)];
    const add = (sourceId: number, text: string, eventId: number, label: "neg" | "pos", at: number) => {
      const [id] = insertItems(db, sourceId, [{ ...post(text, text), publishedAt: at }]);
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
    const events = [...db.tx(() => deleteSource(db, a.id)).itemsByEvent.keys()];
    expect(events.sort()).toEqual([shared, alone].sort());
    db.tx(() => refreshEvents(db, events, 9000));
    expect(getEvent(db, shared)).toMatchObject({ size: 1, neg: 0, pos: 1, first_at: 5000, last_at: 5000 });
    expect(getEvent(db, alone)).toMatchObject({ size: 0, neg: 0, pos: 0 });
    expect(getEvent(db, untouched)).toMatchObject({ size: 1, pos: 1 });
  });

  it("leaves the ids of deleted items unused, so the analysis never takes a new item for a deleted one", () => {
    const db = openDb(":memory:");
    migrate(db);
    const [kept, trial, third] = addSources(db, 3);
    const analyser = loadAnalyser(db);
    const leak = "市第一医院急诊科排队三个小时没人管，孩子高烧四十度，护士说医生都去开会了，这就是我们的三甲医院吗？";
    const other = "滨江公园新建的步道今天开放了，早上去走了一圈，绿化很好，还有不少老人在练太极，环境比以前好太多了。";
    const [first] = insertItems(db, kept.id, [post("k1", leak)]);
    // A source tried out and deleted: its items were the newest, and one copied the first post.
    const tried = insertItems(db, trial.id, [post("t1", `转发：${leak}`), post("t2", "试用来源的第二条")]);
    analyseBatch(db, analyser);
    expect(analyser.dedup.groupOf(String(tried[0]))).toBe(String(first));
    deleteSource(db, trial.id);
    const later = insertItems(db, kept.id, [post("k2", other), post("k3", "第三条帖子")]);
    expect(Math.min(...later)).toBeGreaterThan(Math.max(first, ...tried));
    expect(later[1]).toBe(later[0] + 1);
    analyseBatch(db, analyser);
    // Before, the new post took the deleted copy's id, and with it that copy's repost group.
    expect(db.sqlite.prepare("SELECT dup_group FROM items WHERE id = ?").pluck().get(later[0])).toBe(String(later[0]));
    // The floor rises with each deletion of the newest items.
    deleteSource(db, kept.id);
    const again = insertItems(db, third.id, [post("n1", "新来源的帖子")]);
    expect(again[0]).toBe(later[1] + 1);
  });

  it("leaves out of the analysis state the items deleted while their batch was being prepared", () => {
    const db = openDb(":memory:");
    migrate(db);
    const [kept, trial] = addSources(db, 2);
    const [a] = insertItems(db, kept.id, [post("k1", "市第一医院急诊科排队三个小时没人管，孩子高烧四十度，护士说医生都去开会了。")]);
    const [b] = insertItems(db, trial.id, [post("t1", "滨江公园新建的步道今天开放了，早上去走了一圈，绿化很好，环境比以前好太多了。")]);
    const analyser = loadAnalyser(db);
    const rows = pendingItems(db, 10);
    const prepared = prepareHere(analyser, rows);
    deleteSource(db, trial.id);
    commitBatch(db, analyser, rows, prepared);
    expect(analyser.dedup.groupOf(String(a))).toBe(String(a));
    expect(analyser.dedup.groupOf(String(b))).toBeNull();
    expect(analyser.dedup.size).toBe(1);
    const [eventId] = db.sqlite.prepare("SELECT event_id FROM items WHERE id = ?").pluck().all(a) as number[];
    expect(analyser.events.snapshot(eventId)).toMatchObject({ size: 1 });
  });
});
