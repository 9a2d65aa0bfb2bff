// Placements (上稿 / 刊发记录) with their authors' shares. Points are not stored: callers compute them from
// the outlet's level, the genre, slot, featured flag and the rule set in force on the publication day.
import type { Db } from "../db/connection";
import type { Genre, Medium, OutletLevel, Slot } from "../shared/publicity-types";

/** A placement row joined with its outlet and unit. */
export interface PlacementRow {
  id: number; title: string; outlet_id: number; genre: Genre; published_on: string; link: string; slot: Slot;
  featured: number; unit_id: number; submission_id: number | null; item_id: number | null; interview_id: number | null;
  note: string; created_by: number | null; created_at: number; updated_at: number;
  outlet_name: string; outlet_level: OutletLevel; outlet_medium: Medium; unit_name: string | null;
}

/** One author of a placement. */
export interface AuthorRow { placement_id: number; position: number; name: string; correspondent_id: number | null; unit_id: number | null; share: number }

/** A placement's stored fields (codes normalised). */
export interface PlacementFields {
  title: string; outletId: number; genre: Genre; publishedOn: string; link: string; slot: Slot; featured: boolean;
  unitId: number; submissionId: number | null; itemId: number | null; interviewId: number | null; note: string;
}

/** An author as stored. */
export interface AuthorInput { name: string; share: number; correspondentId?: number | null; unitId?: number | null }

/** Filters of the placement list. */
export interface PlacementFilter {
  from?: string; to?: string; unitIds?: readonly number[]; outletId?: number; level?: OutletLevel; genre?: Genre;
  /** Levels counted as "this level or above" (e.g. 市级以上 = national, provincial, city). */
  levels?: readonly OutletLevel[];
  authorName?: string; correspondentId?: number; q?: string; limit?: number; offset?: number;
}

const SELECT = `SELECT p.*, o.name AS outlet_name, o.level AS outlet_level, o.medium AS outlet_medium, u.name AS unit_name
  FROM placements p JOIN outlets o ON o.id = p.outlet_id LEFT JOIN units u ON u.id = p.unit_id`;

const like = (v: string) => `%${v.replace(/[\\%_]/g, "\\$&")}%`;

function where(f: PlacementFilter): { sql: string; args: unknown[] } {
  const w: string[] = [];
  const args: unknown[] = [];
  if (f.from) { w.push("p.published_on >= ?"); args.push(f.from); }
  if (f.to) { w.push("p.published_on <= ?"); args.push(f.to); }
  if (f.unitIds) { w.push(`p.unit_id IN (${f.unitIds.map(() => "?").join(",") || "NULL"})`); args.push(...f.unitIds); }
  if (f.outletId !== undefined) { w.push("p.outlet_id = ?"); args.push(f.outletId); }
  if (f.level) { w.push("o.level = ?"); args.push(f.level); }
  if (f.levels) { w.push(`o.level IN (${f.levels.map(() => "?").join(",") || "NULL"})`); args.push(...f.levels); }
  if (f.genre) { w.push("p.genre = ?"); args.push(f.genre); }
  if (f.authorName) { w.push("EXISTS (SELECT 1 FROM placement_authors a WHERE a.placement_id = p.id AND a.name = ?)"); args.push(f.authorName); }
  if (f.correspondentId !== undefined) {
    w.push("EXISTS (SELECT 1 FROM placement_authors a WHERE a.placement_id = p.id AND a.correspondent_id = ?)");
    args.push(f.correspondentId);
  }
  if (f.q) {
    w.push("(p.title LIKE ? ESCAPE '\\' OR o.name LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM placement_authors a WHERE a.placement_id = p.id AND a.name LIKE ? ESCAPE '\\'))");
    args.push(like(f.q), like(f.q), like(f.q));
  }
  return { sql: w.length ? `WHERE ${w.join(" AND ")}` : "", args };
}

/** Placements matching a filter, newest publication first, with the total count. */
export function listPlacements(db: Db, f: PlacementFilter): { rows: PlacementRow[]; total: number } {
  const w = where(f);
  const page = f.limit !== undefined ? ` LIMIT ${Math.floor(f.limit)} OFFSET ${Math.floor(f.offset ?? 0)}` : "";
  const rows = db.prepare(`${SELECT} ${w.sql} ORDER BY p.published_on DESC, p.id DESC${page}`).all(...w.args) as PlacementRow[];
  const total = (db.prepare(`SELECT count(*) AS n FROM placements p JOIN outlets o ON o.id = p.outlet_id ${w.sql}`).get(...w.args) as { n: number }).n;
  return { rows, total };
}

/** One placement or undefined. */
export function getPlacement(db: Db, id: number): PlacementRow | undefined {
  return db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as PlacementRow | undefined;
}

/** The authors of placements, by placement id, in order. */
export function authorsOf(db: Db, ids: readonly number[]): Map<number, AuthorRow[]> {
  const out = new Map<number, AuthorRow[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = db.prepare(`SELECT * FROM placement_authors WHERE placement_id IN (${chunk.map(() => "?").join(",")}) ORDER BY placement_id, position`)
      .all(...chunk) as AuthorRow[];
    for (const r of rows) out.set(r.placement_id, [...(out.get(r.placement_id) ?? []), r]);
  }
  return out;
}

function writeAuthors(db: Db, id: number, authors: readonly AuthorInput[], unitId: number): void {
  db.prepare("DELETE FROM placement_authors WHERE placement_id = ?").run(id);
  const ins = db.prepare("INSERT INTO placement_authors (placement_id, position, name, correspondent_id, unit_id, share) VALUES (?, ?, ?, ?, ?, ?)");
  authors.forEach((a, i) => ins.run(id, i, a.name, a.correspondentId ?? null, a.unitId ?? unitId, a.share));
}

/** Stores a placement and its authors; returns its id. */
export function insertPlacement(db: Db, p: PlacementFields, authors: readonly AuthorInput[], createdBy: number | null, now = Date.now()): number {
  const id = Number(db.prepare(
    `INSERT INTO placements (title, outlet_id, genre, published_on, link, slot, featured, unit_id, submission_id, item_id, interview_id, note, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(p.title, p.outletId, p.genre, p.publishedOn, p.link, p.slot, p.featured ? 1 : 0, p.unitId, p.submissionId, p.itemId, p.interviewId, p.note, createdBy, now, now).lastInsertRowid);
  writeAuthors(db, id, authors, p.unitId);
  return id;
}

/** Rewrites a placement's fields (all of them, as merged by the caller) and, when given, its authors. */
export function updatePlacement(db: Db, id: number, p: PlacementFields, authors: readonly AuthorInput[] | null, now = Date.now()): void {
  db.prepare(
    `UPDATE placements SET title = ?, outlet_id = ?, genre = ?, published_on = ?, link = ?, slot = ?, featured = ?, unit_id = ?,
     submission_id = ?, item_id = ?, interview_id = ?, note = ?, updated_at = ? WHERE id = ?`,
  ).run(p.title, p.outletId, p.genre, p.publishedOn, p.link, p.slot, p.featured ? 1 : 0, p.unitId, p.submissionId, p.itemId, p.interviewId, p.note, now, id);
  if (authors) writeAuthors(db, id, authors, p.unitId);
}

/** Deletes a placement (its authors go with it; interview requests that named it are unlinked). */
export function deletePlacement(db: Db, id: number): void {
  db.prepare("UPDATE interview_requests SET placement_id = NULL WHERE placement_id = ?").run(id);
  db.prepare("DELETE FROM placements WHERE id = ?").run(id);
}

/** The fields of a stored row, for merging a patch. */
export function fieldsOf(r: PlacementRow): PlacementFields {
  return {
    title: r.title, outletId: r.outlet_id, genre: r.genre, publishedOn: r.published_on, link: r.link, slot: r.slot, featured: !!r.featured,
    unitId: r.unit_id, submissionId: r.submission_id, itemId: r.item_id, interviewId: r.interview_id, note: r.note,
  };
}
