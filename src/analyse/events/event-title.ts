// A readable title for an event: what most people reposted, as its first poster worded it.

/** Longest title, in characters (code points), including the ellipsis when cut. */
export const MAX_TITLE_CHARS = 40;

// A title needs some words: "转发", "…" or a row of emoji says nothing about the incident.
const MIN_WORD_CHARS = 4;

function cleanTitle(title: string): string {
  return title.replace(/\s+/gu, " ").trim();
}

function wordChars(title: string): number {
  return title.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
}

/** Cuts to MAX_TITLE_CHARS code points with an ellipsis, never inside a surrogate pair. */
export function trimTitle(title: string, max = MAX_TITLE_CHARS): string {
  const chars = Array.from(title);
  return chars.length <= max ? title : `${chars.slice(0, max - 1).join("").trimEnd()}…`;
}

/**
 * The title of the earliest item among the most reposted ones (largest `dupGroupSize`, default 1),
 * skipping titles without words; else the top three keywords joined by "·"; else "".
 */
export function eventTitle(
  items: readonly { title: string; publishedAt: number; dupGroupSize?: number }[],
  topKeywords: readonly string[],
): string {
  const usable = items
    .map((it) => ({ title: cleanTitle(it.title ?? ""), at: Number.isFinite(it.publishedAt) ? it.publishedAt : Infinity, size: it.dupGroupSize ?? 1 }))
    .filter((it) => wordChars(it.title) >= MIN_WORD_CHARS);
  usable.sort((a, b) => b.size - a.size || a.at - b.at || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
  if (usable.length) return trimTitle(usable[0].title);
  return topKeywords.map((k) => k.trim()).filter(Boolean).slice(0, 3).join("·");
}
