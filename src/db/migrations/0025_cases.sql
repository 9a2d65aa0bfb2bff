-- Cases (处置工单): a concern that needs action, with its items, its owner units, its deadlines and
-- a timeline of steps (each step written with the change it records). Routing rules suggest the
-- owner unit; deadline policies and the calendar (holidays, make-up working days) set the
-- deadlines. Plain SQL for SQLite and PostgreSQL.
CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL,                -- src/cases/workflow.ts CASE_STATES
  severity TEXT,                      -- general | significant | major
  category TEXT,
  unit_id INTEGER REFERENCES units(id),   -- lead unit (牵头)
  origin TEXT NOT NULL,               -- items | event | alert | board | manual
  event_id INTEGER,
  alert_id INTEGER,
  suggested_unit_id INTEGER,
  suggested_by TEXT,                  -- which routing rule made the suggestion (JSON), or NULL
  feedback_due_at INTEGER,            -- 反馈 deadline
  reply_due_at INTEGER,               -- 回应 deadline
  overdue INTEGER NOT NULL DEFAULT 0, -- fixed at each step: a deadline had passed when it was taken
  replied_at INTEGER,
  closed_at INTEGER,
  created_by INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX cases_unit_state ON cases(unit_id, state);
CREATE INDEX cases_created ON cases(created_at);

CREATE TABLE case_items (
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  item_id INTEGER NOT NULL,
  PRIMARY KEY (case_id, item_id)
);
CREATE INDEX case_items_item ON case_items(item_id);

-- Co-handling units (协办); the lead unit (牵头) is cases.unit_id.
CREATE TABLE case_co_units (
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  unit_id INTEGER NOT NULL,
  PRIMARY KEY (case_id, unit_id)
);
CREATE INDEX case_co_units_unit ON case_co_units(unit_id);

CREATE TABLE case_steps (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  user_id INTEGER,
  user_name TEXT NOT NULL,
  kind TEXT NOT NULL,                 -- open | triage | … (src/cases/workflow.ts CASE_STEPS)
  from_state TEXT,
  to_state TEXT NOT NULL,
  text TEXT,
  data TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX case_steps_case ON case_steps(case_id, id);

CREATE TABLE routing_rules (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,                 -- keyword | place | category
  terms TEXT NOT NULL,                -- JSON array
  unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
  priority INTEGER NOT NULL DEFAULT 100,
  enabled INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

-- Days that differ from the usual week: public holidays and make-up working days (调休).
CREATE TABLE calendar_days (
  date TEXT PRIMARY KEY,              -- YYYY-MM-DD, office time zone
  kind TEXT NOT NULL,                 -- holiday | workday
  name TEXT NOT NULL DEFAULT ''
);

-- Deadlines per severity and (optionally) category; the row with the category wins over the one without.
CREATE TABLE case_deadlines (
  id INTEGER PRIMARY KEY,
  severity TEXT NOT NULL,
  category TEXT NOT NULL DEFAULT '',  -- '' applies to every category
  feedback_amount REAL NOT NULL,
  feedback_unit TEXT NOT NULL,        -- working_hours | working_days | hours | days
  reply_amount REAL NOT NULL,
  reply_unit TEXT NOT NULL,
  UNIQUE (severity, category)
);
INSERT INTO case_deadlines (severity, category, feedback_amount, feedback_unit, reply_amount, reply_unit) VALUES
  ('general', '', 12, 'hours', 0, 'working_days'),
  ('significant', '', 6, 'hours', 0, 'working_days'),
  ('major', '', 2, 'hours', 6, 'hours'),
  ('general', '媒体批评', 14, 'days', 14, 'days');
