// The board message as GET /api/board/messages returns it (src/http/board-schemas.ts staffMessageView).

/** A board status. */
export type BoardStatus = "held" | "accepted" | "rejected" | "answered";

/** Statuses in list order. */
export const BOARD_STATUSES: readonly BoardStatus[] = ["held", "accepted", "rejected", "answered"];

/** One step of a message's history. */
export interface BoardStep { at: string; userName: string; kind: string; text: string | null }

/** A message as staff see it (the contact only as `hasContact`). */
export interface BoardStaffMessage {
  id: number; queryCode: string; category: string; status: BoardStatus; unitId: number | null; unitName: string | null;
  title: string; text: string; anonymous: boolean; hasContact: boolean; moderationReason: string | null; dueAt: string | null;
  overdue: boolean; draftText: string | null; answerText: string | null; answeredAt: string | null; rating: string | null;
  caseId: number | null; createdAt: string; steps?: BoardStep[];
}
