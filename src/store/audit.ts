// Audit log rows: written in the same transaction as the change they describe.
import { sql } from "kysely";
import type { Db } from "../db/connection";
import type { AuditLogTable } from "../db/schema";

/** Who did something: a user, or null for the system itself. */
export interface Actor { id: number; username: string; role: string; unitId: number | null }

/** What to record about one mutation. */
export interface AuditInput {
  actor: Actor | null;
  action: string;
  targetType: string;
  targetId?: string | number | null;
  summary: string | Record<string, unknown>;
  ip?: string | null;
}

/** Filters for the admin audit view. */
export interface AuditFilter {
  actor?: string; action?: string; targetType?: string; from?: number; to?: number;
  limit: number; offset: number;
}

/** Appends one audit row and returns its id. Call inside the mutation's transaction. */
export function recordAudit(db: Db, e: AuditInput, now = Date.now()): number {
  return Number(db.run(
    db.q.insertInto("audit_log").values({
      at: now,
      actor_id: e.actor?.id ?? null,
      actor_name: e.actor?.username ?? "system",
      action: e.action,
      target_type: e.targetType,
      target_id: e.targetId == null ? null : String(e.targetId),
      summary: typeof e.summary === "string" ? e.summary : JSON.stringify(e.summary),
      ip: e.ip ?? null,
    }),
  ).lastInsertRowid);
}

/** Rewrites the summary of a row that counts something still going on (refused sign-ins in one window). */
export function updateAuditSummary(db: Db, id: number, summary: Record<string, unknown>): void {
  db.run(db.q.updateTable("audit_log").set({ summary: JSON.stringify(summary) }).where("id", "=", id));
}

function filtered(db: Db, f: Omit<AuditFilter, "limit" | "offset">) {
  let q = db.q.selectFrom("audit_log");
  // tf_budget(): a filtered scan of a long log ends at the read's time budget (src/db/budget.ts). The bare list
  // keeps no WHERE, so its total stays SQLite's quick count of the table's pages.
  if (f.actor || f.action || f.targetType || f.from !== undefined || f.to !== undefined) q = q.where(sql<boolean>`tf_budget()`);
  if (f.actor) q = q.where("actor_name", "=", f.actor);
  // A substring match: % and _ in the filter (actions such as "board.contact_view") are matched literally.
  if (f.action) q = q.where(sql<boolean>`action LIKE ${`%${f.action.replace(/[\\%_]/g, "\\$&")}%`} ESCAPE '\\'`);
  if (f.targetType) q = q.where("target_type", "=", f.targetType);
  if (f.from !== undefined) q = q.where("at", ">=", f.from);
  if (f.to !== undefined) q = q.where("at", "<=", f.to);
  return q;
}

/** Audit rows matching a filter, newest first, with the total count. */
export function listAudit(db: Db, f: AuditFilter): { rows: AuditLogTable[]; total: number } {
  const rows = db.all(filtered(db, f).selectAll().orderBy("id", "desc").limit(f.limit).offset(f.offset));
  const total = db.get(filtered(db, f).select((eb) => eb.fn.countAll<number>().as("n")))?.n ?? 0;
  return { rows, total };
}
