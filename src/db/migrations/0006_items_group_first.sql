-- The ledger collapses repost copies by default: with no other filter it lists the items that are
-- not a copy (no group, or their group's first post). This partial index holds just those, so that
-- page and count read a few percent of the table instead of scanning all of it (130 ms at 1M items).
CREATE INDEX items_group_first ON items(id) WHERE dup_group IS NULL OR dup_group = CAST(id AS TEXT);
