// API types of the duty rota (值班), an alert's timeline and the ack link page, shared by server and web.

/** The two shifts of a day. */
export type ShiftName = "day" | "night";

/** A person in a shift. */
export interface DutyPersonView {
  userId: number; name: string; position: number; standsInFor: number | null; standsInForName: string | null; onLeave: boolean;
}

/** GET /api/duty/rota. */
export interface RotaView {
  unitId: number; weekStart: string; dayStart: string; nightStart: string;
  days: { date: string; day: DutyPersonView[]; night: DutyPersonView[] }[];
  swaps: { id: number; date: string; shift: ShiftName; fromUserId: number; toUserId: number; note: string | null; createdBy: number | null; createdAt: string }[];
  leave: { id: number; userId: number; name: string; startDate: string; endDate: string; note: string | null }[];
}

/** GET /api/duty/now. */
export interface DutyNowView {
  unitId: number; date: string; shift: ShiftName; start: string; end: string;
  onDuty: { userId: number; name: string; position: number }[];
}

/** One step of an alert's timeline (GET /api/alerts/:id/steps). */
export interface AlertStepView {
  at: string; kind: "created" | "delivered" | "escalated" | "acknowledged"; userId: number | null; userName: string | null; note: string | null;
}

/** GET /api/alerts/:id/link. */
export interface AckLinkAlertView {
  id: number; severity: "general" | "significant" | "major"; title: string; reason: string; createdAt: string;
  acknowledgedAt: string | null; acknowledgedByName: string | null; expiresAt: string;
}
