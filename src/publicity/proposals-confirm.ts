// Confirming a 疑似已刊发 proposal: the placement is created through `createPlacement` (so it is checked,
// scored and audited as any other) and the proposal marked confirmed with it, in one transaction.
import type { Db } from "../db/connection";
import { AppError } from "../errors";
import { recordAudit, type Actor } from "../store/audit";
import { decideProposal, getProposal } from "../store/placement-proposals";
import { correspondentOfUser } from "../store/correspondents";
import { localDate } from "../shared/working-calendar";
import { createPlacement, type PlacementInput } from "./placements";
import { hostOf } from "./proposals";

/** What a person may change when confirming; everything else comes from the proposal. */
export type ConfirmInput = {
  outletId?: number; genre?: string; slot?: string; publishedOn?: string; note?: string;
  authors?: { name: string; share?: number | null; correspondentId?: number | null }[];
};

/** 409 for a proposal already confirmed, dismissed or counted as spread. */
export function notPending(): AppError {
  return AppError.conflict("placement_proposal.not_pending");
}

/** 404 for a proposal that does not exist. */
export function proposalNotFound(): AppError {
  return AppError.notFound("placement proposal");
}

/**
 * Creates the placement of a pending proposal: the item's title (the draft's when the item is gone),
 * the guessed outlet unless one is given (400 when neither), genre 消息 unless given, the item's
 * publication day in the office zone, the draft's unit, and its author with the whole share unless
 * authors are given; then marks the proposal confirmed. Returns the placement id and points.
 */
export function confirmProposal(
  db: Db, actor: Actor, id: number, input: ConfirmInput, opts: { timeZone: string; ip?: string | null; now?: number },
): { placementId: number; points: number } {
  const now = opts.now ?? Date.now();
  return db.tx(() => {
    const row = getProposal(db, id);
    if (!row) throw proposalNotFound();
    if (row.state !== "pending") throw notPending();
    const outletId = input.outletId ?? row.outlet_id;
    if (outletId == null) throw new AppError(400, "placement_proposal.no_outlet", undefined, { outletId: "field.required" });
    const itemTime = row.item_published_at ?? row.item_fetched_at;
    const link = row.item_url && hostOf(row.item_url) ? row.item_url : "";
    const placement: PlacementInput = {
      title: (row.item_title ?? "").trim() || row.submission_title,
      outletId,
      genre: input.genre ?? "news",
      slot: input.slot ?? "none",
      publishedOn: input.publishedOn ?? localDate(itemTime ?? now, opts.timeZone),
      unitId: row.submission_unit_id,
      authors: input.authors ?? [{ name: row.author_name, share: 1, correspondentId: row.author_id === null ? null : (correspondentOfUser(db, row.author_id)?.id ?? null) }],
      link, submissionId: row.submission_id, itemId: row.item_id, note: input.note ?? "",
    };
    const created = createPlacement(db, actor, placement, now, { timeZone: opts.timeZone, ip: opts.ip ?? null });
    if (!decideProposal(db, id, "confirmed", actor.id, created.id, now)) throw notPending();
    recordAudit(db, {
      actor, action: "placement_proposal.confirm", targetType: "placement_proposal", targetId: id,
      summary: { placementId: created.id, submissionId: row.submission_id, itemId: row.item_id, outletId }, ip: opts.ip ?? null,
    }, now);
    return { placementId: created.id, points: created.points };
  });
}
