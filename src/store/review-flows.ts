// Review flows (审核流程): the office default (unit_id NULL) and per-unit flows, and the publicity
// settings row kept with them (the timeliness limit in working days).
import type { Db } from "../db/connection";
import { DEFAULT_REVIEW_STEPS, type ReviewStep } from "../shared/publicity-types";

/** A stored flow. */
export interface ReviewFlowRow { unitId: number | null; steps: ReviewStep[]; updatedBy: number | null; updatedAt: number }

interface Raw { unit_id: number | null; steps: string; updated_by: number | null; updated_at: number }
const rowOf = (r: Raw): ReviewFlowRow => ({ unitId: r.unit_id, steps: JSON.parse(r.steps) as ReviewStep[], updatedBy: r.updated_by, updatedAt: r.updated_at });

/** Every stored flow (the default first, if stored). */
export function listReviewFlows(db: Db): ReviewFlowRow[] {
  return (db.prepare("SELECT unit_id, steps, updated_by, updated_at FROM review_flows ORDER BY coalesce(unit_id, 0)").all() as Raw[]).map(rowOf);
}

/** The stored flow of a unit (null: the default), or undefined. */
export function getReviewFlow(db: Db, unitId: number | null): ReviewFlowRow | undefined {
  const r = db.prepare("SELECT unit_id, steps, updated_by, updated_at FROM review_flows WHERE coalesce(unit_id, 0) = ?").get(unitId ?? 0) as Raw | undefined;
  return r && rowOf(r);
}

/** The steps a submission of `unitId` goes through: the unit's own flow, else its nearest ancestor's, else the default. */
export function flowStepsFor(db: Db, unitId: number): ReviewStep[] {
  let u: number | null = unitId;
  for (let i = 0; u != null && i < 50; i++) {
    const own = getReviewFlow(db, u);
    if (own) return own.steps;
    u = (db.prepare("SELECT parent_id FROM units WHERE id = ?").get(u) as { parent_id: number | null } | undefined)?.parent_id ?? null;
  }
  return getReviewFlow(db, null)?.steps ?? [...DEFAULT_REVIEW_STEPS];
}

/** Saves a flow (null unit: the default). Call in the transaction that writes its audit row. */
export function saveReviewFlow(db: Db, unitId: number | null, steps: readonly ReviewStep[], by: number | null, now = Date.now()): void {
  db.prepare("DELETE FROM review_flows WHERE coalesce(unit_id, 0) = ?").run(unitId ?? 0);
  db.prepare("INSERT INTO review_flows (unit_id, steps, updated_by, updated_at) VALUES (?, ?, ?, ?)").run(unitId, JSON.stringify(steps), by, now);
}

/** Removes a unit's own flow; true when there was one. */
export function deleteReviewFlow(db: Db, unitId: number): boolean {
  return db.prepare("DELETE FROM review_flows WHERE unit_id = ?").run(unitId).changes > 0;
}

/** A publicity setting's value, or undefined. */
export function getPublicitySetting(db: Db, key: string): string | undefined {
  return (db.prepare("SELECT value FROM publicity_settings WHERE key = ?").get(key) as { value: string } | undefined)?.value;
}

/** Sets a publicity setting. Call in the transaction that writes its audit row. */
export function setPublicitySetting(db: Db, key: string, value: string, by: number | null, now = Date.now()): void {
  db.prepare("INSERT INTO publicity_settings (key, value, updated_by, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by, updated_at = excluded.updated_at")
    .run(key, value, by, now);
}

/** The timeliness limit in working days (1 unless set). */
export function submitWorkingDays(db: Db): number {
  const v = Number(getPublicitySetting(db, "submit_working_days"));
  return Number.isInteger(v) && v >= 1 ? v : 1;
}
