-- Incident mode (24 小时值守) on an event: who started it, until when, the short polling interval its
-- sources get meanwhile, the escalation timer, and the closing summary; the sources it covers; its log.
-- The polling override is read by dueSources while `until` lies ahead and `closed_at` is NULL, so it
-- survives a restart and ends by itself. Plain SQL for SQLite and PostgreSQL.
CREATE TABLE incidents (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id),
  started_by INTEGER REFERENCES users(id),
  started_at INTEGER NOT NULL,
  until INTEGER NOT NULL,
  poll_seconds INTEGER NOT NULL,
  escalate_minutes INTEGER,
  closed_at INTEGER,
  closed_by INTEGER REFERENCES users(id),
  summary TEXT
);
-- At most one open incident per event.
CREATE UNIQUE INDEX incidents_open_event ON incidents(event_id) WHERE closed_at IS NULL;
CREATE INDEX incidents_event ON incidents(event_id, started_at);

CREATE TABLE incident_sources (
  incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  source_id INTEGER NOT NULL,
  PRIMARY KEY (incident_id, source_id)
);
CREATE INDEX incident_sources_source ON incident_sources(source_id);

CREATE TABLE incident_log (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  user_id INTEGER REFERENCES users(id),
  kind TEXT NOT NULL,           -- note | started | extended | interval | closed | alert
  text TEXT NOT NULL
);
CREATE INDEX incident_log_incident ON incident_log(incident_id, id);
