// The shapes the /publicity-scores page reads (GET /api/publicity/scores and /api/publicity/people).
import type { OutletLevel } from "../../src/shared/publicity-types";

/** One unit's row of the ranking. */
export interface UnitScoreRow {
  rank: number; unitId: number; unitName: string; placements: number; byLevel: Record<OutletLevel, number>;
  adoptions: number; instructions: number; placementPoints: number; adoptionPoints: number; points: number;
  quota: number | null; quotaMinLevels: OutletLevel[]; quotaSource: "set" | "sum" | "pro_rata" | null;
  done: number; completion: number | null; link: string;
}

/** One person's row of the ranking. */
export interface PersonScoreRow {
  rank: number; key: string; correspondentId: number | null; name: string; unitId: number; unitName: string;
  placements: number; points: number; link: string;
}

/** Periods: the year, q1..q4, m01..m12. */
export const PERIODS = ["year", "q1", "q2", "q3", "q4", "m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "m09", "m10", "m11", "m12"] as const;
/** One of PERIODS. */
export type Period = (typeof PERIODS)[number];
