// Alert channels and rules (预警渠道 / 预警规则): their rows, and the enabled rules the outbox evaluates.
import type { Db } from "../db/connection";
import type { AlertChannelsTable, AlertRulesTable } from "../db/schema";

/** A channel as stored (the secret only encrypted). */
export type ChannelRow = AlertChannelsTable;
/** A rule as stored, with its watch's and source's names. */
export type RuleRow = AlertRulesTable & { watch_name: string | null; source_name: string | null };

/** What a channel is made of (secretEnc already encrypted; undefined keeps the stored one). */
export interface ChannelInput { name: string; kind: string; url: string | null; secretEnc?: string | null; options: Record<string, unknown>; enabled: boolean }

/** Every channel by id. */
export function listChannels(db: Db): ChannelRow[] {
  return db.prepare("SELECT * FROM alert_channels ORDER BY id").all() as ChannelRow[];
}

/** One channel, or undefined. */
export function getChannel(db: Db, id: number): ChannelRow | undefined {
  return db.prepare("SELECT * FROM alert_channels WHERE id = ?").get(id) as ChannelRow | undefined;
}

/** Stores a new channel; returns its id. */
export function insertChannel(db: Db, c: ChannelInput, by: number | null, now = Date.now()): number {
  return Number(
    db
      .prepare(
        `INSERT INTO alert_channels (name, kind, url, secret_enc, options, enabled, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(c.name, c.kind, c.url, c.secretEnc ?? null, JSON.stringify(c.options), c.enabled ? 1 : 0, by, now, now).lastInsertRowid,
  );
}

/** Rewrites a channel (the secret only when `secretEnc` is given). */
export function updateChannel(db: Db, id: number, c: ChannelInput, now = Date.now()): void {
  db.prepare(
    `UPDATE alert_channels SET name = ?, kind = ?, url = ?, options = ?, enabled = ?, updated_at = ?,
       secret_enc = CASE WHEN ? THEN ? ELSE secret_enc END WHERE id = ?`,
  ).run(c.name, c.kind, c.url, JSON.stringify(c.options), c.enabled ? 1 : 0, now, c.secretEnc !== undefined ? 1 : 0, c.secretEnc ?? null, id);
}

/** Deletes a channel (its pending deliveries fail when the dispatcher reaches them). */
export function deleteChannel(db: Db, id: number): boolean {
  return db.prepare("DELETE FROM alert_channels WHERE id = ?").run(id).changes > 0;
}

/** Ids of the enabled channels among `ids`. */
export function enabledChannelIds(db: Db, ids: readonly number[]): number[] {
  return db.prepare("SELECT id FROM alert_channels WHERE enabled = 1 AND id IN (SELECT value FROM json_each(?))").pluck().all(JSON.stringify(ids)) as number[];
}

/** What a rule is made of. */
export interface RuleInput {
  name: string; trigger: string; watchId: number | null; severity: string; onlyNegative: boolean; maxSourcePriority: number | null;
  minReposts: number | null; channelIds: number[]; quietStart: string | null; quietEnd: string | null; foldSeconds: number; enabled: boolean;
  minRisk?: string | null; sourceId?: number | null; minFailures?: number | null;
}

const RULE_SELECT =
  "SELECT r.*, w.name AS watch_name, s.name AS source_name FROM alert_rules r LEFT JOIN watches w ON w.id = r.watch_id LEFT JOIN sources s ON s.id = r.source_id";

/** Every rule by id. */
export function listRules(db: Db): RuleRow[] {
  return db.prepare(`${RULE_SELECT} ORDER BY r.id`).all() as RuleRow[];
}

/** One rule, or undefined. */
export function getRule(db: Db, id: number): RuleRow | undefined {
  return db.prepare(`${RULE_SELECT} WHERE r.id = ?`).get(id) as RuleRow | undefined;
}

/** The enabled rules, those on a watch only while it is enabled (what the outbox evaluates). */
export function enabledRules(db: Db): RuleRow[] {
  return db.prepare(`${RULE_SELECT} WHERE r.enabled = 1 AND (r.watch_id IS NULL OR w.enabled = 1) ORDER BY r.id`).all() as RuleRow[];
}

const ruleValues = (r: RuleInput) => [
  r.name, r.trigger, r.watchId, r.severity, r.onlyNegative ? 1 : 0, r.maxSourcePriority, r.minReposts, JSON.stringify(r.channelIds),
  r.quietStart, r.quietEnd, r.foldSeconds, r.enabled ? 1 : 0, r.minRisk ?? null, r.sourceId ?? null, r.minFailures ?? null,
];

/** Stores a new rule; returns its id. */
export function insertRule(db: Db, r: RuleInput, by: number | null, now = Date.now()): number {
  return Number(
    db
      .prepare(
        `INSERT INTO alert_rules (name, trigger, watch_id, severity, only_negative, max_source_priority, min_reposts, channel_ids,
           quiet_start, quiet_end, fold_seconds, enabled, min_risk, source_id, min_failures, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(...ruleValues(r), by, now, now).lastInsertRowid,
  );
}

/** Rewrites a rule. */
export function updateRule(db: Db, id: number, r: RuleInput, now = Date.now()): void {
  db.prepare(
    `UPDATE alert_rules SET name = ?, trigger = ?, watch_id = ?, severity = ?, only_negative = ?, max_source_priority = ?, min_reposts = ?,
       channel_ids = ?, quiet_start = ?, quiet_end = ?, fold_seconds = ?, enabled = ?, min_risk = ?, source_id = ?, min_failures = ?,
       updated_at = ? WHERE id = ?`,
  ).run(...ruleValues(r), now, id);
}

/** Deletes a rule (its alerts stay in the ledger). */
export function deleteRule(db: Db, id: number): boolean {
  return db.prepare("DELETE FROM alert_rules WHERE id = ?").run(id).changes > 0;
}

/** Names of the rules that send to a channel. */
export function rulesUsingChannel(db: Db, channelId: number): string[] {
  return db
    .prepare("SELECT name FROM alert_rules r WHERE EXISTS (SELECT 1 FROM json_each(r.channel_ids) WHERE value = ?) ORDER BY id")
    .pluck()
    .all(channelId) as string[];
}

/** Ids of every enabled channel (where a manual raise goes when it names none). */
export function allEnabledChannelIds(db: Db): number[] {
  return db.prepare("SELECT id FROM alert_channels WHERE enabled = 1 ORDER BY id").pluck().all() as number[];
}

/** Enabled channels by name (what a monitor picks from when raising an alert; no settings). */
export function channelNames(db: Db): { id: number; name: string; kind: string }[] {
  return db.prepare("SELECT id, name, kind FROM alert_channels WHERE enabled = 1 ORDER BY id").all() as { id: number; name: string; kind: string }[];
}

/** A rule's recipients besides channels (stored apart from the rule's other fields). */
export interface RuleRecipientsInput { userIds: readonly number[]; onDuty: boolean; dutyUnitId: number | null }

/** Sets a rule's recipients. */
export function setRuleRecipients(db: Db, id: number, r: RuleRecipientsInput): void {
  db.prepare("UPDATE alert_rules SET recipient_user_ids = ?, on_duty = ?, duty_unit_id = ? WHERE id = ?").run(JSON.stringify(r.userIds), r.onDuty ? 1 : 0, r.dutyUnitId, id);
}
