// Placement commands: register, change and delete a published piece with its authors' shares, each audited
// in the same transaction. Points are computed (never stored) under the rule set in force on the publication
// day; other parts of the module (monitoring proposals, interview requests) call `createPlacement`.
import type { Db } from "../db/connection";
import { AppError, type FieldMessage } from "../errors";
import { recordAudit, type Actor } from "../store/audit";
import { getOutlet } from "../store/outlets";
import {
  authorsOf, deletePlacement as deleteRow, fieldsOf, getPlacement, insertPlacement, updatePlacement as updateRow,
  type AuthorInput, type AuthorRow, type PlacementFields, type PlacementRow,
} from "../store/placements";
import { listRuleSets } from "../store/scoring-rules";
import { getUnit } from "../store/units";
import { localDate } from "../shared/working-calendar";
import type { Genre, Medium, OutletLevel, Slot } from "../shared/publicity-types";
import { authorPoints, placementPoints, type RuleSet } from "./scoring";
import { isDate } from "../duty/rota";
import { isHttpUrl } from "../replies/workflow";
import { fillShares, normaliseGenre, normaliseSlot, sharesValid } from "./vocabulary";

/** A placement as asked to be registered; genre and slot may be codes or Chinese names. */
export interface PlacementInput {
  title: string; outletId: number; genre: string; publishedOn: string; unitId: number;
  authors: { name: string; share?: number | null; correspondentId?: number | null }[];
  featured?: boolean; slot?: string; link?: string; submissionId?: number | null; interviewId?: number | null;
  itemId?: number | null; note?: string;
}

/** What a placement looks like to clients: its outlet, authors with their points, points and the rule set used. */
export interface PlacementView {
  id: number; title: string; outletId: number; outletName: string; level: OutletLevel; medium: Medium; genre: Genre; slot: Slot;
  featured: boolean; publishedOn: string; link: string; unitId: number; unitName: string | null; submissionId: number | null;
  itemId: number | null; interviewId: number | null; note: string;
  authors: { name: string; share: number; correspondentId: number | null; points: number }[];
  points: number; ruleSetId: number | null; ruleSetName: string | null; createdAt: string; updatedAt: string;
}

/** Today's office day in `timeZone` (the server's zone when none is given). */
const today = (now: number, timeZone?: string) => localDate(now, timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);

/** The fields and authors of an input, checked against the database; throws a 400 naming the fields that are wrong. */
function checked(db: Db, input: PlacementInput, now: number, timeZone?: string, keptOutletId?: number): { fields: PlacementFields; authors: AuthorInput[] } {
  const errs: Record<string, FieldMessage> = {};
  const genre = normaliseGenre(String(input.genre ?? ""));
  if (!genre) errs.genre = "field.invalid_choice";
  const slot = normaliseSlot(String(input.slot ?? "none"));
  if (!slot) errs.slot = "field.invalid_choice";
  const outlet = getOutlet(db, input.outletId);
  if (!outlet) errs.outletId = "interviews.unknown_outlet";
  else if (!outlet.active && outlet.id !== keptOutletId) errs.outletId = "publicity.outlet_inactive";
  if (!getUnit(db, input.unitId)) errs.unitId = "cases.unknown_unit";
  if (!isDate(input.publishedOn)) errs.publishedOn = "field.invalid_date";
  else if (input.publishedOn > today(now, timeZone)) errs.publishedOn = "publicity.published_in_future";
  const link = (input.link ?? "").trim();
  if (link && !isHttpUrl(link)) errs.link = "publicity.bad_link";
  const authors = input.authors ?? [];
  if (!authors.length) errs.authors = "publicity.authors_required";
  const shares = authors.length ? fillShares(authors.map((a) => a.share)) : null;
  if (authors.length && (!shares || !sharesValid(shares))) errs.authors = "publicity.bad_shares";
  for (const [i, a] of authors.entries()) {
    if (!a.name?.trim()) errs[`authors.${i}.name`] = "field.required";
    if (a.correspondentId != null && !db.prepare("SELECT 1 FROM correspondents WHERE id = ?").get(a.correspondentId)) {
      errs[`authors.${i}.correspondentId`] = "publicity.unknown_correspondent";
    }
  }
  if (input.submissionId != null && !db.prepare("SELECT 1 FROM submissions WHERE id = ?").get(input.submissionId)) errs.submissionId = "publicity.unknown_submission";
  if (input.interviewId != null && !db.prepare("SELECT 1 FROM interview_requests WHERE id = ?").get(input.interviewId)) errs.interviewId = "publicity.unknown_interview";
  if (Object.keys(errs).length) throw AppError.validation(errs);
  return {
    fields: {
      title: input.title.trim(), outletId: input.outletId, genre: genre!, publishedOn: input.publishedOn, link, slot: slot!,
      featured: !!input.featured, unitId: input.unitId, submissionId: input.submissionId ?? null, itemId: input.itemId ?? null,
      interviewId: input.interviewId ?? null, note: input.note ?? "",
    },
    authors: authors.map((a, i) => ({ name: a.name.trim(), share: shares![i], correspondentId: a.correspondentId ?? null })),
  };
}

/** The points of a stored placement and the rule set they came from. */
export function pointsOf(row: PlacementRow, sets: readonly RuleSet[]): { points: number; ruleSetId: number | null } {
  return placementPoints({ publishedOn: row.published_on, level: row.outlet_level, genre: row.genre, slot: row.slot, featured: !!row.featured }, sets);
}

/** Client views of placement rows, points recounted under `sets` (read once per list). */
export function placementViews(db: Db, rows: readonly PlacementRow[], sets: readonly RuleSet[] = listRuleSets(db)): PlacementView[] {
  const authors = authorsOf(db, rows.map((r) => r.id));
  const names = new Map(sets.map((s) => [s.id, s.name]));
  return rows.map((r) => {
    const { points, ruleSetId } = pointsOf(r, sets);
    const as: AuthorRow[] = authors.get(r.id) ?? [];
    const parts = authorPoints(points, as.map((a) => a.share));
    return {
      id: r.id, title: r.title, outletId: r.outlet_id, outletName: r.outlet_name, level: r.outlet_level, medium: r.outlet_medium,
      genre: r.genre, slot: r.slot, featured: !!r.featured, publishedOn: r.published_on, link: r.link, unitId: r.unit_id, unitName: r.unit_name,
      submissionId: r.submission_id, itemId: r.item_id, interviewId: r.interview_id, note: r.note,
      authors: as.map((a, i) => ({ name: a.name, share: a.share, correspondentId: a.correspondent_id, points: parts[i] })),
      points, ruleSetId, ruleSetName: ruleSetId === null ? null : (names.get(ruleSetId) ?? null),
      createdAt: new Date(r.created_at).toISOString(), updatedAt: new Date(r.updated_at).toISOString(),
    };
  });
}

/** One placement's view, or a 404. */
export function placementView(db: Db, id: number): PlacementView {
  const row = getPlacement(db, id);
  if (!row) throw AppError.notFound("placement");
  return placementViews(db, [row])[0];
}

function storeGuard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof Error && /UNIQUE constraint failed: placements\.item_id/.test(e.message)) {
      throw AppError.conflict("publicity.placement_item_taken");
    }
    throw e;
  }
}

/** Registers a placement with its authors (audited); returns its id, points and the rule set in force on its day. */
export function createPlacement(
  db: Db, actor: Actor | null, input: PlacementInput, now = Date.now(), opts: { timeZone?: string; ip?: string | null } = {},
): { id: number; points: number; ruleSetId: number | null } {
  const { fields, authors } = checked(db, input, now, opts.timeZone);
  return storeGuard(() => db.tx(() => {
    const id = insertPlacement(db, fields, authors, actor?.id ?? null, now);
    const row = getPlacement(db, id)!;
    const { points, ruleSetId } = pointsOf(row, listRuleSets(db));
    recordAudit(db, {
      actor, action: "placement.create", targetType: "placement", targetId: id,
      summary: { title: fields.title, outlet: row.outlet_name, publishedOn: fields.publishedOn, points, ruleSetId, authors: authors.map((a) => `${a.name}:${a.share}`) },
      ip: opts.ip,
    }, now);
    return { id, points, ruleSetId };
  }));
}

/** Changes a placement (fields left out keep their value; authors, when given, replace the list); audited. */
export function changePlacement(
  db: Db, actor: Actor | null, id: number, patch: Partial<PlacementInput>, now = Date.now(), opts: { timeZone?: string; ip?: string | null } = {},
): { id: number; points: number; ruleSetId: number | null } {
  const row = getPlacement(db, id);
  if (!row) throw AppError.notFound("placement");
  const cur = fieldsOf(row);
  const curAuthors = (authorsOf(db, [id]).get(id) ?? []).map((a) => ({ name: a.name, share: a.share, correspondentId: a.correspondent_id }));
  const merged: PlacementInput = { ...cur, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)), authors: patch.authors ?? curAuthors };
  // An outlet deactivated since does not block editing a placement that already names it.
  const { fields, authors } = checked(db, merged, now, opts.timeZone, cur.outletId);
  return storeGuard(() => db.tx(() => {
    updateRow(db, id, fields, patch.authors ? authors : null, now);
    const after = getPlacement(db, id)!;
    const { points, ruleSetId } = pointsOf(after, listRuleSets(db));
    recordAudit(db, { actor, action: "placement.update", targetType: "placement", targetId: id, summary: { title: fields.title, changed: Object.keys(patch), points }, ip: opts.ip }, now);
    return { id, points, ruleSetId };
  }));
}

/** Deletes a placement (audited with what it was). */
export function removePlacement(db: Db, actor: Actor | null, id: number, now = Date.now(), ip: string | null = null): void {
  const row = getPlacement(db, id);
  if (!row) throw AppError.notFound("placement");
  db.tx(() => {
    deleteRow(db, id);
    recordAudit(db, {
      actor, action: "placement.delete", targetType: "placement", targetId: id,
      summary: { title: row.title, outlet: row.outlet_name, publishedOn: row.published_on, unitId: row.unit_id }, ip,
    }, now);
  });
}
