// The review of a submission (稿件审核) as a state machine over its fixed steps: who may decide the
// waiting step, and where approve / return / withdraw / submit lead. Pure: no I/O.
import type { Principal } from "../accounts/policies";
import type { ReviewStep, SubmissionState } from "../shared/publicity-types";

/** A submission as the review rules see it. */
export interface ReviewSubject { state: SubmissionState; stepIndex: number; steps: readonly ReviewStep[]; unitId: number; authorId: number | null }

/** A review action. */
export type ReviewAction = "submit" | "approve" | "return" | "withdraw";

/** Where an action leads: the new state and step, or why it is refused (a stable code). */
export type ReviewOutcome =
  | { ok: true; state: SubmissionState; stepIndex: number; approved: boolean }
  | { ok: false; code: "publicity.not_waiting" | "publicity.not_your_step" | "publicity.comment_required" | "publicity.bad_state" | "publicity.no_steps" };

/** The step waiting for a decision, or null when none waits. */
export function waitingStep(s: ReviewSubject): ReviewStep | null {
  return s.state === "in_review" ? (s.steps[s.stepIndex] ?? null) : null;
}

/** Whether `p` may decide `step` of a submission of `unitId`: the step's role (admin any step); a unit step needs the unit's subtree. */
export function mayDecideStep(p: Principal, step: ReviewStep, unitId: number): boolean {
  if (p.role === "admin") return true;
  if (p.role !== step.role) return false;
  return step.scope === "office" || p.unitSubtree.includes(unitId);
}

/** Whether `p` may decide the waiting step now. */
export function mayDecide(p: Principal, s: ReviewSubject): boolean {
  const step = waitingStep(s);
  return step != null && mayDecideStep(p, step, s.unitId);
}

/** Whether the text may be edited (a draft or a returned submission). */
export const editable = (state: SubmissionState): boolean => state === "draft" || state === "returned";

/** The result of `action` by `p` with `comment` (return needs one); `steps` are the flow's steps when submitting. */
export function decide(p: Principal, s: ReviewSubject, action: ReviewAction, comment = ""): ReviewOutcome {
  switch (action) {
    case "submit":
      if (!editable(s.state)) return { ok: false, code: "publicity.bad_state" };
      if (!s.steps.length) return { ok: false, code: "publicity.no_steps" };
      return { ok: true, state: "in_review", stepIndex: 0, approved: false };
    case "withdraw":
      if (s.state === "approved" || s.state === "withdrawn") return { ok: false, code: "publicity.bad_state" };
      return { ok: true, state: "withdrawn", stepIndex: s.stepIndex, approved: false };
    case "approve":
    case "return": {
      if (s.state !== "in_review") return { ok: false, code: "publicity.not_waiting" };
      if (!mayDecide(p, s)) return { ok: false, code: "publicity.not_your_step" };
      if (action === "return") {
        if (!comment.trim()) return { ok: false, code: "publicity.comment_required" };
        return { ok: true, state: "returned", stepIndex: s.stepIndex, approved: false };
      }
      const next = s.stepIndex + 1;
      return next >= s.steps.length ? { ok: true, state: "approved", stepIndex: s.stepIndex, approved: true } : { ok: true, state: "in_review", stepIndex: next, approved: false };
    }
  }
}

/** Actions `p` may take now: `isAuthor` (or an office writer) may submit/withdraw; deciders approve/return. */
export function availableActions(p: Principal, s: ReviewSubject, isAuthorOrOffice: boolean): ReviewAction[] {
  const out: ReviewAction[] = [];
  if (isAuthorOrOffice && editable(s.state)) out.push("submit");
  if (mayDecide(p, s)) out.push("approve", "return");
  if (isAuthorOrOffice && s.state !== "approved" && s.state !== "withdrawn") out.push("withdraw");
  return out;
}
