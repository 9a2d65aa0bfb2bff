-- Duty rota (值班) per unit, people's contact details, alert recipients, escalation and the alert
-- timeline. Dates are local 'YYYY-MM-DD' (the day a shift starts on); times 'HH:MM' server local time.
-- A night shift runs from night_start on its date to day_start the next day.
CREATE TABLE duty_settings (
  unit_id INTEGER PRIMARY KEY REFERENCES units(id) ON DELETE CASCADE,
  day_start TEXT NOT NULL,
  night_start TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE duty_assignments (
  unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  shift TEXT NOT NULL,            -- day | night
  position INTEGER NOT NULL,      -- 1: first on duty, 2: second, …
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (unit_id, date, shift, position)
);

-- 换班: from_user's place in one shift is taken by to_user (applied in id order).
CREATE TABLE duty_swaps (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  shift TEXT NOT NULL,
  from_user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  to_user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  note TEXT,
  created_by INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX duty_swaps_slot ON duty_swaps(unit_id, date);

-- Leave and holidays: the person is skipped in every shift starting on start_date..end_date (inclusive).
CREATE TABLE duty_leave (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  note TEXT,
  created_by INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX duty_leave_dates ON duty_leave(end_date, start_date);

ALTER TABLE users ADD COLUMN email TEXT;
ALTER TABLE users ADD COLUMN phone TEXT;

-- Recipients of a rule besides its channels: people, and whoever is on duty in a unit (NULL: the top unit).
ALTER TABLE alert_rules ADD COLUMN recipient_user_ids TEXT NOT NULL DEFAULT '[]';
ALTER TABLE alert_rules ADD COLUMN on_duty INTEGER NOT NULL DEFAULT 0;
ALTER TABLE alert_rules ADD COLUMN duty_unit_id INTEGER;

-- Escalation of an unacknowledged 较大/重大 alert: the unit whose rota it climbs, how many steps it
-- took, when the last one was, and whether the chain is exhausted.
ALTER TABLE alerts ADD COLUMN duty_unit_id INTEGER;
ALTER TABLE alerts ADD COLUMN escalation_level INTEGER NOT NULL DEFAULT 0;
ALTER TABLE alerts ADD COLUMN escalated_at INTEGER;
ALTER TABLE alerts ADD COLUMN escalation_done INTEGER NOT NULL DEFAULT 0;
CREATE INDEX alerts_escalating ON alerts(id)
  WHERE escalation_done = 0 AND acknowledged_at IS NULL AND folded_into IS NULL AND severity IN ('significant', 'major');

-- The people an alert was sent to (in-app, and e-mail when they have an address).
CREATE TABLE alert_recipients (
  alert_id INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL,
  state TEXT NOT NULL,            -- pending | sent | failed
  reason TEXT NOT NULL,           -- rule | duty | escalation
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  next_at INTEGER NOT NULL,
  sent_at INTEGER,
  PRIMARY KEY (alert_id, user_id)
);
CREATE INDEX alert_recipients_due ON alert_recipients(next_at) WHERE state = 'pending';

-- The alert's timeline: created / delivered / escalated / acknowledged, to or by whom.
CREATE TABLE alert_steps (
  id INTEGER PRIMARY KEY,
  alert_id INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  kind TEXT NOT NULL,
  user_id INTEGER,
  note TEXT
);
CREATE INDEX alert_steps_alert ON alert_steps(alert_id, id);
