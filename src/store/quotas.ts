// Quotas (任务分解): per year, unit, outlet level floor ("this level or above") and period (year, q1..q4, m01..m12).
import type { Db } from "../db/connection";
import type { OutletLevel } from "../shared/publicity-types";

/** A quotas row with its unit's name. */
export interface QuotaRow {
  id: number; year: number; unit_id: number; unit_name: string | null; min_level: OutletLevel; period: string; count: number;
  updated_by: number | null; updated_at: number;
}

/** One quota as set. */
export interface QuotaInput { year: number; unitId: number; minLevel: OutletLevel; period: string; count: number }

/** A year's quotas by unit, level and period. */
export function listQuotas(db: Db, year: number): QuotaRow[] {
  return db.prepare(
    `SELECT q.*, u.name AS unit_name FROM quotas q LEFT JOIN units u ON u.id = q.unit_id WHERE q.year = ?
     ORDER BY q.unit_id, CASE q.min_level WHEN 'national' THEN 0 WHEN 'provincial' THEN 1 WHEN 'city' THEN 2 WHEN 'county' THEN 3 ELSE 4 END, q.period`,
  ).all(year) as QuotaRow[];
}

/** Sets a quota (count 0 removes it); returns the row id or null when removed. */
export function upsertQuota(db: Db, q: QuotaInput, by: number | null, now = Date.now()): number | null {
  if (q.count <= 0) {
    db.prepare("DELETE FROM quotas WHERE year = ? AND unit_id = ? AND min_level = ? AND period = ?").run(q.year, q.unitId, q.minLevel, q.period);
    return null;
  }
  db.prepare(
    `INSERT INTO quotas (year, unit_id, min_level, period, count, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (year, unit_id, min_level, period) DO UPDATE SET count = excluded.count, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  ).run(q.year, q.unitId, q.minLevel, q.period, q.count, by, now);
  return (db.prepare("SELECT id FROM quotas WHERE year = ? AND unit_id = ? AND min_level = ? AND period = ?").get(q.year, q.unitId, q.minLevel, q.period) as { id: number }).id;
}

/** Removes every quota of a year (before a bulk replacement); returns how many. */
export function clearQuotas(db: Db, year: number): number {
  return db.prepare("DELETE FROM quotas WHERE year = ?").run(year).changes;
}
