// Polls due sources on a timer with bounded concurrency; one source is never polled twice at once.
import type { Config } from "../config";
import type { Db } from "../db/connection";
import { dueSources, getSource } from "../store/sources";
import { pollSource, type PollResult } from "./poll-source";

/** The running ingest loop. */
export interface Scheduler {
  /** Runs a tick soon (after a source was added or edited). */
  wake(): void;
  /** Polls every due source once and resolves when all are done. */
  runOnce(): Promise<{ polled: number; inserted: number; failed: number }>;
  stop(): Promise<void>;
  /** Whether it runs, and when its last tick ended (null before the first). */
  status(): { running: boolean; lastTickAt: number | null };
}

/** Starts (or, with `autostart: false`, just creates) the scheduler. */
export function createScheduler(
  db: Db, config: Config, log: (msg: string) => void = () => {}, autostart = true, onInserted: () => void = () => {},
): Scheduler {
  const running = new Map<number, Promise<PollResult>>();
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let lastTickAt: number | null = null;

  async function tick(): Promise<{ polled: number; inserted: number; failed: number }> {
    const free = config.fetchConcurrency - running.size;
    if (free <= 0) return { polled: 0, inserted: 0, failed: 0 };
    const due = dueSources(db, Date.now(), config.fetchConcurrency * 2).filter((s) => !running.has(s.id)).slice(0, free);
    const results = await Promise.all(
      due.map((s) => {
        const p = pollSource(db, config, s).finally(() => running.delete(s.id));
        running.set(s.id, p);
        return p.then((r) => {
          if (r.error) log(`source ${s.id} (${s.name}): ${r.error}`);
          if (r.inserted) onInserted();
          return r;
        });
      }),
    );
    return {
      polled: results.length,
      inserted: results.reduce((n, r) => n + r.inserted, 0),
      failed: results.filter((r) => r.error).length,
    };
  }

  function schedule(ms: number): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      tick()
        .catch((err) => log(`scheduler tick failed: ${err instanceof Error ? err.message : String(err)}`))
        .finally(() => {
          lastTickAt = Date.now();
          schedule(config.schedulerTickMs);
        });
    }, ms);
  }

  if (autostart) schedule(0);
  return {
    wake: () => schedule(50),
    status: () => ({ running: !stopped && autostart, lastTickAt }),
    async runOnce() {
      const total = { polled: 0, inserted: 0, failed: 0 };
      const seen = new Set<number>();
      for (;;) {
        const due = dueSources(db, Date.now(), 1000).filter((s) => !seen.has(s.id));
        if (!due.length) return total;
        for (let i = 0; i < due.length; i += config.fetchConcurrency) {
          const batch = due.slice(i, i + config.fetchConcurrency);
          batch.forEach((s) => seen.add(s.id));
          const rs = await Promise.all(batch.map((s) => getSource(db, s.id)).filter((s) => s !== undefined).map((s) => pollSource(db, config, s)));
          total.polled += rs.length;
          total.inserted += rs.reduce((n, r) => n + r.inserted, 0);
          total.failed += rs.filter((r) => r.error).length;
        }
      }
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await Promise.allSettled(running.values());
    },
  };
}
