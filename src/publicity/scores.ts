// Rankings of publicity work (考核排名), pure: rows of a period → per-unit figures (placements, counts by
// level, adoption/instruction counts, points, quota, completion, rank) and per-person figures (placements
// authored, points by share). Points always come from scoring.ts under the rule set in force on each date.
import { OUTLET_LEVELS, levelRank, type OutletLevel } from "../shared/publicity-types";
import { adoptionPoints, authorPoints, completion, countsToward, placementPoints, roundPoints, type RuleSet } from "./scoring";
import { periodQuota, type PeriodQuota, type QuotaLine, type ScorePeriod } from "./score-period";
import type { ScoreAdoptionRow, ScoreAuthorRow, ScorePlacementRow, ScoreQuotaRow } from "../store/publicity-scores";

/** One unit's figures in a period. */
export interface UnitScore {
  rank: number; unitId: number; unitName: string;
  placements: number; byLevel: Record<OutletLevel, number>;
  adoptions: number; instructions: number;
  placementPoints: number; adoptionPoints: number; points: number;
  quota: number | null; quotaMinLevels: OutletLevel[]; quotaSource: PeriodQuota["source"] | null;
  /** Placements at the quota's floor level or above (what completion counts). */
  done: number; completion: number | null;
}

/** One person's figures in a period. */
export interface PersonScore {
  rank: number; key: string; correspondentId: number | null; name: string; unitId: number; unitName: string;
  placements: number; points: number;
}

/** What the figures are computed from. */
export interface ScoreInput {
  placements: readonly ScorePlacementRow[];
  authors: readonly ScoreAuthorRow[];
  adoptions: readonly ScoreAdoptionRow[];
  quotas: readonly ScoreQuotaRow[];
  ruleSets: readonly RuleSet[];
  unitNames: ReadonlyMap<number, string>;
}

const emptyByLevel = (): Record<OutletLevel, number> => Object.fromEntries(OUTLET_LEVELS.map((l) => [l, 0])) as Record<OutletLevel, number>;

/** Ranks rows already sorted best first: equal points share a rank (1, 2, 2, 4). */
function ranked<T extends { points: number; rank: number }>(rows: T[]): T[] {
  rows.forEach((r, i) => { r.rank = i > 0 && rows[i - 1]!.points === r.points ? rows[i - 1]!.rank : i + 1; });
  return rows;
}

const byPointsThenName = (a: { points: number; name: string }, b: { points: number; name: string }) =>
  b.points - a.points || a.name.localeCompare(b.name, "zh-CN");

/** Each placement's points (under the rule set in force on its day), by id. */
export function pointsByPlacement(placements: readonly ScorePlacementRow[], sets: readonly RuleSet[]): Map<number, number> {
  return new Map(placements.map((p) => [p.id, placementPoints(p, sets).points]));
}

/**
 * Per-unit figures: one row per unit with placements, adoptions/instructions or a quota in the period,
 * sorted by points (ties by name). With quota rows of several floor levels, a placement counts toward
 * completion when it reaches the lowest of them.
 */
export function unitScores(input: ScoreInput, period: ScorePeriod): UnitScore[] {
  const rows = new Map<number, UnitScore>();
  const unit = (unitId: number): UnitScore => {
    let r = rows.get(unitId);
    if (!r) {
      r = {
        rank: 0, unitId, unitName: input.unitNames.get(unitId) ?? `#${unitId}`, placements: 0, byLevel: emptyByLevel(), adoptions: 0, instructions: 0,
        placementPoints: 0, adoptionPoints: 0, points: 0, quota: null, quotaMinLevels: [], quotaSource: null, done: 0, completion: null,
      };
      rows.set(unitId, r);
    }
    return r;
  };
  const quotaLines = new Map<number, QuotaLine[]>();
  for (const q of input.quotas) quotaLines.set(q.unitId, [...(quotaLines.get(q.unitId) ?? []), q]);
  const quotas = new Map<number, PeriodQuota>();
  for (const [unitId, lines] of quotaLines) {
    const q = periodQuota(lines, period);
    if (q) quotas.set(unitId, q);
  }
  const points = pointsByPlacement(input.placements, input.ruleSets);
  for (const p of input.placements) {
    const r = unit(p.unitId);
    r.placements += 1;
    r.byLevel[p.level] += 1;
    r.placementPoints += points.get(p.id) ?? 0;
    const q = quotas.get(p.unitId);
    if (q && countsToward(p.level, floorOf(q.minLevels))) r.done += 1;
  }
  for (const a of input.adoptions) {
    const r = unit(a.unitId);
    if (a.kind === "instruction") r.instructions += 1;
    else r.adoptions += 1;
    r.adoptionPoints += adoptionPoints(a.kind, a.level, a.onDate, input.ruleSets);
  }
  for (const [unitId, q] of quotas) {
    const r = unit(unitId);
    r.quota = q.count;
    r.quotaMinLevels = q.minLevels;
    r.quotaSource = q.source;
  }
  const list = [...rows.values()];
  for (const r of list) {
    r.placementPoints = roundPoints(r.placementPoints);
    r.adoptionPoints = roundPoints(r.adoptionPoints);
    r.points = roundPoints(r.placementPoints + r.adoptionPoints);
    r.completion = completion(r.done, r.quota);
  }
  return ranked(list.sort((a, b) => byPointsThenName({ points: a.points, name: a.unitName }, { points: b.points, name: b.unitName })));
}

/** The lowest (most permissive) of several floor levels. */
function floorOf(levels: readonly OutletLevel[]): OutletLevel {
  return levels.reduce((low, l) => (levelRank(l) > levelRank(low) ? l : low), levels[0] ?? "national");
}

/** Per-person figures: each author's share of each placement's points; one person per correspondent, else per name and unit. */
export function personScores(input: Pick<ScoreInput, "placements" | "authors" | "ruleSets" | "unitNames">): PersonScore[] {
  const points = pointsByPlacement(input.placements, input.ruleSets);
  const byPlacement = new Map<number, ScoreAuthorRow[]>();
  for (const a of input.authors) byPlacement.set(a.placementId, [...(byPlacement.get(a.placementId) ?? []), a]);
  const people = new Map<string, PersonScore>();
  for (const [placementId, authors] of byPlacement) {
    const total = points.get(placementId);
    if (total === undefined) continue;
    const parts = authorPoints(total, authors.map((a) => a.share));
    authors.forEach((a, i) => {
      const key = a.correspondentId != null ? `c${a.correspondentId}` : `n${a.unitId}:${a.name.trim()}`;
      let p = people.get(key);
      if (!p) {
        p = { rank: 0, key, correspondentId: a.correspondentId, name: a.name.trim(), unitId: a.unitId, unitName: input.unitNames.get(a.unitId) ?? `#${a.unitId}`, placements: 0, points: 0 };
        people.set(key, p);
      }
      p.placements += 1;
      p.points = roundPoints(p.points + parts[i]!);
    });
  }
  return ranked([...people.values()].sort(byPointsThenName));
}
