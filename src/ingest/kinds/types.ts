// The one interface every polled source kind implements; the poller and the preview use only this.
import type { FetchResult, FetchUrlOptions } from "../fetcher";
import type { ParsedItem } from "../parse-feed";

/** What a kind needs from the outside world: the guarded fetcher, the ledger and the clock. */
export interface KindContext {
  /** The guarded fetcher with the configured cap, timeout and allow-list already applied. */
  fetch(url: string, validators?: Pick<FetchUrlOptions, "etag" | "lastModified">): Promise<FetchResult>;
  /** Which of these canonical URLs are already in the ledger (their articles are not fetched again). */
  knownUrls(canonicalUrls: readonly string[]): Set<string>;
  /** Office time zone, for times printed without one. */
  timeZone: string;
  now: number;
  /** What the site's robots.txt says of `url` (read once per origin and cached); "unreachable" when it could not be read. */
  robots(url: string): Promise<RobotsAnswer>;
  /** Article pages fetched at most per poll. */
  maxArticles: number;
}

/** The robots.txt answer for one URL. */
export type RobotsAnswer = "allowed" | "disallowed" | "unreachable";

/** A source as a kind sees it. */
export interface KindSource { url: string; config: unknown; etag: string | null; lastModified: string | null }

/** One poll's outcome; `warnings` are zh-CN notes for the preview (e.g. an article page that failed). */
export type KindResult =
  | { kind: "not-modified" }
  | { kind: "ok"; items: ParsedItem[]; pages: number; warnings: string[]; etag: string | null; lastModified: string | null };

/** A polled source kind: fetch its entries now. Throws FetchError/FeedError/SourceError on failure. */
export interface SourceKindModule { fetchEntries(source: KindSource, ctx: KindContext): Promise<KindResult> }
