// Fixed-window failure counters for password attempts (sign-in and password change).
// A (username, client IP) pair is blocked after `max` failures, so a stranger guessing the admin's password
// blocks only their own address; the username and the IP each have a soft limit `softFactor` times higher,
// which still stops a guesser spread over many addresses, or one address trying many usernames.

/** One key's failures in its current window, and what was done about attempts refused in it. */
export interface WindowState {
  count: number;
  resetAt: number;
  /** Attempts refused in this window. */
  refused: number;
  /** The audit row that summarises the refused attempts, once written. */
  auditId: number | null;
}

/** Counts failures per key within a window. */
export class FailureLimiter {
  private readonly hits = new Map<string, WindowState>();

  constructor(private readonly windowMs: number) {}

  /** The key's window when it has `max` or more failures in it, else null. */
  blocked(key: string, max: number, now = Date.now()): WindowState | null {
    const h = this.hits.get(key);
    return h && h.resetAt > now && h.count >= max ? h : null;
  }

  /** Records one failure for the key. */
  fail(key: string, now = Date.now()): void {
    const h = this.hits.get(key);
    if (!h || h.resetAt <= now) this.hits.set(key, { count: 1, resetAt: now + this.windowMs, refused: 0, auditId: null });
    else h.count++;
    if (this.hits.size > 10_000) this.sweep(now);
  }

  /** Clears a key after a success. */
  reset(key: string): void {
    this.hits.delete(key);
  }

  private sweep(now: number): void {
    for (const [k, h] of this.hits) if (h.resetAt <= now) this.hits.delete(k);
  }
}

/** Which limit refused an attempt. */
export type LimitScope = "user_ip" | "user" | "ip";

/** A refused attempt: the limit, its window (refused count already includes this attempt). */
export interface Refusal { scope: LimitScope; window: WindowState }

/** The sign-in limits: per (username, IP), plus soft per-username and per-IP limits. */
export class LoginLimiter {
  private readonly failures: FailureLimiter;

  constructor(private readonly max: number, windowMs: number, private readonly softFactor = 10) {
    this.failures = new FailureLimiter(windowMs);
  }

  private keys(username: string, ip: string): [LimitScope, string, number][] {
    const u = username.toLowerCase();
    return [
      ["user_ip", `pair:${u}\u0000${ip}`, this.max],
      ["user", `user:${u}`, this.max * this.softFactor],
      ["ip", `ip:${ip}`, this.max * this.softFactor],
    ];
  }

  /** The refusal when any limit is reached (counting this attempt as refused), else null. */
  check(username: string, ip: string, now = Date.now()): Refusal | null {
    for (const [scope, key, max] of this.keys(username, ip)) {
      const window = this.failures.blocked(key, max, now);
      if (window) {
        window.refused++;
        return { scope, window };
      }
    }
    return null;
  }

  /** Records a wrong password (or unknown user). */
  fail(username: string, ip: string, now = Date.now()): void {
    for (const [, key] of this.keys(username, ip)) this.failures.fail(key, now);
  }

  /**
   * Clears the pair's failures after a success. The soft limits stay: a success must not wipe the count of a
   * guesser working through many addresses.
   */
  succeed(username: string, ip: string): void {
    this.failures.reset(this.keys(username, ip)[0][1]);
  }
}
