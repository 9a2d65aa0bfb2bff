// Fetches one feed URL politely and defensively: conditional GET, bounded redirects, one
// deadline for headers and body, and a byte cap enforced while streaming. Every connection goes
// through the guarded agent (public addresses, or what TINGFENG_FETCH_ALLOW_HOSTS names).
import { fetch, type Agent, type Response } from "undici";
import { parseAllowList, type AllowList } from "./allow-hosts";
import { FetchError } from "./errors";
import { BlockedAddressError, isUrlPermittedBeforeLookup, sharedGuardedAgent, type Resolver } from "./guarded-agent";
import { isBinaryMediaType, mediaType, sniffBinary } from "./sniff";

/** Options for fetchFeedUrl; etag/lastModified come from the previous successful fetch. */
export interface FetchFeedOptions {
  etag?: string | null;
  lastModified?: string | null;
  timeoutMs: number;
  maxBytes: number;
  userAgent: string;
  /** TINGFENG_FETCH_ALLOW_HOSTS: the only non-public hosts and addresses the fetch may reach. */
  allowHosts: readonly string[];
  /** Resolves host names at connect time (default: dns.lookup with all: true); tests simulate DNS with it. */
  resolve?: Resolver;
}

/** A fetched body with the validators to send next time, or "nothing changed". */
export type FetchResult =
  | { kind: "ok"; body: Buffer; contentType: string | null; etag: string | null; lastModified: string | null; finalUrl: string }
  | { kind: "not-modified" };

const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

function httpUrl(raw: string, base?: string): URL {
  let url: URL;
  try {
    url = base === undefined ? new URL(raw) : new URL(raw, base);
  } catch {
    throw new FetchError("fetch.bad_url", `"${raw}" is not a valid URL; check for typos and include http:// or https://.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchError("fetch.bad_url", `Only http and https URLs can be fetched, not ${url.protocol} ("${url.href}").`);
  }
  if (url.username || url.password) throw new FetchError("fetch.credentials_in_url", "URLs with a user name or password are not fetched.");
  return url;
}

function statusMessage(status: number, url: URL): string {
  const where = `${url.host} answered HTTP ${status}`;
  if (status === 404 || status === 410) return `${where}: the feed is not at this address any more; check the URL on the site.`;
  if (status === 401 || status === 403) return `${where}: the site refuses access; it may need a login or block automated readers.`;
  if (status === 429) return `${where}: too many requests; the fetch will be retried later with a longer interval.`;
  if (status >= 500) return `${where}: the site has a server error; the fetch will be retried later.`;
  return `${where} (expected 200).`;
}

async function readCapped(res: Response, maxBytes: number, url: URL): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new FetchError("fetch.too_large", `The response from ${url.host} exceeds the ${maxBytes}-byte limit; a feed should be far smaller. Check the URL or raise the fetch size limit.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

function blocked(url: URL, cause?: unknown): FetchError {
  return new FetchError("fetch.blocked_address", `${url.host} is, or resolves to, an internal or local address; not fetched.`, { cause });
}

// One message for every connection failure (refused, reset, unresolvable, TLS): which one it was
// would tell a monitor which internal ports are open. The cause stays on the error for debugging.
function networkError(cause: unknown, url: URL): FetchError {
  for (let e: unknown = cause; e instanceof Error; e = e.cause) if (e instanceof BlockedAddressError) return blocked(url, cause);
  return new FetchError("fetch.network", `Could not connect to ${url.host}; check the address and that the site is up.`, { cause });
}

interface Hop { url: URL; opts: FetchFeedOptions; allow: AllowList; agent: Agent; signal: AbortSignal }

async function fetchOnce({ url, opts, allow, agent, signal }: Hop): Promise<Response> {
  if (!isUrlPermittedBeforeLookup(allow, url)) throw blocked(url);
  const headers: Record<string, string> = { "user-agent": opts.userAgent, accept: ACCEPT };
  if (opts.etag) headers["if-none-match"] = opts.etag;
  if (opts.lastModified) headers["if-modified-since"] = opts.lastModified;
  // Redirects are followed by hand so each hop is checked: its scheme and user-info here, its
  // address by the agent when it connects.
  try {
    return await fetch(url, { headers, redirect: "manual", signal, dispatcher: agent });
  } catch (cause) {
    throw networkError(cause, url);
  }
}

async function fetchWithin(start: URL, opts: FetchFeedOptions, allow: AllowList, agent: Agent, signal: AbortSignal): Promise<FetchResult> {
  let url = start;
  for (let hop = 0; ; hop++) {
    const res = await fetchOnce({ url, opts, allow, agent, signal });
    if (REDIRECT_STATUSES.has(res.status)) {
      await res.body?.cancel().catch(() => undefined);
      const location = res.headers.get("location");
      if (!location) throw new FetchError("fetch.http_status", `${url.host} answered HTTP ${res.status} without a Location header.`, { status: res.status });
      if (hop >= MAX_REDIRECTS) throw new FetchError("fetch.too_many_redirects", `More than ${MAX_REDIRECTS} redirects starting from ${start.href}; the site may be in a redirect loop.`);
      url = httpUrl(location, url.href);
      continue;
    }
    if (res.status === 304) {
      await res.body?.cancel().catch(() => undefined);
      return { kind: "not-modified" };
    }
    if (res.status < 200 || res.status > 299) {
      await res.body?.cancel().catch(() => undefined);
      throw new FetchError("fetch.http_status", statusMessage(res.status, url), { status: res.status });
    }
    const contentType = res.headers.get("content-type");
    const type = mediaType(contentType);
    if (isBinaryMediaType(type)) {
      await res.body?.cancel().catch(() => undefined);
      throw new FetchError("fetch.bad_content_type", `${url.href} serves ${type}, not a feed. Use the address of the RSS/Atom/JSON feed.`);
    }
    const declared = Number(res.headers.get("content-length") ?? NaN);
    if (declared > opts.maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      throw new FetchError("fetch.too_large", `${url.host} announces ${declared} bytes, over the ${opts.maxBytes}-byte limit; a feed should be far smaller.`);
    }
    const body = await readCapped(res, opts.maxBytes, url);
    // octet-stream is what misconfigured servers send for .xml files too; judge by the bytes.
    const binary = type === "application/octet-stream" || type === null ? sniffBinary(body) : null;
    if (binary) throw new FetchError("fetch.bad_content_type", `${url.href} serves ${binary}, not a feed. Use the address of the RSS/Atom/JSON feed.`);
    return { kind: "ok", body, contentType, etag: res.headers.get("etag"), lastModified: res.headers.get("last-modified"), finalUrl: url.href };
  }
}

/** GETs a feed URL (conditional, ≤5 redirects, one timeout for headers and body, byte cap); throws FetchError. */
export async function fetchFeedUrl(url: string, opts: FetchFeedOptions): Promise<FetchResult> {
  const start = httpUrl(url);
  const allow = parseAllowList(opts.allowHosts);
  const agent = sharedGuardedAgent(opts.allowHosts, allow, opts.resolve);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, opts.timeoutMs);
  try {
    return await fetchWithin(start, opts, allow, agent, controller.signal);
  } catch (err) {
    if (timedOut) throw new FetchError("fetch.timeout", `${start.host} did not deliver the feed within ${opts.timeoutMs} ms; the site may be slow or overloaded. It will be retried.`, { cause: err });
    throw err instanceof FetchError ? err : networkError(err, start);
  } finally {
    clearTimeout(timer);
    controller.abort(); // drops the connection if we stopped reading early (a read one stays pooled)
  }
}

/** Options for fetchUrl (the same guard, cap and timeout as feeds). */
export type FetchUrlOptions = FetchFeedOptions;

/** GETs any page or API URL through the one guarded fetcher (list pages, article pages, JSON APIs). */
export const fetchUrl: (url: string, opts: FetchUrlOptions) => Promise<FetchResult> = fetchFeedUrl;
