// Deleting items from the ledger with everything that hangs on them: their full-text rows, watch matches
// (taken out of the watches' counts), spans and sentiment corrections; the repost groups they named are
// renamed after their earliest remaining post. Used when a source is deleted and by the retention job.
import type { GroupRename } from "../analyse/dedup";
import type { Db } from "../db/connection";
import { renameOrphanGroup } from "./analysis";
import { noteDeletedItemIds } from "./items";
import { matchBucket, MatchTally } from "./watches";

/** What deleting items removed: their ids, by event, and the repost groups now named after another post. */
export type DeletedItems = {
  itemIds: number[];
  itemsByEvent: Map<number, number[]>;
  /** Groups whose first post was deleted, now named after their earliest remaining post. */
  renamedGroups: GroupRename[];
};

const DOOMED = "SELECT id FROM temp.doomed_items";

/**
 * Deletes the items `ids` and what hangs on them; returns what went, for the caller to recompute the events
 * that lost members (refreshEvents) and tell the live analyser (forgetDeletedItems). Call inside a transaction.
 */
export function deleteItems(db: Db, ids: readonly number[]): DeletedItems {
  db.sqlite.exec("CREATE TEMP TABLE IF NOT EXISTS doomed_items (id INTEGER PRIMARY KEY)");
  db.sqlite.exec("DELETE FROM temp.doomed_items");
  const add = db.sqlite.prepare("INSERT OR IGNORE INTO temp.doomed_items (id) VALUES (?)");
  for (const id of ids) add.run(id);
  const itemIds = db.sqlite.prepare(`SELECT i.id FROM items i WHERE i.id IN (${DOOMED}) ORDER BY i.id`).pluck().all() as number[];
  // Repost groups named after one of these items that have copies outside them (one index probe each).
  const named = db.sqlite
    .prepare(
      `SELECT DISTINCT i.dup_group FROM temp.doomed_items d JOIN items i ON i.dup_group = CAST(d.id AS TEXT)
       WHERE i.id NOT IN (${DOOMED})`,
    )
    .pluck()
    .all() as string[];
  const itemsByEvent = new Map<number, number[]>();
  const inEvents = db.sqlite.prepare(`SELECT event_id, id FROM items WHERE id IN (${DOOMED}) AND event_id IS NOT NULL`).raw().all() as [number, number][];
  for (const [eventId, itemId] of inEvents) {
    const list = itemsByEvent.get(eventId);
    if (list) list.push(itemId);
    else itemsByEvent.set(eventId, [itemId]);
  }
  db.sqlite.prepare(`DELETE FROM items_fts WHERE rowid IN (${DOOMED})`).run();
  // A match row is found by (watch, item); the watches an item matched are the keys of its spans.
  // Each deleted match is taken out of its watch's counts, under its item's publication time.
  const gone = db.sqlite
    .prepare(
      `DELETE FROM watch_matches WHERE (watch_id, item_id) IN (
         SELECT CAST(j.key AS INTEGER), s.item_id
         FROM item_watch_spans s JOIN json_each(CASE WHEN json_valid(s.spans) THEN s.spans ELSE '{}' END) j
         WHERE s.item_id IN (${DOOMED}))
       RETURNING watch_id, (SELECT coalesce(i.published_at, i.fetched_at) FROM items i WHERE i.id = watch_matches.item_id)`,
    )
    .raw()
    .all() as [number, number][];
  const tally = new MatchTally();
  for (const [watchId, time] of gone) tally.add(watchId, matchBucket(time), -1);
  tally.flush(db);
  db.sqlite.prepare(`DELETE FROM item_watch_spans WHERE item_id IN (${DOOMED})`).run();
  db.sqlite.prepare(`DELETE FROM sentiment_corrections WHERE item_id IN (${DOOMED})`).run();
  noteDeletedItemIds(db, itemIds.length ? itemIds[itemIds.length - 1]! : null);
  db.sqlite.prepare(`DELETE FROM items WHERE id IN (${DOOMED})`).run();
  db.sqlite.exec("DELETE FROM temp.doomed_items");
  // Each such group is named after its earliest remaining post, so that the collapsed ledger, which
  // shows a group by the post it is named after, still shows it.
  const renamedGroups = named.map((from) => renameOrphanGroup(db, from)).filter((r): r is GroupRename => r !== null);
  return { itemIds, itemsByEvent, renamedGroups };
}
