-- Escalation memos (抄告单): the number a case's memo got when it was first printed, so a reprint
-- keeps it. Numbers run per year (〔2026〕第N号); the year is the office's when it was first printed.
CREATE TABLE case_memos (
  case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
  year INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  created_by INTEGER,
  created_at INTEGER NOT NULL,
  UNIQUE (year, seq)
);
