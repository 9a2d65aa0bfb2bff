// Acknowledging an alert (in the app or through a signed link): the ledger row, the audit log and the
// timeline change in one transaction; an acknowledged alert stops escalating.
import type { Db } from "../db/connection";
import type { AlertsTable } from "../db/schema";
import { AppError } from "../errors";
import { recordAudit, type Actor } from "../store/audit";
import { acknowledgeAlert, getAlert } from "../store/alerts";
import { insertStep } from "../store/alert-steps";

/** How the acknowledgement arrived. */
export type AckVia = "app" | "link";

/** Acknowledges an alert (the first acknowledgement stands); 404 when it does not exist. Returns the row after. */
export function acknowledge(db: Db, alertId: number, actor: Actor, via: AckVia, ip: string | null, now = Date.now()): AlertsTable {
  return db.tx(() => {
    const before = getAlert(db, alertId);
    if (!before) throw AppError.notFound("alert");
    if (acknowledgeAlert(db, before.id, actor.id, now)) {
      recordAudit(db, { actor, action: "alert.ack", targetType: "alert", targetId: before.id, summary: { title: before.title, via }, ip }, now);
      insertStep(db, before.id, "acknowledged", actor.id, via === "link" ? "通过消息中的确认链接确认" : "在听风中确认", now);
    }
    return getAlert(db, before.id)!;
  });
}
