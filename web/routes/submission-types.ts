// What the submission, review flow and bulletin routes send (src/http/submission-views.ts, routes/bulletins.ts).
import type { ReviewStep } from "../../src/shared/publicity-types";

/** A review step. */
export type FlowStep = ReviewStep;

/** A submission in lists. */
export interface SubmissionSummary {
  id: number; kind: "news" | "info"; title: string; state: "draft" | "in_review" | "returned" | "approved" | "withdrawn"; unitId: number; unitName: string;
  eventDate: string; authorId: number | null; authorName: string; version: number; stepIndex: number; waitingStep: string | null;
  submittedAt: string | null; approvedAt: string | null; createdAt: string; updatedAt: string;
  timeliness: { hoursToSubmit: number | null; hoursToApprove: number | null; flagged: boolean; dueAt: string };
}

/** An adoption or instruction. */
export interface AdoptionView { id: number; kind: "adoption" | "instruction"; office: string; level: string; onDate: string; text: string; createdAt: string }

/** A submission with its page's content. */
export interface SubmissionDetail extends SubmissionSummary {
  body: string; outletIds: number[]; outlets: { id: number; name: string }[]; steps: FlowStep[]; canDecide: boolean;
  actions: ("submit" | "approve" | "return" | "withdraw")[]; canEdit: boolean;
  versions: { version: number; title: string; body: string; editedByName: string; at: string }[];
  trail: { id: number; action: string; stepIndex: number | null; stepName: string; version: number; comment: string; userName: string; at: string }[];
  attachments: { id: number; name: string; size: number; mime: string; uploadedByName: string; at: string }[];
  adoptions: AdoptionView[];
  bulletins: { id: number; label: string }[];
}

/** One piece of a comparison. */
export interface DiffSegment { op: "equal" | "insert" | "delete"; text: string }

/** The review flows card's data. */
export interface ReviewFlows { default: { steps: FlowStep[]; stored: boolean }; units: { unitId: number; unitName: string; steps: FlowStep[] }[]; submitWorkingDays: number }

/** A bulletin. */
export interface BulletinView {
  id: number; title: string; year: number; seq: number | null; number: string; state: "draft" | "issued"; editor: string; forwardedTo: string;
  issuedAt: string | null; createdAt: string; entries: { submissionId: number; position: number; title: string; unitName: string; authorName: string }[];
}
