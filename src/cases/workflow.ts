// The case workflow (处置工单) as data: states with a type (open/closed) and the steps that move a
// case between them. Pure: `applyStep` checks a step against the case's state and the step's
// fields and says what changes; who may take a step is a policy (src/accounts/policies.ts).
import { FEEDBACK_PENDING_STATES } from "../shared/case-feedback";

/** A case state. */
export type CaseState = "open" | "triaged" | "escalated" | "instructed" | "assigned" | "responding" | "replied" | "closed";

/** Case severities, as alerts use them. */
export const CASE_SEVERITIES = ["general", "significant", "major"] as const;
/** A case severity. */
export type CaseSeverity = (typeof CASE_SEVERITIES)[number];

/** Each state's label and whether a case in it is still open. */
export const CASE_STATES: Record<CaseState, { zh: string; en: string; type: "open" | "closed" }> = {
  open: { zh: "待研判", en: "Open", type: "open" },
  triaged: { zh: "已研判", en: "Triaged", type: "open" },
  escalated: { zh: "已呈报", en: "Escalated", type: "open" },
  instructed: { zh: "已批示", en: "Instructed", type: "open" },
  assigned: { zh: "已交办", en: "Assigned", type: "open" },
  responding: { zh: "办理中", en: "Responding", type: "open" },
  replied: { zh: "已回应", en: "Replied", type: "open" },
  closed: { zh: "已办结", en: "Closed", type: "closed" },
};

/** Steps a case can take. `comment` and `extend` keep the state. */
export type CaseStepKind =
  | "triage" | "escalate" | "instruct" | "assign" | "accept" | "reply" | "return" | "close" | "reopen" | "comment" | "extend"
  | "approve_extension";

/** From which states a step may be taken, and where it leads (null: the state stays). */
export const CASE_STEPS: Record<CaseStepKind, { from: readonly CaseState[] | "any_open" | "any"; to: CaseState | null; zh: string }> = {
  triage: { from: ["open", "triaged"], to: "triaged", zh: "研判" },
  escalate: { from: ["triaged"], to: "escalated", zh: "呈报领导" },
  instruct: { from: ["escalated"], to: "instructed", zh: "领导批示" },
  assign: { from: ["triaged", "instructed", "assigned"], to: "assigned", zh: "交办" },
  accept: { from: ["assigned"], to: "responding", zh: "签收办理" },
  reply: { from: ["assigned", "responding"], to: "replied", zh: "回应" },
  return: { from: ["replied"], to: "responding", zh: "退回重办" },
  close: { from: ["replied"], to: "closed", zh: "办结" },
  reopen: { from: ["closed"], to: "responding", zh: "重新办理" },
  comment: { from: "any", to: null, zh: "备注" },
  extend: { from: "any_open", to: null, zh: "延时申请" },
  approve_extension: { from: "any_open", to: null, zh: "批准延时" },
};

/** A case as the workflow sees it. */
export interface CaseSnapshot {
  state: CaseState;
  severity: CaseSeverity | null;
  category: string | null;
  unitId: number | null;
  coUnitIds: readonly number[];
}

/** A step as asked for, with the fields it carries. */
export interface CaseStepInput {
  kind: CaseStepKind;
  /** The step's text: triage opinion, instruction, reply, reason to return or reopen, evaluation, comment. */
  text?: string;
  severity?: CaseSeverity;
  category?: string;
  unitId?: number;
  coUnitIds?: number[];
  /** The new reply deadline an extension asks for or grants (ms). */
  until?: number;
}

/** What a valid step changes, or why it is refused (a message catalog key). */
export type StepOutcome =
  | { ok: true; state: CaseState; patch: Partial<Omit<CaseSnapshot, "state">> }
  | { ok: false; code: "cases.step_not_allowed" | "cases.step_needs_field"; field?: string };

/** Steps that need a text, and those that need an owner unit. */
const NEEDS_TEXT: ReadonlySet<CaseStepKind> = new Set(["instruct", "reply", "return", "close", "reopen", "comment", "extend"]);

/** Whether a step may be taken from a state. */
export function stepAllowed(kind: CaseStepKind, state: CaseState): boolean {
  const { from } = CASE_STEPS[kind];
  if (from === "any") return true;
  if (from === "any_open") return CASE_STATES[state].type === "open";
  return from.includes(state);
}

/** The steps open to a case in a state (for the UI's buttons). */
export function nextSteps(state: CaseState): CaseStepKind[] {
  return (Object.keys(CASE_STEPS) as CaseStepKind[]).filter((k) => stepAllowed(k, state));
}

/** Checks a step against a case and says what it changes. */
export function applyStep(c: CaseSnapshot, step: CaseStepInput): StepOutcome {
  if (!stepAllowed(step.kind, c.state)) return { ok: false, code: "cases.step_not_allowed" };
  if (NEEDS_TEXT.has(step.kind) && !step.text?.trim()) return { ok: false, code: "cases.step_needs_field", field: "text" };
  const to = CASE_STEPS[step.kind].to ?? c.state;
  switch (step.kind) {
    case "triage": {
      const severity = step.severity ?? c.severity;
      const unitId = step.unitId ?? c.unitId;
      if (!severity) return { ok: false, code: "cases.step_needs_field", field: "severity" };
      if (unitId == null) return { ok: false, code: "cases.step_needs_field", field: "unitId" };
      return { ok: true, state: to, patch: { severity, unitId, category: step.category ?? c.category } };
    }
    case "assign": {
      const unitId = step.unitId ?? c.unitId;
      if (unitId == null) return { ok: false, code: "cases.step_needs_field", field: "unitId" };
      const coUnitIds = [...new Set(step.coUnitIds ?? c.coUnitIds)].filter((u) => u !== unitId);
      return { ok: true, state: to, patch: { unitId, coUnitIds } };
    }
    case "extend":
    case "approve_extension":
      if (step.until == null) return { ok: false, code: "cases.step_needs_field", field: "until" };
      return { ok: true, state: to, patch: {} };
    default:
      return { ok: true, state: to, patch: {} };
  }
}

/** States in which a case still owes its first feedback (反馈): before it is accepted for handling. */
export const FEEDBACK_PENDING: readonly CaseState[] = FEEDBACK_PENDING_STATES;

/** Whether a state is closed. */
export const isClosed = (s: CaseState): boolean => CASE_STATES[s].type === "closed";
