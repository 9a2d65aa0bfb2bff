-- SQLite only (the one place the dialects differ for search): FTS5 over title+text pre-split into
-- overlapping CJK bigrams (see src/analyse/bigrams.ts). Contentless: the text lives in items,
-- the index stores only tokens, keyed by items.id. PostgreSQL will use a tsvector('simple') + GIN.
CREATE VIRTUAL TABLE items_fts USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
