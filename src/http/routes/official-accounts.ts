// /api/official-accounts: the publicly attributed accounts each unit speaks through. The office reads
// every unit's, unit staff their own units'; admins and the unit's spokesperson keep them.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors";
import { can, type Principal } from "../../accounts/policies";
import { recordAudit } from "../../store/audit";
import { getUnit, unitNames } from "../../store/units";
import { getUser, usernamesOf } from "../../store/users";
import {
  accountReplyCount, deleteAccount, getAccount, insertAccount, listAccounts, updateAccount, type AccountInput,
} from "../../store/official-accounts";
import type { OfficialAccountsTable } from "../../db/schema";
import type { Db } from "../../db/connection";
import type { AccountPlatform } from "../../replies/workflow";
import { actorOf, authorize, type RouteDeps } from "../context";
import { errorBody, idParams } from "../schemas";
import { accountBody, accountListQuery, accountPatch, accountView } from "../reply-schemas";
import { iso } from "../../shared/iso";


/** Accounts as the API shows them, with unit and spokesperson names. */
export function presentAccounts(db: Db, rows: OfficialAccountsTable[]): z.infer<typeof accountView>[] {
  const units = unitNames(db);
  const people = usernamesOf(db, rows.flatMap((a) => (a.spokesperson_user_id == null ? [] : [a.spokesperson_user_id])));
  return rows.map((a) => ({
    id: a.id, unitId: a.unit_id, unitName: units.get(a.unit_id) ?? null, platform: a.platform as AccountPlatform, accountName: a.account_name,
    publicUrl: a.public_url, spokespersonUserId: a.spokesperson_user_id,
    spokespersonName: a.spokesperson_user_id == null ? null : people.get(a.spokesperson_user_id) ?? null, enabled: !!a.enabled,
    createdAt: iso(a.created_at), updatedAt: iso(a.updated_at),
  }));
}

function check(db: Db, a: AccountInput): void {
  if (!getUnit(db, a.unitId)) throw AppError.validation({ unitId: "cases.unknown_unit" });
  if (a.spokespersonUserId != null) {
    const u = getUser(db, a.spokespersonUserId);
    if (!u || u.disabled || u.role !== "spokesperson") throw AppError.validation({ spokespersonUserId: "replies.unknown_spokesperson" });
  }
}

/** An account the principal may see, or 404 (another unit's account is not found, not forbidden). */
function visibleAccount(db: Db, p: Principal, id: number): OfficialAccountsTable {
  const a = getAccount(db, id);
  if (!a || !can(p, "official_accounts.read", { unitId: a.unit_id })) throw AppError.notFound("official account");
  return a;
}

const inputOf = (a: OfficialAccountsTable): AccountInput => ({
  unitId: a.unit_id, platform: a.platform, accountName: a.account_name, publicUrl: a.public_url, spokespersonUserId: a.spokesperson_user_id,
  enabled: !!a.enabled,
});

/** Official account routes. */
export async function officialAccountRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.get("/api/official-accounts", {
    schema: { tags: ["replies"], querystring: accountListQuery, response: { 200: z.object({ accounts: z.array(accountView) }) } },
  }, async (req) => {
    const p = authorize(req, "official_accounts.read");
    const unitStaff = !can(p, "official_accounts.read", { unitId: null });
    let units: number[] | null = unitStaff ? p.unitSubtree : null;
    if (req.query.unitId !== undefined) units = units === null || units.includes(req.query.unitId) ? [req.query.unitId] : [];
    return { accounts: presentAccounts(db, listAccounts(db, units)) };
  });

  r.get("/api/official-accounts/:id", {
    schema: { tags: ["replies"], params: idParams, response: { 200: accountView, 404: errorBody } },
  }, async (req) => {
    const p = authorize(req, "official_accounts.read");
    return presentAccounts(db, [visibleAccount(db, p, req.params.id)])[0];
  });

  r.post("/api/official-accounts", {
    schema: { tags: ["replies"], body: accountBody, response: { 201: accountView, 400: errorBody, 403: errorBody } },
  }, async (req, reply) => {
    const b = req.body;
    const p = authorize(req, "official_accounts.write", { unitId: b.unitId });
    check(db, b);
    const id = db.tx(() => {
      const id = insertAccount(db, b);
      recordAudit(db, { actor: actorOf(p), action: "official_account.create", targetType: "official_account", targetId: id, summary: { ...b }, ip: req.ip });
      return id;
    });
    return reply.code(201).send(presentAccounts(db, [getAccount(db, id)!])[0]);
  });

  r.patch("/api/official-accounts/:id", {
    schema: { tags: ["replies"], params: idParams, body: accountPatch, response: { 200: accountView, 400: errorBody, 403: errorBody, 404: errorBody } },
  }, async (req) => {
    const p = authorize(req, "official_accounts.read");
    const old = visibleAccount(db, p, req.params.id);
    const given = Object.fromEntries(Object.entries(req.body).filter(([, v]) => v !== undefined)) as Partial<AccountInput>;
    const next: AccountInput = { ...inputOf(old), ...given };
    // Moving an account to another unit needs the right over both.
    if (!can(p, "official_accounts.write", { unitId: old.unit_id }) || !can(p, "official_accounts.write", { unitId: next.unitId })) throw AppError.forbidden();
    check(db, next);
    db.tx(() => {
      updateAccount(db, old.id, next);
      recordAudit(db, { actor: actorOf(p), action: "official_account.update", targetType: "official_account", targetId: old.id, summary: given, ip: req.ip });
    });
    return presentAccounts(db, [getAccount(db, old.id)!])[0];
  });

  r.delete("/api/official-accounts/:id", {
    schema: { tags: ["replies"], params: idParams, response: { 204: z.null(), 403: errorBody, 404: errorBody, 409: errorBody } },
  }, async (req, reply) => {
    const p = authorize(req, "official_accounts.read");
    const old = visibleAccount(db, p, req.params.id);
    if (!can(p, "official_accounts.write", { unitId: old.unit_id })) throw AppError.forbidden();
    // A reply names the account it was published under: such an account stays (disabled) as the record.
    if (accountReplyCount(db, old.id) > 0) throw AppError.conflict("replies.account_in_use");
    db.tx(() => {
      deleteAccount(db, old.id);
      recordAudit(db, { actor: actorOf(p), action: "official_account.delete", targetType: "official_account", targetId: old.id, summary: inputOf(old) as unknown as Record<string, unknown>, ip: req.ip });
    });
    return reply.code(204).send(null);
  });
}
