// Statement time budgets. better-sqlite3 12 exposes neither sqlite3_progress_handler nor
// sqlite3_interrupt, so the expensive statements call `tf_budget()` in their WHERE clause: SQLite
// evaluates a non-deterministic function once per row it considers, and the function throws once
// the running call's deadline has passed, which ends the statement and frees the connection.
import type Database from "better-sqlite3";

/** Thrown (through SQLite) by a statement that ran past its budget. */
export class QueryBudgetExceeded extends Error {
  constructor(readonly budgetMs: number) {
    super(`db: query ran past its budget of ${budgetMs} ms`);
    this.name = "QueryBudgetExceeded";
  }
}

/** A connection's budget clock: `run` sets a deadline for the statements fn runs. */
export interface Budget {
  /** Runs fn with a deadline `ms` from now (nested calls keep the earlier deadline). */
  run<T>(ms: number, fn: () => T): T;
  /**
   * Runs fn, cutting its statements short after `ms` (a soft limit for work that may stop early,
   * like a count shown as "more than"): false when cut, true when fn finished.
   */
  cut(ms: number, fn: () => void): boolean;
}

// What tf_budget throws at a soft limit; `cut` catches it.
const CUT = new Error("db: statement cut at its soft limit");

// Reading the clock costs ~40 ns; checking it every 64 rows keeps the function's cost to the call
// itself while a statement still stops within a few ms of its deadline.
const CHECK_EVERY = 64;

/** Registers `tf_budget()` on a connection and returns its clock. Outside `run` it always passes. */
export function installBudget(sqlite: Database.Database): Budget {
  let deadline = Infinity;
  let budgetMs = 0;
  let soft = Infinity;
  let calls = 0;
  sqlite.function("tf_budget", { deterministic: false }, () => {
    if ((++calls & (CHECK_EVERY - 1)) === 0) {
      const now = performance.now();
      if (now > deadline) throw new QueryBudgetExceeded(budgetMs);
      if (now > soft) throw CUT;
    }
    return 1;
  });
  return {
    run<T>(ms: number, fn: () => T): T {
      if (deadline !== Infinity) return fn();
      deadline = performance.now() + ms;
      budgetMs = ms;
      calls = 0;
      try {
        return fn();
      } finally {
        deadline = Infinity;
      }
    },
    cut(ms: number, fn: () => void): boolean {
      const outer = soft;
      soft = Math.min(outer, performance.now() + ms);
      try {
        fn();
        return true;
      } catch (err) {
        if (err === CUT) return false;
        throw err;
      } finally {
        soft = outer;
      }
    },
  };
}
