// Polls one feed source: conditional GET, parse, store new items; failures are stored on the row.
import type { Config } from "../config";
import type { Db } from "../db/connection";
import type { SourcesTable } from "../db/schema";
import { canonicalUrl, contentHash, describeFailure, FeedError, fetchUrl, nextFetchDelaySeconds, type ParsedItem } from "../ingest";
import { kindModule, storedConfig, type KindContext } from "../ingest/kinds";
import type { SourcePreview } from "../shared/api";
import type { FetchMessageCode } from "../shared/fetch-messages";
import { FUTURE_SLACK_MS, insertItems, knownCanonicalUrls, type NewItem } from "../store/items";
import { markFetchError, markFetchSuccess } from "../store/sources";

/** What one poll did; a failure's `error` is the zh-CN text stored on the row, `errorCode` its stable code. */
export interface PollResult { inserted: number; error?: string; errorCode?: FetchMessageCode }

/** The User-Agent we announce to the sites we fetch. */
export const USER_AGENT = "Tingfeng/0.1 (+self-hosted public-opinion monitor)";
// Feeds sometimes date posts in the future (wrong zone); never let them sort above genuinely new items.

/** Converts parsed entries into ledger rows, oldest first so that ids follow publication order. */
export function toNewItems(entries: ParsedItem[], now: number): NewItem[] {
  const rows = entries
    .map((e): NewItem => {
      const text = e.text.trim();
      const title = e.title.trim() || Array.from(text).slice(0, 40).join("") || "(无标题)";
      const published = e.publishedAt?.getTime() ?? null;
      return {
        guid: e.guid?.slice(0, 2048) || null,
        url: e.url,
        canonicalUrl: e.url ? canonicalUrl(e.url) : null,
        contentHash: contentHash(title, text),
        author: e.author?.slice(0, 200) || null,
        title: title.slice(0, 1000),
        text,
        publishedAt: published !== null && published > now + FUTURE_SLACK_MS ? now : published,
      };
    })
    .reverse();
  // Stable sort: undated entries keep their (reversed) feed position relative to their neighbours.
  return rows.sort((a, b) => (a.publishedAt ?? now) - (b.publishedAt ?? now));
}

/** Article pages an html source fetches at most per poll (the rest wait for the next poll). */
export const MAX_ARTICLES_PER_POLL = 20;

/** The kind context for polling or previewing with this configuration: the guarded fetcher, the ledger, the clock. */
export function kindContext(db: Db | null, config: Config, now: number): KindContext {
  return {
    fetch: (url, validators) => fetchUrl(url, {
      etag: validators?.etag ?? null, lastModified: validators?.lastModified ?? null, timeoutMs: config.fetchTimeoutMs,
      maxBytes: config.fetchMaxBytes, userAgent: USER_AGENT, allowHosts: config.fetchAllowHosts,
    }),
    knownUrls: (urls) => (db ? knownCanonicalUrls(db, urls) : new Set()),
    timeZone: config.timeZone, now, maxArticles: MAX_ARTICLES_PER_POLL,
  };
}

/** Fetches and stores one source through its kind's module; never throws for fetch or parse failures. */
export async function pollSource(db: Db, config: Config, source: SourcesTable, now = () => Date.now()): Promise<PollResult> {
  const startedAt = now();
  try {
    const kind = kindModule(source.kind);
    if (!kind) throw new FeedError("source.bad_config", `source kind ${source.kind} is not polled`);
    const res = await kind.fetchEntries(
      { url: source.url, config: storedConfig(source.config), etag: source.etag, lastModified: source.last_modified },
      kindContext(db, config, startedAt),
    );
    const next = now() + source.interval_seconds * 1000;
    if (res.kind === "not-modified") {
      markFetchSuccess(db, source.id, { etag: source.etag, lastModified: source.last_modified, nextFetchAt: next });
      return { inserted: 0 };
    }
    const ids = insertItems(db, source.id, toNewItems(res.items, startedAt), startedAt);
    markFetchSuccess(db, source.id, { etag: res.etag, lastModified: res.lastModified, nextFetchAt: next });
    return { inserted: ids.length };
  } catch (err) {
    // Stored and shown by code only: an error's own message may quote the response or the OS.
    const failure = describeFailure(err);
    const delay = nextFetchDelaySeconds(source.interval_seconds, source.error_count + 1);
    try {
      markFetchError(db, source.id, failure, now() + delay * 1000);
    } catch {
      // The source may have been deleted meanwhile; nothing to record.
    }
    return { inserted: 0, error: failure.message, errorCode: failure.code };
  }
}

const PREVIEW_TEXT_CHARS = 200;

/** What a source with these settings extracts right now, nothing stored; failures come back as error/errorCode. */
export async function previewSource(config: Config, kind: string, url: string, settings: Record<string, unknown>, now = Date.now()): Promise<SourcePreview> {
  try {
    const mod = kindModule(kind);
    if (!mod) throw new FeedError("source.bad_config", `source kind ${kind} is not polled`);
    const res = await mod.fetchEntries({ url, config: settings, etag: null, lastModified: null }, kindContext(null, config, now));
    if (res.kind === "not-modified") return { items: [], pages: 0, warnings: [] };
    const items = res.items.map((e) => ({
      title: e.title, url: e.url, publishedAt: e.publishedAt ? e.publishedAt.toISOString() : null, text: Array.from(e.text).slice(0, PREVIEW_TEXT_CHARS).join(""),
    }));
    return { items, pages: res.pages, warnings: res.warnings };
  } catch (err) {
    const failure = describeFailure(err);
    return { items: [], pages: 0, warnings: [], error: failure.message, errorCode: failure.code };
  }
}
