// Units (单位) form a tree; handlers and contributors see only their unit's subtree.
import type { Db } from "../db/connection";
import type { UnitsTable } from "../db/schema";

/** All units, parents before children where possible (by id). */
export function listUnits(db: Db): UnitsTable[] {
  return db.all(db.q.selectFrom("units").selectAll().orderBy("id"));
}

/** One unit or undefined. */
export function getUnit(db: Db, id: number): UnitsTable | undefined {
  return db.get(db.q.selectFrom("units").selectAll().where("id", "=", id));
}

/** Creates a unit and returns it. */
export function insertUnit(db: Db, name: string, parentId: number | null, now = Date.now()): UnitsTable {
  const { lastInsertRowid } = db.run(db.q.insertInto("units").values({ name, parent_id: parentId, created_at: now }));
  return getUnit(db, lastInsertRowid)!;
}

/** Renames or moves a unit. */
export function updateUnit(db: Db, id: number, patch: { name?: string; parentId?: number | null }): void {
  const set: Partial<UnitsTable> = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.parentId !== undefined) set.parent_id = patch.parentId;
  if (Object.keys(set).length) db.run(db.q.updateTable("units").set(set).where("id", "=", id));
}

/** Deletes a unit (callers check it has no children or users). */
export function deleteUnit(db: Db, id: number): void {
  db.run(db.q.deleteFrom("units").where("id", "=", id));
}

/** Unit names by id (for lists that show a unit's name). */
export function unitNames(db: Db): Map<number, string> {
  return new Map(listUnits(db).map((u) => [u.id, u.name]));
}

/** Counts what still hangs off a unit: child units, users, and records that name it (cases it leads, board messages, official accounts). */
export function unitDependents(db: Db, id: number): { children: number; users: number; records: number } {
  const children = db.get(db.q.selectFrom("units").where("parent_id", "=", id).select((e) => e.fn.countAll<number>().as("n")))?.n ?? 0;
  const users = db.get(db.q.selectFrom("users").where("unit_id", "=", id).select((e) => e.fn.countAll<number>().as("n")))?.n ?? 0;
  const records = db.sqlite
    .prepare(
      `SELECT (SELECT count(*) FROM cases WHERE unit_id = ?) + (SELECT count(*) FROM board_messages WHERE unit_id = ?)
         + (SELECT count(*) FROM official_accounts WHERE unit_id = ?)`,
    )
    .pluck()
    .get(id, id, id) as number;
  return { children, users, records };
}

/** Ids of a unit and all its descendants. */
export function unitSubtree(db: Db, rootId: number): number[] {
  const rows = db.sqlite
    .prepare(
      `WITH RECURSIVE t(id) AS (SELECT id FROM units WHERE id = ? UNION ALL SELECT u.id FROM units u JOIN t ON u.parent_id = t.id)
       SELECT id FROM t`,
    )
    .all(rootId) as { id: number }[];
  return rows.map((r) => r.id);
}
