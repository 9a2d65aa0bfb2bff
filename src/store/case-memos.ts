// Escalation memos (抄告单): their per-year numbers, and what a memo says about the case's items.
import type { Db } from "../db/connection";
import type { CaseMemosTable } from "../db/schema";

/** A case's memo number, or undefined before its first print. */
export function getCaseMemo(db: Db, caseId: number): CaseMemosTable | undefined {
  return db.prepare("SELECT * FROM case_memos WHERE case_id = ?").get(caseId) as CaseMemosTable | undefined;
}

/** Gives a case the next number of `year` (call inside a transaction); returns the row. */
export function insertCaseMemo(db: Db, caseId: number, year: number, userId: number | null, now = Date.now()): CaseMemosTable {
  const seq = (db.prepare("SELECT coalesce(max(seq), 0) + 1 FROM case_memos WHERE year = ?").pluck().get(year) as number);
  db.prepare("INSERT INTO case_memos (case_id, year, seq, created_by, created_at) VALUES (?, ?, ?, ?, ?)").run(caseId, year, seq, userId, now);
  return { case_id: caseId, year, seq, created_by: userId, created_at: now };
}

/** An item of a case as its memo lists it, with the size of its repost group (1 when it has none). */
export interface MemoItemRow {
  id: number; title: string; url: string | null; published_at: number | null; fetched_at: number; source_name: string;
  dup_group: string | null; group_size: number;
}

/** A case's items, earliest first, with their sources and repost-group sizes. */
export function caseMemoItems(db: Db, caseId: number, limit = 50): MemoItemRow[] {
  return db
    .prepare(
      `SELECT i.id, i.title, i.url, i.published_at, i.fetched_at, s.name AS source_name, i.dup_group,
         CASE WHEN i.dup_group IS NULL THEN 1 ELSE (SELECT count(*) FROM items g WHERE g.dup_group = i.dup_group) END AS group_size
       FROM case_items ci JOIN items i ON i.id = ci.item_id JOIN sources s ON s.id = i.source_id
       WHERE ci.case_id = ? ORDER BY coalesce(i.published_at, i.fetched_at), i.id LIMIT ?`,
    )
    .all(caseId, limit) as MemoItemRow[];
}

/** An event's title and size (following a merge), or undefined. */
export function memoEvent(db: Db, eventId: number): { title: string; size: number } | undefined {
  return db
    .prepare("SELECT coalesce(m.title, e.title) AS title, coalesce(m.size, e.size) AS size FROM events e LEFT JOIN events m ON m.id = e.merged_into WHERE e.id = ?")
    .get(eventId) as { title: string; size: number } | undefined;
}
