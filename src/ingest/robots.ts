// robots.txt, respected by default (RFC 9309, parsed by `robots-parser`): one cached file per origin,
// fetched through the same guarded fetcher as everything else. A 4xx answer (no file) allows everything;
// a 5xx or unreachable file disallows the origin until the next check, as the RFC asks, so a site that
// is down is not crawled blind. Crawl-delay, when the file gives one, is handed to the caller.
import robotsParser from "robots-parser";
import { FetchError } from "./errors";

/** What the robots check needs to read a robots.txt: the guarded fetch, bounded. */
export type RobotsFetch = (url: string) => Promise<{ body: Buffer }>;

/** The verdict for one URL. */
export interface RobotsVerdict {
  allowed: boolean;
  /** Seconds the site asks between requests (Crawl-delay), when it says. */
  crawlDelay: number | null;
  /** Why it is disallowed: the site's rule, or its robots.txt could not be read. */
  reason: "rule" | "unreachable" | null;
}

interface Entry { at: number; robot: ReturnType<typeof robotsParser> | null; status: "ok" | "none" | "unreachable" }

/** A per-origin robots.txt cache. */
export interface RobotsCache {
  check(url: string): Promise<RobotsVerdict>;
}

/** The product token sites address in robots.txt (User-agent: Tingfeng). */
export const ROBOTS_AGENT = "Tingfeng";

/** Creates the cache: `ttlMs` for files read (default 1 h), `retryMs` for unreachable ones (default 10 min). */
export function createRobotsCache(fetchRobots: RobotsFetch, opts: { ttlMs?: number; retryMs?: number; now?: () => number } = {}): RobotsCache {
  const ttl = opts.ttlMs ?? 3_600_000;
  const retry = opts.retryMs ?? 600_000;
  const now = opts.now ?? Date.now;
  const cache = new Map<string, Entry>();
  const pending = new Map<string, Promise<Entry>>();

  async function load(origin: string): Promise<Entry> {
    const robotsUrl = `${origin}/robots.txt`;
    try {
      const { body } = await fetchRobots(robotsUrl);
      // RFC 9309: parse at least 500 KiB; the rest is ignored.
      return { at: now(), robot: robotsParser(robotsUrl, body.subarray(0, 512 * 1024).toString("utf8")), status: "ok" };
    } catch (e) {
      const status = e instanceof FetchError ? e.status : null;
      if (status !== null && status >= 400 && status < 500) return { at: now(), robot: null, status: "none" };
      return { at: now(), robot: null, status: "unreachable" };
    }
  }

  async function entry(origin: string): Promise<Entry> {
    const e = cache.get(origin);
    if (e && now() - e.at < (e.status === "unreachable" ? retry : ttl)) return e;
    let p = pending.get(origin);
    if (!p) {
      p = load(origin).finally(() => pending.delete(origin));
      pending.set(origin, p);
    }
    const fresh = await p;
    cache.set(origin, fresh);
    return fresh;
  }

  return {
    async check(url: string): Promise<RobotsVerdict> {
      const origin = new URL(url).origin;
      const e = await entry(origin);
      if (e.status === "none") return { allowed: true, crawlDelay: null, reason: null };
      if (e.status === "unreachable" || !e.robot) return { allowed: false, crawlDelay: null, reason: "unreachable" };
      const allowed = e.robot.isAllowed(url, ROBOTS_AGENT) !== false;
      const delay = e.robot.getCrawlDelay(ROBOTS_AGENT);
      return { allowed, crawlDelay: typeof delay === "number" && Number.isFinite(delay) ? delay : null, reason: allowed ? null : "rule" };
    },
  };
}
