-- Source kinds beyond feeds (html list pages, JSON APIs, file imports, manual entries): each kind's
-- settings (selectors, field mapping, pages, time format) as JSON on the source.
ALTER TABLE sources ADD COLUMN config TEXT NOT NULL DEFAULT '{}';
