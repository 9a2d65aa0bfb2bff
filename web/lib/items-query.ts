// The ledger's URL filters and their translation into GET /api/items parameters.

/** Filter keys kept in the ledger's URL. */
export const ITEM_FILTER_KEYS = [
  "q",
  "sourceId",
  "status",
  "from",
  "to",
  "collapse",
  "sentiment",
  "watchId",
  "eventId",
  "page",
  "size",
] as const;
/** The ledger's URL filters, "" when unset. */
export type ItemFilters = Record<(typeof ITEM_FILTER_KEYS)[number], string>;

/** Rows per page when the URL does not say. */
export const DEFAULT_PAGE_SIZE = 20;

function positiveInt(text: string, fallback: number): number {
  const value = Number.parseInt(text, 10);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Page number and size from URL filters (any list's), with defaults for missing or bad values. */
export function pageOf(filters: { page: string; size: string }): { page: number; size: number } {
  return { page: positiveInt(filters.page, 1), size: Math.min(positiveInt(filters.size, DEFAULT_PAGE_SIZE), 200) };
}

/** Whether copies are hidden (only each repost group's first post shown): on unless the URL says collapse=0. */
export function isCollapsed(filters: Pick<ItemFilters, "collapse">): boolean {
  return filters.collapse !== "0";
}

/** Whether any filter beside the search text is set (a phone then shows the filters it hides otherwise). */
export function hasNarrowingFilters(filters: ItemFilters): boolean {
  const { sourceId, status, from, to, collapse, sentiment, watchId, eventId } = filters;
  return [sourceId, status, from, to, collapse, sentiment, watchId, eventId].some((value) => value !== "");
}

/** Query parameters shared by the list and the XLSX export. */
export function itemSearchParams(filters: ItemFilters): Record<string, string> {
  const { q, sourceId, status, from, to, sentiment, watchId, eventId } = filters;
  const collapse = isCollapsed(filters) ? "1" : "";
  return { q: q.trim(), sourceId, status, from, to, collapse, sentiment, watchId, eventId };
}

/** Query parameters of one page of GET /api/items (newest first is the server's order). */
export function itemListParams(filters: ItemFilters): Record<string, string | number> {
  const { page, size } = pageOf(filters);
  return { ...itemSearchParams(filters), limit: size, offset: (page - 1) * size };
}
