// Polls one feed source: conditional GET, parse, store new items; failures are stored on the row.
import type { Config } from "../config";
import type { Db } from "../db/connection";
import { waitForWriteLock } from "../db/write-lock";
import type { SourcesTable } from "../db/schema";
import { canonicalUrl, contentHash, describeFailure, FeedError, fetchUrl, nextFetchDelaySeconds, type ParsedItem } from "../ingest";
import { kindModule, storedConfig, type KindContext } from "../ingest/kinds";
import { createRobotsCache, type RobotsCache } from "../ingest/robots";
import { createHostLimiter, type HostLimiter } from "../ingest/host-limiter";
import type { SourcePreview } from "../shared/api";
import type { FetchMessageCode } from "../shared/fetch-messages";
import { fetchErrors, itemsFetched, itemsStored } from "../ops/metrics";
import { FUTURE_SLACK_MS, insertItems, knownCanonicalUrls, type NewItem } from "../store/items";
import { markFetchError, markFetchSuccess, noteSourceSilence } from "../store/sources";
import { sourceRhythm } from "../store/source-activity";
import { silenceReason } from "../ingest/health";

/** What one poll did; a failure's `error` is the zh-CN text stored on the row, `errorCode` its stable code. */
/** What a poll did; `busy`: another process held the database past the busy timeout, so nothing was recorded. */
export interface PollResult { inserted: number; error?: string; errorCode?: FetchMessageCode; busy?: true }

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

/** A robots.txt file is read with at most this many bytes (RFC 9309 asks for at least 500 KiB). */
const ROBOTS_MAX_BYTES = 512 * 1024;
/** A site's Crawl-delay is honoured up to this (a larger one would stall a poll). */
const MAX_CRAWL_DELAY_MS = 30_000;

// One robots cache and one per-host limiter per configuration (the server has one; tests make many).
const politeness = new WeakMap<Config, { robots: RobotsCache; limiter: HostLimiter }>();

/** The process's robots.txt cache and per-host limiter for this configuration. */
export function politenessFor(config: Config): { robots: RobotsCache; limiter: HostLimiter } {
  let p = politeness.get(config);
  if (!p) {
    const limiter = createHostLimiter({ concurrency: config.fetchHostConcurrency, minDelayMs: config.fetchHostDelayMs });
    const robots = createRobotsCache((url) => limiter.run(new URL(url).host, async () => {
      const r = await fetchUrl(url, { timeoutMs: config.fetchTimeoutMs, maxBytes: ROBOTS_MAX_BYTES, userAgent: USER_AGENT, allowHosts: config.fetchAllowHosts });
      return { body: r.kind === "ok" ? r.body : Buffer.alloc(0) };
    }));
    p = { robots, limiter };
    politeness.set(config, p);
  }
  return p;
}

/**
 * The kind context for polling or previewing with this configuration: the guarded fetcher behind the
 * per-host limiter, robots.txt (its Crawl-delay slows that host), the ledger, the clock.
 */
export function kindContext(db: Db | null, config: Config, now: number): KindContext {
  const { robots, limiter } = politenessFor(config);
  const fetch: KindContext["fetch"] = (url, validators) => limiter.run(new URL(url).host, () => fetchUrl(url, {
    etag: validators?.etag ?? null, lastModified: validators?.lastModified ?? null, timeoutMs: config.fetchTimeoutMs,
    maxBytes: config.fetchMaxBytes, userAgent: USER_AGENT, allowHosts: config.fetchAllowHosts,
  }));
  return {
    fetch,
    async robots(url) {
      const verdict = await robots.check(url);
      if (verdict.crawlDelay) limiter.setDelay(new URL(url).host, Math.min(MAX_CRAWL_DELAY_MS, verdict.crawlDelay * 1000));
      return verdict.allowed ? "allowed" : verdict.reason === "unreachable" ? "unreachable" : "disallowed";
    },
    knownUrls: (urls) => (db ? knownCanonicalUrls(db, urls) : new Set()),
    timeZone: config.timeZone, now, maxArticles: MAX_ARTICLES_PER_POLL,
  };
}

/** A poll that worked: a source with nothing new may have gone silent beyond its rhythm (alerted once). */
function noteSilence(db: Db, source: SourcesTable, inserted: number, now: number): void {
  if (inserted > 0) return noteSourceSilence(db, source.id, null, now);
  const r = sourceRhythm(db, source.id, now);
  noteSourceSilence(db, source.id, silenceReason({ ...r, itemCount: source.item_count, now }), now);
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
    // Another process holding the write lock (a CLI command, a backup): wait for it off the event loop. Still
    // held past the busy timeout, nothing is written and the source stays due; the scheduler holds it back a tick.
    if (!(await waitForWriteLock(db, config.dbBusyTimeoutMs))) return { inserted: 0, busy: true };
    const next = now() + source.interval_seconds * 1000;
    if (res.kind === "not-modified") {
      markFetchSuccess(db, source.id, { etag: source.etag, lastModified: source.last_modified, nextFetchAt: next });
      noteSilence(db, source, 0, startedAt);
      return { inserted: 0 };
    }
    const ids = insertItems(db, source.id, toNewItems(res.items, startedAt), startedAt);
    itemsFetched.inc({ source_id: String(source.id) }, res.items.length);
    itemsStored.inc({ source_id: String(source.id) }, ids.length);
    markFetchSuccess(db, source.id, { etag: res.etag, lastModified: res.lastModified, nextFetchAt: next });
    noteSilence(db, source, ids.length, startedAt);
    return { inserted: ids.length };
  } catch (err) {
    // Stored and shown by code only: an error's own message may quote the response or the OS.
    const failure = describeFailure(err);
    fetchErrors.inc({ source_id: String(source.id), code: failure.code });
    const delay = nextFetchDelaySeconds(source.interval_seconds, source.error_count + 1);
    if (!(await waitForWriteLock(db, config.dbBusyTimeoutMs))) return { inserted: 0, error: failure.message, errorCode: failure.code, busy: true };
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
