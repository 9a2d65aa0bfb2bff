// Interview requests (采访申请) as a state machine. Pure: `applyInterviewAction` checks an action against
// the request's state and the fields it carries and says what changes; who may act is a policy
// (publicity.manage). requested → approved | declined; approved → scheduled (time, place, who accompanies)
// → done; an open request may be cancelled; a placement (the published piece) is linked once it took place.

/** Interview request states, in the order a request moves through them. */
export const INTERVIEW_STATES = ["requested", "approved", "declined", "scheduled", "done", "cancelled"] as const;
/** One of INTERVIEW_STATES. */
export type InterviewState = (typeof INTERVIEW_STATES)[number];

/** States in which a request still waits for something. */
export const OPEN_INTERVIEW_STATES: readonly InterviewState[] = ["requested", "approved", "scheduled"];

/** Actions the office takes on a request. */
export const INTERVIEW_ACTIONS = ["approve", "decline", "schedule", "done", "cancel", "link"] as const;
/** One of INTERVIEW_ACTIONS. */
export type InterviewAction = (typeof INTERVIEW_ACTIONS)[number];

/** From which states an action may be taken, and the state it leads to. */
export const INTERVIEW_TRANSITIONS: Record<InterviewAction, { from: readonly InterviewState[]; to: InterviewState }> = {
  approve: { from: ["requested"], to: "approved" },
  decline: { from: ["requested"], to: "declined" },
  // Scheduling again moves the time or place of an arranged interview.
  schedule: { from: ["approved", "scheduled"], to: "scheduled" },
  done: { from: ["scheduled"], to: "done" },
  cancel: { from: OPEN_INTERVIEW_STATES, to: "cancelled" },
  // Following a request to its published piece: it took place, so it is done.
  link: { from: ["approved", "scheduled", "done"], to: "done" },
};

/** An action as asked for, with the fields it carries. */
export interface InterviewActionInput {
  action: InterviewAction;
  reason?: string;
  scheduledAt?: number;
  place?: string;
  accompaniedBy?: string;
  placementId?: number;
}

/** What an accepted action changes on the request (fields left out keep their value). */
export interface InterviewChange {
  state: InterviewState;
  decisionReason?: string;
  decided?: boolean;
  scheduledAt?: number;
  place?: string;
  accompaniedBy?: string;
  cancelReason?: string;
  placementId?: number;
}

/** Why an action was refused: the state does not allow it, or a field it needs is missing. */
export type InterviewRefusal = { kind: "state"; state: InterviewState; action: InterviewAction } | { kind: "field"; field: string };

/** The change an action makes, or why it is refused. */
export function applyInterviewAction(state: InterviewState, a: InterviewActionInput): { ok: true; change: InterviewChange } | { ok: false; refusal: InterviewRefusal } {
  const reason = a.reason?.trim() ?? "";
  // Missing fields are reported before the state: the form is wrong whatever the request's state.
  if ((a.action === "decline" || a.action === "cancel") && !reason) return { ok: false, refusal: { kind: "field", field: "reason" } };
  if (a.action === "schedule") {
    if (a.scheduledAt === undefined) return { ok: false, refusal: { kind: "field", field: "scheduledAt" } };
    if (!a.place?.trim()) return { ok: false, refusal: { kind: "field", field: "place" } };
  }
  if (a.action === "link" && a.placementId === undefined) return { ok: false, refusal: { kind: "field", field: "placementId" } };
  const t = INTERVIEW_TRANSITIONS[a.action];
  if (!t.from.includes(state)) return { ok: false, refusal: { kind: "state", state, action: a.action } };
  switch (a.action) {
    case "approve":
    case "decline":
      return { ok: true, change: { state: t.to, decisionReason: reason, decided: true } };
    case "schedule":
      return { ok: true, change: { state: t.to, scheduledAt: a.scheduledAt, place: a.place!.trim(), accompaniedBy: a.accompaniedBy?.trim() ?? "" } };
    case "cancel":
      return { ok: true, change: { state: t.to, cancelReason: reason } };
    case "link":
      return { ok: true, change: { state: t.to, placementId: a.placementId } };
    case "done":
      return { ok: true, change: { state: t.to } };
  }
}

/** The actions a request in `state` can take (for the page's buttons). */
export function interviewActionsFrom(state: InterviewState): InterviewAction[] {
  return INTERVIEW_ACTIONS.filter((a) => INTERVIEW_TRANSITIONS[a].from.includes(state));
}
