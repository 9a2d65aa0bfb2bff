-- The last fetch failure's stable code beside its Chinese text, so that the UI can say it in the
-- reader's language (src/shared/fetch-messages.ts); NULL while the last fetch succeeded or for
-- failures recorded before this column.
ALTER TABLE sources ADD COLUMN last_error_code TEXT;
