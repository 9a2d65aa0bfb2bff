// Whether another connection holds the write lock, asked without waiting, so that a request can
// wait for it asynchronously (the HTTP loop keeps serving) instead of inside a synchronous statement.
import type { Db } from "./connection";

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
