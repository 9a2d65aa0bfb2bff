-- SQLite only. The full-text index now folds CJK characters traditional → simplified one at a time
-- (toIndexText, as watch matching does), so that a ledger search finds both forms (學校 finds 学校).
-- The index is contentless, so it is rebuilt from the items with tf_item_index_text (see
-- src/db/sql-functions.ts), as in 0013.
DROP TABLE items_fts;
CREATE VIRTUAL TABLE items_fts USING fts5(body, content='', contentless_delete=1, tokenize='ascii');
INSERT INTO items_fts(items_fts, rank) VALUES ('automerge', 16);
INSERT INTO items_fts (rowid, body) SELECT id, tf_item_index_text(title, text) FROM items;
