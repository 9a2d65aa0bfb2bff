-- An event's aggregates (size, sentiment mix, time span, best source priority) and its hourly
-- volume for bursts are recomputed from its members as it grows (a hot event about once a minute).
-- With these columns in the index those reads never visit the table rows: 2.5–3.5 µs → ~0.4 µs per
-- member (an event of 50k posts: 140 → 16 ms for the aggregates). Still ordered by (event_id, id)
-- for the member list and the ledger's event filter.
DROP INDEX items_event;
CREATE INDEX items_event ON items(event_id, id, published_at, fetched_at, sentiment, source_id);
