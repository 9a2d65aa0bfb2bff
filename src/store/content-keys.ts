// Which contents each source already has: the "one stored copy of a content per source" rule of
// the ledger, checked in memory. A unique index on (source, content hash) kept it in SQLite, but a
// hash puts each new row on a random page of that index, so once the index outgrew the cache every
// insert rewrote a page of its own. Inserting 600k bench posts: 151 → 106 µs and 13.2 → 5.6 kB
// written per post with this instead.
//
// Here a 32-bit check of (source, first 16 characters of the hash) points at the item that has it;
// a hit is confirmed against the stored row, so a chance (or contrived) equal check only costs a
// lookup and never drops an item. Built on first use from the items_source_id index, which carries
// that prefix (about 0.3 s per million items), and kept up to date with rows other connections
// inserted by reading the ids above the newest it knows, in the inserting transaction.
import type Database from "better-sqlite3";
import type { Db } from "../db/connection";

// How much of a content hash the check and the index carry.
const CONTENT_PREFIX = 16;
const EMPTY = 0;

// The 32-bit check of a source's content (never 0, which marks an empty cell).
function contentCheck(sourceId: number, contentHash: string): number {
  let h = Math.imul(sourceId ^ 0x2545f491, 0x9e3779b1);
  const n = Math.min(contentHash.length, CONTENT_PREFIX);
  for (let i = 0; i < n; i++) h = Math.imul(h ^ contentHash.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h === EMPTY ? 1 : h;
}

/** The contents of one database's items, by source. */
export class ContentKeys {
  private checks: Int32Array;
  private ids: Int32Array;
  private shift: number;
  private count = 0;
  private newest = 0;
  private readonly since: Database.Statement<[number], [number, number, string]>;
  private readonly same: Database.Statement<[number, number, string], number>;

  private constructor(db: Db) {
    this.checks = new Int32Array(1024);
    this.ids = new Int32Array(1024);
    this.shift = 32 - 10;
    const prefix = `substr(content_hash, 1, ${CONTENT_PREFIX})`;
    this.since = db.sqlite.prepare(`SELECT id, source_id, ${prefix} FROM items WHERE id > ?`).raw() as typeof this.since;
    this.same = db.sqlite.prepare("SELECT 1 FROM items WHERE id = ? AND source_id = ? AND content_hash = ?").pluck() as typeof this.same;
    // The first build reads the index that carries the prefix: a few MB, not the whole table.
    const all = db.sqlite.prepare(`SELECT id, source_id, ${prefix} FROM items INDEXED BY items_source_id`).raw() as Database.Statement<[], [number, number, string]>;
    for (const [id, sourceId, hash] of all.iterate()) this.add(id, sourceId, hash);
  }

  /** The keys of `db`, built on first use and shared by the callers on that connection. */
  static of(db: Db): ContentKeys {
    let keys = built.get(db);
    if (!keys) {
      keys = new ContentKeys(db);
      built.set(db, keys);
    }
    return keys;
  }

  /**
   * Notes the rows stored since the newest one noted: those other connections inserted, and this
   * one's when they were inserted inside a caller's transaction (so were not noted at once).
   */
  catchUp(): void {
    for (const [id, sourceId, hash] of this.since.iterate(this.newest)) this.add(id, sourceId, hash);
  }

  /** Whether the source has an item with this content hash (the id of one, or 0). */
  find(sourceId: number, contentHash: string): number {
    const check = contentCheck(sourceId, contentHash);
    const mask = this.checks.length - 1;
    for (let h = Math.imul(check, 0x9e3779b1) >>> this.shift; this.checks[h] !== EMPTY; h = (h + 1) & mask) {
      if (this.checks[h] === check && this.same.get(this.ids[h], sourceId, contentHash) !== undefined) return this.ids[h];
    }
    return 0;
  }

  /** Notes a stored item's content (ids in increasing order: the newest is where catchUp goes on from). */
  add(id: number, sourceId: number, contentHash: string): void {
    if ((this.count + 1) * 2 > this.checks.length) this.grow();
    this.put(contentCheck(sourceId, contentHash), id);
    this.count++;
    if (id > this.newest) this.newest = id;
  }

  private put(check: number, id: number): void {
    const mask = this.checks.length - 1;
    let h = Math.imul(check, 0x9e3779b1) >>> this.shift;
    while (this.checks[h] !== EMPTY) h = (h + 1) & mask;
    this.checks[h] = check;
    this.ids[h] = id;
  }

  private grow(): void {
    const { checks, ids } = this;
    this.checks = new Int32Array(checks.length * 2);
    this.ids = new Int32Array(checks.length * 2);
    this.shift--;
    for (let i = 0; i < checks.length; i++) if (checks[i] !== EMPTY) this.put(checks[i], ids[i]);
  }
}

const built = new WeakMap<Db, ContentKeys>();
