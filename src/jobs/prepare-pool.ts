// Runs the stateless part of the analysis (Preparer) on a worker thread. Requests are answered in
// order; settings travel as messages so the thread sees them before the next batch. If the thread
// dies, the pending requests fail and the worker falls back to preparing on the main thread.
import { Worker } from "node:worker_threads";
import type { PipelineItem, PreparedItem } from "../analyse/pipeline";
import type { UserWord } from "../analyse/keywords";

/** Settings of the thread's Preparer (the model as serialised JSON). */
export type PrepareSettings = { watches: { id: number; query: string }[]; userWords: UserWord[]; model: string | null };

/** A message to the thread. */
export type ThreadRequest = ({ type: "settings" } & PrepareSettings & { seq: number }) | { type: "prepare"; seq: number; items: PipelineItem[] };
/** The thread's answer. */
export type ThreadResponse = { seq: number; ok: true; prepared: PreparedItem[] } | { seq: number; ok: false; error: string };

/** One analysis thread. */
export class PreparePool {
  private readonly worker: Worker;
  private seq = 0;
  private readonly waiting = new Map<number, { resolve: (p: PreparedItem[]) => void; reject: (e: Error) => void }>();
  private failed: Error | null = null;

  /** Starts the thread. */
  constructor() {
    this.worker = new Worker(new URL("./prepare-thread-entry.mjs", import.meta.url));
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

  /** True once the thread has died. */
  get broken(): boolean {
    return this.failed !== null;
  }

  private send(msg: ThreadRequest): Promise<PreparedItem[]> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.waiting.set(msg.seq, { resolve, reject });
      this.worker.postMessage(msg);
    });
  }

  /** Replaces the thread's watches, user dictionary and model. */
  settings(s: PrepareSettings): Promise<void> {
    return this.send({ type: "settings", seq: ++this.seq, ...s }).then(() => undefined);
  }

  /** Prepares items on the thread. */
  prepare(items: PipelineItem[]): Promise<PreparedItem[]> {
    return this.send({ type: "prepare", seq: ++this.seq, items });
  }

  /** Stops the thread. */
  async close(): Promise<void> {
    this.worker.removeAllListeners("exit");
    await this.worker.terminate();
  }
}
