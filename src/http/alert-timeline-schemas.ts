// Zod schemas of an alert's timeline and of the signed acknowledgement link.
import { z } from "zod";
import { ALERT_SEVERITIES } from "../alerts/channels/types";

/** One step of an alert's timeline. */
export const stepView = z.object({
  at: z.string(), kind: z.enum(["created", "delivered", "escalated", "acknowledged"]), userId: z.number().nullable(), userName: z.string().nullable(), note: z.string().nullable(),
});

/** The expiry and signature of an ack link. */
export const linkQuery = z.object({ e: z.string().max(20).default(""), s: z.string().max(100).default("") });

/** What the ack link page shows. */
export const linkAlertView = z.object({
  id: z.number(), severity: z.enum(ALERT_SEVERITIES), title: z.string(), reason: z.string(), createdAt: z.string(),
  acknowledgedAt: z.string().nullable(), acknowledgedByName: z.string().nullable(), expiresAt: z.string(),
});
