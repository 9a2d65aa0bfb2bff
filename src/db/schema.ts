// Row types of every table, for the Kysely query builder.
import type { Generated } from "kysely";

/** units table. */
export interface UnitsTable { id: number; parent_id: number | null; name: string; created_at: number }
/** users table. */
export interface UsersTable {
  id: number; username: string; password_hash: string; display_name: string; role: string;
  unit_id: number | null; disabled: number; created_at: number; updated_at: number;
  /** Contact details (0023): where alerts reach the person besides the app. */
  email: string | null; phone: string | null;
}
/** sessions table. */
export interface SessionsTable { id: string; user_id: number; csrf_token: string; ip: string | null; created_at: number; expires_at: number }
/** audit_log table. */
export interface AuditLogTable {
  id: number; at: number; actor_id: number | null; actor_name: string | null; action: string;
  target_type: string; target_id: string | null; summary: string; ip: string | null;
}
/** sources table. */
export interface SourcesTable {
  id: number; name: string; kind: string; url: string; interval_seconds: number; priority: number;
  enabled: number; etag: string | null; last_modified: string | null; last_fetched_at: number | null;
  last_success_at: number | null; last_error: string | null; last_error_code: string | null; error_count: number;
  next_fetch_at: number | null; item_count: number; created_at: number; updated_at: number;
  /** Kind-specific settings as JSON (selectors, field mapping, …); '{}' for feeds. */
  config: string;
  /** An interval override (seconds) and when it ends (0032); null when none. */
  override_seconds?: number | null; override_until?: number | null;
}
/** items table. */
export interface ItemsTable {
  id: number; source_id: number; dedup_key: string; content_hash: string; guid: string | null;
  url: string | null; author: string | null; title: string; text: string; published_at: number | null;
  fetched_at: number; status: string; triaged_by: number | null; triaged_at: number | null;
  analysed_at: number | null; sentiment: string | null; sentiment_score: number | null; sentiment_manual: number;
  keywords: string | null; simhash: string | null; dup_group: string | null; event_id: number | null;
}
/** watches table. */
export interface WatchesTable {
  id: number; name: string; query: string; enabled: number; created_by: number | null; created_at: number; updated_at: number;
  /** Stored matches (kept with them, see MatchTally). */
  match_count: number;
}
/** watch_matches table. */
export interface WatchMatchesTable { watch_id: number; item_id: number }
/** watch_match_counts table: matches per watch and 10-minute bucket of the items' publication time. */
export interface WatchMatchCountsTable { watch_id: number; bucket: number; n: number }
/** item_watch_spans table: an item's highlight spans for every watch it matched (encodeWatchSpans). */
export interface ItemWatchSpansTable { item_id: number; spans: string }
/** id_floors table: the highest id ever deleted from a table, which new ids start above. */
export interface IdFloorsTable { name: string; floor: number }
/** events table. */
export interface EventsTable {
  id: number; title: string; title_manual: number; first_at: number; last_at: number; size: number;
  neg: number; neu: number; pos: number; keywords: string; risk_level: string; risk_score: number;
  risk_reasons: string; risk_override: string | null; merged_into: number | null; state: string | null;
  created_at: number; updated_at: number;
}
/** user_words table. */
export interface UserWordsTable { id: number; word: string; kind: string; created_by: number | null; created_at: number }
/** sentiment_corrections table. */
export interface SentimentCorrectionsTable {
  id: number; item_id: number; label: string; previous_label: string | null; user_id: number | null; at: number;
}
/** sentiment_models table. */
export interface SentimentModelsTable {
  id: number; created_at: number; source: string; examples: number; holdout_accuracy: number | null; model: string;
}
/** alert_channels table (secret_enc: AES-256-GCM, see src/alerts/secrets.ts). */
export interface AlertChannelsTable {
  id: number; name: string; kind: string; url: string | null; secret_enc: string | null; options: string; enabled: number;
  created_by: number | null; created_at: number; updated_at: number;
}
/** alert_rules table. */
export interface AlertRulesTable {
  id: number; name: string; trigger: string; watch_id: number | null; severity: string; only_negative: number;
  max_source_priority: number | null; min_reposts: number | null; channel_ids: string; quiet_start: string | null;
  quiet_end: string | null; fold_seconds: number; enabled: number; created_by: number | null; created_at: number; updated_at: number;
  /** 0022: event_risk / burst of events, source_unhealthy. */
  min_risk: string | null; source_id: number | null; min_failures: number | null;
  /** Recipients besides channels (0023): user ids (JSON), whoever is on duty, in which unit (null: the top unit). */
  recipient_user_ids: string; on_duty: number; duty_unit_id: number | null;
}
/** alerts table: the ledger (every alert, folded or not). */
export interface AlertsTable {
  id: number; rule_id: number | null; severity: string; title: string; reason: string; fold_key: string; folded_into: number | null; due_at: number | null;
  item_id: number | null; published_at: number | null; fetched_at: number | null; analysed_at: number | null; created_at: number;
  acknowledged_at: number | null; acknowledged_by: number | null;
  /** 0022: what else an alert can be about, and a manual raise's note and author. */
  event_id: number | null; source_id: number | null; note: string | null; raised_by: number | null;
  /** Escalation (0023): the rota's unit, steps taken, the last step's time, chain exhausted. */
  duty_unit_id: number | null; escalation_level: number; escalated_at: number | null; escalation_done: number;
}
/** alert_deliveries table: the outbox, one row per alert and channel. */
export interface AlertDeliveriesTable {
  alert_id: number; channel_id: number; state: string; attempts: number; last_error: string | null; next_at: number; sent_at: number | null;
}
/** incidents table: incident mode (24 小时值守) on an event. */
export interface IncidentsTable {
  id: number; event_id: number; started_by: number | null; started_at: number; until: number; poll_seconds: number;
  escalate_minutes: number | null; closed_at: number | null; closed_by: number | null; summary: string | null;
}
/** incident_sources table: the sources an incident polls at its interval. */
export interface IncidentSourcesTable { incident_id: number; source_id: number }
/** incident_log table: an incident's log (处置日志), by users and automatic. */
export interface IncidentLogTable { id: number; incident_id: number; at: number; user_id: number | null; kind: string; text: string }

/** alert_trigger_state table (0022): the last burst end a rule saw flagged per subject. */
export interface AlertTriggerStateTable { key: string; at: number }

/** duty_settings table: a unit's shift times ('HH:MM'). */
export interface DutySettingsTable { unit_id: number; day_start: string; night_start: string; updated_at: number }
/** duty_assignments table: who is on duty in a unit's shift, in order. */
export interface DutyAssignmentsTable { unit_id: number; date: string; shift: string; position: number; user_id: number }
/** duty_swaps table (换班). */
export interface DutySwapsTable {
  id: number; unit_id: number; date: string; shift: string; from_user_id: number; to_user_id: number; note: string | null;
  created_by: number | null; created_at: number;
}
/** duty_leave table: a person off duty on dates (inclusive). */
export interface DutyLeaveTable {
  id: number; user_id: number; start_date: string; end_date: string; note: string | null; created_by: number | null; created_at: number;
}
/** alert_recipients table: people an alert was sent to. */
export interface AlertRecipientsTable {
  alert_id: number; user_id: number; state: string; reason: string; attempts: number; last_error: string | null; next_at: number; sent_at: number | null;
}
/** alert_steps table: an alert's timeline. */
export interface AlertStepsTable { id: number; alert_id: number; at: number; kind: string; user_id: number | null; note: string | null }

/** A row type whose integer id the database assigns. */
type Auto<T extends { id: number }> = Omit<T, "id"> & { id: Generated<number> };

/** The database as Kysely sees it. */
export interface DB {
  units: Auto<UnitsTable>;
  users: Auto<UsersTable>;
  sessions: SessionsTable;
  audit_log: Auto<AuditLogTable>;
  sources: Auto<SourcesTable>;
  items: Auto<ItemsTable>;
  watches: Auto<WatchesTable>;
  watch_matches: WatchMatchesTable;
  report_templates: Auto<ReportTemplatesTable>;
  reports: Auto<ReportsTable>;
  report_versions: Auto<ReportVersionsTable>;
  report_instructions: Auto<ReportInstructionsTable>;
  report_schedules: Auto<ReportSchedulesTable>;
  report_runs: Auto<ReportRunsTable>;
  watch_match_counts: WatchMatchCountsTable;
  item_watch_spans: ItemWatchSpansTable;
  id_floors: IdFloorsTable;
  events: Auto<EventsTable>;
  user_words: Auto<UserWordsTable>;
  sentiment_corrections: Auto<SentimentCorrectionsTable>;
  sentiment_models: Auto<SentimentModelsTable>;
  alert_channels: Auto<AlertChannelsTable>;
  alert_rules: Auto<AlertRulesTable>;
  alerts: Auto<AlertsTable>;
  alert_deliveries: AlertDeliveriesTable;
  alert_trigger_state: AlertTriggerStateTable;
  incidents: Auto<IncidentsTable>;
  incident_sources: IncidentSourcesTable;
  incident_log: Auto<IncidentLogTable>;
  duty_settings: DutySettingsTable;
  duty_assignments: DutyAssignmentsTable;
  duty_swaps: Auto<DutySwapsTable>;
  duty_leave: Auto<DutyLeaveTable>;
  alert_recipients: AlertRecipientsTable;
  alert_steps: Auto<AlertStepsTable>;
  display_tokens: Auto<DisplayTokensTable>;
}

/** A case (处置工单). */
export interface CasesTable {
  id: number; title: string; summary: string; state: string; severity: string | null; category: string | null; unit_id: number | null;
  origin: string; event_id: number | null; alert_id: number | null; suggested_unit_id: number | null;
  suggested_by: string | null; feedback_due_at: number | null; reply_due_at: number | null; overdue: number; replied_at: number | null;
  closed_at: number | null; created_by: number | null; created_at: number; updated_at: number;
}

/** One step on a case's timeline. */
export interface CaseStepsTable {
  id: number; case_id: number; at: number; user_id: number | null; user_name: string; kind: string; from_state: string | null;
  to_state: string; text: string | null; data: string;
}

/** A routing rule (keyword / place / category → unit). */
export interface RoutingRulesTable {
  id: number; name: string; kind: string; terms: string; unit_id: number; priority: number; enabled: number; created_at: number; updated_at: number;
}

/** A deadline policy per severity and category. */
export interface CaseDeadlinesTable {
  id: number; severity: string; category: string; feedback_amount: number; feedback_unit: string; reply_amount: number; reply_unit: string;
}

/** A public board message. */
export interface BoardMessagesTable {
  id: number; query_code: string; category: string; unit_id: number | null; title: string; text: string; contact_enc: string | null;
  anonymous: number; status: string; moderation_reason: string | null; due_at: number | null; draft_text: string | null; draft_by: number | null;
  answer_text: string | null; answer_unit_id: number | null; answered_by: number | null; answered_at: number | null; case_id: number | null;
  rating: string | null; rated_at: number | null; created_at: number; accepted_at: number | null; updated_at: number;
}

/** One step on a board message's history. */
export interface BoardStepsTable {
  id: number; message_id: number; at: number; user_id: number | null; user_name: string; kind: string; text: string | null;
}

/** The number of a case's escalation memo (抄告单), kept for reprints. */
export interface CaseMemosTable { case_id: number; year: number; seq: number; created_by: number | null; created_at: number }

/** A file attached to a case (the bytes are stored by sha256 under the data dir). */
export interface CaseAttachmentsTable {
  id: number; case_id: number; name: string; size: number; sha256: string; mime: string; uploaded_by: number | null;
  uploaded_by_name: string; at: number;
}

/** An official, publicly attributed account a unit speaks through. */
export interface OfficialAccountsTable {
  id: number; unit_id: number; platform: string; account_name: string; public_url: string; spokesperson_user_id: number | null; enabled: number;
  created_at: number; updated_at: number;
}

/** A reply (回应) to a case, under one official account. */
export interface CaseRepliesTable {
  id: number; case_id: number; account_id: number; text: string; status: string; drafted_by: number | null; reviewed_by: number | null;
  review_note: string | null; published_url: string | null; published_at: number | null; created_at: number; updated_at: number;
}

/** A reply template for a category (unit_id NULL: every unit's). */
export interface ReplyTemplatesTable {
  id: number; category: string; title: string; text: string; unit_id: number | null; created_at: number; updated_at: number;
}

/** report_templates table. */
export interface ReportTemplatesTable {
  id: number; kind: string; name: string; title: string; issuing_unit: string; red_header: number; sections: string; is_default: number;
  created_at: number; updated_at: number;
}
/** reports table: a draft (content JSON) with its number once first issued. */
export interface ReportsTable {
  id: number; kind: string; template_id: number | null; event_id: number | null; period_from: string; period_to: string; title: string;
  content: string; year: number | null; seq: number | null; created_by: number | null; created_at: number; updated_by: number | null; updated_at: number;
}
/** report_versions table: issued, immutable (triggers refuse UPDATE and DELETE). */
export interface ReportVersionsTable {
  id: number; report_id: number; version: number; number: string; title: string; content: string; sha256: string;
  issued_by: number | null; issued_at: number;
}
/** report_instructions table: a leader's 批示 on an issued version. */
export interface ReportInstructionsTable { id: number; version_id: number; user_id: number | null; text: string; created_at: number }
/** report_schedules table. */
export interface ReportSchedulesTable {
  id: number; name: string; kind: string; period: string | null; template_id: number | null; at_time: string; weekday: number | null;
  monthday: number | null; format: string; channel_ids: string; auto_issue: number; enabled: number; next_run_at: number | null;
  last_run_at: number | null; created_by: number | null; created_at: number; updated_at: number;
}
/** report_runs table: generation history and progress. */
export interface ReportRunsTable {
  id: number; kind: string; trigger: string; schedule_id: number | null; status: string; stage: string; progress: number;
  report_id: number | null; error: string | null; timings: string; delivery: string | null; due_at: number | null;
  started_by: number | null; started_at: number; finished_at: number | null;
}

/** display_tokens table (0031): a wall display's read-only token, stored as its SHA-256. */
export interface DisplayTokensTable {
  id: number; name: string; token_hash: string; created_by: number | null; created_at: number; revoked_at: number | null; last_seen_at: number | null;
}
