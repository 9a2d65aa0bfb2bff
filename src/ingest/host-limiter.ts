// Politeness per host: at most `concurrency` requests in flight to one host (default 2) and at least
// `minDelayMs` between the starts of two requests to it (raised per host by its robots.txt Crawl-delay).
// Every fetch of a polled source, its pages and its articles runs through one shared limiter.

/** The limiter's figures, for the benchmark and tests. */
export interface HostLimiterStats { maxInFlight: Map<string, number> }

/** A per-host limiter. */
export interface HostLimiter {
  /** Runs `fn` when `host` has a free slot and its delay has passed. */
  run<T>(host: string, fn: () => Promise<T>): Promise<T>;
  /** Raises one host's minimum delay (e.g. robots.txt Crawl-delay), never lowers it below the default. */
  setDelay(host: string, ms: number): void;
  stats: HostLimiterStats;
}

interface HostState { inFlight: number; lastStart: number; delay: number; queue: (() => void)[]; timer: NodeJS.Timeout | null }

/** Creates a limiter. */
export function createHostLimiter(opts: { concurrency?: number; minDelayMs?: number; now?: () => number } = {}): HostLimiter {
  const concurrency = Math.max(1, opts.concurrency ?? 2);
  const minDelay = Math.max(0, opts.minDelayMs ?? 0);
  const now = opts.now ?? Date.now;
  const hosts = new Map<string, HostState>();
  const stats: HostLimiterStats = { maxInFlight: new Map() };
  const state = (host: string): HostState => {
    let s = hosts.get(host);
    if (!s) {
      s = { inFlight: 0, lastStart: -Infinity, delay: minDelay, queue: [], timer: null };
      hosts.set(host, s);
    }
    return s;
  };

  // Starts queued work while slots and the delay allow; otherwise waits for the delay once.
  const pump = (host: string, s: HostState) => {
    while (s.queue.length && s.inFlight < concurrency) {
      const wait = s.lastStart + s.delay - now();
      if (wait > 0) {
        if (!s.timer) {
          s.timer = setTimeout(() => {
            s.timer = null;
            pump(host, s);
          }, wait);
          s.timer.unref?.();
        }
        return;
      }
      s.lastStart = now();
      s.inFlight++;
      stats.maxInFlight.set(host, Math.max(stats.maxInFlight.get(host) ?? 0, s.inFlight));
      s.queue.shift()!();
    }
    if (!s.queue.length && s.inFlight === 0 && !s.timer) hosts.delete(host);
  };

  return {
    stats,
    setDelay(host, ms) {
      state(host).delay = Math.max(minDelay, ms);
    },
    run<T>(host: string, fn: () => Promise<T>): Promise<T> {
      const s = state(host);
      return new Promise<T>((resolve, reject) => {
        s.queue.push(() => {
          fn().then(resolve, reject).finally(() => {
            s.inFlight--;
            pump(host, s);
          });
        });
        pump(host, s);
      });
    },
  };
}
