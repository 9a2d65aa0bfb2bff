// Application functions that SQL run by migrations may call (SQLite only).
import type Database from "better-sqlite3";
import { itemIndexText } from "../analyse/bigrams";

/** Registers tf_item_index_text(title, text): an item's full-text index text, as insertItems stores it. */
export function registerSqlFunctions(sqlite: Database.Database): void {
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  sqlite.function("tf_item_index_text", { deterministic: true }, (title: unknown, text: unknown) => itemIndexText(str(title), str(text)));
}
