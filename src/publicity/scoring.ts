// Points of publicity work (积分), pure: a placement's points under the rule set in force on its date, each
// author's part by share, adoption/instruction points, the annual reward. No I/O: callers pass the rule sets.
import { addDays } from "../duty/rota";
import {
  DEFAULT_SCORING_RULES, levelRank,
  type AdoptionLevel, type Genre, type OutletLevel, type ScoringRules, type Slot,
} from "../shared/publicity-types";

/** A saved rule set: rules valid from `validFrom` to `validTo` (inclusive office days; null = open). */
export interface RuleSet { id: number; name: string; validFrom: string; validTo: string | null; rules: ScoringRules }

/** What a placement's points depend on. */
export interface ScoredPlacement { publishedOn: string; level: OutletLevel; genre: Genre; slot: Slot; featured: boolean }

/** The rule set in force on `day` (YYYY-MM-DD): the latest one starting on or before it and not ended; null = none saved. */
export function ruleSetOn(day: string, sets: readonly RuleSet[]): RuleSet | null {
  let found: RuleSet | null = null;
  for (const s of sets) {
    if (s.validFrom > day || (s.validTo !== null && s.validTo < day)) continue;
    if (!found || s.validFrom > found.validFrom) found = s;
  }
  return found;
}

/** Rounds points to two decimals (what tables print), avoiding binary noise such as 4.499999. */
export const roundPoints = (n: number): number => Math.round(n * 100 + Number.EPSILON) / 100;

/** A placement's points under `rules`: base[level][genre] × slot multiplier × featured multiplier. */
export function placementPointsUnder(rules: ScoringRules, p: Omit<ScoredPlacement, "publishedOn">): number {
  const base = rules.base[p.level]?.[p.genre] ?? 0;
  const slot = rules.slotMultiplier[p.slot] ?? 1;
  return roundPoints(base * slot * (p.featured ? rules.featuredMultiplier : 1));
}

/** A placement's points under the rule set in force on its publication day (the defaults when none is saved). */
export function placementPoints(p: ScoredPlacement, sets: readonly RuleSet[]): { points: number; ruleSetId: number | null } {
  const set = ruleSetOn(p.publishedOn, sets);
  return { points: placementPointsUnder(set?.rules ?? DEFAULT_SCORING_RULES, p), ruleSetId: set?.id ?? null };
}

/** Each author's points: the placement's points × their share (shares are validated to sum to 1). */
export function authorPoints(points: number, shares: readonly number[]): number[] {
  return shares.map((s) => roundPoints(points * s));
}

/** Points of an adoption (采用) or an instruction (批示) by an office of `level`, on `day`. */
export function adoptionPoints(kind: "adoption" | "instruction", level: AdoptionLevel, day: string, sets: readonly RuleSet[]): number {
  const rules = ruleSetOn(day, sets)?.rules ?? DEFAULT_SCORING_RULES;
  return roundPoints((kind === "adoption" ? rules.adoption : rules.instruction)[level] ?? 0);
}

/** True when a placement at `level` counts toward a quota of "`minLevel` or above" (e.g. 市级以上). */
export const countsToward = (level: OutletLevel, minLevel: OutletLevel): boolean => levelRank(level) <= levelRank(minLevel);

/** Completion of a quota: done / quota, 0 when there is no quota (null = no quota set). */
export function completion(done: number, quota: number | null): number | null {
  if (quota === null || quota <= 0) return null;
  return Math.round((done / quota) * 1000) / 1000;
}

/** Annual reward by the rule set's formula: points × perPoint, + bonus when the quota is met, capped (0 = no cap). */
export function reward(points: number, quotaMet: boolean, rules: ScoringRules): number {
  const raw = points * rules.reward.perPoint + (quotaMet ? rules.reward.quotaMetBonus : 0);
  const capped = rules.reward.cap > 0 ? Math.min(raw, rules.reward.cap) : raw;
  return Math.round(capped * 100) / 100;
}

/** The day before `day` (YYYY-MM-DD), for closing the previous rule set when a new one starts. */
export const dayBefore = (day: string): string => addDays(day, -1);
