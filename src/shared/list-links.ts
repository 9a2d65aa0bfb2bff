// The list pages a report figure links to: the URL filters each page reads and the API query it sends for
// them. The pages build their API calls with these, and the report-link test follows every figure's href
// through them, so a link cannot carry a filter its page ignores. Times in links are ISO instants, both
// ends included (as the ledger's from/to); case-stats periods are office dates.

/** What a page's URL offers (URLSearchParams or anything with get). */
export interface LinkParams { get(key: string): string | null }

/** /cases: open (1 by default, 0, all), state, created/closed between, overdue (1: now, or an ISO moment). */
export const CASE_LINK_KEYS = ["open", "state", "createdFrom", "createdTo", "closedFrom", "closedTo", "overdue"] as const;
/** /alerts: raised between from and to, severity, one alert by id. */
export const ALERT_LINK_KEYS = ["from", "to", "severity", "id"] as const;
/**
 * /board-admin: status (one, or several joined by commas), received between from and to, answered between, and
 * as they stood at a moment: accepted (and not rejected) by then, not answered by then.
 */
export const BOARD_LINK_KEYS = ["status", "from", "to", "answeredFrom", "answeredTo", "acceptedAt", "unansweredAt"] as const;
/** /case-stats: the period's first and last office dates, and the moment deadlines are judged at. */
export const CASE_STATS_LINK_KEYS = ["from", "to", "at"] as const;

function copy(params: LinkParams, keys: readonly string[]): URLSearchParams {
  const q = new URLSearchParams();
  for (const k of keys) {
    const v = params.get(k);
    if (v) q.set(k, v);
  }
  return q;
}

/** GET /api/cases filters for the /cases page's URL (paging added by the page). */
export function casesApiQuery(params: LinkParams): URLSearchParams {
  const q = copy(params, CASE_LINK_KEYS.filter((k) => k !== "open"));
  const open = params.get("open") || "1";
  if (open !== "all") q.set("open", open);
  return q;
}

/** GET /api/alerts filters for the /alerts page's URL. */
export const alertsApiQuery = (params: LinkParams): URLSearchParams => copy(params, ALERT_LINK_KEYS);

/** GET /api/board/messages filters for the /board-admin page's URL (paging added by the page). */
export const boardApiQuery = (params: LinkParams): URLSearchParams => copy(params, BOARD_LINK_KEYS);

/** GET /api/cases/stats period for the /case-stats page's URL. */
export const caseStatsApiQuery = (params: LinkParams): URLSearchParams => copy(params, CASE_STATS_LINK_KEYS);

/** Each filtered list page a report links to: the URL keys it reads and the API it asks with them. */
export const LIST_LINK_PAGES: Readonly<Record<string, { keys: readonly string[]; api: string; apiQuery: (params: LinkParams) => URLSearchParams }>> = {
  "/cases": { keys: CASE_LINK_KEYS, api: "/api/cases", apiQuery: casesApiQuery },
  "/alerts": { keys: ALERT_LINK_KEYS, api: "/api/alerts", apiQuery: alertsApiQuery },
  "/board-admin": { keys: BOARD_LINK_KEYS, api: "/api/board/messages", apiQuery: boardApiQuery },
  "/case-stats": { keys: CASE_STATS_LINK_KEYS, api: "/api/cases/stats", apiQuery: caseStatsApiQuery },
};
