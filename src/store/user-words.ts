// The user dictionary: place names, unit names and business terms segmentation must keep whole.
import type { Db } from "../db/connection";
import type { UserWordsTable } from "../db/schema";

/** Every user word, alphabetical. */
export function listUserWords(db: Db): UserWordsTable[] {
  return db.all(db.q.selectFrom("user_words").selectAll().orderBy("word"));
}

/** One user word. */
export function getUserWord(db: Db, id: number): UserWordsTable | undefined {
  return db.get(db.q.selectFrom("user_words").selectAll().where("id", "=", id));
}

/** Adds a word; returns null when it already exists. */
export function insertUserWord(db: Db, w: { word: string; kind: string; createdBy: number | null }, now = Date.now()): number | null {
  const r = db.sqlite
    .prepare("INSERT INTO user_words (word, kind, created_by, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
    .run(w.word, w.kind, w.createdBy, now);
  return r.changes ? Number(r.lastInsertRowid) : null;
}

/** Removes a word. */
export function deleteUserWord(db: Db, id: number): void {
  db.run(db.q.deleteFrom("user_words").where("id", "=", id));
}
