-- Item ids are never handed out twice. items.id is a rowid without AUTOINCREMENT, so SQLite gives
-- a new row max(id) + 1: deleting the newest items (a source added to try out, then deleted) gave
-- their ids to the next items stored, while the analysis state in memory (near-duplicate index,
-- open events) and the content check still knew those ids as the deleted items. The highest id
-- ever deleted is kept here, and inserts start above it.
CREATE TABLE id_floors (
  name TEXT PRIMARY KEY,               -- the table: 'items'
  floor INTEGER NOT NULL               -- highest id deleted from it
) WITHOUT ROWID;
