// Row → API view conversions (times become ISO strings).
import type { AuditLogTable, SourcesTable, UnitsTable, UsersTable } from "../db/schema";
import type { ItemWatchMatch } from "../store/analysis";
import type { ItemRow } from "../store/items";
import type { ItemAnalysisView, SentimentLabel } from "../shared/analysis-api";
import type { AuditEntryView, ItemView, ItemStatus, Role, SourceKind, SourceSettings, SourceView, UnitView, UserView } from "../shared/api";
import { iso } from "../shared/iso";
import { htmlSettings, jsonSettings, storedConfig } from "../ingest/kinds/config";


/** A user as the API shows it (never the password hash). */
export function presentUser(u: UsersTable): UserView {
  return {
    id: u.id, username: u.username, displayName: u.display_name, role: u.role as Role, unitId: u.unit_id,
    disabled: !!u.disabled, createdAt: iso(u.created_at)!, email: u.email ?? null, phone: u.phone ?? null,
  };
}

/** A unit. */
export function presentUnit(u: UnitsTable): UnitView {
  return { id: u.id, parentId: u.parent_id, name: u.name };
}

/** A source with its health. */
export function presentSource(s: SourcesTable): SourceView {
  return {
    id: s.id, name: s.name, kind: s.kind as SourceKind, url: s.url, intervalSeconds: s.interval_seconds,
    priority: s.priority, enabled: !!s.enabled, lastFetchedAt: iso(s.last_fetched_at), lastSuccessAt: iso(s.last_success_at),
    lastError: s.last_error, lastErrorCode: s.last_error_code, errorCount: s.error_count, nextFetchAt: iso(s.next_fetch_at), itemCount: s.item_count,
    createdAt: iso(s.created_at)!, ...sourceSettings(s),
    intervalOverride: s.override_until != null && s.override_seconds != null ? { intervalSeconds: s.override_seconds, until: iso(s.override_until)! } : null,
  };
}

// Only settings valid for the source's kind are shown; a feed has none.
function sourceSettings(s: SourcesTable): SourceSettings {
  const stored = storedConfig(s.config);
  const parsed = s.kind === "html" ? htmlSettings.safeParse(stored) : s.kind === "json" ? jsonSettings.safeParse(stored) : null;
  return parsed?.success ? parsed.data : {};
}

/** Context for item analysis views, loaded once per page (see loadItemContext). */
export type ItemContext = {
  groupSizes: Map<string, number>;
  watches: Map<number, ItemWatchMatch[]>;
  eventTitles: Map<number, string>;
  /** Usernames of the users who last set the items' status. */
  triagers: Map<number, string>;
};

function parseJson<T>(text: string | null, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** The analysis part of an item view (null until analysed). */
export function presentAnalysis(i: ItemRow, ctx?: ItemContext): ItemAnalysisView | null {
  if (i.analysed_at == null || !i.sentiment) return null;
  const size = i.dup_group ? ctx?.groupSizes.get(i.dup_group) ?? 1 : 1;
  return {
    sentiment: { label: i.sentiment as SentimentLabel, score: i.sentiment_score ?? 0, corrected: !!i.sentiment_manual },
    keywords: parseJson<string[]>(i.keywords, []),
    dupGroup: i.dup_group,
    repostCount: Math.max(0, size - 1),
    isOriginal: !i.dup_group || i.dup_group === String(i.id),
    eventId: i.event_id,
    eventTitle: (i.event_id !== null && ctx?.eventTitles.get(i.event_id)) || null,
    watches: ctx?.watches.get(i.id) ?? [],
  };
}

/** An item of the ledger. */
export function presentItem(i: ItemRow, ctx?: ItemContext): ItemView {
  return {
    id: i.id, sourceId: i.source_id, sourceName: i.source_name, title: i.title, text: i.text, url: i.url,
    author: i.author, publishedAt: iso(i.published_at), fetchedAt: iso(i.fetched_at)!, status: i.status as ItemStatus,
    triagedBy: i.triaged_by === null ? null : (ctx?.triagers.get(i.triaged_by) ?? null), triagedAt: iso(i.triaged_at),
    analysis: presentAnalysis(i, ctx),
  };
}

/** An audit row. */
export function presentAudit(a: AuditLogTable): AuditEntryView {
  return {
    id: a.id, at: iso(a.at)!, actorId: a.actor_id, actorName: a.actor_name, action: a.action,
    targetType: a.target_type, targetId: a.target_id, summary: a.summary, ip: a.ip,
  };
}
