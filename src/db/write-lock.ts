// Whether another connection holds the write lock, asked without waiting, so that a request can
// wait for it asynchronously (the HTTP loop keeps serving) instead of inside a synchronous statement.
import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "./connection";

const POLL_MS = 15;

/** True when a write transaction could start now (false while another connection writes). */
export function writeLockFree(db: Db): boolean {
  if (db.sqlite.inTransaction) return true;
  const timeout = db.sqlite.pragma("busy_timeout", { simple: true }) as number;
  db.sqlite.pragma("busy_timeout = 0");
  try {
    db.sqlite.exec("BEGIN IMMEDIATE");
    db.sqlite.exec("ROLLBACK");
    return true;
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("SQLITE_BUSY")) return false;
    throw err;
  } finally {
    db.sqlite.pragma(`busy_timeout = ${timeout}`);
  }
}

/**
 * Waits, asynchronously in 15 ms steps, until no other connection holds the write lock: true once free,
 * false past `maxMs` or when `stop()` says so. The event loop keeps serving meanwhile, where SQLite's own
 * busy handler would hold it for the whole busy timeout.
 */
export async function waitForWriteLock(db: Db, maxMs: number, stop: () => boolean = () => false): Promise<boolean> {
  const deadline = Date.now() + maxMs;
  while (!writeLockFree(db)) {
    if (stop() || Date.now() >= deadline) return false;
    await sleep(POLL_MS);
  }
  return true;
}
