-- Source kinds beyond feeds (html list pages, JSON APIs, file imports, manual entries): each kind's
-- settings (selectors, field mapping, pages, time format) as JSON on the source.
ALTER TABLE sources ADD COLUMN config TEXT NOT NULL DEFAULT '{}';
-- A per-source interval override with an expiry ("poll every 60 s for the next 24 hours"): read by the
-- scheduler beside the source's own interval; past its expiry it simply no longer applies.
ALTER TABLE sources ADD COLUMN override_seconds INTEGER;
ALTER TABLE sources ADD COLUMN override_until INTEGER;
