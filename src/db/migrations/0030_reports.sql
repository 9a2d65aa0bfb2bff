-- Reports (报告): templates, drafts, issued versions (immutable, numbered per kind and year),
-- leaders' instructions (批示) on a version, delivery schedules and generation runs. A covering
-- index over the fetch time lets a day's digest count a million items from the index alone.
CREATE TABLE report_templates (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  title TEXT NOT NULL,
  issuing_unit TEXT NOT NULL DEFAULT '',
  red_header INTEGER NOT NULL DEFAULT 0,
  sections TEXT NOT NULL,                 -- JSON array of section keys, in order
  is_default INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX report_templates_default ON report_templates(kind) WHERE is_default = 1;

CREATE TABLE reports (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  template_id INTEGER REFERENCES report_templates(id) ON DELETE SET NULL,
  event_id INTEGER,
  period_from TEXT NOT NULL,              -- office days, YYYY-MM-DD, inclusive
  period_to TEXT NOT NULL,
  title TEXT NOT NULL,
  content TEXT NOT NULL,                  -- JSON ReportContent (the draft)
  year INTEGER,                           -- numbering, fixed at the first issue
  seq INTEGER,
  created_by INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL,
  updated_by INTEGER REFERENCES users(id),
  updated_at INTEGER NOT NULL,
  UNIQUE (kind, year, seq)
);
CREATE INDEX reports_created ON reports(created_at);

CREATE TABLE report_versions (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id),
  version INTEGER NOT NULL,
  number TEXT NOT NULL,
  title TEXT NOT NULL,
  content TEXT NOT NULL,                  -- JSON ReportContent, frozen
  sha256 TEXT NOT NULL,
  issued_by INTEGER REFERENCES users(id),
  issued_at INTEGER NOT NULL,
  UNIQUE (report_id, version)
);
-- An issued version is a record: nothing rewrites or removes it.
CREATE TRIGGER report_versions_immutable BEFORE UPDATE ON report_versions
BEGIN SELECT RAISE(ABORT, 'issued report versions are immutable'); END;
CREATE TRIGGER report_versions_kept BEFORE DELETE ON report_versions
BEGIN SELECT RAISE(ABORT, 'issued report versions are kept'); END;

CREATE TABLE report_instructions (
  id INTEGER PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES report_versions(id),
  user_id INTEGER REFERENCES users(id),
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX report_instructions_version ON report_instructions(version_id, id);

CREATE TABLE report_schedules (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,                     -- daily | periodic
  period TEXT,                            -- week | month (periodic)
  template_id INTEGER REFERENCES report_templates(id) ON DELETE SET NULL,
  at_time TEXT NOT NULL,                  -- HH:MM office time
  weekday INTEGER,
  monthday INTEGER,
  format TEXT NOT NULL,
  channel_ids TEXT NOT NULL DEFAULT '[]',
  auto_issue INTEGER NOT NULL DEFAULT 0,
  enabled INTEGER NOT NULL DEFAULT 1,
  next_run_at INTEGER,
  last_run_at INTEGER,
  created_by INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE report_runs (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  trigger TEXT NOT NULL,                  -- manual | schedule | cli
  schedule_id INTEGER REFERENCES report_schedules(id) ON DELETE SET NULL,
  status TEXT NOT NULL,                   -- running | done | failed
  stage TEXT NOT NULL DEFAULT '',
  progress REAL NOT NULL DEFAULT 0,
  report_id INTEGER REFERENCES reports(id),
  error TEXT,
  timings TEXT NOT NULL DEFAULT '{}',
  delivery TEXT,                          -- JSON: per channel, sent or the error
  due_at INTEGER,                         -- a schedule's moment this run serves
  started_by INTEGER REFERENCES users(id),
  started_at INTEGER NOT NULL,
  finished_at INTEGER
);
CREATE INDEX report_runs_started ON report_runs(started_at);
-- A schedule runs once per due moment, even across a restart (the moment is the key).
CREATE UNIQUE INDEX report_runs_schedule_due ON report_runs(schedule_id, due_at) WHERE schedule_id IS NOT NULL;

-- Digests count a day's items by time, sentiment, source, event and repost group from this index alone.
DROP INDEX items_fetched;
CREATE INDEX items_fetched ON items(fetched_at, published_at, sentiment, source_id, event_id, dup_group);
-- Alerts raised in a period (digests, the wall display).
CREATE INDEX alerts_created ON alerts(created_at);
