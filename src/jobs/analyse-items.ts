// The analysis worker: takes stored items that are not analysed yet, runs the pipeline and stores
// the results with the item in one transaction, then refreshes the events it touched. Runs one
// batch at a time (never two at once); woken after ingest, and on a timer for the idle upkeep.
import type { Db } from "../db/connection";
import { waitForWriteLock } from "../db/write-lock";
import type { Analyser, PipelineItem, PreparedItem } from "../analyse/pipeline";
import { pendingItems, saveAnalysis, storedItemIds, type PendingItem } from "../store/analysis";
import { PreparePool } from "./prepare-pool";
import { applySettings, newAnalyser, RecentCopies } from "./load-analyser";
import { unpackPrepared, type PackedBatch } from "./prepared-codec";
import { bumpEventCounts, saveEventSnapshot } from "../store/events";
import { mergeSearchIndex } from "../store/items";
import { MatchTally } from "../store/watches";
import { refreshEvents, RefreshThrottle, type LoneMember } from "../monitor/refresh-events";
import { enqueueAlerts, itemAlerting, type AlertCandidate } from "../alerts/outbox";
import { eventSizes } from "../store/alerts";

const BATCH = 500;
// Batches asked of each analysis thread ahead of the commit. With two, either thread often waited
// for the other as their speeds varied from batch to batch; four absorb that (100k bench items,
// three runs each: 1.83-1.84 → 1.88 cores busy, main thread waiting 5.1-6.6 → 2.8-4.3 s). A batch
// in flight holds its 500 rows and their results: about a megabyte.
const IN_FLIGHT = 4;

/** The running worker. */
export interface AnalysisWorker {
  readonly analyser: Analyser;
  /** Resolves once the near-duplicate index is rebuilt from recent items (analysis waits for it). */
  readonly ready: Promise<void>;
  /** Analyses everything pending (resolves when none is left). */
  drain(): Promise<number>;
  /** Asks for a drain soon. */
  wake(): void;
  /** Reloads watches, the user dictionary and the active model from the database. */
  reload(): void;
  stop(): Promise<void>;
}

const itemOf = (r: PendingItem): PipelineItem => ({
  id: r.id, title: r.title, text: r.text, source: r.source_name, publishedAt: r.published_at ?? r.fetched_at,
});

/** The stateless part of pending rows, on this thread. */
export const prepareHere = (analyser: Analyser, rows: readonly PendingItem[]) => analyser.preparer.prepareBatch(rows.map(itemOf));

/**
 * Assigns groups and events to prepared items (prepared here, or packed by an analysis thread and
 * unpacked one at a time) and stores everything in one transaction.
 */
export function commitBatch(
  db: Db, analyser: Analyser, rows: readonly PendingItem[], prepared: readonly PreparedItem[] | PackedBatch, now = () => Date.now(),
  throttle?: RefreshThrottle,
): void {
  db.tx(() => commitRows(db, analyser, rows, prepared, now, throttle));
}

type EventTally = { n: number; neg: number; neu: number; pos: number; first: number; last: number };

// The body of commitBatch's transaction, a module function rather than a closure made per batch
// (see docs/ARCHITECTURE.md, "No closures made per call on hot paths").
function commitRows(
  db: Db, analyser: Analyser, rows: readonly PendingItem[], prepared: readonly PreparedItem[] | PackedBatch, now: () => number,
  throttle: RefreshThrottle | undefined,
): void {
  const touched = new Map<number, EventTally>();
  // The item of each event this batch touched once, for the refresh of a new one-item event (no read-back).
  const lone = new Map<number, LoneMember>();
  const tally = new MatchTally();
  const packed = "count" in prepared ? prepared : null;
  // Items deleted (with their source) while the batch was being prepared join no group or event.
  const present = new Set(storedItemIds(db, rows.map((r) => r.id)));
  // Items that matched a watch while some alert rule is enabled (none: nothing to evaluate).
  const alerting = itemAlerting(db);
  const candidates: AlertCandidate[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!present.has(r.id)) continue;
    const res = analyser.commit(itemOf(r), packed ? unpackPrepared(packed, i) : (prepared as readonly PreparedItem[])[i]);
    const t = r.published_at ?? r.fetched_at;
    saveAnalysis(
      db, r.id,
      {
        sentiment: res.sentiment, keywords: res.keywords.map((k) => k.word), simhash: res.simhash, dupGroup: res.dupGroup,
        relabelled: res.relabelled, eventId: res.event.eventId, watches: res.watches, time: t,
      },
      now(), tally,
    );
    if (alerting && res.watches.ids.length)
      candidates.push({
        id: r.id, title: r.title || r.text.slice(0, 40), watchIds: res.watches.ids, sentiment: res.sentiment.label,
        sourcePriority: r.source_priority, publishedAt: r.published_at, fetchedAt: r.fetched_at, eventId: res.event.eventId,
      });
    const d = touched.get(res.event.eventId) ?? { n: 0, neg: 0, neu: 0, pos: 0, first: t, last: t };
    d.n++;
    d[res.sentiment.label]++;
    d.first = Math.min(d.first, t);
    d.last = Math.max(d.last, t);
    touched.set(res.event.eventId, d);
    if (d.n === 1) {
      lone.set(res.event.eventId, {
        title: r.title, t, dup_group: res.dupGroup, keywords: JSON.stringify(res.keywords.map((k) => k.word)),
        sentiment: res.sentiment.label, source_priority: r.source_priority,
      });
    } else lone.delete(res.event.eventId);
  }
  tally.flush(db);
  // The alerts commit (or roll back) with the analysis that raised them. They fold by event when
  // the event has more than one item with this batch's (one lookup per event, not per item).
  if (candidates.length) {
    const sizes = eventSizes(db, [...new Set(candidates.map((c) => c.eventId!))]);
    for (const c of candidates) c.eventSize = (sizes.get(c.eventId!) ?? 0) + (touched.get(c.eventId!)?.n ?? 0);
    enqueueAlerts(db, candidates, now());
  }
  const at = now();
  for (const [id, d] of touched) bumpEventCounts(db, id, d, at);
  refreshEvents(db, [...touched.keys()], at, throttle, lone);
  const snapshots = throttle ? throttle.snapshotsDue(touched.keys(), at) : touched.keys();
  for (const id of snapshots) saveEventSnapshot(db, id, analyser.events.snapshot(id));
}

/** Refreshes the events whose full refresh the throttle held back (once the queue is empty). */
export function refreshStaleEvents(db: Db, throttle: RefreshThrottle, now = Date.now()): void {
  const stale = throttle.takeStale();
  if (stale.length) db.tx(() => refreshEvents(db, stale, now));
}

/** Refreshes the events and stores the snapshots the throttle still holds back (when idle, and before stopping). */
export function flushEventSnapshots(db: Db, analyser: Analyser, throttle: RefreshThrottle, now = Date.now()): void {
  const stale = throttle.takeStale();
  const ids = throttle.flush(now);
  if (stale.length || ids.length)
    db.tx(() => {
      refreshEvents(db, stale, now);
      for (const id of ids) saveEventSnapshot(db, id, analyser.events.snapshot(id));
    });
}

/** Analyses one batch of pending items on this thread; returns how many were analysed. */
export function analyseBatch(db: Db, analyser: Analyser, limit = BATCH, now = () => Date.now(), throttle?: RefreshThrottle): number {
  const rows = pendingItems(db, limit);
  if (!rows.length) return 0;
  commitBatch(db, analyser, rows, prepareHere(analyser, rows), now, throttle);
  return rows.length;
}

/**
 * Analyses everything pending with the stateless part on the analysis threads, pipelined: while
 * this thread commits batch n (groups, events, database), the threads prepare the next batches
 * (IN_FLIGHT per thread, so a thread that finishes early starts on the next at once; commits stay
 * in id order). Falls back to this thread if a thread dies.
 */
export async function drainWithPool(db: Db, analyser: Analyser, pool: PreparePool, throttle: RefreshThrottle, stopped: () => boolean): Promise<number> {
  const here = (rows: readonly PendingItem[]) => prepareHere(analyser, rows);
  const ask = (rows: PendingItem[]) => (pool.broken ? Promise.resolve(here(rows)) : pool.prepare(rows.map(itemOf)));
  // A failed batch resolves to null at once (no rejection left unhandled while it waits in the queue).
  const queue: { rows: PendingItem[]; prepared: Promise<PreparedItem[] | PackedBatch | null> }[] = [];
  let lastId = 0;
  const fill = () => {
    while (queue.length < pool.size * IN_FLIGHT) {
      const rows = pendingItems(db, BATCH, lastId);
      if (!rows.length) return;
      lastId = rows[rows.length - 1].id;
      queue.push({ rows, prepared: ask(rows).catch(() => null) });
    }
  };
  let total = 0;
  fill();
  while (queue.length && !stopped()) {
    const { rows, prepared } = queue.shift()!;
    const ready = (await prepared) ?? here(rows);
    fill();
    // Another process's write lock is waited for here, off the event loop (SQLite's busy handler would hold it).
    if (!(await waitForWriteLock(db, Infinity, stopped))) break;
    commitBatch(db, analyser, rows, ready, () => Date.now(), throttle);
    total += rows.length;
    await new Promise((r) => setImmediate(r)); // let HTTP requests in between batches
  }
  return total;
}

/**
 * Starts the worker: settings and open events are loaded now, the near-duplicate index in steps
 * with other work in between (`ready`); nothing is analysed before it is complete. With
 * `autostart: false` it only analyses on drain().
 */
export function createAnalysisWorker(
  db: Db, log: (m: string) => void = () => {}, opts: { autostart?: boolean; idleMs?: number; thread?: boolean; threads?: number } = {},
): AnalysisWorker {
  const analyser = newAnalyser(db);
  const pool = opts.thread ? new PreparePool(opts.threads ?? 1) : null;
  if (pool) applySettings(db, analyser, pool);
  const throttle = new RefreshThrottle();
  let running: Promise<number> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const idleMs = opts.idleMs ?? 30_000;

  const copies = new RecentCopies(db, analyser);
  const loadStarted = Date.now();
  const ready = (async () => {
    while (!stopped && copies.step()) await new Promise((r) => setImmediate(r)); // HTTP requests in between
    if (!stopped) log(`near-duplicate index ready in ${Date.now() - loadStarted} ms (${analyser.dedup.size} recent items)`);
  })().catch((err) => log(`near-duplicate index incomplete: ${err instanceof Error ? err.message : String(err)}`));

  let toldBroken = false;
  async function drainOnce(): Promise<number> {
    await ready;
    let total = 0;
    if (pool && !pool.broken) total = await drainWithPool(db, analyser, pool, throttle, () => stopped);
    if (pool?.broken && !toldBroken) {
      toldBroken = true;
      log("analysis thread died; analysing on the main thread until restart");
    }
    const lockFree = () => waitForWriteLock(db, Infinity, () => stopped);
    for (;;) {
      if (stopped || !(await lockFree())) return total;
      const n = analyseBatch(db, analyser, BATCH, () => Date.now(), throttle);
      total += n;
      if (n === 0) break;
      await new Promise((r) => setImmediate(r)); // let HTTP requests in between batches
    }
    if (!(await lockFree())) return total;
    if (total === 0) {
      flushEventSnapshots(db, analyser, throttle);
      mergeSearchIndex(db);
    } else if (!stopped) refreshStaleEvents(db, throttle); // the queue is empty: titles catch up now
    return total;
  }

  function drain(): Promise<number> {
    if (!running)
      running = drainOnce()
        .catch((err) => {
          log(`analysis failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
          return 0;
        })
        .finally(() => (running = null));
    return running;
  }

  function schedule(ms: number): void {
    if (stopped || opts.autostart === false) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void drain().finally(() => schedule(idleMs));
    }, ms);
  }

  schedule(0);
  return {
    analyser,
    ready,
    drain,
    wake: () => schedule(20),
    reload: () => applySettings(db, analyser, pool),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      flushEventSnapshots(db, analyser, throttle);
      await pool?.close();
    },
  };
}
