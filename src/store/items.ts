// The items ledger (台账): idempotent inserts with their FTS index rows, and triage status.
import type { Db } from "../db/connection";
import type { ItemsTable } from "../db/schema";
import { itemIndexText } from "../analyse/bigrams";
import { ContentKeys } from "./content-keys";

/** How far ahead of its fetch an item's published time may lie (later ones are stored as the fetch time). */
export const FUTURE_SLACK_MS = 10 * 60_000;

/** One item to store, as a source adapter produced it. */
export interface NewItem {
  guid: string | null; url: string | null; canonicalUrl: string | null; contentHash: string;
  author: string | null; title: string; text: string; publishedAt: number | null;
}

/** An item row joined with its source name. */
export type ItemRow = ItemsTable & { source_name: string };

/** The idempotency key: guid within its source, else canonical URL, else content hash within its source. */
export function dedupKey(sourceId: number, it: Pick<NewItem, "guid" | "canonicalUrl" | "contentHash">): string {
  if (it.guid) return `g:${sourceId}:${it.guid}`;
  if (it.canonicalUrl) return `u:${it.canonicalUrl}`;
  return `h:${sourceId}:${it.contentHash}`;
}

// The body of insertItems' transaction, a module function rather than a closure made per batch
// (see docs/ARCHITECTURE.md, "No closures made per call on hot paths"). Returns the new ids and
// their content hashes.
function storeNew(db: Db, keys: ContentKeys, sourceId: number, items: NewItem[], fetchedAt: number): { ids: number[]; hashes: string[] } {
  const ins = db.sqlite.prepare(
    `INSERT INTO items (id, source_id, dedup_key, content_hash, guid, url, author, title, text, published_at, fetched_at, status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new') ON CONFLICT DO NOTHING`,
  );
  const fts = db.sqlite.prepare("INSERT INTO items_fts (rowid, body) VALUES (?, ?)");
  const ids: number[] = [];
  const hashes: string[] = [];
  keys.catchUp();
  const fresh = new Set<string>();
  // null lets SQLite number the row (the highest id + 1); after deletions that may be an id used before.
  let firstId = unusedIdFloor(db);
  for (const it of items) {
    if (fresh.has(it.contentHash) || keys.find(sourceId, it.contentHash)) continue;
    const r = ins.run(
      firstId, sourceId, dedupKey(sourceId, it), it.contentHash, it.guid, it.url, it.author, it.title, it.text,
      it.publishedAt, fetchedAt,
    );
    if (r.changes === 0) continue;
    firstId = null;
    const id = Number(r.lastInsertRowid);
    fts.run(id, itemIndexText(it.title, it.text));
    fresh.add(it.contentHash);
    ids.push(id);
    hashes.push(it.contentHash);
  }
  if (ids.length) db.sqlite.prepare("UPDATE sources SET item_count = item_count + ? WHERE id = ?").run(ids.length, sourceId);
  return { ids, hashes };
}

/**
 * Stores new items once each, with their index rows, in one transaction; returns the new ids. An
 * item is new unless its dedup key is taken or its source already has its content (ContentKeys).
 */
export function insertItems(db: Db, sourceId: number, items: NewItem[], fetchedAt = Date.now()): number[] {
  const keys = ContentKeys.of(db);
  const { ids, hashes } = db.tx(() => storeNew(db, keys, sourceId, items, fetchedAt));
  // Committed now, unless a caller's transaction holds them (then the next catchUp reads them).
  if (!db.sqlite.inTransaction) for (let i = 0; i < ids.length; i++) keys.add(ids[i], sourceId, hashes[i]);
  return ids;
}

/**
 * The id the next item must take so that no id is used twice (migration 0011), or null when
 * SQLite's own choice (the highest id + 1) is above every id deleted.
 */
function unusedIdFloor(db: Db): number | null {
  const { floor, top } = db
    .prepare("SELECT (SELECT floor FROM id_floors WHERE name = 'items') AS floor, (SELECT max(id) FROM items) AS top")
    .get() as { floor: number | null; top: number | null };
  return floor !== null && floor >= (top ?? 0) ? floor + 1 : null;
}

/** Notes the highest id of items about to be deleted, so that no new item takes one of them. */
export function noteDeletedItemIds(db: Db, highestId: number | null): void {
  if (highestId === null) return;
  db.prepare(
    "INSERT INTO id_floors (name, floor) VALUES ('items', ?) ON CONFLICT (name) DO UPDATE SET floor = max(floor, excluded.floor)",
  ).run(highestId);
}

const selectJoined = `SELECT i.*, s.name AS source_name FROM items i JOIN sources s ON s.id = i.source_id`;

/** One item with its source name. */
export function getItem(db: Db, id: number): ItemRow | undefined {
  return db.sqlite.prepare(`${selectJoined} WHERE i.id = ?`).get(id) as ItemRow | undefined;
}

/** Sets an item's triage status and who set it. */
export function setItemStatus(db: Db, id: number, status: string, userId: number, now = Date.now()): void {
  db.run(db.q.updateTable("items").set({ status, triaged_by: userId, triaged_at: now }).where("id", "=", id));
}

/** An item's triage status before a bulk change. */
export interface ItemStatusRow { id: number; status: string }

/** The current status of each of `ids` that exists, in id order. */
export function itemStatuses(db: Db, ids: readonly number[]): ItemStatusRow[] {
  if (!ids.length) return [];
  return db.all(db.q.selectFrom("items").select(["id", "status"]).where("id", "in", ids).orderBy("id"));
}

/** Sets the triage status of many items (one statement) and who set it; call inside the caller's transaction. */
export function setItemsStatus(db: Db, ids: readonly number[], status: string, userId: number, now = Date.now()): number {
  if (!ids.length) return 0;
  return db.run(db.q.updateTable("items").set({ status, triaged_by: userId, triaged_at: now }).where("id", "in", ids)).changes;
}

/** Merges some FTS5 index segments (idle-time upkeep after bulk inserts); true when work was done. */
export function mergeSearchIndex(db: Db, pages = 200): boolean {
  // As the FTS5 manual suggests: total_changes() grows by more than one only when segments were merged.
  const changes = () => (db.sqlite.prepare("SELECT total_changes() AS n").get() as { n: number }).n;
  const before = changes();
  db.sqlite.prepare("INSERT INTO items_fts(items_fts, rank) VALUES ('merge', ?)").run(pages);
  return changes() - before > 1;
}

/** The stored item a new one collides with (same dedup key, or the same content in its source), if any. */
export function findExistingItem(db: Db, sourceId: number, it: Pick<NewItem, "guid" | "canonicalUrl" | "contentHash">): ItemRow | undefined {
  const row = db
    .prepare("SELECT id FROM items WHERE dedup_key = ? UNION ALL SELECT id FROM items WHERE source_id = ? AND content_hash = ? LIMIT 1")
    .get(dedupKey(sourceId, it), sourceId, it.contentHash) as { id: number } | undefined;
  return row ? getItem(db, row.id) : undefined;
}

/** Which of these canonical URLs the ledger already holds an item for (its dedup key is the URL). */
export function knownCanonicalUrls(db: Db, canonicalUrls: readonly string[]): Set<string> {
  const has = db.sqlite.prepare("SELECT 1 FROM items WHERE dedup_key = ?").pluck();
  return new Set(canonicalUrls.filter((u) => has.get(`u:${u}`) !== undefined));
}
