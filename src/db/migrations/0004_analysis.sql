-- Analysis results (issue 3): per-item sentiment, keywords, near-duplicate group, event; watches
-- and their matches; events; the user dictionary; sentiment corrections and trained models.
-- Items are stored first and analysed after (analysed_at NULL = pending), so ingest never waits
-- on analysis and an item accepted before a crash is analysed after the restart.

ALTER TABLE items ADD COLUMN analysed_at INTEGER;
ALTER TABLE items ADD COLUMN sentiment TEXT;             -- neg | neu | pos
ALTER TABLE items ADD COLUMN sentiment_score REAL;       -- [-1, 1]
ALTER TABLE items ADD COLUMN sentiment_manual INTEGER NOT NULL DEFAULT 0;
ALTER TABLE items ADD COLUMN keywords TEXT;              -- JSON array of words, best first
ALTER TABLE items ADD COLUMN simhash TEXT;               -- 16 hex digits
ALTER TABLE items ADD COLUMN dup_group TEXT;             -- items sharing it are copies of one original
ALTER TABLE items ADD COLUMN event_id INTEGER;
CREATE INDEX items_pending ON items(id) WHERE analysed_at IS NULL;
CREATE INDEX items_dup_group ON items(dup_group);
CREATE INDEX items_event ON items(event_id, id);
CREATE INDEX items_sentiment_id ON items(sentiment, id);

CREATE TABLE watches (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  query TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1,
  created_by INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE watch_matches (
  watch_id INTEGER NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
  item_id INTEGER NOT NULL REFERENCES items(id),
  spans TEXT NOT NULL,                                   -- JSON [{field,start,end}]
  matched_at INTEGER NOT NULL,
  PRIMARY KEY (watch_id, item_id)
);
CREATE INDEX watch_matches_item ON watch_matches(item_id);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  title_manual INTEGER NOT NULL DEFAULT 0,
  first_at INTEGER NOT NULL,
  last_at INTEGER NOT NULL,
  size INTEGER NOT NULL DEFAULT 0,
  neg INTEGER NOT NULL DEFAULT 0,
  neu INTEGER NOT NULL DEFAULT 0,
  pos INTEGER NOT NULL DEFAULT 0,
  keywords TEXT NOT NULL DEFAULT '[]',                   -- JSON [{word, weight}]
  risk_level TEXT NOT NULL DEFAULT 'general',            -- the suggestion
  risk_score REAL NOT NULL DEFAULT 0,
  risk_reasons TEXT NOT NULL DEFAULT '[]',               -- JSON array of strings
  risk_override TEXT,                                    -- an analyst's level, kept over suggestions
  merged_into INTEGER REFERENCES events(id),
  state TEXT,                                            -- clusterer snapshot (JSON), restored at start
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX events_last ON events(last_at);

CREATE TABLE user_words (
  id INTEGER PRIMARY KEY,
  word TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,                                    -- place | org | term
  created_by INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL
);

CREATE TABLE sentiment_corrections (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES items(id),
  label TEXT NOT NULL,
  previous_label TEXT,
  user_id INTEGER REFERENCES users(id),
  at INTEGER NOT NULL
);
CREATE INDEX sentiment_corrections_item ON sentiment_corrections(item_id);

CREATE TABLE sentiment_models (
  id INTEGER PRIMARY KEY,
  created_at INTEGER NOT NULL,
  source TEXT NOT NULL,                                  -- corrections | file
  examples INTEGER NOT NULL,
  holdout_accuracy REAL,
  model TEXT NOT NULL                                    -- serialised TrainedModel (JSON)
);
