// Polls due sources on a timer with bounded concurrency; one source is never polled twice at once.
// Polls are not batched: a slot frees the moment its poll ends and is refilled at once, so one slow
// source (a 30 s timeout, twenty article pages) never leaves the other slots idle.
import type { Config } from "../config";
import type { Db } from "../db/connection";
import type { SourcesTable } from "../db/schema";
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

/** How soon a freed slot looks for the next due source. */
const REFILL_MS = 20;

/** Starts (or, with `autostart: false`, just creates) the scheduler. */
export function createScheduler(
  db: Db, config: Config, log: (msg: string) => void = () => {}, autostart = true, onInserted: () => void = () => {},
): Scheduler {
  // Every poll in progress, from the timer or from runOnce; its size is the concurrency bound.
  const running = new Map<number, Promise<PollResult>>();
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let lastTickAt: number | null = null;

  // Sources whose last poll could not write (another process held the database): not polled again before this.
  const heldBack = new Map<number, number>();

  function start(s: SourcesTable, onDone: () => void): Promise<PollResult> {
    const p = pollSource(db, config, s)
      // pollSource does not throw for fetch failures; anything else (a database error) must not end the process.
      .catch((err: unknown): PollResult => {
        log(`source ${s.id} (${s.name}): poll failed: ${err instanceof Error ? err.message : String(err)}`);
        return { inserted: 0, error: "poll failed", errorCode: "fetch.failed" };
      })
      .then((r) => {
        if (r.busy) heldBack.set(s.id, Date.now() + config.schedulerTickMs);
        else heldBack.delete(s.id);
        if (r.error) log(`source ${s.id} (${s.name}): ${r.error}`);
        if (r.inserted) onInserted();
        return r;
      })
      .finally(() => {
        running.delete(s.id);
        onDone();
      });
    running.set(s.id, p);
    return p;
  }

  // Starts as many due sources as there are free slots; does not wait for them.
  function tick(): void {
    const free = config.fetchConcurrency - running.size;
    if (free <= 0) return;
    const now = Date.now();
    const due = dueSources(db, now, config.fetchConcurrency * 2 + running.size + heldBack.size)
      .filter((s) => !running.has(s.id) && (heldBack.get(s.id) ?? 0) <= now).slice(0, free);
    for (const s of due) void start(s, () => schedule(REFILL_MS));
  }

  function schedule(ms: number): void {
    if (stopped || !autostart) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      try {
        tick();
      } catch (err) {
        log(`scheduler tick failed: ${err instanceof Error ? err.message : String(err)}`);
      }
      lastTickAt = Date.now();
      schedule(config.schedulerTickMs);
    }, ms);
  }

  async function runOnce(): Promise<{ polled: number; inserted: number; failed: number }> {
    const total = { polled: 0, inserted: 0, failed: 0 };
    const seen = new Set<number>();
    const queue: number[] = [];
    const refill = (): void => {
      for (const s of dueSources(db, Date.now(), 1000)) if (!seen.has(s.id)) { seen.add(s.id); queue.push(s.id); }
    };
    // Each worker takes the next source as soon as its previous poll ends.
    const worker = async (): Promise<void> => {
      for (;;) {
        if (!queue.length) refill();
        const id = queue.shift();
        if (id === undefined) return;
        const s = getSource(db, id);
        if (!s || running.has(id)) continue;
        const r = await start(s, () => {});
        total.polled++;
        total.inserted += r.inserted;
        if (r.error) total.failed++;
      }
    };
    refill();
    await Promise.all(Array.from({ length: Math.max(1, config.fetchConcurrency) }, worker));
    return total;
  }

  if (autostart) schedule(0);
  return {
    wake: () => schedule(50),
    status: () => ({ running: !stopped && autostart, lastTickAt }),
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await Promise.allSettled(running.values());
    },
  };
}
