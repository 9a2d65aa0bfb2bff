// The scheduler polls an incident's sources at the incident's interval (the override in dueSources).
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../config";
import { openDb } from "../db/connection";
import { migrate } from "../db/migrate";
import { contentHash } from "../ingest";
import { createEventRow } from "../store/events";
import { closeIncident, startIncident } from "../store/incidents";
import { insertItems } from "../store/items";
import { insertSource, markFetchSuccess } from "../store/sources";
import { FIXTURE_FEED, serveFeed } from "../../test/e2e/fixture-feed";
import { createScheduler } from "./scheduler";

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe("scheduler and incidents", () => {
  it("polls a source of an incident in force before its own next time, and not once the incident is closed", async () => {
    const feed = await serveFeed(FIXTURE_FEED);
    close = feed.close;
    const config = loadConfig({}, { demo: false, readWorkers: 0, fetchAllowHosts: [feed.allowHost] });
    const db = openDb(":memory:");
    migrate(db);
    const src = insertSource(db, { name: "青禾论坛", kind: "rss", url: feed.url, intervalSeconds: 3600, priority: 2, enabled: true });
    const eventId = createEventRow(db, Date.now());
    const [item] = insertItems(db, src.id, [{ guid: "x", url: null, canonicalUrl: null, contentHash: contentHash("", "排污"), author: null, title: "排污", text: "排污", publishedAt: null }]);
    db.prepare("UPDATE items SET event_id = ? WHERE id = ?").run(eventId, item);
    // Fetched 3 minutes ago; its own next fetch is an hour away.
    const fetchedAt = Date.now() - 3 * 60_000;
    markFetchSuccess(db, src.id, { etag: null, lastModified: null, nextFetchAt: fetchedAt + 3_600_000 }, fetchedAt);
    const scheduler = createScheduler(db, config, () => {}, false);

    expect(await scheduler.runOnce()).toMatchObject({ polled: 0 });
    const id = db.tx(() => startIncident(db, { eventId, userId: null, until: Date.now() + 3_600_000, pollSeconds: 120, escalateMinutes: null }));
    expect(await scheduler.runOnce()).toEqual({ polled: 1, inserted: 3, failed: 0 });
    // Just fetched: due again two minutes from now, not at once.
    expect(await scheduler.runOnce()).toMatchObject({ polled: 0 });

    db.prepare("UPDATE sources SET last_fetched_at = ? WHERE id = ?").run(fetchedAt, src.id);
    db.tx(() => closeIncident(db, id, null, "结束"));
    expect(await scheduler.runOnce()).toMatchObject({ polled: 0 });
    await scheduler.stop();
    db.close();
  });
});
