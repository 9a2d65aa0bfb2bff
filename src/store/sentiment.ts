// Analysts' sentiment corrections (training data) and the per-deployment trained models.
import type { Db } from "../db/connection";
import type { SentimentModelsTable } from "../db/schema";

/** Records an analyst's label for an item and pins it on the item. Call inside a transaction. */
export function correctSentiment(db: Db, itemId: number, label: string, userId: number | null, now = Date.now()): { previous: string | null } {
  const row = db.prepare("SELECT sentiment FROM items WHERE id = ?").get(itemId) as { sentiment: string | null } | undefined;
  const previous = row?.sentiment ?? null;
  const score = label === "neg" ? -1 : label === "pos" ? 1 : 0;
  db.prepare("UPDATE items SET sentiment = ?, sentiment_score = ?, sentiment_manual = 1 WHERE id = ?").run(label, score, itemId);
  db
    .prepare("INSERT INTO sentiment_corrections (item_id, label, previous_label, user_id, at) VALUES (?, ?, ?, ?, ?)")
    .run(itemId, label, previous, userId, now);
  return { previous };
}

/** The latest label per corrected item, with the item's text: the training set from corrections. */
export function correctionExamples(db: Db): { text: string; label: string }[] {
  return db
    .prepare(
      `SELECT i.title, i.text, c.label FROM sentiment_corrections c JOIN items i ON i.id = c.item_id
       WHERE c.id = (SELECT max(c2.id) FROM sentiment_corrections c2 WHERE c2.item_id = c.item_id)
       ORDER BY c.id`,
    )
    .all()
    .map((r) => {
      const row = r as { title: string; text: string; label: string };
      return { text: row.text || row.title, label: row.label };
    });
}

/** Number of corrected items. */
export function correctionCount(db: Db): number {
  return (db.prepare("SELECT count(DISTINCT item_id) AS n FROM sentiment_corrections").get() as { n: number }).n;
}

/** Stores a trained model; the newest one is the active one. */
export function saveModel(
  db: Db, m: { source: "corrections" | "file"; examples: number; holdoutAccuracy: number | null; model: string }, now = Date.now(),
): number {
  const r = db
    .prepare("INSERT INTO sentiment_models (created_at, source, examples, holdout_accuracy, model) VALUES (?, ?, ?, ?, ?)")
    .run(now, m.source, m.examples, m.holdoutAccuracy, m.model);
  return Number(r.lastInsertRowid);
}

/** The active (newest) model, if any. */
export function activeModel(db: Db): SentimentModelsTable | undefined {
  return db.prepare("SELECT * FROM sentiment_models ORDER BY id DESC LIMIT 1").get() as SentimentModelsTable | undefined;
}
