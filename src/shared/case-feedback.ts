// Which case states still owe the first feedback (反馈): read by the workflow and by the SQL that counts
// overdue cases (store/case-overdue.ts), so the case list, the wall and the reports agree.

/** States in which a case still owes its first feedback (反馈): before it is accepted for handling. */
export const FEEDBACK_PENDING_STATES = ["open", "triaged", "escalated", "instructed", "assigned"] as const;
