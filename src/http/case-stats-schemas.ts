// Zod schemas of the case statistics routes (季度汇总).
import { z } from "zod";

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "date");

/**
 * The period asked for: local dates, both ends included (this quarter when absent); `at`: the moment deadlines are
 * judged at (now when absent; a report's link gives the moment the report judged them at).
 */
export const caseStatsQuery = z.object({ from: date.optional(), to: date.optional(), at: z.iso.datetime({ offset: true }).optional() });

const figures = {
  cases: z.number(), replied: z.number(), repliedRate: z.number().nullable(), onTime: z.number(), openPastDue: z.number(),
  onTimeRate: z.number().nullable(), medianHoursToReply: z.number().nullable(), overdue: z.number(),
};

/** The statistics of a period. */
export const caseStatsView = z.object({
  from: z.string(), to: z.string(), timeZone: z.string(), generatedAt: z.string(),
  presets: z.array(z.object({ key: z.string(), label: z.string(), from: z.string(), to: z.string() })),
  units: z.array(z.object({ unitId: z.number().nullable(), unitName: z.string(), ...figures })),
  total: z.object(figures),
  definitions: z.array(z.object({ key: z.string(), label: z.string(), zh: z.string(), en: z.string() })),
});
