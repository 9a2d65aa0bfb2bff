-- Alerts (预警): channels, rules, the ledger of alerts and the outbox of deliveries (one row per
-- alert and channel, with its state). An alert is written in the same transaction as the analysis
-- that caused it; the dispatcher delivers the pending rows. Plain SQL for SQLite and PostgreSQL.
CREATE TABLE alert_channels (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  url TEXT,
  secret_enc TEXT,              -- AES-256-GCM (src/alerts/secrets.ts); never the secret itself
  options TEXT NOT NULL DEFAULT '{}',
  enabled INTEGER NOT NULL DEFAULT 1,
  created_by INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE alert_rules (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  trigger TEXT NOT NULL,        -- 'watch'
  watch_id INTEGER REFERENCES watches(id) ON DELETE CASCADE,
  severity TEXT NOT NULL,       -- general | significant | major
  only_negative INTEGER NOT NULL DEFAULT 0,
  max_source_priority INTEGER,  -- only sources with priority <= this (1 is the most important)
  min_reposts INTEGER,          -- only items whose repost group has at least this many reposts
  channel_ids TEXT NOT NULL DEFAULT '[]',
  quiet_start TEXT,             -- 'HH:MM' local time; never applies to major
  quiet_end TEXT,
  fold_seconds INTEGER NOT NULL DEFAULT 600,
  enabled INTEGER NOT NULL DEFAULT 1,
  created_by INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE alerts (
  id INTEGER PRIMARY KEY,
  rule_id INTEGER,
  severity TEXT NOT NULL,
  title TEXT NOT NULL,
  reason TEXT NOT NULL,
  fold_key TEXT NOT NULL,
  folded_into INTEGER,          -- the alert whose message carries this one (NULL: it carries itself)
  due_at INTEGER,               -- a carrier's planned send time (after folding window / quiet hours)
  item_id INTEGER,
  published_at INTEGER,
  fetched_at INTEGER,
  analysed_at INTEGER,
  created_at INTEGER NOT NULL,
  acknowledged_at INTEGER,
  acknowledged_by INTEGER
);
CREATE INDEX alerts_fold ON alerts(fold_key, created_at);
CREATE INDEX alerts_folded_into ON alerts(folded_into);

CREATE TABLE alert_deliveries (
  alert_id INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
  channel_id INTEGER NOT NULL,
  state TEXT NOT NULL,          -- pending | sent | failed
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  next_at INTEGER NOT NULL,
  sent_at INTEGER,
  PRIMARY KEY (alert_id, channel_id)
);
CREATE INDEX alert_deliveries_due ON alert_deliveries(next_at) WHERE state = 'pending';
