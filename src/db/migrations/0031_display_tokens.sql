-- Display tokens: read-only access of a duty-room wall display (大屏) to GET /api/wall/*, issued and
-- revoked by an admin. Only the SHA-256 of the token is stored; the token itself is shown once.
CREATE TABLE display_tokens (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,        -- hex SHA-256 of the base64url token
  created_by INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL,
  revoked_at INTEGER,
  last_seen_at INTEGER                    -- written at most once a minute
);
