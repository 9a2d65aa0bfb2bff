// The rows publicity scores are computed from (积分与考核): placements with their outlet's level and their
// authors, adoptions/instructions of submissions with the submission's unit, quotas of a year (the rule
// sets are read by src/store/scoring-rules.ts). Read-only; the figures themselves are pure (src/publicity/scores.ts).
import type { Db } from "../db/connection";
import type { AdoptionLevel, Genre, OutletLevel, Slot } from "../shared/publicity-types";

/** A placement as scores read it. */
export interface ScorePlacementRow {
  id: number; unitId: number; publishedOn: string; level: OutletLevel; genre: Genre; slot: Slot; featured: boolean;
}
/** One author of a placement: matched to a person by correspondent id, else by name and unit. */
export interface ScoreAuthorRow {
  placementId: number; position: number; name: string; correspondentId: number | null; unitId: number; share: number;
}
/** An adoption (采用) or instruction (批示) with the unit of its submission. */
export interface ScoreAdoptionRow { id: number; kind: "adoption" | "instruction"; level: AdoptionLevel; onDate: string; unitId: number; submissionId: number }
/** A quota row (任务分解). */
export interface ScoreQuotaRow { unitId: number; minLevel: OutletLevel; period: string; count: number }

/** Placements published from `from` to `to` (office days, both included), oldest first. */
export function scorePlacements(db: Db, from: string, to: string): ScorePlacementRow[] {
  const rows = db.prepare(
    `SELECT p.id, p.unit_id AS unitId, p.published_on AS publishedOn, o.level, p.genre, p.slot, p.featured
       FROM placements p JOIN outlets o ON o.id = p.outlet_id
      WHERE p.published_on >= ? AND p.published_on <= ? ORDER BY p.published_on, p.id`,
  ).all(from, to) as (Omit<ScorePlacementRow, "featured"> & { featured: number })[];
  return rows.map((r) => ({ ...r, featured: r.featured === 1 }));
}

/** Authors of placements published in the period; an author without a unit takes the placement's. */
export function scoreAuthors(db: Db, from: string, to: string): ScoreAuthorRow[] {
  return db.prepare(
    `SELECT a.placement_id AS placementId, a.position, coalesce(c.name, a.name) AS name, a.correspondent_id AS correspondentId,
            coalesce(a.unit_id, c.unit_id, p.unit_id) AS unitId, a.share
       FROM placement_authors a JOIN placements p ON p.id = a.placement_id
       LEFT JOIN correspondents c ON c.id = a.correspondent_id
      WHERE p.published_on >= ? AND p.published_on <= ? ORDER BY a.placement_id, a.position`,
  ).all(from, to) as ScoreAuthorRow[];
}

/** Adoptions and instructions dated in the period, with their submission's unit. */
export function scoreAdoptions(db: Db, from: string, to: string): ScoreAdoptionRow[] {
  return db.prepare(
    `SELECT a.id, a.kind, a.level, a.on_date AS onDate, s.unit_id AS unitId, a.submission_id AS submissionId
       FROM adoptions a JOIN submissions s ON s.id = a.submission_id
      WHERE a.on_date >= ? AND a.on_date <= ? ORDER BY a.on_date, a.id`,
  ).all(from, to) as ScoreAdoptionRow[];
}

/** Every quota row of a year. */
export function scoreQuotas(db: Db, year: number): ScoreQuotaRow[] {
  return db.prepare(
    `SELECT unit_id AS unitId, min_level AS minLevel, period, count FROM quotas WHERE year = ? ORDER BY unit_id, period, min_level`,
  ).all(year) as ScoreQuotaRow[];
}

