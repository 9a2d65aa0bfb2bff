-- One stored copy of a content per source is now checked in memory (src/store/content-keys.ts):
-- the unique index on a hash put every insert on a random page. The source index carries the
-- hash's first 16 characters instead, which is what the in-memory check is built from.
DROP INDEX items_source_hash;
DROP INDEX items_source_id;
CREATE INDEX items_source_id ON items(source_id, id, substr(content_hash, 1, 16));
