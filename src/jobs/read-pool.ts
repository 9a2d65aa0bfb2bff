// Runs the reads that may be slow (ledger search and counts, exports, watch preview and back-fill,
// event and dashboard aggregates) on a few worker threads, each with its own read-only connection
// (WAL lets them read while the main connection writes), so that the HTTP loop, ingest and analysis
// never wait on them. With 0 threads, or an in-memory database, the reads run inline on the main
// connection. Every read runs under a statement time budget (src/db/budget.ts).
import { Worker } from "node:worker_threads";
import type { Db } from "../db/connection";
import { QueryBudgetExceeded } from "../db/budget";
import { AppError } from "../errors";
import { readFunctions, type ReadArgs, type ReadName, type ReadResult } from "./read-functions";

/** A message to a read thread. */
export type ReadRequest = { seq: number; name: string; args: unknown[]; budgetMs: number };
/** A read thread's answer. */
export type ReadResponse =
  | { seq: number; ok: true; value: unknown }
  | { seq: number; ok: false; kind: "budget"; message: string }
  | { seq: number; ok: false; kind: "app"; status: number; code: string; message: string; fields?: Record<string, string> }
  | { seq: number; ok: false; kind: "error"; message: string; code?: string };

/** The error a read past its budget ends with. */
export function queryTooSlow(): AppError {
  return AppError.of(422, "query.too_slow");
}

// Thread deaths the pool replaces before it gives up on threads.
const MAX_DEATHS = 5;

type Waiter = { resolve: (v: unknown) => void; reject: (e: Error) => void };

/** One read thread and its requests in flight. */
class ReadThread {
  readonly worker: Worker;
  readonly waiting = new Map<number, Waiter>();
  failed: Error | null = null;

  constructor(file: string, busyTimeoutMs: number, burstMinItems: number | undefined, onExit: (t: ReadThread) => void) {
    const workerData: ReadThreadData = { file, busyTimeoutMs, burstMinItems };
    this.worker = new Worker(new URL("./read-thread-entry.mjs", import.meta.url), { workerData });
    this.worker.unref();
    this.worker.on("message", (r: ReadResponse) => {
      const w = this.waiting.get(r.seq);
      if (!w) return;
      this.waiting.delete(r.seq);
      if (r.ok) w.resolve(r.value);
      else if (r.kind === "budget") w.reject(queryTooSlow());
      else if (r.kind === "app") w.reject(new AppError(r.status, r.code, r.message, r.fields));
      else w.reject(Object.assign(new Error(`read thread: ${r.message}`), { code: r.code }));
    });
    const fail = (err: Error) => {
      this.failed ??= err;
      for (const w of this.waiting.values()) w.reject(err);
      this.waiting.clear();
      onExit(this);
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => fail(new Error(`read thread exited with code ${code}`)));
  }
}

/** Options of a read pool. */
export interface ReadPoolOptions {
  /** Threads (0 = inline on the main connection). */
  threads: number;
  /** A read's time budget unless the call names one. */
  budgetMs: number;
  /** The read connections' busy timeout (they wait only on a checkpoint's brief lock). */
  busyTimeoutMs?: number;
  /** TINGFENG_BURST_MIN_ITEMS: threads judge bursts (event list and page) as the main thread does. */
  burstMinItems?: number;
}

/** What a read thread is started with. */
export type ReadThreadData = { file: string; busyTimeoutMs: number; burstMinItems?: number };

/** Reads by name, on the least busy thread (or inline). */
export class ReadPool {
  private threads: ReadThread[] = [];
  private seq = 0;
  private closed = false;
  private deaths = 0;

  constructor(private readonly db: Db, private readonly opts: ReadPoolOptions) {
    const file = db.sqlite.name;
    if (opts.threads > 0 && file !== ":memory:" && file !== "") {
      for (let i = 0; i < opts.threads; i++) this.threads.push(this.spawn(file));
    }
  }

  /** How many threads run reads (0 when inline). */
  get size(): number {
    return this.threads.length;
  }

  private spawn(file: string): ReadThread {
    return new ReadThread(file, this.opts.busyTimeoutMs ?? 5000, this.opts.burstMinItems, (t) => {
      // A dead thread is replaced (its requests in flight have failed); after a few deaths the reads
      // run inline rather than starting threads that cannot start.
      const at = this.threads.indexOf(t);
      if (at < 0 || this.closed) return;
      if (++this.deaths > MAX_DEATHS) {
        this.threads.splice(at, 1);
        void t.worker.terminate();
        return;
      }
      this.threads[at] = this.spawn(file);
    });
  }

  /** Runs the read `name` with `args`; a read past its budget fails with 422 query.too_slow. */
  run<K extends ReadName>(name: K, args: ReadArgs<K>, budgetMs = this.opts.budgetMs): Promise<ReadResult<K>> {
    if (!this.threads.length) return Promise.resolve().then(() => this.inline(name, args, budgetMs));
    let best = this.threads[0];
    for (const t of this.threads) if (t.waiting.size < best.waiting.size) best = t;
    const seq = ++this.seq;
    return new Promise<ReadResult<K>>((resolve, reject) => {
      best.waiting.set(seq, { resolve: resolve as (v: unknown) => void, reject });
      best.worker.postMessage({ seq, name, args, budgetMs } satisfies ReadRequest);
    });
  }

  private inline<K extends ReadName>(name: K, args: ReadArgs<K>, budgetMs: number): ReadResult<K> | Promise<ReadResult<K>> {
    const fn = readFunctions[name] as (db: Db, ...a: unknown[]) => ReadResult<K> | Promise<ReadResult<K>>;
    try {
      return this.db.budget.run(budgetMs, () => fn(this.db, ...(args as unknown[])));
    } catch (err) {
      if (err instanceof QueryBudgetExceeded) throw queryTooSlow();
      throw err;
    }
  }

  /** Stops the threads (reads in flight fail). */
  async close(): Promise<void> {
    this.closed = true;
    const threads = this.threads;
    this.threads = [];
    await Promise.all(threads.map((t) => {
      t.worker.removeAllListeners("exit");
      for (const w of t.waiting.values()) w.reject(new Error("read pool closed"));
      t.waiting.clear();
      return t.worker.terminate();
    }));
  }
}
