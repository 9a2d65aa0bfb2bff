// `tingfeng migrate`: applies pending migrations and exits.
import { openRuntime } from "./runtime";

/** Applies migrations; prints what was applied. */
export async function migrateCommand(): Promise<number> {
  const { db, applied } = openRuntime();
  db.close();
  console.log(applied.length ? `applied migrations: ${applied.join(", ")}` : "database is up to date");
  return 0;
}
