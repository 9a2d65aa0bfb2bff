// Zod schemas shared by route modules (they also generate the OpenAPI description).
import { z } from "zod";
import { itemAnalysisView } from "./analysis-schemas";
import { ITEM_STATUSES, ROLES, SOURCE_KINDS } from "../shared/api";

export { isCleanText, name, text, trimmedText } from "./text-fields";

// Field messages default to Simplified Chinese, the UI's first language.
z.config(z.locales.zhCN());

/** A numeric id in a path. */
export const idParams = z.object({ id: z.coerce.number().int().positive() });
/** The standard error body. */
export const errorBody = z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() });
/** An ISO date-time or null. */
const isoOrNull = z.string().nullable();

/** UserView. */
export const userView = z.object({
  id: z.number(), username: z.string(), displayName: z.string(), role: z.enum(ROLES), unitId: z.number().nullable(),
  disabled: z.boolean(), createdAt: z.string(), email: z.string().nullable(), phone: z.string().nullable(),
});
/** UnitView. */
export const unitView = z.object({ id: z.number(), parentId: z.number().nullable(), name: z.string() });
/** SourceView. */
export const sourceView = z.object({
  id: z.number(), name: z.string(), kind: z.enum(SOURCE_KINDS), url: z.string(), intervalSeconds: z.number(),
  priority: z.number(), enabled: z.boolean(), lastFetchedAt: isoOrNull, lastSuccessAt: isoOrNull,
  lastError: z.string().nullable(), lastErrorCode: z.string().nullable(), errorCount: z.number(), nextFetchAt: isoOrNull, itemCount: z.number(), createdAt: z.string(),
  selectors: z.object({ item: z.string(), title: z.string(), link: z.string(), time: z.string().optional(), body: z.string().optional() }).optional(),
  timeFormat: z.string().optional(), ignoreRobots: z.boolean().optional(), pages: z.number().optional(), nextPage: z.string().optional(), pageUrlPattern: z.string().optional(),
  mapping: z.object({
    list: z.string(), title: z.string(), link: z.string().optional(), time: z.string().optional(), text: z.string().optional(), author: z.string().optional(),
  }).optional(),
  health: z.object({ level: z.enum(["green", "yellow", "red"]), reasons: z.array(z.string()) }).optional(),
  itemsPerDay: z.array(z.number()).optional(),
  intervalOverride: z.object({ intervalSeconds: z.number(), until: z.string() }).nullable().optional(),
});
/** SourcePreview. */
export const sourcePreviewView = z.object({
  items: z.array(z.object({ title: z.string(), url: z.string().nullable(), publishedAt: isoOrNull, text: z.string() })),
  pages: z.number(), warnings: z.array(z.string()), error: z.string().optional(), errorCode: z.string().optional(),
});
/** ItemView. */
export const itemView = z.object({
  id: z.number(), sourceId: z.number(), sourceName: z.string(), title: z.string(), text: z.string(), url: z.string().nullable(),
  author: z.string().nullable(), publishedAt: isoOrNull, fetchedAt: z.string(), status: z.enum(ITEM_STATUSES),
  triagedBy: z.string().nullable(), triagedAt: isoOrNull, analysis: itemAnalysisView.nullable(),
});
/** AuditEntryView. */
export const auditView = z.object({
  id: z.number(), at: z.string(), actorId: z.number().nullable(), actorName: z.string().nullable(), action: z.string(),
  targetType: z.string(), targetId: z.string().nullable(), summary: z.string(), ip: z.string().nullable(),
});
/** An optional ISO time in a query string, as ms since the epoch. */
export const queryTime = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === "") return undefined;
    const t = Date.parse(v);
    if (Number.isNaN(t)) {
      ctx.addIssue({ code: "custom", message: "field.invalid_date" });
      return z.NEVER;
    }
    return t;
  });
