// JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1). Fields of the wrong type are
// dropped one by one so a single odd value does not lose the whole feed.
import { z } from "zod";
import { FeedError } from "./errors";
import { escapePlain, makeItem, resolveUrl, MAX_ITEMS, type ParsedFeed, type ParsedItem } from "./feed-item";
import { htmlToText } from "./html-text";

const str = z.string().optional().catch(undefined);
const author = z.object({ name: str }).optional().catch(undefined);

const itemSchema = z.object({
  id: z.union([z.string(), z.number()]).optional().catch(undefined),
  url: str,
  external_url: str,
  title: str,
  content_html: str,
  content_text: str,
  summary: str,
  date_published: str,
  date_modified: str,
  author,
  authors: z.array(author).optional().catch(undefined),
});

const feedSchema = z.object({
  version: z.string().regex(/^https?:\/\/jsonfeed\.org\/version\/1(\.\d+)?\/?$/),
  title: str,
  home_page_url: str,
  feed_url: str,
  items: z.array(z.unknown()),
});

function readItem(raw: unknown, base: string | null): ParsedItem | null {
  const parsed = itemSchema.safeParse(raw);
  if (!parsed.success) return null;
  const it = parsed.data;
  const hasHtml = Boolean(it.content_html?.trim());
  return makeItem({
    guid: it.id === undefined ? null : String(it.id),
    link: it.url ?? it.external_url ?? null,
    base,
    // JSON Feed titles are plain text, not HTML.
    titleHtml: it.title === undefined ? null : escapePlain(it.title),
    bodyHtml: hasHtml ? (it.content_html ?? null) : null,
    bodyPlain: hasHtml ? null : (it.content_text ?? it.summary ?? null),
    author: it.authors?.find((a) => a?.name)?.name ?? it.author?.name ?? null,
    date: it.date_published ?? it.date_modified ?? null,
  });
}

/** Reads a JSON Feed document already decoded to text; throws FeedError when it is not one. */
export function readJsonFeed(source: string, baseUrl: string | null): ParsedFeed {
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (cause) {
    throw new FeedError("feed.malformed", `The response looks like JSON but does not parse: ${(cause as Error).message}.`, { cause });
  }
  const feed = feedSchema.safeParse(json);
  if (!feed.success) {
    throw new FeedError(
      "feed.not_a_feed",
      'The response is JSON but not a JSON Feed (it needs "version": "https://jsonfeed.org/version/1.1" and an "items" list). Check that the URL is the feed, not an API endpoint.',
    );
  }
  const base = resolveUrl(feed.data.home_page_url, baseUrl) ?? resolveUrl(feed.data.feed_url, baseUrl) ?? baseUrl;
  const items: ParsedItem[] = [];
  for (const raw of feed.data.items) {
    if (items.length >= MAX_ITEMS) break;
    const item = readItem(raw, base);
    if (item) items.push(item);
  }
  const title = htmlToText(escapePlain(feed.data.title ?? "")).replace(/\n/g, " ");
  return { title: title === "" ? null : title, items };
}
