// Zod schemas of the alert routes (channels, rules, the ledger).
import { z } from "zod";
import { ALERT_SEVERITIES, CHANNEL_KINDS } from "../alerts/channels/types";
import { name, text, trimmedText } from "./text-fields";
import { patchOf } from "./patch-schema";
import { RISK_LEVELS, TRIGGERS } from "../alerts/rules";

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "alerts.bad_clock").nullable();

/** A channel as created (PATCH takes any part of it; a secret of "******" keeps the stored one, "" clears it). */
export const channelBody = z.object({
  name: name(100),
  kind: z.enum(CHANNEL_KINDS),
  url: trimmedText(2000).optional(),
  secret: text(1000).optional(),
  options: z.record(z.string(), z.unknown()).default({}),
  enabled: z.boolean().default(true),
});

/** A channel as the API shows it: the secret masked. */
export const channelView = z.object({
  id: z.number(), name: z.string(), kind: z.enum(CHANNEL_KINDS), url: z.string().nullable(), secret: z.string().nullable(),
  options: z.record(z.string(), z.unknown()), enabled: z.boolean(), createdAt: z.string(), updatedAt: z.string(),
});

/** A rule's recipients besides channels: people, and whoever is first on duty in a unit (default: the top unit). */
const ruleRecipients = {
  userIds: z.array(z.number().int().positive()).max(50).default([]),
  onDuty: z.boolean().default(false),
  dutyUnitId: z.number().int().positive().nullable().default(null),
};

/** A rule as created. trigger "watch" needs watchId; "burst" takes a watchId or none (any event, optionally of minRisk);
 * "event_risk" takes minRisk (default significant); "source_unhealthy" takes sourceId (none: any) and minFailures (default 3). */
export const ruleBody = z.object({
  name: name(100),
  trigger: z.enum(TRIGGERS),
  watchId: z.number().int().positive().nullable().default(null),
  severity: z.enum(ALERT_SEVERITIES),
  channelIds: z.array(z.number().int().positive()).max(20),
  enabled: z.boolean().default(true),
  onlyNegative: z.boolean().default(false),
  maxSourcePriority: z.number().int().min(1).max(5).nullable().default(null),
  minReposts: z.number().int().min(0).max(1_000_000).nullable().default(null),
  quietStart: clock.default(null),
  quietEnd: clock.default(null),
  foldSeconds: z.number().int().min(0).max(86_400).default(600),
  ...ruleRecipients,
  minRisk: z.enum(RISK_LEVELS).nullable().default(null),
  sourceId: z.number().int().positive().nullable().default(null),
  minFailures: z.number().int().min(1).max(100).nullable().default(null),
});

/** A rule change: any field of a rule, no defaults (a field left out keeps its value). */
export const rulePatch = patchOf(ruleBody);

/** A rule as the API shows it. */
export const ruleView = z.object({
  id: z.number(), name: z.string(), trigger: z.enum(TRIGGERS), watchId: z.number().nullable(), watchName: z.string().nullable(),
  severity: z.enum(ALERT_SEVERITIES), channelIds: z.array(z.number()), enabled: z.boolean(), onlyNegative: z.boolean(),
  maxSourcePriority: z.number().nullable(), minReposts: z.number().nullable(), quietStart: z.string().nullable(), quietEnd: z.string().nullable(),
  foldSeconds: z.number(), createdAt: z.string(), updatedAt: z.string(),
  userIds: z.array(z.number()), onDuty: z.boolean(), dutyUnitId: z.number().nullable(),
  minRisk: z.enum(RISK_LEVELS).nullable(), sourceId: z.number().nullable(), sourceName: z.string().nullable(), minFailures: z.number().nullable(),
});

/** A monitor's manual raise: about an item or an event (exactly one), to the channels named (none: every enabled one). */
export const raiseBody = z.object({
  itemId: z.number().int().positive().optional(),
  eventId: z.number().int().positive().optional(),
  severity: z.enum(ALERT_SEVERITIES),
  note: trimmedText(500, { multiline: true }).optional(),
  channelIds: z.array(z.number().int().positive()).max(20).optional(),
});

/** One delivery of an alert's message. */
export const deliveryView = z.object({
  channelId: z.number(), state: z.enum(["pending", "sent", "failed"]), attempts: z.number(), lastError: z.string().nullable(),
  sentAt: z.string().nullable(), nextAt: z.string().nullable(),
});

/** An alert in the ledger. */
export const alertView = z.object({
  id: z.number(), ruleId: z.number().nullable(), severity: z.enum(ALERT_SEVERITIES), title: z.string(), reason: z.string(),
  itemId: z.number().nullable(), foldedInto: z.number().nullable(), publishedAt: z.string().nullable(), fetchedAt: z.string().nullable(),
  analysedAt: z.string().nullable(), createdAt: z.string(), acknowledgedAt: z.string().nullable(), acknowledgedBy: z.number().nullable(),
  deliveries: z.array(deliveryView),
  eventId: z.number().nullable(), sourceId: z.number().nullable(), note: z.string().nullable(), raisedBy: z.number().nullable(),
});

/**
 * A channel PATCH: any part of channelBody, without its defaults (zod 4 applies a field's default inside
 * `.partial()`, so `{enabled: false}` would also have reset the options, and `{name}` re-enabled a channel).
 */
export const channelPatch = channelBody.extend({ options: z.record(z.string(), z.unknown()), enabled: z.boolean() }).partial();
