-- Publicity settings kept by the office beside the review flows: key → value (text), e.g.
-- submit_working_days (a submission is flagged when sent later than this many working days after its event).
CREATE TABLE publicity_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_by INTEGER REFERENCES users(id),
  updated_at INTEGER NOT NULL
);
