// What the case reminder job reads: open cases with a deadline, the notices a case already had (its
// reminder / overdue_notice timeline steps), and the in-app alert channels that carry them.
import type { Db } from "../db/connection";
import type { CasesTable } from "../db/schema";

/** Open cases with a feedback or reply deadline at or before `until`, by id after `afterId` (a page of `limit`). */
export function casesWithDeadlineBy(db: Db, until: number, afterId = 0, limit = 500): CasesTable[] {
  return db
    .prepare(
      `SELECT * FROM cases WHERE id > ? AND state <> 'closed'
         AND ((feedback_due_at IS NOT NULL AND feedback_due_at <= ?) OR (reply_due_at IS NOT NULL AND reply_due_at <= ? AND replied_at IS NULL))
       ORDER BY id LIMIT ?`,
    )
    .all(afterId, until, until, limit) as CasesTable[];
}

/** The `data` of a case's reminder and overdue-notice steps (which deadline, which moment). */
export function caseNoticeSteps(db: Db, caseId: number): { kind: string; data: string }[] {
  return db
    .prepare("SELECT kind, data FROM case_steps WHERE case_id = ? AND kind IN ('reminder', 'overdue_notice') ORDER BY id")
    .all(caseId) as { kind: string; data: string }[];
}

/** Ids of the enabled in-app channels. */
export function enabledInappChannelIds(db: Db): number[] {
  return db.prepare("SELECT id FROM alert_channels WHERE enabled = 1 AND kind = 'inapp' ORDER BY id").pluck().all() as number[];
}
