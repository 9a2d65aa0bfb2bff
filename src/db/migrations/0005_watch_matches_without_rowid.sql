-- SQLite only: watch matches are found by their primary key (watch, item) or by item, so the table
-- needs no rowid b-tree of its own. WITHOUT ROWID stores the rows in the primary-key b-tree: two
-- b-tree inserts per match instead of three (an item matches several watches as it is analysed).
CREATE TABLE watch_matches_new (
  watch_id INTEGER NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
  item_id INTEGER NOT NULL REFERENCES items(id),
  spans TEXT NOT NULL,                                   -- JSON [{field,start,end}]
  matched_at INTEGER NOT NULL,
  PRIMARY KEY (watch_id, item_id)
) WITHOUT ROWID;
INSERT INTO watch_matches_new (watch_id, item_id, spans, matched_at) SELECT watch_id, item_id, spans, matched_at FROM watch_matches;
DROP TABLE watch_matches;
ALTER TABLE watch_matches_new RENAME TO watch_matches;
CREATE INDEX watch_matches_item ON watch_matches(item_id);
