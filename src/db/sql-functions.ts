// Application functions that SQL run by migrations may call (SQLite only).
import type Database from "better-sqlite3";
import { toIndexText } from "../analyse/bigrams";

/** Registers tf_index_text(text): the full-text index's form of a text, as insertItems stores it. */
export function registerSqlFunctions(sqlite: Database.Database): void {
  sqlite.function("tf_index_text", { deterministic: true }, (text: unknown) => toIndexText(typeof text === "string" ? text : ""));
}
