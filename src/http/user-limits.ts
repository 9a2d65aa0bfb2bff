// Per-user bounds on expensive requests (search, watch preview, export): at most `concurrent` in
// flight and a token bucket of `ratePerSecond` (burst twice that, at least two). Past either, the
// request answers 429 with Retry-After instead of queueing work the user no longer waits for.
import { AppError } from "../errors";

/** A 429 that tells the client when to try again (the error handler sets Retry-After). */
export class TooManyRequests extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, "rate_limited", undefined, undefined, { seconds: retryAfterSeconds });
  }
}

/** One kind of expensive request's limits. */
export interface LimitSpec { concurrent: number; ratePerSecond: number }

type State = { active: number; tokens: number; at: number };

/** Limits per principal id for one kind of request. */
export class UserLimiter {
  private readonly users = new Map<number, State>();
  private readonly burst: number;

  constructor(private readonly spec: LimitSpec) {
    this.burst = Math.max(2, spec.ratePerSecond * 2);
  }

  /** Takes a slot and a token for the user, or throws TooManyRequests; call the returned function when done. */
  acquire(userId: number, now = Date.now()): () => void {
    let s = this.users.get(userId);
    if (!s) {
      s = { active: 0, tokens: this.burst, at: now };
      this.users.set(userId, s);
      if (this.users.size > 10_000) this.sweep();
    }
    s.tokens = Math.min(this.burst, s.tokens + ((now - s.at) / 1000) * this.spec.ratePerSecond);
    s.at = now;
    if (s.active >= this.spec.concurrent) throw new TooManyRequests(1);
    if (s.tokens < 1) throw new TooManyRequests(Math.max(1, Math.ceil((1 - s.tokens) / this.spec.ratePerSecond)));
    s.tokens -= 1;
    s.active++;
    const state = s;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      state.active--;
    };
  }

  /** Runs fn holding one of the user's slots. */
  async run<T>(userId: number, fn: () => Promise<T>): Promise<T> {
    const release = this.acquire(userId);
    try {
      return await fn();
    } finally {
      release();
    }
  }

  // Users idle with a full bucket hold nothing worth keeping.
  private sweep(): void {
    for (const [id, s] of this.users) if (s.active === 0 && s.tokens >= this.burst) this.users.delete(id);
  }
}

/** The limiters of one app. */
export interface UserLimits { search: UserLimiter; preview: UserLimiter; export: UserLimiter }

/** Limiters from the settings: search and preview share one spec, exports another. */
export function createUserLimits(c: { userSearchConcurrency: number; userSearchRate: number; userExportConcurrency: number; userExportRate: number }): UserLimits {
  const search = { concurrent: c.userSearchConcurrency, ratePerSecond: c.userSearchRate };
  return {
    search: new UserLimiter(search),
    preview: new UserLimiter(search),
    export: new UserLimiter({ concurrent: c.userExportConcurrency, ratePerSecond: c.userExportRate }),
  };
}
