// Display tokens of wall displays (大屏): stored by the SHA-256 of the token, revoked rather than deleted.
import type { Db } from "../db/connection";
import type { DisplayTokensTable } from "../db/schema";

/** How often last_seen_at is written at most. */
export const LAST_SEEN_STEP_MS = 60_000;

/** A token row with its creator's name. */
export type DisplayTokenRow = DisplayTokensTable & { created_by_name: string | null };

/** Stores a new token's hash; returns its id. */
export function insertDisplayToken(db: Db, name: string, tokenHash: string, createdBy: number | null, now = Date.now()): number {
  return Number(db.prepare("INSERT INTO display_tokens (name, token_hash, created_by, created_at) VALUES (?, ?, ?, ?)").run(name, tokenHash, createdBy, now).lastInsertRowid);
}

/** Every token, newest first, with the creator's display name (else username). */
export function listDisplayTokens(db: Db): DisplayTokenRow[] {
  return db
    .prepare(
      `SELECT t.*, coalesce(nullif(u.display_name, ''), u.username) AS created_by_name
       FROM display_tokens t LEFT JOIN users u ON u.id = t.created_by ORDER BY t.id DESC`,
    )
    .all() as DisplayTokenRow[];
}

/** One token by id, or undefined. */
export function getDisplayToken(db: Db, id: number): DisplayTokensTable | undefined {
  return db.prepare("SELECT * FROM display_tokens WHERE id = ?").get(id) as DisplayTokensTable | undefined;
}

/** The token with this hash that is not revoked, or undefined. */
export function activeDisplayToken(db: Db, tokenHash: string): DisplayTokensTable | undefined {
  return db.prepare("SELECT * FROM display_tokens WHERE token_hash = ? AND revoked_at IS NULL").get(tokenHash) as DisplayTokensTable | undefined;
}

/** Whether the token with this id is still valid. */
export function displayTokenActive(db: Db, id: number): boolean {
  return db.prepare("SELECT 1 FROM display_tokens WHERE id = ? AND revoked_at IS NULL").get(id) !== undefined;
}

/** Revokes a token (the first revocation stands); true when it changed. */
export function revokeDisplayToken(db: Db, id: number, now = Date.now()): boolean {
  return db.prepare("UPDATE display_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL").run(now, id).changes > 0;
}

/** Notes that a display used the token, unless that was noted less than LAST_SEEN_STEP_MS ago; true when written. */
export function touchDisplayToken(db: Db, id: number, now = Date.now()): boolean {
  return db
    .prepare("UPDATE display_tokens SET last_seen_at = ? WHERE id = ? AND (last_seen_at IS NULL OR last_seen_at <= ?)")
    .run(now, id, now - LAST_SEEN_STEP_MS).changes > 0;
}
