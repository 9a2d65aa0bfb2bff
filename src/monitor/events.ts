// Analysts' event corrections: merge, split, title and risk override. Each runs in one
// transaction with its audit row, and is told to the live clusterer so that it sticks for items
// that arrive later.
import type { Db } from "../db/connection";
import type { Analyser } from "../analyse/pipeline";
import { AppError } from "../errors";
import { recordAudit, type Actor } from "../store/audit";
import type { DeletedSource } from "../store/sources";
import {
  createEventRow, getEvent, mergeEventRows, moveEventItems, saveEventSnapshot, setEventRiskOverride, setEventTitle,
} from "../store/events";
import { refreshEvents } from "./refresh-events";

type Who = { actor: Actor; ip: string | null };

function liveEvent(db: Db, id: number) {
  const ev = getEvent(db, id);
  if (!ev) throw AppError.notFound("event");
  if (ev.merged_into) throw AppError.conflict("event_merged", { id: ev.merged_into });
  return ev;
}

// Stores the live clusterer's state of these events (what a restart reads back).
function storeSnapshots(db: Db, analyser: Analyser | undefined, ids: number[]): void {
  if (!analyser) return;
  for (const id of ids) saveEventSnapshot(db, id, analyser.events.snapshot(id));
}

/** Merges event `sourceId` into `targetId`. */
export function mergeEvents(db: Db, analyser: Analyser | undefined, targetId: number, sourceId: number, who: Who, now = Date.now()): void {
  if (targetId === sourceId) throw AppError.badRequest("same_event");
  db.tx(() => {
    const target = liveEvent(db, targetId);
    const source = liveEvent(db, sourceId);
    mergeEventRows(db, target.id, source.id, now);
    analyser?.events.merge(target.id, source.id);
    refreshEvents(db, [target.id], now);
    storeSnapshots(db, analyser, [target.id, source.id]);
    recordAudit(db, { actor: who.actor, action: "event.merge", targetType: "event", targetId: target.id, summary: { merged: source.id, title: source.title }, ip: who.ip }, now);
  });
}

/** Moves the given items of an event into a new event; returns its id. */
export function splitEvent(db: Db, analyser: Analyser | undefined, eventId: number, itemIds: readonly number[], who: Who, now = Date.now()): number {
  return db.tx(() => {
    const ev = liveEvent(db, eventId);
    const newId = createEventRow(db, now);
    const moved = moveEventItems(db, ev.id, newId, itemIds);
    if (moved === 0) throw AppError.validation({ itemIds: "event.items_not_in_event" });
    if (moved === ev.size) throw AppError.validation({ itemIds: "event.cannot_split_all" });
    analyser?.events.split(ev.id, itemIds, newId);
    refreshEvents(db, [ev.id, newId], now);
    storeSnapshots(db, analyser, [ev.id, newId]);
    recordAudit(db, { actor: who.actor, action: "event.split", targetType: "event", targetId: ev.id, summary: { newEvent: newId, items: itemIds.length }, ip: who.ip }, now);
    return newId;
  });
}

/**
 * Tells the live analyser which items were deleted (with their source): the clusterer forgets them
 * from its events, whose state is stored, and the near-duplicate index names their groups as the
 * database now does.
 */
export function forgetDeletedItems(db: Db, analyser: Analyser | undefined, deleted: DeletedSource): void {
  if (!analyser) return;
  for (const [id, items] of deleted.itemsByEvent) analyser.events.forget(id, items);
  storeSnapshots(db, analyser, [...deleted.itemsByEvent.keys()]);
  analyser.forgetDeletedPosts(deleted.itemIds, deleted.renamedGroups);
}

/** Sets an analyst's title (kept over suggestions). */
export function renameEvent(db: Db, eventId: number, title: string, who: Who, now = Date.now()): void {
  db.tx(() => {
    const ev = liveEvent(db, eventId);
    setEventTitle(db, ev.id, title, now);
    recordAudit(db, { actor: who.actor, action: "event.title", targetType: "event", targetId: ev.id, summary: { from: ev.title, to: title }, ip: who.ip }, now);
  });
}

/** Sets (or with null clears) an analyst's risk level. */
export function overrideRisk(db: Db, eventId: number, level: string | null, who: Who, now = Date.now()): void {
  db.tx(() => {
    const ev = liveEvent(db, eventId);
    setEventRiskOverride(db, ev.id, level, now);
    recordAudit(db, {
      actor: who.actor, action: "event.risk", targetType: "event", targetId: ev.id,
      summary: { suggested: ev.risk_level, from: ev.risk_override, to: level }, ip: who.ip,
    }, now);
  });
}
