// Official accounts (官方账号): the publicly attributed accounts each unit speaks through.
import type { Db } from "../db/connection";
import type { OfficialAccountsTable } from "../db/schema";

/** An account as written. */
export interface AccountInput {
  unitId: number; platform: string; accountName: string; publicUrl: string; spokespersonUserId: number | null; enabled: boolean;
}

/** Inserts an account; returns its id. */
export function insertAccount(db: Db, a: AccountInput, now = Date.now()): number {
  return Number(
    db
      .prepare(
        `INSERT INTO official_accounts (unit_id, platform, account_name, public_url, spokesperson_user_id, enabled, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(a.unitId, a.platform, a.accountName, a.publicUrl, a.spokespersonUserId, a.enabled ? 1 : 0, now, now).lastInsertRowid,
  );
}

/** Rewrites an account. */
export function updateAccount(db: Db, id: number, a: AccountInput, now = Date.now()): void {
  db.prepare(
    `UPDATE official_accounts SET unit_id = ?, platform = ?, account_name = ?, public_url = ?, spokesperson_user_id = ?, enabled = ?, updated_at = ?
     WHERE id = ?`,
  ).run(a.unitId, a.platform, a.accountName, a.publicUrl, a.spokespersonUserId, a.enabled ? 1 : 0, now, id);
}

/** Deletes an account (the caller has checked no reply uses it). */
export function deleteAccount(db: Db, id: number): void {
  db.prepare("DELETE FROM official_accounts WHERE id = ?").run(id);
}

/** One account, or undefined. */
export function getAccount(db: Db, id: number): OfficialAccountsTable | undefined {
  return db.prepare("SELECT * FROM official_accounts WHERE id = ?").get(id) as OfficialAccountsTable | undefined;
}

/** Accounts of these units (null: every unit), by unit then name. */
export function listAccounts(db: Db, units: readonly number[] | null): OfficialAccountsTable[] {
  if (units === null) return db.prepare("SELECT * FROM official_accounts ORDER BY unit_id, account_name, id").all() as OfficialAccountsTable[];
  const ids = units.filter((u) => Number.isInteger(u));
  if (!ids.length) return [];
  // Integer ids from the session, inlined.
  return db.prepare(`SELECT * FROM official_accounts WHERE unit_id IN (${ids.join(",")}) ORDER BY unit_id, account_name, id`).all() as OfficialAccountsTable[];
}

/** How many replies were written under an account. */
export function accountReplyCount(db: Db, id: number): number {
  return db.prepare("SELECT count(*) FROM case_replies WHERE account_id = ?").pluck().get(id) as number;
}
