// Per-item analysis results: pending items, storing a pipeline result, repost groups, and the
// analysis view of items shown in the ledger.
import type { WatchHits } from "../analyse/pipeline";
import type { GroupRename } from "../analyse/dedup";
import { decodeSpans, type MatchSpan } from "../analyse/query";
import type { Db } from "../db/connection";
import type { ItemsTable } from "../db/schema";
import { MatchTally, recordWatchMatches } from "./watches";
import { usernamesOf } from "./users";

/** An item waiting for analysis, with what the pipeline needs of its source. */
export type PendingItem = {
  id: number; title: string; text: string; published_at: number | null; fetched_at: number; source_name: string; source_priority: number;
};

/** What is stored for one analysed item. */
export type StoredAnalysis = {
  sentiment: { label: string; score: number };
  keywords: readonly string[];
  simhash: string;
  dupGroup: string;
  /** Earlier group ids whose items now belong to `dupGroup`. */
  relabelled: readonly string[];
  eventId: number;
  /** Matched watch ids and their highlight spans (encodeWatchSpans). */
  watches: Readonly<WatchHits>;
  /** The item's publication time (fetch time when unknown), which its matches are counted under. */
  time: number;
};

/** The oldest items not analysed yet. */
export function pendingItems(db: Db, limit: number, afterId = 0): PendingItem[] {
  return db
    .prepare(
      `SELECT i.id, i.title, i.text, i.published_at, i.fetched_at, s.name AS source_name, s.priority AS source_priority
       FROM items i JOIN sources s ON s.id = i.source_id
       WHERE i.analysed_at IS NULL AND i.id > ? ORDER BY i.id LIMIT ?`,
    )
    .all(afterId, limit) as PendingItem[];
}

/** Items waiting for analysis and when the oldest of them was fetched (null when none waits). */
export function analysisLag(db: Db): { items: number; oldestFetchedAt: number | null } {
  const r = db.prepare("SELECT count(*) AS n, min(fetched_at) AS oldest FROM items WHERE analysed_at IS NULL").get() as { n: number; oldest: number | null };
  return { items: r.n, oldestFetchedAt: r.oldest };
}

/** Number of items waiting for analysis. */
export function pendingCount(db: Db): number {
  return (db.prepare("SELECT count(*) AS n FROM items WHERE analysed_at IS NULL").get() as { n: number }).n;
}

type AnalysedRow = Pick<ItemsTable, "id" | "title" | "text" | "published_at" | "fetched_at" | "dup_group">;

/** Analysed items, oldest first from a time on, to rebuild the near-duplicate index at start. */
export function analysedSince(db: Db, since: number, afterId: number, limit: number): AnalysedRow[] {
  return db
    .prepare(
      `SELECT id, title, text, published_at, fetched_at, dup_group FROM items
       WHERE analysed_at IS NOT NULL AND fetched_at >= ? AND id > ? ORDER BY id LIMIT ?`,
    )
    .all(since, afterId, limit) as AnalysedRow[];
}

/** Which of the given items are still stored (one statement for all of them). */
export function storedItemIds(db: Db, ids: readonly number[]): number[] {
  return db.prepare("SELECT id FROM items WHERE id IN (SELECT value FROM json_each(?))").pluck().all(JSON.stringify(ids)) as number[];
}

/** The repost group an item is stored under (null: not analysed yet; undefined: no such item). */
export function storedDupGroup(db: Db, id: number): string | null | undefined {
  return db.prepare("SELECT dup_group FROM items WHERE id = ?").pluck().get(id) as string | null | undefined;
}

/** The publication time (fetch time when unknown) of an item, or undefined when there is none. */
export function itemTime(db: Db, id: number): number | undefined {
  return db.prepare("SELECT coalesce(published_at, fetched_at) FROM items WHERE id = ?").pluck().get(id) as number | undefined;
}

/** The id after which the newest `count` analysed items fetched since `since` start (0: all of them). */
export function newestAnalysedFloor(db: Db, since: number, count: number): number {
  const row = db
    .prepare("SELECT id FROM items WHERE analysed_at IS NOT NULL AND fetched_at >= ? ORDER BY id DESC LIMIT 1 OFFSET ?")
    .get(since, Math.max(0, count - 1)) as { id: number } | undefined;
  return row ? row.id - 1 : 0;
}

/**
 * Stores one item's analysis. When the item joined groups together, or is now its group's first
 * post (published earlier than the first), the items of the earlier groups are relabelled so that
 * every copy carries the current group id. New watch matches are counted in `tally`, which the
 * caller flushes (without one they are counted at once). Call inside a transaction.
 */
export function saveAnalysis(db: Db, itemId: number, a: StoredAnalysis, now = Date.now(), tally?: MatchTally): void {
  const updated = db
    .prepare(
      `UPDATE items SET analysed_at = ?, keywords = ?, simhash = ?, dup_group = ?, event_id = ?,
         sentiment = CASE WHEN sentiment_manual = 1 THEN sentiment ELSE ? END,
         sentiment_score = CASE WHEN sentiment_manual = 1 THEN sentiment_score ELSE ? END
       WHERE id = ?`,
    )
    .run(now, JSON.stringify(a.keywords), a.simhash, a.dupGroup, a.eventId, a.sentiment.label, a.sentiment.score, itemId);
  if (updated.changes === 0) return; // deleted meanwhile
  for (const old of a.relabelled) relabelGroup(db, old, a.dupGroup);
  const counts = tally ?? new MatchTally();
  recordWatchMatches(db, { id: itemId, time: a.time }, a.watches, counts);
  if (!tally) counts.flush(db);
}

/** Moves every item of repost group `from` into group `to`. */
function relabelGroup(db: Db, from: string, to: string): void {
  db.prepare("UPDATE items SET dup_group = ? WHERE dup_group = ?").run(to, from);
}

/**
 * Names a repost group whose first post was deleted after its earliest remaining post (publication
 * time, else fetch time, then id: as the analysis names groups) and relabels its items; returns the
 * rename, or null when no post of the group remains.
 */
export function renameOrphanGroup(db: Db, from: string): GroupRename | null {
  const first = db
    .prepare("SELECT id, coalesce(published_at, fetched_at) AS t FROM items WHERE dup_group = ? ORDER BY t, id LIMIT 1")
    .get(from) as { id: number; t: number } | undefined;
  if (!first) return null;
  const to = String(first.id);
  relabelGroup(db, from, to);
  return { from, to, publishedAt: first.t };
}

/** Members of a repost group with what the spread summary needs, earliest first. */
export function groupMembers(db: Db, group: string, limit = 5000) {
  return db
    .prepare(
      `SELECT i.id, i.title, i.url, i.author, i.published_at, i.fetched_at, s.name AS source_name
       FROM items i JOIN sources s ON s.id = i.source_id WHERE i.dup_group = ?
       ORDER BY coalesce(i.published_at, i.fetched_at), i.id LIMIT ?`,
    )
    .all(group, limit) as {
    id: number; title: string; url: string | null; author: string | null; published_at: number | null; fetched_at: number; source_name: string;
  }[];
}

/** Size of each of the given repost groups. */
export function groupSizes(db: Db, groups: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  const st = db.prepare("SELECT count(*) AS n FROM items WHERE dup_group = ?");
  for (const g of new Set(groups)) out.set(g, (st.get(g) as { n: number }).n);
  return out;
}

/** A watch an item matched, with its highlight spans. */
export type ItemWatchMatch = { id: number; name: string; spans: MatchSpan[] };

/** Watch matches (with watch names, in watch order) of the given items, keyed by item id. */
export function watchMatchesOf(db: Db, itemIds: readonly number[]): Map<number, ItemWatchMatch[]> {
  const out = new Map<number, ItemWatchMatch[]>();
  if (!itemIds.length) return out;
  // Only watches that still have the match row: a changed or deleted watch's spans may linger.
  const rows = db
    .prepare(
      `SELECT s.item_id, w.id, w.name, j.value AS spans
       FROM item_watch_spans s JOIN json_each(CASE WHEN json_valid(s.spans) THEN s.spans ELSE '{}' END) j
         JOIN watches w ON w.id = CAST(j.key AS INTEGER)
         JOIN watch_matches m ON m.watch_id = w.id AND m.item_id = s.item_id
       WHERE s.item_id IN (${itemIds.map(() => "?").join(",")}) ORDER BY w.id`,
    )
    .all(...itemIds) as { item_id: number; id: number; name: string; spans: string }[];
  for (const r of rows) {
    const list = out.get(r.item_id) ?? [];
    list.push({ id: r.id, name: r.name, spans: decodeSpans(r.spans) });
    out.set(r.item_id, list);
  }
  return out;
}

/** Repost-group sizes, watch matches, event titles and triagers' usernames for a page of items (what their views show). */
export function loadItemContext(
  db: Db,
  rows: readonly { id: number; dup_group: string | null; event_id: number | null; triaged_by: number | null }[],
) {
  return {
    triagers: usernamesOf(db, rows.map((r) => r.triaged_by).filter((u): u is number => u !== null)),
    groupSizes: groupSizes(db, rows.map((r) => r.dup_group).filter((g): g is string => g !== null)),
    watches: watchMatchesOf(db, rows.map((r) => r.id)),
    eventTitles: eventTitles(db, rows.map((r) => r.event_id).filter((e): e is number => e !== null)),
  };
}

/** Titles of the given events (an event merged away answers with the title of the one it joined). */
export function eventTitles(db: Db, ids: readonly number[]): Map<number, string> {
  const out = new Map<number, string>();
  const st = db.prepare(
    "SELECT coalesce(m.title, e.title) AS title FROM events e LEFT JOIN events m ON m.id = e.merged_into WHERE e.id = ?",
  );
  for (const id of new Set(ids)) {
    const r = st.get(id) as { title: string } | undefined;
    if (r?.title) out.set(id, r.title);
  }
  return out;
}
