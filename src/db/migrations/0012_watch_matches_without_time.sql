-- A match row is only (watch, item) now: nothing read the time a match was made (counts and
-- bursts go by the item's publication time, in watch_match_counts), and it was 6 of a row's ~18
-- bytes. 600k items with 10 matches each: the table 124 → 73 MB; storing an item's matches at
-- that size 34–35 → 19–24 µs.
CREATE TABLE watch_matches_new (
  watch_id INTEGER NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
  item_id INTEGER NOT NULL,
  PRIMARY KEY (watch_id, item_id)
) WITHOUT ROWID;
INSERT INTO watch_matches_new (watch_id, item_id) SELECT watch_id, item_id FROM watch_matches;
DROP TABLE watch_matches;
ALTER TABLE watch_matches_new RENAME TO watch_matches;
