// What the retention job reads: items older than a moment, the items other records point at (kept), the
// rows written to the archive before deletion, and the report contents whose citations keep items.
import type { Db } from "../db/connection";
import { idList } from "./id-list";

/** An item as archived (JSON Lines) before the retention job deletes it. */
export interface ArchivedItem {
  id: number; source: string; url: string | null; author: string | null; title: string; text: string;
  published_at: number | null; fetched_at: number; sentiment: string | null; dup_group: string | null; event_id: number | null;
}

/** Ids of items older than `cutoff` (publication time, else fetch time) after `afterId`, oldest id first. */
export function itemsOlderThan(db: Db, cutoff: number, afterId: number, limit: number): number[] {
  return db.sqlite
    .prepare("SELECT id FROM items WHERE id > ? AND coalesce(published_at, fetched_at) < ? ORDER BY id LIMIT ?")
    .pluck()
    .all(afterId, cutoff, limit) as number[];
}

/** Items that cases, alerts, placements, proposals and sentiment corrections point at. */
export function itemsReferenced(db: Db): Set<number> {
  const ids = db.sqlite
    .prepare(
      `SELECT item_id FROM case_items UNION SELECT item_id FROM alerts WHERE item_id IS NOT NULL
       UNION SELECT item_id FROM placements WHERE item_id IS NOT NULL UNION SELECT item_id FROM placement_proposals
       UNION SELECT item_id FROM sentiment_corrections`,
    )
    .pluck()
    .all() as number[];
  return new Set(ids);
}

/** Every report draft's and issued version's content (JSON), to find the items they cite. */
export function reportContents(db: Db): string[] {
  return db.sqlite.prepare("SELECT content FROM reports UNION ALL SELECT content FROM report_versions").pluck().all() as string[];
}

/** The archive rows of `ids`. */
export function archiveRows(db: Db, ids: readonly number[]): ArchivedItem[] {
  const list = idList(ids);
  if (!list) return [];
  return db.sqlite
    .prepare(
      `SELECT i.id, s.name AS source, i.url, i.author, i.title, i.text, i.published_at, i.fetched_at, i.sentiment, i.dup_group, i.event_id
       FROM items i JOIN sources s ON s.id = i.source_id WHERE i.id IN (${list}) ORDER BY i.id`,
    )
    .all() as ArchivedItem[];
}
