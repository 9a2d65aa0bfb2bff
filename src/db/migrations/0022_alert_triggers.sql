-- Alert triggers beyond "watch": bursts of a watch or of any event, an event's risk level rising,
-- a source turning unhealthy, and a monitor's manual raise. Plain SQL for SQLite and PostgreSQL.
ALTER TABLE alert_rules ADD COLUMN min_risk TEXT;          -- event_risk: the level to reach; burst of events: only events at least this level
ALTER TABLE alert_rules ADD COLUMN source_id INTEGER REFERENCES sources(id) ON DELETE CASCADE; -- source_unhealthy: only this source (NULL: any)
ALTER TABLE alert_rules ADD COLUMN min_failures INTEGER;   -- source_unhealthy: consecutive failed fetches that make a source unhealthy

-- An alert is about an item, an event or a source (item_id was already nullable).
ALTER TABLE alerts ADD COLUMN event_id INTEGER;
ALTER TABLE alerts ADD COLUMN source_id INTEGER;
ALTER TABLE alerts ADD COLUMN note TEXT;                  -- a manual raise's note
ALTER TABLE alerts ADD COLUMN raised_by INTEGER;          -- the user who raised it by hand (NULL: a rule)

-- What a trigger remembers between batches: the last burst end seen flagged per rule and subject, so
-- a burst fires once when it starts and not again while it lasts.
CREATE TABLE alert_trigger_state (
  key TEXT PRIMARY KEY,
  at INTEGER NOT NULL
);
