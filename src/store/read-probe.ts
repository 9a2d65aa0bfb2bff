// A read of a chosen length: counts n generated rows through the statement budget. The read pool's
// tests and the operators' diagnostics use it to see budgets end a long statement.
import type { Db } from "../db/connection";

/** Counts 1..n in SQL, checking the budget on every row (a statement that takes about n × 0.1 µs). */
export function countRows(db: Db, n: number): number {
  return db
    .prepare("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ? AND tf_budget()) SELECT count(*) FROM c")
    .pluck()
    .get(n) as number;
}
