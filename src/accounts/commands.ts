// Account mutations; each writes its audit row in the same transaction.
import type { Db } from "../db/connection";
import type { UsersTable } from "../db/schema";
import { recordAudit, type Actor } from "../store/audit";
import { countUsers, deleteUserSessions, getUser, insertUser, updateUser } from "../store/users";
import { getUnit } from "../store/units";
import type { Role } from "../shared/api";
import { generatePassword, hashPassword } from "./passwords";
import { AppError, fieldText } from "../errors";
import { passwordProblem } from "./password-policy";

/** Throws a 400 on `field` when the password breaks the policy (too short, too common). */
export async function assertPasswordPolicy(password: string, username: string, field = "password"): Promise<void> {
  const problem = await passwordProblem(password, [username]);
  if (problem) throw AppError.validation({ [field]: problem });
}

/** Input to create a user. */
export interface CreateUserInput { username: string; password: string; displayName?: string; role: Role; unitId: number | null; email?: string | null; phone?: string | null }

/** Creates a user; 400 when the username is taken, the unit does not exist or the password is weak. */
export async function createUser(db: Db, actor: Actor | null, input: CreateUserInput, ip: string | null = null): Promise<UsersTable> {
  await assertPasswordPolicy(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  return db.tx(() => {
    if (input.unitId != null && !getUnit(db, input.unitId)) throw AppError.validation({ unitId: "user.unit_not_found" });
    const taken = db.get(db.q.selectFrom("users").select("id").where("username", "=", input.username));
    if (taken) throw AppError.validation({ username: "user.username_taken" });
    const user = insertUser(db, {
      username: input.username, passwordHash, displayName: input.displayName || input.username, role: input.role, unitId: input.unitId,
      email: input.email, phone: input.phone,
    });
    recordAudit(db, {
      actor, action: "user.create", targetType: "user", targetId: user.id,
      summary: { username: user.username, role: user.role, unitId: user.unit_id }, ip,
    });
    return user;
  });
}

/** Input to update a user; a new password or disabling ends their sessions. */
export interface UpdateUserInput { displayName?: string; role?: Role; unitId?: number | null; disabled?: boolean; password?: string; email?: string | null; phone?: string | null }

/** Updates a user and records what changed (never the password itself). */
export async function updateUserAccount(
  db: Db, actor: Actor, id: number, input: UpdateUserInput, ip: string | null = null,
): Promise<UsersTable> {
  if (input.password) await assertPasswordPolicy(input.password, getUser(db, id)?.username ?? "");
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return db.tx(() => {
    const before = getUser(db, id);
    if (!before) throw AppError.notFound("user");
    if (input.unitId != null && !getUnit(db, input.unitId)) throw AppError.validation({ unitId: "user.unit_not_found" });
    if (actor.id === id && (input.disabled || (input.role && input.role !== "admin" && before.role === "admin"))) {
      throw AppError.conflict("cannot_lock_self");
    }
    updateUser(db, id, {
      display_name: input.displayName, role: input.role, unit_id: input.unitId,
      disabled: input.disabled === undefined ? undefined : input.disabled ? 1 : 0, password_hash: passwordHash,
      email: input.email, phone: input.phone,
    });
    if (passwordHash || input.disabled) deleteUserSessions(db, id);
    const { password: _pw, ...rest } = input;
    recordAudit(db, {
      actor, action: "user.update", targetType: "user", targetId: id,
      summary: { ...rest, ...(passwordHash ? { password: "changed" } : {}) }, ip,
    });
    return getUser(db, id)!;
  });
}

/** On first run, creates `admin` with the given or a generated password; returns the password once. */
export async function ensureAdmin(db: Db, password?: string): Promise<string | null> {
  if (countUsers(db) > 0) return null;
  const pw = password ?? generatePassword();
  const problem = await passwordProblem(pw, ["admin"]);
  if (problem) throw new Error(`TINGFENG_ADMIN_PASSWORD: ${fieldText("zh-CN", problem)}`);
  await createUser(db, null, { username: "admin", password: pw, displayName: "系统管理员", role: "admin", unitId: null });
  return pw;
}
