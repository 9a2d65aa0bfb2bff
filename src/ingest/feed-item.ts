// The parsed shape every feed format reduces to, and the limits that keep one feed from
// flooding the ledger.
import { htmlToText, tidyLines } from "./html-text";
import { parseFeedDate } from "./parse-date";

/** One entry of a feed, reduced to plain text. */
export interface ParsedItem {
  guid: string | null;
  url: string | null;
  title: string;
  text: string;
  author: string | null;
  publishedAt: Date | null;
}

/** A feed's title and its items in document order. */
export interface ParsedFeed {
  title: string | null;
  items: ParsedItem[];
}

/** Items kept per feed; feeds list newest first, so the tail is what we drop. */
export const MAX_ITEMS = 1000;
/** Characters kept per item text. */
export const MAX_TEXT_CHARS = 200_000;
const TITLE_FROM_TEXT_CHARS = 60;

/** Cuts `s` to `max` UTF-16 units without splitting a surrogate pair. */
export function capChars(s: string, max: number): string {
  if (s.length <= max) return s;
  const code = s.charCodeAt(max - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** Escapes plain text so the HTML pass keeps "a<b" and "&amp;" literally. */
export function escapePlain(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
}

/** `href` made absolute against `base`; null unless the result is http(s). */
export function resolveUrl(href: string | null | undefined, base: string | null): string | null {
  if (!href) return null;
  try {
    const url = base ? new URL(href.trim(), base) : new URL(href.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : null;
  } catch {
    return null;
  }
}

/** Raw fields a reader found; `*Html` fields are HTML source, `textPlain` is already plain. */
export interface RawItem {
  guid: string | null;
  link: string | null;
  base: string | null;
  titleHtml: string | null;
  bodyHtml: string | null;
  bodyPlain?: string | null;
  author: string | null;
  date: string | null;
}

// RSS <author> must be an e-mail: "editor@example.com (张三)" → "张三".
function authorName(raw: string | null): string | null {
  if (!raw) return null;
  const m = /^\S+@\S+\s*\((.+)\)$/.exec(raw.trim());
  const name = htmlToText(m ? m[1] : raw).replace(/\n/g, " ");
  return name === "" ? null : name.slice(0, 200);
}

/** Turns raw fields into a ParsedItem, or null when the entry has nothing to show. */
export function makeItem(raw: RawItem): ParsedItem | null {
  const body = raw.bodyPlain != null ? tidyLines(raw.bodyPlain) : htmlToText(raw.bodyHtml ?? "");
  const text = capChars(body, MAX_TEXT_CHARS);
  let title = htmlToText(raw.titleHtml ?? "").replace(/\n/g, " ");
  // Micro-blog feeds often have no titles; the first words stand in so the ledger is readable.
  if (title === "" && text !== "") {
    const first = text.split("\n")[0];
    title = first.length > TITLE_FROM_TEXT_CHARS ? `${capChars(first, TITLE_FROM_TEXT_CHARS)}…` : first;
  }
  const url = resolveUrl(raw.link, raw.base);
  if (title === "" && text === "" && url === null) return null;
  const guid = raw.guid?.trim() ? raw.guid.trim().slice(0, 2000) : null;
  return { guid, url, title: capChars(title, 1000), text, author: authorName(raw.author), publishedAt: parseFeedDate(raw.date) };
}
