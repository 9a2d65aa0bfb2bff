// Runs the stateless part of the analysis (Preparer) on a worker thread. Requests are answered in
// order; settings travel as messages so the thread sees them before the next batch. If the thread
// dies, the pending requests fail and the worker falls back to preparing on the main thread.
import { Worker } from "node:worker_threads";
import type { PipelineItem } from "../analyse/pipeline";
import type { PackedBatch } from "./prepared-codec";
import type { UserWord } from "../analyse/keywords";

/** Settings of the thread's Preparer (the model as serialised JSON). */
export type PrepareSettings = { watches: { id: number; query: string }[]; userWords: UserWord[]; model: string | null };

/** A message to the thread. */
export type ThreadRequest = ({ type: "settings" } & PrepareSettings & { seq: number }) | { type: "prepare"; seq: number; items: PipelineItem[] };
/** The thread's answer. */
export type ThreadResponse = { seq: number; ok: true; prepared: PackedBatch } | { seq: number; ok: false; error: string };

// The thread holds ~70 MB (dictionaries, lexicons, watches) plus a trained model; without a cap V8
// lets its heap grow to ~250 MB of garbage between collections, with it the heap stays near 110 MB
// at the same speed. A thread that runs out anyway dies and its work is prepared on the main thread.
const THREAD_HEAP_MB = 192;
// A deserialised model takes about six times its JSON in heap (3.1 MB of JSON, 128k n-grams: ~17 MB),
// and the old and new model are both alive while one replaces the other.
const MODEL_HEAP_PER_JSON_BYTE = 12;

/** The heap cap (MB) of an analysis thread holding a model of this JSON. */
export function threadHeapMb(model: string | null): number {
  return THREAD_HEAP_MB + Math.ceil((MODEL_HEAP_PER_JSON_BYTE * (model?.length ?? 0)) / 1e6);
}

/** One analysis thread. */
class PrepareThread {
  private readonly worker: Worker;
  private seq = 0;
  private readonly waiting = new Map<number, { resolve: (p: PackedBatch) => void; reject: (e: Error) => void }>();
  failed: Error | null = null;

  constructor(heapMb: number) {
    this.worker = new Worker(new URL("./prepare-thread-entry.mjs", import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    this.worker.unref();
    this.worker.on("message", (r: ThreadResponse) => {
      const w = this.waiting.get(r.seq);
      if (!w) return;
      this.waiting.delete(r.seq);
      if (r.ok) w.resolve(r.prepared);
      else w.reject(new Error(`analysis thread: ${r.error}`));
    });
    const fail = (err: Error) => {
      this.failed = err;
      for (const w of this.waiting.values()) w.reject(err);
      this.waiting.clear();
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => fail(new Error(`analysis thread exited with code ${code}`)));
  }

  send(msg: { type: "settings" } & PrepareSettings): Promise<PackedBatch>;
  send(msg: { type: "prepare"; items: PipelineItem[] }): Promise<PackedBatch>;
  send(msg: ({ type: "settings" } & PrepareSettings) | { type: "prepare"; items: PipelineItem[] }): Promise<PackedBatch> {
    if (this.failed) return Promise.reject(this.failed);
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      this.worker.postMessage({ ...msg, seq });
    });
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners("exit");
    this.failed ??= new Error("analysis thread closed");
    for (const w of this.waiting.values()) w.reject(this.failed);
    this.waiting.clear();
    await this.worker.terminate();
  }
}

/** Analysis threads, used in turn; settings go to every thread before its next batch. */
export class PreparePool {
  private threads: PrepareThread[];
  private turn = 0;
  private heap = THREAD_HEAP_MB;

  /** Starts `size` threads. */
  constructor(size = 1) {
    this.threads = Array.from({ length: Math.max(1, size) }, () => new PrepareThread(this.heap));
  }

  /** The threads' heap cap in MB. */
  get heapMb(): number {
    return this.heap;
  }

  /** How many threads the pool has. */
  get size(): number {
    return this.threads.length;
  }

  /** True once any thread has died. */
  get broken(): boolean {
    return this.threads.some((t) => t.failed !== null);
  }

  /**
   * Replaces every thread's watches, user dictionary and model. A model too big for the threads'
   * heap cap gets new threads with a larger one (batches in flight are prepared on the main thread).
   */
  async settings(s: PrepareSettings): Promise<void> {
    const need = threadHeapMb(s.model);
    if (need > this.heap) {
      const old = this.threads;
      this.heap = need;
      this.threads = old.map(() => new PrepareThread(need));
      await Promise.all(old.map((t) => t.close()));
    }
    await Promise.all(this.threads.map((t) => t.send({ type: "settings", ...s })));
  }

  /** Prepares items on the next thread in turn. */
  prepare(items: PipelineItem[]): Promise<PackedBatch> {
    const t = this.threads[this.turn++ % this.threads.length];
    return t.send({ type: "prepare", items });
  }

  /** Stops the threads. */
  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.close()));
  }
}
