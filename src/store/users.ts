// User accounts and their sessions.
import type { Db } from "../db/connection";
import type { SessionsTable, UsersTable } from "../db/schema";

/** Fields to create a user. */
export interface NewUser { username: string; passwordHash: string; displayName: string; role: string; unitId: number | null; email?: string | null; phone?: string | null }

/** All users by id. */
export function listUsers(db: Db): UsersTable[] {
  return db.all(db.q.selectFrom("users").selectAll().orderBy("id"));
}

/** One user by id. */
export function getUser(db: Db, id: number): UsersTable | undefined {
  return db.get(db.q.selectFrom("users").selectAll().where("id", "=", id));
}

/** One user by username. */
export function getUserByName(db: Db, username: string): UsersTable | undefined {
  return db.get(db.q.selectFrom("users").selectAll().where("username", "=", username));
}

/** Number of user accounts. */
export function countUsers(db: Db): number {
  return db.get(db.q.selectFrom("users").select((e) => e.fn.countAll<number>().as("n")))?.n ?? 0;
}

/** Creates a user and returns it. */
export function insertUser(db: Db, u: NewUser, now = Date.now()): UsersTable {
  const { lastInsertRowid } = db.run(
    db.q.insertInto("users").values({
      username: u.username, password_hash: u.passwordHash, display_name: u.displayName, role: u.role,
      unit_id: u.unitId, disabled: 0, created_at: now, updated_at: now, email: u.email ?? null, phone: u.phone ?? null,
    }),
  );
  return getUser(db, lastInsertRowid)!;
}

/** Updates the given user fields. */
export function updateUser(
  db: Db, id: number,
  patch: Partial<Pick<UsersTable, "display_name" | "role" | "unit_id" | "disabled" | "password_hash" | "email" | "phone">>, now = Date.now(),
): void {
  db.run(db.q.updateTable("users").set({ ...patch, updated_at: now }).where("id", "=", id));
}

/** Stores a new session. */
export function insertSession(db: Db, s: SessionsTable): void {
  db.run(db.q.insertInto("sessions").values(s));
}

/** A live session with its user, or undefined when missing or expired. */
export function getSession(db: Db, id: string, now = Date.now()): SessionsTable | undefined {
  return db.get(db.q.selectFrom("sessions").selectAll().where("id", "=", id).where("expires_at", ">", now));
}

/** Deletes one session. */
export function deleteSession(db: Db, id: string): void {
  db.run(db.q.deleteFrom("sessions").where("id", "=", id));
}

/** Deletes every session of a user (after a password change or disabling). */
export function deleteUserSessions(db: Db, userId: number): void {
  db.run(db.q.deleteFrom("sessions").where("user_id", "=", userId));
}

/** Removes expired sessions. */
export function purgeSessions(db: Db, now = Date.now()): number {
  return db.run(db.q.deleteFrom("sessions").where("expires_at", "<=", now)).changes;
}

/** Usernames of the given user ids (ids of deleted users are absent). */
export function usernamesOf(db: Db, ids: readonly number[]): Map<number, string> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = db.all(db.q.selectFrom("users").select(["id", "username"]).where("id", "in", unique));
  return new Map(rows.map((r) => [r.id, r.username]));
}
