// One definition of "overdue at a moment", read by the wall (now) and by the digests and summaries (a
// period's end): a case open at the moment is overdue when a deadline had passed for what it had not yet
// done (feedback while it still owed it, the reply while unreplied; cases/commands.ts isOverdueAt), or when
// the overdue flag had been fixed by a step taken before the moment. A past moment is read from the
// case's timeline, not from its state today, so a report of a past day does not change when the case
// is replied to or closed later. (Deadlines are today's: an extension granted later moves them.)
import { FEEDBACK_PENDING_STATES } from "../shared/case-feedback";

const PENDING = FEEDBACK_PENDING_STATES.map((s) => `'${s}'`).join(", ");

/** SQL: the state of case `c` (an alias) at @at: its current one unless it changed since, else where its last step before @at led. */
export const stateAt = (c: string): string => `CASE WHEN ${c}.updated_at < @at THEN ${c}.state
      ELSE coalesce((SELECT s.to_state FROM case_steps s WHERE s.case_id = ${c}.id AND s.at < @at ORDER BY s.at DESC, s.id DESC LIMIT 1), ${c}.state)
      END`;

/**
 * SQL of a CTE list (`WITH … open_at AS (…)`) with named parameter `@at`: every case open at @at (created
 * before it and not closed at it) with all its columns, `state_at` (its state at @at), `missed` (the
 * deadline that had passed at @at for what it had not done yet, else null) and `overdue_at` (1 when
 * overdue at @at). Follow it with `SELECT … FROM open_at`.
 */
export const OPEN_CASES_AT = `WITH at_moment AS (
    SELECT c.*, ${stateAt("c")} AS state_at
    FROM cases c WHERE c.created_at < @at
  ), with_missed AS (
    SELECT m.*,
      CASE WHEN m.state_at IN (${PENDING}) AND m.feedback_due_at IS NOT NULL AND m.feedback_due_at < @at THEN m.feedback_due_at
           WHEN m.state_at <> 'replied' AND m.reply_due_at IS NOT NULL AND m.reply_due_at < @at THEN m.reply_due_at END AS missed,
      -- The flag is never cleared; it held at @at if it was fixed by a step before @at (a step taken past a deadline).
      CASE WHEN m.overdue = 1 AND (m.updated_at < @at OR EXISTS (
        SELECT 1 FROM case_steps s WHERE s.case_id = m.id AND s.at < @at AND s.from_state IS NOT NULL AND s.from_state <> 'closed'
          AND ((s.from_state IN (${PENDING}) AND m.feedback_due_at < s.at) OR (s.from_state <> 'replied' AND m.reply_due_at < s.at))))
        THEN 1 ELSE 0 END AS flag_at
    FROM at_moment m WHERE m.state_at <> 'closed'
  ), open_at AS (
    SELECT w.*, CASE WHEN w.flag_at = 1 OR w.missed IS NOT NULL THEN 1 ELSE 0 END AS overdue_at FROM with_missed w
  )`;
