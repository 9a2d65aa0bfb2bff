-- Match counts per watch, kept as matches are stored, so that the watch list does not count and
-- time ten million match rows on every view (100 watches over 1M items took ~20 s):
-- per watch and 10-minute bucket of the items' publication time (fetch time when unknown) for
-- today's count and the burst series, and the total on the watch row.
CREATE TABLE watch_match_counts (
  watch_id INTEGER NOT NULL,
  bucket INTEGER NOT NULL,            -- max(published_at or fetched_at, 0) / 600000
  n INTEGER NOT NULL,
  PRIMARY KEY (watch_id, bucket)
) WITHOUT ROWID;
INSERT INTO watch_match_counts (watch_id, bucket, n)
  SELECT m.watch_id, max(coalesce(i.published_at, i.fetched_at), 0) / 600000, count(*)
  FROM watch_matches m JOIN items i ON i.id = m.item_id GROUP BY 1, 2;
ALTER TABLE watches ADD COLUMN match_count INTEGER NOT NULL DEFAULT 0;
UPDATE watches SET match_count = (SELECT count(*) FROM watch_matches m WHERE m.watch_id = watches.id);
