-- A repost group is named after its first post (dup_group = that post's id), and the collapsed
-- ledger shows a group by that post. Deleting a source used to leave the copies of its posts named
-- after a post that no longer exists, so they vanished from the collapsed ledger. Such groups are
-- named after their earliest remaining post, as the analysis names groups (publication time, else
-- fetch time, then id). The names are worked out first: relabelling while reading would let a
-- group's later rows see it half renamed.
CREATE TEMP TABLE group_renames (old TEXT PRIMARY KEY, new TEXT NOT NULL);
INSERT INTO group_renames (old, new)
SELECT g.dup_group, (
  SELECT CAST(f.id AS TEXT) FROM items f WHERE f.dup_group = g.dup_group
  ORDER BY coalesce(f.published_at, f.fetched_at), f.id LIMIT 1)
FROM (SELECT DISTINCT dup_group FROM items WHERE dup_group IS NOT NULL) g
WHERE NOT EXISTS (SELECT 1 FROM items o WHERE o.id = CAST(g.dup_group AS INTEGER));
UPDATE items SET dup_group = (SELECT new FROM group_renames WHERE old = items.dup_group)
WHERE dup_group IN (SELECT old FROM group_renames);
DROP TABLE group_renames;
