// The rows the case statistics (季度汇总) are computed from: cases opened in a period, with their
// lead unit, deadlines and reply/close times. The figures themselves are pure (src/cases/stats.ts).
import type { Db } from "../db/connection";

/** A case as the statistics read it. */
export interface CaseStatRow {
  id: number; unit_id: number | null; state: string; created_at: number; reply_due_at: number | null;
  replied_at: number | null; closed_at: number | null; overdue: number;
}

/**
 * Cases opened in [from, to), oldest first. `units`: only cases whose lead unit is one of these
 * (null: every case, including those with no lead unit yet).
 */
export function caseStatRows(db: Db, from: number, to: number, units: readonly number[] | null): CaseStatRow[] {
  let unitClause = "";
  if (units) {
    // Integers from the session, inlined (as the case list does).
    const ids = units.filter((u) => Number.isInteger(u));
    if (!ids.length) return [];
    unitClause = ` AND unit_id IN (${ids.join(",")})`;
  }
  return db
    .prepare(
      `SELECT id, unit_id, state, created_at, reply_due_at, replied_at, closed_at, overdue FROM cases
       WHERE created_at >= ? AND created_at < ?${unitClause} ORDER BY created_at, id`,
    )
    .all(from, to) as CaseStatRow[];
}
