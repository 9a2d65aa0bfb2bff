// Zod schemas of the wall display and its tokens (they also generate the OpenAPI description).
import { z } from "zod";
import { SEVERITIES } from "../shared/alerts-api";
import { RISK_LEVELS } from "../shared/analysis-api";
import type { DisplayTokenCreated, DisplayTokenView, WallSnapshot } from "../shared/wall-api";
import { name } from "./text-fields";

/** POST /api/display-tokens. */
export const displayTokenBody = z.object({ name: name(50) });

/** DisplayTokenView. */
export const displayTokenView = z.object({
  id: z.number(), name: z.string(), createdAt: z.string(), revokedAt: z.string().nullable(), lastSeenAt: z.string().nullable(), createdBy: z.string().nullable(),
});

/** DisplayTokenCreated. */
export const displayTokenCreated = z.object({ id: z.number(), name: z.string(), token: z.string(), url: z.string() });

/** WallSnapshot. */
export const wallSnapshotView = z.object({
  generatedAt: z.string(),
  display: z.string(),
  volume: z.object({ from: z.string(), bucketMinutes: z.number(), counts: z.array(z.number()), total24h: z.number(), lastHour: z.number() }),
  sentiment: z.object({ neg: z.number(), neu: z.number(), pos: z.number(), none: z.number() }),
  topEvents: z.array(z.object({
    id: z.number(), title: z.string(), items24h: z.number(), size: z.number(), risk: z.enum(RISK_LEVELS), negShare: z.number().nullable(),
  })),
  alerts: z.array(z.object({ id: z.number(), severity: z.enum(SEVERITIES), title: z.string(), createdAt: z.string(), acknowledged: z.boolean() })),
  cases: z.object({
    open: z.number(), overdue: z.number(),
    mostOverdue: z.array(z.object({ id: z.number(), title: z.string(), unitName: z.string().nullable(), deadline: z.string().nullable() })),
  }),
});

// The schemas describe the shared types exactly (a change to one without the other fails to compile).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree: [Same<z.infer<typeof wallSnapshotView>, WallSnapshot>, Same<z.infer<typeof displayTokenView>, DisplayTokenView>,
  Same<z.infer<typeof displayTokenCreated>, DisplayTokenCreated>] = [true, true, true];
void agree;
