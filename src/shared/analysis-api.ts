// Shapes of the analysis API (sentiment, reposts, watches, events, dictionary); shared by the
// server and the web UI (no node:* imports). Times are ISO strings.

/** Sentiment classes. */
export const SENTIMENT_LABELS = ["neg", "neu", "pos"] as const;
/** One of SENTIMENT_LABELS. */
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];
/** What the Chinese UI and the exports call each sentiment label. */
export const SENTIMENT_ZH: Record<SentimentLabel, string> = { neg: "负面", neu: "中性", pos: "正面" };

/** Risk levels 一般 / 较大 / 重大. */
export const RISK_LEVELS = ["general", "significant", "major"] as const;
/** One of RISK_LEVELS. */
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Kinds of user-dictionary words. */
export const USER_WORD_KINDS = ["place", "org", "term"] as const;
/** One of USER_WORD_KINDS. */
export type UserWordKind = (typeof USER_WORD_KINDS)[number];

/** A highlight span in an item's title or text (UTF-16 offsets into the original string, end exclusive). */
export interface MatchSpanView { field: "title" | "text"; start: number; end: number }

/** What the analysis pipeline stored for one item; null until the item has been analysed. */
export interface ItemAnalysisView {
  sentiment: { label: SentimentLabel; score: number; corrected: boolean };
  keywords: string[];
  /** Near-duplicate group (items with the same id are copies of one original). */
  dupGroup: string | null;
  /** Copies in the group besides the first post (the ledger's "转载 N"). */
  repostCount: number;
  /** True for the group's first post (earliest publication) or an item without copies. */
  isOriginal: boolean;
  eventId: number | null;
  /** The event's current title (null until the event has one). */
  eventTitle: string | null;
  /** Watches this item matched, with highlight spans. */
  watches: { id: number; name: string; spans: MatchSpanView[] }[];
}

/**
 * A burst flag: last hour against the previous 12 hours and the same hour on previous days. The
 * hours are those of the event's volume chart: `lastHour` is its last point, `baseline` the mean of
 * the 12 points before it, `ratio` lastHour / baseline (null when the baseline is 0).
 */
export interface BurstView { flag: boolean; lastHour: number; baseline: number; ratio: number | null; z: number; reasons: string[] }

/** A repost group: first poster, size, sources and copies per hour by source. */
export interface RepostGroupView {
  dupGroup: string;
  size: number;
  first: { itemId: number; title: string; sourceName: string; author: string | null; publishedAt: string | null };
  sources: { name: string; count: number }[];
  /** Copies per hour (hour = ISO start of the hour) by source name. */
  timeline: { hour: string; source: string; count: number }[];
  members: { itemId: number; title: string; sourceName: string; publishedAt: string | null; url: string | null }[];
}

/** A watch (监测方案) with its recent activity. */
export interface WatchView {
  id: number;
  name: string;
  query: string;
  enabled: boolean;
  matchCount: number;
  /** Matches among items published (fetched, when the date is unknown) since the server's midnight. */
  matchesToday: number;
  burst: BurstView | null;
  createdAt: string;
  updatedAt: string;
}

/** POST /api/watches/preview response: matches among recent items (parse errors come as 400 with fields.query). */
export interface WatchPreview {
  scanned: number;
  matched: number;
  items: { id: number; title: string; text: string; sourceName: string; publishedAt: string | null; spans: MatchSpanView[] }[];
}

/** An event (舆情事件) in lists. */
export interface EventSummaryView {
  id: number;
  title: string;
  firstAt: string;
  lastAt: string;
  size: number;
  sentimentMix: { neg: number; neu: number; pos: number };
  topKeywords: string[];
  risk: { level: RiskLevel; suggested: RiskLevel; overridden: boolean; score: number; reasons: string[] };
  burst: BurstView | null;
}

/** GET /api/events/:id response. */
export interface EventDetailView extends EventSummaryView {
  sources: { name: string; count: number }[];
  /** Items per hour (ISO start of the hour). */
  volume: { hour: string; count: number }[];
  keywords: { word: string; weight: number }[];
  items: { id: number; title: string; sourceName: string; publishedAt: string | null; sentiment: SentimentLabel | null; dupGroup: string | null; url: string | null }[];
}

/** GET /api/events response. */
export interface EventPage { events: EventSummaryView[]; total: number }

/** A user-dictionary word. */
export interface UserWordView { id: number; word: string; kind: UserWordKind; createdAt: string }

/** The active sentiment model, if any. */
export interface SentimentModelView {
  active: { id: number; createdAt: string; examples: number; source: "corrections" | "file"; holdoutAccuracy: number | null } | null;
  corrections: number;
}
