-- Accounts, units, sessions, audit, sources and the items ledger.
-- Times are INTEGER milliseconds since the epoch (BIGINT on PostgreSQL).

CREATE TABLE units (
  id INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES units(id),
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX units_parent ON units(parent_id);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  unit_id INTEGER REFERENCES units(id),
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,            -- sha256 of the cookie token; the token itself is never stored
  user_id INTEGER NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  ip TEXT,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor_id INTEGER,
  actor_name TEXT,
  action TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id TEXT,
  summary TEXT NOT NULL,
  ip TEXT
);
CREATE INDEX audit_at ON audit_log(at);

CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  url TEXT NOT NULL,
  interval_seconds INTEGER NOT NULL,
  priority INTEGER NOT NULL DEFAULT 3,
  enabled INTEGER NOT NULL DEFAULT 1,
  etag TEXT,
  last_modified TEXT,
  last_fetched_at INTEGER,
  last_success_at INTEGER,
  last_error TEXT,
  error_count INTEGER NOT NULL DEFAULT 0,
  next_fetch_at INTEGER,
  item_count INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX sources_due ON sources(enabled, next_fetch_at);

CREATE TABLE items (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources(id),
  dedup_key TEXT NOT NULL,        -- g:<source>:<guid> | u:<canonical url> | h:<source>:<hash>
  content_hash TEXT NOT NULL,
  guid TEXT,
  url TEXT,
  author TEXT,
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  published_at INTEGER,
  fetched_at INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'new',
  triaged_by INTEGER REFERENCES users(id),
  triaged_at INTEGER
);
CREATE UNIQUE INDEX items_dedup ON items(dedup_key);
CREATE UNIQUE INDEX items_source_hash ON items(source_id, content_hash);
CREATE INDEX items_fetched ON items(fetched_at);
CREATE INDEX items_source_id ON items(source_id, id);
CREATE INDEX items_status_id ON items(status, id);
