// The ledger's URL filters and their translation into GET /api/items parameters.

/** Filter keys kept in the ledger's URL. */
export const ITEM_FILTER_KEYS = ["q", "sourceId", "status", "from", "to", "page", "size"] as const;
/** The ledger's URL filters, "" when unset. */
export type ItemFilters = Record<(typeof ITEM_FILTER_KEYS)[number], string>;

/** Rows per page when the URL does not say. */
export const DEFAULT_PAGE_SIZE = 20;

function positiveInt(text: string, fallback: number): number {
  const value = Number.parseInt(text, 10);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Page number and size from the filters, with defaults for missing or bad values. */
export function pageOf(filters: ItemFilters): { page: number; size: number } {
  return { page: positiveInt(filters.page, 1), size: Math.min(positiveInt(filters.size, DEFAULT_PAGE_SIZE), 200) };
}

/** Query parameters shared by the list and the XLSX export. */
export function itemSearchParams(filters: ItemFilters): Record<string, string> {
  const { q, sourceId, status, from, to } = filters;
  return { q: q.trim(), sourceId, status, from, to };
}

/** Query parameters of one page of GET /api/items (newest first is the server's order). */
export function itemListParams(filters: ItemFilters): Record<string, string | number> {
  const { page, size } = pageOf(filters);
  return { ...itemSearchParams(filters), limit: size, offset: (page - 1) * size };
}
