// Outlets (媒体库): name, level, medium, the web hosts that identify them, an optional monitoring source.
import type { Db } from "../db/connection";
import type { Medium, OutletLevel } from "../shared/publicity-types";

/** An outlets row. */
export interface OutletRow {
  id: number; name: string; level: OutletLevel; medium: Medium; hosts: string; source_id: number | null;
  active: number; created_at: number; updated_at: number;
}

/** An outlet as given (codes already normalised). */
export interface OutletInput { name: string; level: OutletLevel; medium: Medium; hosts?: string[]; sourceId?: number | null; active?: boolean }

/** Filters of the outlet list. */
export interface OutletFilter { level?: OutletLevel; medium?: Medium; active?: boolean }

/** Outlets by level (highest first) then name. */
export function listOutlets(db: Db, f: OutletFilter = {}): OutletRow[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.level) { where.push("level = ?"); args.push(f.level); }
  if (f.medium) { where.push("medium = ?"); args.push(f.medium); }
  if (f.active !== undefined) { where.push("active = ?"); args.push(f.active ? 1 : 0); }
  const order = "CASE level WHEN 'national' THEN 0 WHEN 'provincial' THEN 1 WHEN 'city' THEN 2 WHEN 'county' THEN 3 ELSE 4 END";
  return db.prepare(`SELECT * FROM outlets ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY ${order}, name, id`).all(...args) as OutletRow[];
}

/** One outlet or undefined. */
export function getOutlet(db: Db, id: number): OutletRow | undefined {
  return db.prepare("SELECT * FROM outlets WHERE id = ?").get(id) as OutletRow | undefined;
}

/** The outlet with this name (names are unique), or undefined. */
export function outletByName(db: Db, name: string): OutletRow | undefined {
  return db.prepare("SELECT * FROM outlets WHERE name = ?").get(name) as OutletRow | undefined;
}

/** Stores a new outlet; returns its id. */
export function insertOutlet(db: Db, o: OutletInput, now = Date.now()): number {
  return Number(db.prepare(
    "INSERT INTO outlets (name, level, medium, hosts, source_id, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  ).run(o.name, o.level, o.medium, JSON.stringify(o.hosts ?? []), o.sourceId ?? null, o.active === false ? 0 : 1, now, now).lastInsertRowid);
}

/** Changes the given fields of an outlet. */
export function updateOutlet(db: Db, id: number, p: Partial<OutletInput>, now = Date.now()): void {
  const sets: string[] = [];
  const args: unknown[] = [];
  if (p.name !== undefined) { sets.push("name = ?"); args.push(p.name); }
  if (p.level !== undefined) { sets.push("level = ?"); args.push(p.level); }
  if (p.medium !== undefined) { sets.push("medium = ?"); args.push(p.medium); }
  if (p.hosts !== undefined) { sets.push("hosts = ?"); args.push(JSON.stringify(p.hosts)); }
  if (p.sourceId !== undefined) { sets.push("source_id = ?"); args.push(p.sourceId); }
  if (p.active !== undefined) { sets.push("active = ?"); args.push(p.active ? 1 : 0); }
  if (!sets.length) return;
  db.prepare(`UPDATE outlets SET ${sets.join(", ")}, updated_at = ? WHERE id = ?`).run(...args, now, id);
}

/** How many placements (and interview requests, proposals) name an outlet. */
export function outletUses(db: Db, id: number): number {
  const r = db.prepare(
    `SELECT (SELECT count(*) FROM placements WHERE outlet_id = ?) + (SELECT count(*) FROM interview_requests WHERE outlet_id = ?) AS n`,
  ).get(id, id) as { n: number };
  return r.n;
}

/** Deletes an outlet (callers check `outletUses` first); proposals' guesses are cleared by the schema. */
export function deleteOutlet(db: Db, id: number): void {
  db.prepare("DELETE FROM outlets WHERE id = ?").run(id);
}
