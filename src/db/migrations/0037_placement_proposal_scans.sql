-- Where the 疑似已刊发 scan stopped: the last ledger item it compared with the approved news drafts, and
-- the newest approval it has seen (a draft approved later is also compared with the items fetched
-- shortly before its approval, which the item checkpoint has already passed). One row.
CREATE TABLE placement_proposal_scans (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_item_id INTEGER NOT NULL,
  last_approved_at INTEGER NOT NULL,
  scanned_at INTEGER NOT NULL
);
CREATE INDEX placement_proposals_submission ON placement_proposals(submission_id, state);
