// What the correspondents, trainings and interviews API send (mirrors src/http/people-schemas.ts; the web
// imports nothing from src/http).

/** Roster kinds. */
export const CORRESPONDENT_KINDS = ["correspondent", "informant"] as const;
/** Roster statuses. */
export const CORRESPONDENT_STATUSES = ["active", "suspended", "left"] as const;
/** Interview request states. */
export const INTERVIEW_STATES = ["requested", "approved", "declined", "scheduled", "done", "cancelled"] as const;

/** A roster entry. */
export interface CorrespondentView {
  id: number; unitId: number; unitName: string | null; userId: number | null; hasAccount: boolean; name: string; position: string;
  phone: string | null; kind: (typeof CORRESPONDENT_KINDS)[number]; recommendedBy: string; duties: string;
  status: (typeof CORRESPONDENT_STATUSES)[number]; joinedOn: string | null; createdAt: string; updatedAt: string;
}

/** A person with their record. */
export interface CorrespondentDetail extends CorrespondentView {
  training: { classes: { id: number; heldOn: string; topic: string; organiser: string; hours: number }[]; totalHours: number };
  recognitions: { id: number; awardedOn: string; title: string; issuer: string }[];
  placements: { id: number; title: string; outlet: string; outletLevel: string; publishedOn: string; share: number }[];
}

/** A training class. */
export interface TrainingView {
  id: number; heldOn: string; topic: string; organiser: string; place: string; hours: number; createdAt: string;
  attendees: { correspondentId: number; name: string | null; unitName: string | null; hours: number | null }[];
}

/** An interview request. */
export interface InterviewView {
  id: number; unitId: number; unitName: string | null; outletId: number | null; outletName: string; reporter: string; pressCard: string;
  contact: string; topic: string; requestedFor: string | null; peopleAsked: string; state: (typeof INTERVIEW_STATES)[number];
  decisionReason: string; decidedAt: string | null; scheduledAt: string | null; place: string; accompaniedBy: string; cancelReason: string;
  placementId: number | null; placementTitle: string | null; actions: ("approve" | "decline" | "schedule" | "done" | "cancel" | "link")[];
  createdAt: string; updatedAt: string;
}


/** Tag colours of roster statuses. */
export const STATUS_COLORS: Record<CorrespondentView["status"], string> = { active: "green", suspended: "orange", left: "default" };
/** Tag colours of interview states. */
export const INTERVIEW_COLORS: Record<InterviewView["state"], string> = {
  requested: "blue", approved: "cyan", declined: "red", scheduled: "purple", done: "green", cancelled: "default",
};
