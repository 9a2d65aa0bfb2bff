// Shapes exchanged over the JSON API; shared by the server and the web UI (no node:* imports).
import type { ItemAnalysisView } from "./analysis-api";

/** Roles a user can hold (see SPEC "Users and roles"). */
export const ROLES = ["admin", "monitor", "leader", "handler", "spokesperson", "contributor"] as const;
/** One of ROLES. */
export type Role = (typeof ROLES)[number];

/** Shortest password accepted (the server also refuses common ones). */
export const MIN_PASSWORD_LENGTH = 10;

/** Triage status of a collected item. */
export const ITEM_STATUSES = ["new", "seen", "ignored"] as const;
/** One of ITEM_STATUSES. */
export type ItemStatus = (typeof ITEM_STATUSES)[number];
/** What the Chinese UI and the exports call each triage status (one wording everywhere). */
export const ITEM_STATUS_ZH: Record<ItemStatus, string> = { new: "未读", seen: "已读", ignored: "已忽略" };

/** Source kinds the ingest registry knows. */
export const SOURCE_KINDS = ["rss", "html", "json", "import", "manual"] as const;
/** The kinds the scheduler polls (imports and manual entries are filled by people). */
export const POLLED_SOURCE_KINDS = ["rss", "html", "json"] as const;
/** One of SOURCE_KINDS. */
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Error body of every non-2xx response; `fields` maps a form field to its message. */
export interface ApiError {
  code: string;
  message: string;
  fields?: Record<string, string>;
}

/** A signed-in user as the UI sees it. */
export interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  disabled: boolean;
  createdAt: string;
  /** Where alerts reach the person by e-mail (null: in-app only). */
  email: string | null;
  phone: string | null;
}

/** Body of POST /api/auth/login and GET /api/auth/me. */
export interface SessionView {
  csrfToken: string;
  user: UserView;
}

/** A node of the unit tree. */
export interface UnitView {
  id: number;
  parentId: number | null;
  name: string;
}

/** A monitored source with its health. */
export interface SourceView extends SourceSettings {
  id: number;
  name: string;
  kind: SourceKind;
  url: string;
  intervalSeconds: number;
  priority: number;
  enabled: boolean;
  lastFetchedAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  /** Stable code of lastError (src/shared/fetch-messages.ts), to show it in the reader's language. */
  lastErrorCode: string | null;
  errorCount: number;
  nextFetchAt: string | null;
  itemCount: number;
  createdAt: string;
  /** Health as a traffic light with its reasons (Chinese), in the list (src/ingest/health.ts). */
  health?: { level: "green" | "yellow" | "red"; reasons: string[] };
  /** Items fetched per day over the last 7 days, oldest first (the sparkline). */
  itemsPerDay?: number[];
  /** A temporary interval until a moment (an expired one is shown until replaced; it no longer applies). */
  intervalOverride?: { intervalSeconds: number; until: string } | null;
}

/** Kind settings of html and json sources, as the API accepts and shows them (all absent for feeds). */
export interface SourceSettings {
  /** html: CSS selectors of the list page; title/link/time/body are looked up inside each item. */
  selectors?: { item: string; title: string; link: string; time?: string; body?: string };
  /** html/json: how the time text is written, e.g. "YYYY-MM-DD HH:mm"; relative times (5分钟前) need none. */
  timeFormat?: string;
  /** html/json: fetch even what the site's robots.txt disallows (administrators only; audited). */
  ignoreRobots?: boolean;
  /** html: list pages read per poll (1–10). */
  pages?: number;
  /** html: selector of the next-page link. */
  nextPage?: string;
  /** html: URL of page N with {page} for N, instead of nextPage. */
  pageUrlPattern?: string;
  /** json: dot paths to the list (from the root) and to each field (from a list element). */
  mapping?: { list: string; title: string; link?: string; time?: string; text?: string; author?: string };
}

/** One entry the "test this source" preview extracted. */
export interface SourcePreviewItem { title: string; url: string | null; publishedAt: string | null; text: string }

/** POST /api/sources/preview: what the settings extract right now, nothing saved. */
export interface SourcePreview {
  items: SourcePreviewItem[]; pages: number; warnings: string[];
  /** Set when the fetch failed: the zh-CN text and its stable code (src/shared/fetch-messages.ts). */
  error?: string; errorCode?: string;
}

/** One collected post or article in the ledger. */
export interface ItemView {
  id: number;
  sourceId: number;
  sourceName: string;
  title: string;
  text: string;
  url: string | null;
  author: string | null;
  publishedAt: string | null;
  fetchedAt: string;
  status: ItemStatus;
  /** Username of who last set the status (null while untouched, or when that account is gone). */
  triagedBy: string | null;
  /** When the status was last set. */
  triagedAt: string | null;
  /** Sentiment, keywords, reposts, event and watch matches; null until analysed. */
  analysis: ItemAnalysisView | null;
}

/** Most items one bulk triage request may change. */
export const TRIAGE_MAX_ITEMS = 500;

/** Body of POST /api/items/triage. */
export interface BulkTriageRequest {
  ids: number[];
  status: ItemStatus;
}

/** POST /api/items/triage response: how many items changed status (those already in it are left as they were). */
export interface BulkTriageResult {
  updated: number;
}

/** GET /api/items response. */
export interface ItemPage {
  items: ItemView[];
  /** Matching items; with `capped`, the count stopped there (the collapsed ledger counts at most 10,000). */
  total: number;
  capped: boolean;
}

/** One audit log row. */
export interface AuditEntryView {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  summary: string;
  ip: string | null;
}

/** GET /api/audit response. */
export interface AuditPage {
  entries: AuditEntryView[];
  total: number;
}

/** GET /api/dashboard response. */
export interface DashboardView {
  itemsToday: number;
  itemsTotal: number;
  sourcesTotal: number;
  sourcesFailing: number;
  perSource: { sourceId: number; name: string; total: number; today: number }[];
  volume7d: { date: string; count: number }[];
}
