-- Case attachments (附件): the file is stored once by content under <data dir>/attachments/<sha256
-- prefix>/<sha256>; each upload is a row here with its name and who uploaded it, written with the
-- case's timeline step and audit row. Case reminders and overdue notices are case_steps rows
-- (kinds reminder / overdue_notice) and need no table. Plain SQL for SQLite and PostgreSQL.
CREATE TABLE case_attachments (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  mime TEXT NOT NULL,
  uploaded_by INTEGER,
  uploaded_by_name TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX case_attachments_case ON case_attachments(case_id, id);
