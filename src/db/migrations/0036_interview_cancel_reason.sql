-- Interview requests (采访申请): why a request was cancelled, kept apart from the office's decision
-- reason (approve / decline) so a cancelled request still shows why it had been approved.
ALTER TABLE interview_requests ADD COLUMN cancel_reason TEXT NOT NULL DEFAULT '';
CREATE INDEX interview_requests_unit ON interview_requests(unit_id, state);
