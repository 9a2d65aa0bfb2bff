-- SQLite only. The index text is already lower-cased tokens with one space between them
-- (toIndexText), so FTS5's ascii tokenizer, which only splits at ASCII punctuation and spaces,
-- sees the same tokens unicode61 did without its per-character Unicode lookups: indexing a
-- 200-character post 45–46 → 36–39 µs. (The letters unicode61 folded further, µ ς ſ …, are folded by
-- toIndexText now; CJK radicals and other symbols it dropped stay searchable.) The index is
-- contentless, so it is rebuilt from the items with tf_item_index_text (see src/db/sql-functions.ts).
DROP TABLE items_fts;
CREATE VIRTUAL TABLE items_fts USING fts5(body, content='', contentless_delete=1, tokenize='ascii');
INSERT INTO items_fts(items_fts, rank) VALUES ('automerge', 16);
INSERT INTO items_fts (rowid, body) SELECT id, tf_item_index_text(title, text) FROM items;
