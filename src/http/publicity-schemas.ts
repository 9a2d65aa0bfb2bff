// Zod schemas of the publicity outlets, placements, scoring rule sets and quotas API. Vocabulary fields take
// codes or the Chinese names an office writes (中央/国家级, 报纸, 消息, 头版头条) and come out as codes.
import { z } from "zod";
import { name, text, trimmedText } from "./schemas";
import {
  ADOPTION_LEVELS, GENRES, MEDIA, OUTLET_LEVELS, SLOTS, type OutletLevel,
} from "../shared/publicity-types";
import { isDate } from "../duty/rota";
import { SCORE_PERIODS } from "../publicity/score-period";
import { isHttpUrl } from "../replies/workflow";
import { normaliseGenre, normaliseLevel, normaliseMedium, normaliseSlot } from "../publicity/vocabulary";

const vocab = <C extends string>(codes: readonly C[], normalise: (v: string) => C | null) =>
  z.string().max(20).transform((v, ctx) => {
    const c = normalise(v);
    if (c === null) {
      ctx.addIssue({ code: "custom", message: "field.invalid_choice" });
      return z.NEVER;
    }
    return c;
  }).describe(`one of ${codes.join(", ")} or its Chinese name`);

/** An outlet level (code or Chinese name). */
export const levelField = vocab(OUTLET_LEVELS, normaliseLevel);
/** A medium (code or Chinese name). */
export const mediumField = vocab(MEDIA, normaliseMedium);
/** A genre (code or Chinese name). */
export const genreField = vocab(GENRES, normaliseGenre);
/** A slot (code or Chinese name). */
export const slotField = vocab(SLOTS, normaliseSlot);
/** An office day YYYY-MM-DD that exists on the calendar. */
export const dayField = z.string().refine(isDate, "field.invalid_date");
const hostField = z.string().trim().toLowerCase().min(1).max(253).regex(/^[a-z0-9.-]+(:\d+)?$/, "field.invalid_format");

/** POST /api/outlets. */
export const outletBody = z.object({
  name: name(100), level: levelField, medium: mediumField,
  hosts: z.array(hostField).max(50).default([]), sourceId: z.number().int().positive().nullable().default(null), active: z.boolean().default(true),
});
/** PATCH /api/outlets/:id. */
export const outletPatch = z.object({
  name: name(100).optional(), level: levelField.optional(), medium: mediumField.optional(),
  hosts: z.array(hostField).max(50).optional(), sourceId: z.number().int().positive().nullable().optional(), active: z.boolean().optional(),
});
/** GET /api/outlets filters. */
export const outletQuery = z.object({
  level: levelField.optional(), medium: mediumField.optional(), active: z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1").optional(),
});
/** OutletView. */
export const outletView = z.object({
  id: z.number(), name: z.string(), level: z.enum(OUTLET_LEVELS), medium: z.enum(MEDIA), hosts: z.array(z.string()),
  sourceId: z.number().nullable(), active: z.boolean(), placements: z.number(), createdAt: z.string(), updatedAt: z.string(),
});

const author = z.object({
  name: name(50), share: z.number().gt(0).max(1).nullable().optional(), correspondentId: z.number().int().positive().nullable().optional(),
});
const linkField = z.string().trim().max(2000).refine((v) => v === "" || isHttpUrl(v), "field.invalid_format");
const idOrNull = z.number().int().positive().nullable().optional();

/** POST /api/placements. */
export const placementBody = z.object({
  title: name(300), outletId: z.number().int().positive(), genre: genreField, publishedOn: dayField, unitId: z.number().int().positive(),
  authors: z.array(author).min(1).max(30), featured: z.boolean().optional(), slot: slotField.optional(), link: linkField.optional(),
  submissionId: idOrNull, interviewId: idOrNull, itemId: idOrNull, note: text(2000, { multiline: true }).optional(),
});
/** PATCH /api/placements/:id. */
export const placementPatch = placementBody.partial();
/** GET /api/placements filters. */
export const placementQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(), from: dayField.optional(), to: dayField.optional(),
  unitId: z.coerce.number().int().positive().optional(), outletId: z.coerce.number().int().positive().optional(),
  level: levelField.optional(), minLevel: levelField.optional().describe("this level or above (e.g. city = 市级以上)"),
  genre: genreField.optional(), authorName: trimmedText(50).optional(),
  correspondentId: z.coerce.number().int().positive().optional(), q: trimmedText(100).optional(),
  /** Include the units under unitId (default true: a unit's figure counts its subtree). */
  subtree: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50), offset: z.coerce.number().int().min(0).default(0),
});
/** PlacementView. */
export const placementView = z.object({
  id: z.number(), title: z.string(), outletId: z.number(), outletName: z.string(), level: z.enum(OUTLET_LEVELS), medium: z.enum(MEDIA),
  genre: z.enum(GENRES), slot: z.enum(SLOTS), featured: z.boolean(), publishedOn: z.string(), link: z.string(), unitId: z.number(),
  unitName: z.string().nullable(), submissionId: z.number().nullable(), itemId: z.number().nullable(), interviewId: z.number().nullable(), note: z.string(),
  authors: z.array(z.object({ name: z.string(), share: z.number(), correspondentId: z.number().nullable(), points: z.number() })),
  points: z.number(), ruleSetId: z.number().nullable(), ruleSetName: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(),
});
/** What a placement write answers. */
export const placementSaved = z.object({ id: z.number(), points: z.number(), ruleSetId: z.number().nullable(), placement: placementView });

const pts = z.number().min(0).max(10_000);
const byKeys = <K extends string>(keys: readonly K[], v: z.ZodType<number> = pts) =>
  z.object(Object.fromEntries(keys.map((k) => [k, v])) as Record<K, z.ZodType<number>>).strict();
const genreTable = byKeys(GENRES);

/** ScoringRules, every number checked (points and multipliers ≥ 0). */
export const scoringRules = z.object({
  base: z.object(Object.fromEntries(OUTLET_LEVELS.map((l) => [l, genreTable])) as Record<OutletLevel, typeof genreTable>).strict(),
  slotMultiplier: byKeys(SLOTS, z.number().min(0).max(100)),
  featuredMultiplier: z.number().min(0).max(100),
  adoption: byKeys(ADOPTION_LEVELS), instruction: byKeys(ADOPTION_LEVELS),
  reward: z.object({ perPoint: z.number().min(0).max(1_000_000), quotaMetBonus: z.number().min(0).max(100_000_000), cap: z.number().min(0).max(100_000_000) }).strict(),
}).strict();
/** POST /api/scoring-rules. */
export const ruleSetBody = z.object({ name: name(100), validFrom: dayField, rules: scoringRules });
/** RuleSetView. */
export const ruleSetView = z.object({
  id: z.number(), name: z.string(), validFrom: z.string(), validTo: z.string().nullable(), rules: scoringRules,
  inForce: z.boolean(), createdBy: z.string().nullable(), createdAt: z.string(),
});

const quotaItem = z.object({
  unitId: z.number().int().positive(), minLevel: levelField, period: z.enum(SCORE_PERIODS).default("year"), count: z.number().int().min(0).max(100_000),
});
/** PUT /api/quotas: one quota (count 0 removes it). */
export const quotaBody = quotaItem.extend({ year: z.number().int().min(2000).max(2100) });
/** PUT /api/quotas/:year: the whole year's quotas at once (those left out are removed). */
export const quotaBulkBody = z.object({ quotas: z.array(quotaItem).max(5000) });
/** QuotaView. */
export const quotaView = z.object({
  id: z.number(), year: z.number(), unitId: z.number(), unitName: z.string().nullable(), minLevel: z.enum(OUTLET_LEVELS),
  period: z.enum(SCORE_PERIODS), count: z.number(), updatedAt: z.string(),
});
