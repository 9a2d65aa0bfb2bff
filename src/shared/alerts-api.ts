// Alert API types shared by the server and the web UI (no node:* imports).

/** Alert severities, lowest first: 一般 / 较大 / 重大 (the same list as src/alerts/channels/types.ts). */
export const SEVERITIES = ["general", "significant", "major"] as const;
/** One of SEVERITIES. */
export type Severity = (typeof SEVERITIES)[number];
/** Channel kinds the API accepts. */
export const CHANNEL_KIND_LIST = ["webhook", "email", "wecom", "dingtalk", "feishu", "inapp"] as const;
/** One of CHANNEL_KIND_LIST. */
export type ChannelKindName = (typeof CHANNEL_KIND_LIST)[number];

/** One delivery of an alert's message to a channel. */
export interface DeliveryView {
  channelId: number; state: "pending" | "sent" | "failed"; attempts: number; lastError: string | null; sentAt: string | null; nextAt: string | null;
}

/** An alert in the ledger (GET /api/alerts). */
export interface AlertView {
  id: number; ruleId: number | null; severity: Severity; title: string; reason: string; itemId: number | null; foldedInto: number | null;
  publishedAt: string | null; fetchedAt: string | null; analysedAt: string | null; createdAt: string; acknowledgedAt: string | null;
  acknowledgedBy: number | null; deliveries: DeliveryView[];
  eventId: number | null; sourceId: number | null; note: string | null; raisedBy: number | null;
}

/** A channel (the secret masked as "******", or null when none is set). */
export interface ChannelView {
  id: number; name: string; kind: ChannelKindName; url: string | null; secret: string | null; options: Record<string, unknown>;
  enabled: boolean; createdAt: string; updatedAt: string;
}

/** What a rule watches (src/alerts/rules.ts TRIGGERS). */
export const TRIGGER_LIST = ["watch", "burst", "event_risk", "source_unhealthy"] as const;
/** One of TRIGGER_LIST. */
export type TriggerName = (typeof TRIGGER_LIST)[number];
/** Event risk levels, lowest first. */
export const RISK_LEVEL_LIST = ["general", "significant", "major"] as const;

/** A rule. */
export interface RuleView {
  id: number; name: string; trigger: TriggerName; watchId: number | null; watchName: string | null; severity: Severity; channelIds: number[];
  enabled: boolean; onlyNegative: boolean; maxSourcePriority: number | null; minReposts: number | null; quietStart: string | null;
  quietEnd: string | null; foldSeconds: number; createdAt: string; updatedAt: string;
  minRisk: (typeof RISK_LEVEL_LIST)[number] | null; sourceId: number | null; sourceName: string | null; minFailures: number | null;
}
