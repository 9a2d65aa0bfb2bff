// Case API types shared by the server and the web UI (no node:* imports).
import type { Severity } from "./alerts-api";

/** Case states in workflow order (labels in the locale files under cases.state.*). */
export const CASE_STATE_LIST = ["open", "triaged", "escalated", "instructed", "assigned", "responding", "replied", "closed"] as const;
/** One of CASE_STATE_LIST. */
export type CaseStateName = (typeof CASE_STATE_LIST)[number];

/** One step on a case's timeline. */
export interface CaseStepView {
  id: number; at: string; userId: number | null; userName: string; kind: string; fromState: string | null; toState: string; text: string | null;
  data: Record<string, unknown>;
}

/** A case in the list (GET /api/cases). */
export interface CaseSummary {
  id: number; title: string; state: CaseStateName; stateLabel: string; open: boolean; severity: Severity | null; category: string | null;
  unitId: number | null; unitName: string | null; coUnitIds: number[]; origin: string; feedbackDueAt: string | null; replyDueAt: string | null;
  overdue: boolean; repliedAt: string | null; closedAt: string | null; createdAt: string; updatedAt: string;
}

/** A case with its timeline (GET /api/cases/:id). */
export interface CaseDetail extends CaseSummary {
  summary: string; eventId: number | null; alertId: number | null; itemIds: number[];
  suggestion: { unitId: number; ruleId: number; ruleName: string; term: string; kind: string } | null;
  nextSteps: string[]; timeline: CaseStepView[];
}
