// Monitored sources and their fetch health (errors live on the row, never in the scheduler).
import type { Db } from "../db/connection";
import { deleteItems, type DeletedItems } from "./item-deletion";
import type { SourcesTable } from "../db/schema";

/** Fields to create a source. */
export interface NewSource {
  name: string; kind: string; url: string; intervalSeconds: number; priority: number; enabled: boolean;
  /** Kind-specific settings (stored as JSON; default {}). */
  config?: Record<string, unknown>;
}

/** All sources by id. */
export function listSources(db: Db): SourcesTable[] {
  return db.all(db.q.selectFrom("sources").selectAll().orderBy("id"));
}

/** One source. */
export function getSource(db: Db, id: number): SourcesTable | undefined {
  return db.get(db.q.selectFrom("sources").selectAll().where("id", "=", id));
}

/** A source by its exact URL (to avoid registering the demo feed twice). */
export function getSourceByUrl(db: Db, url: string): SourcesTable | undefined {
  return db.get(db.q.selectFrom("sources").selectAll().where("url", "=", url));
}

/** Creates a source, due immediately. */
export function insertSource(db: Db, s: NewSource, now = Date.now()): SourcesTable {
  const { lastInsertRowid } = db.run(
    db.q.insertInto("sources").values({
      name: s.name, kind: s.kind, url: s.url, interval_seconds: s.intervalSeconds, priority: s.priority,
      enabled: s.enabled ? 1 : 0, error_count: 0, item_count: 0, next_fetch_at: now, created_at: now, updated_at: now,
      config: JSON.stringify(s.config ?? {}),
    }),
  );
  return getSource(db, lastInsertRowid)!;
}

/** Updates editable fields; a changed URL resets the conditional-GET validators. */
export function updateSource(db: Db, id: number, patch: Partial<NewSource>, now = Date.now()): void {
  const set: Partial<SourcesTable> = { updated_at: now };
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.url !== undefined) Object.assign(set, { url: patch.url, etag: null, last_modified: null, next_fetch_at: now });
  if (patch.intervalSeconds !== undefined) set.interval_seconds = patch.intervalSeconds;
  if (patch.priority !== undefined) set.priority = patch.priority;
  if (patch.enabled !== undefined) set.enabled = patch.enabled ? 1 : 0;
  // New settings may read the page differently: fetch it whole next time, not "not modified".
  if (patch.config !== undefined) Object.assign(set, { config: JSON.stringify(patch.config), etag: null, last_modified: null });
  db.run(db.q.updateTable("sources").set(set).where("id", "=", id));
}

/** What deleting a source removed: its items, by event, and the repost groups now named after another post. */
export type DeletedSource = DeletedItems;

/**
 * Deletes a source and its items (with their index entries, watch matches and sentiment
 * corrections) and renames the repost groups they named; returns what went, for the caller to
 * recompute the events that lost members (refreshEvents) and tell the live analyser
 * (forgetDeletedItems). Call inside a transaction.
 */
export function deleteSource(db: Db, id: number): DeletedSource {
  const deleted = deleteItems(db, db.sqlite.prepare("SELECT id FROM items WHERE source_id = ?").pluck().all(id) as number[]);
  db.run(db.q.deleteFrom("sources").where("id", "=", id));
  return deleted;
}

/**
 * Enabled sources whose next fetch time has come. A source of an incident in force (src/store/incidents.ts)
 * is also due once its incident's interval has passed since its last fetch (× 2^errors, the same back-off
 * as its own schedule), and comes first: the override is read here, never written to `next_fetch_at`, so it survives a
 * restart and ends with the incident's `until` without a clean-up. SQLite's two-argument min() is LEAST on
 * PostgreSQL.
 */
export function dueSources(db: Db, now = Date.now(), limit = 50): SourcesTable[] {
  return db
    .prepare(
      `SELECT s.* FROM sources s LEFT JOIN (
         SELECT x.source_id, min(i.poll_seconds) AS poll FROM incident_sources x JOIN incidents i ON i.id = x.incident_id
         WHERE i.closed_at IS NULL AND i.until > :now GROUP BY x.source_id) o ON o.source_id = s.id
       WHERE s.enabled = 1 AND s.kind IN ('rss', 'html', 'json') AND (s.next_fetch_at IS NULL OR s.next_fetch_at <= :now
         OR coalesce(s.last_fetched_at, 0) + o.poll * 1000 * (1 << min(s.error_count, 10)) <= :now
         OR (s.override_until > :now AND coalesce(s.last_fetched_at, 0) + s.override_seconds * 1000 * (1 << min(s.error_count, 10)) <= :now))
       ORDER BY o.poll IS NULL AND coalesce(s.override_until, 0) <= :now, s.next_fetch_at LIMIT :limit`,
    )
    .all({ now, limit }) as SourcesTable[];
}

/** Sets (or, with null, clears) a source's interval override until a moment. */
export function setIntervalOverride(db: Db, id: number, o: { seconds: number; until: number } | null, now = Date.now()): void {
  db.prepare("UPDATE sources SET override_seconds = ?, override_until = ?, updated_at = ? WHERE id = ?").run(o?.seconds ?? null, o?.until ?? null, now, id);
}

/** Records a successful fetch (new validators, errors cleared, next fetch scheduled). */
export function markFetchSuccess(
  db: Db, id: number, r: { etag: string | null; lastModified: string | null; nextFetchAt: number }, now = Date.now(),
): void {
  db.run(
    db.q.updateTable("sources").set({
      etag: r.etag, last_modified: r.lastModified, last_fetched_at: now, last_success_at: now,
      last_error: null, last_error_code: null, error_count: 0, next_fetch_at: r.nextFetchAt,
    }).where("id", "=", id),
  );
}

/** Told, once per silence, that a source has gone silent beyond its rhythm (the alert triggers listen). */
export type SilenceListener = (db: Db, sourceId: number, reason: string, now: number) => void;
let silenceListener: SilenceListener | null = null;

/** Sets the one listener of silent sources. */
export function onSourceSilent(fn: SilenceListener | null): void {
  silenceListener = fn;
}

/**
 * After a successful poll: `reason` says why the source is silent (null: it is not). The listener hears a
 * silence once (remembered in alert_trigger_state until the source speaks again).
 */
export function noteSourceSilence(db: Db, id: number, reason: string | null, now = Date.now()): void {
  const key = `silent:source:${id}`;
  db.tx(() => {
    if (reason === null) {
      db.prepare("DELETE FROM alert_trigger_state WHERE key = ?").run(key);
      return;
    }
    if (db.prepare("SELECT 1 FROM alert_trigger_state WHERE key = ?").get(key)) return;
    db.prepare("INSERT INTO alert_trigger_state (key, at) VALUES (?, ?)").run(key, now);
    silenceListener?.(db, id, reason, now);
  });
}

/** Told inside a failed fetch's transaction how many consecutive failures the source now has. */
export type FetchErrorListener = (db: Db, sourceId: number, errorCount: number, now: number) => void;
let fetchErrorListener: FetchErrorListener | null = null;

/** Sets the one listener of failed fetches (the alert triggers; the store cannot import them). */
export function onFetchError(fn: FetchErrorListener | null): void {
  fetchErrorListener = fn;
}

/** Records a failed fetch on the row (its message and stable code); the scheduler backs off using error_count. */
export function markFetchError(db: Db, id: number, failure: { message: string; code: string }, nextFetchAt: number, now = Date.now()): void {
  db.tx(() => {
    db.run(
      db.q.updateTable("sources").set((eb) => ({
        last_fetched_at: now, last_error: failure.message.slice(0, 1000), last_error_code: failure.code,
        error_count: eb("error_count", "+", 1), next_fetch_at: nextFetchAt,
      })).where("id", "=", id),
    );
    const count = fetchErrorListener && (db.prepare("SELECT error_count FROM sources WHERE id = ?").pluck().get(id) as number | undefined);
    if (fetchErrorListener && count != null) fetchErrorListener(db, id, count, now);
  });
}
