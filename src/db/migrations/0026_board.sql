-- The public message board (留言板): messages left without an account, each with a query code the
-- poster follows it by; the contact is stored only encrypted (AES-256-GCM, src/alerts/secrets.ts).
-- Every moderation decision, routing, draft, approval and answer is a step. Spent proof-of-work
-- challenges are kept until they expire so one solution cannot be replayed. Plain SQL for SQLite and
-- PostgreSQL.
CREATE TABLE board_messages (
  id INTEGER PRIMARY KEY,
  query_code TEXT NOT NULL UNIQUE,
  category TEXT NOT NULL,             -- consult | complaint | suggestion | help | report
  unit_id INTEGER REFERENCES units(id),
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  contact_enc TEXT,                   -- encrypted; never plaintext
  anonymous INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL,               -- held | accepted | rejected | answered
  moderation_reason TEXT,             -- why the filter held it, or why a moderator rejected it (shown to the poster)
  due_at INTEGER,                     -- answer deadline (working days from acceptance)
  draft_text TEXT,                    -- an answer waiting for approval
  draft_by INTEGER,
  answer_text TEXT,
  answer_unit_id INTEGER,
  answered_by INTEGER,
  answered_at INTEGER,
  case_id INTEGER,
  rating TEXT,                        -- satisfied | basically | unsatisfied
  rated_at INTEGER,
  created_at INTEGER NOT NULL,
  accepted_at INTEGER,
  updated_at INTEGER NOT NULL
);
CREATE INDEX board_messages_unit_status ON board_messages(unit_id, status);
CREATE INDEX board_messages_created ON board_messages(created_at);

CREATE TABLE board_steps (
  id INTEGER PRIMARY KEY,
  message_id INTEGER NOT NULL REFERENCES board_messages(id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  user_id INTEGER,
  user_name TEXT NOT NULL,
  kind TEXT NOT NULL,                 -- submitted | held | accepted | rejected | routed | drafted | returned | answered | rated | case
  text TEXT
);
CREATE INDEX board_steps_message ON board_steps(message_id, id);

CREATE TABLE pow_spent (
  signature TEXT PRIMARY KEY,
  expires_at INTEGER NOT NULL
);
CREATE INDEX pow_spent_expires ON pow_spent(expires_at);
