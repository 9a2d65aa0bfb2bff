// Zod schemas of the publicity scores routes (考核排名, 通报, 年度考核).
import { z } from "zod";
import { OUTLET_LEVELS } from "../shared/publicity-types";
import { SCORE_PERIODS } from "../publicity/score-period";

/** The year (this year in the office's time zone when absent) and the period (the whole year when absent). */
export const scoresQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  period: z.enum(SCORE_PERIODS).optional(),
});

/** The year only (the annual assessment). */
export const assessmentQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

const byLevel = z.object(Object.fromEntries(OUTLET_LEVELS.map((l) => [l, z.number()])) as Record<(typeof OUTLET_LEVELS)[number], z.ZodNumber>);

/** One unit's row of the ranking. */
export const unitScoreView = z.object({
  rank: z.number(), unitId: z.number(), unitName: z.string(),
  placements: z.number(), byLevel, adoptions: z.number(), instructions: z.number(),
  placementPoints: z.number(), adoptionPoints: z.number(), points: z.number(),
  quota: z.number().nullable(), quotaMinLevels: z.array(z.enum(OUTLET_LEVELS)), quotaSource: z.enum(["set", "sum", "pro_rata"]).nullable(),
  done: z.number(), completion: z.number().nullable(), link: z.string(),
});

/** The unit ranking of a period. */
export const unitScoresView = z.object({
  year: z.number(), period: z.enum(SCORE_PERIODS), from: z.string(), to: z.string(), periodLabel: z.string(),
  units: z.array(unitScoreView),
});

/** The person ranking of a period. */
export const personScoresView = z.object({
  year: z.number(), period: z.enum(SCORE_PERIODS), from: z.string(), to: z.string(), periodLabel: z.string(),
  people: z.array(z.object({
    rank: z.number(), key: z.string(), correspondentId: z.number().nullable(), name: z.string(), unitId: z.number(), unitName: z.string(),
    placements: z.number(), points: z.number(), link: z.string(),
  })),
});
