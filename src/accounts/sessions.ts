// Server-side sessions: the cookie holds a random token; the database holds only its hash.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/connection";
import type { UsersTable } from "../db/schema";
import { deleteSession, getSession, getUser, insertSession } from "../store/users";
import { unitSubtree } from "../store/units";
import type { Role } from "../shared/api";
import type { Principal } from "./policies";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** Starts a session for a user; returns the cookie token and the CSRF token. */
export function startSession(db: Db, userId: number, ip: string | null, ttlMs: number, now = Date.now()) {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  insertSession(db, { id: sha256(token), user_id: userId, csrf_token: csrfToken, ip, created_at: now, expires_at: now + ttlMs });
  return { token, csrfToken };
}

/** The policy view of a user row. */
export function principalOf(db: Db, u: UsersTable): Principal {
  return {
    id: u.id, username: u.username, role: u.role as Role, unitId: u.unit_id,
    unitSubtree: u.unit_id == null ? [] : unitSubtree(db, u.unit_id),
  };
}

/** The live session behind a cookie token, or null (unknown, expired, or user disabled). */
export function resolveSession(db: Db, token: string, now = Date.now()) {
  const session = getSession(db, sha256(token), now);
  if (!session) return null;
  const user = getUser(db, session.user_id);
  if (!user || user.disabled) return null;
  return { sessionId: session.id, csrfToken: session.csrf_token, user, principal: principalOf(db, user) };
}

/** Ends the session behind a cookie token. */
export function endSession(db: Db, token: string): void {
  deleteSession(db, sha256(token));
}
