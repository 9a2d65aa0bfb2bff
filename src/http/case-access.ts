// The one visibility rule of a case for every case route: a case the principal may not see is not
// found (404), never forbidden, so its existence does not leak to another unit.
import type { Db } from "../db/connection";
import type { CasesTable } from "../db/schema";
import { can, type Principal } from "../accounts/policies";
import { caseCoUnits, getCase } from "../store/cases";
import { AppError } from "../errors";

/** A case the principal may see, with its co-handling units, or 404. */
export function visibleCase(db: Db, p: Principal, id: number): { c: CasesTable; coUnitIds: number[] } {
  const c = getCase(db, id);
  const coUnitIds = c ? caseCoUnits(db, id) : [];
  if (!c || !can(p, "cases.read", { unitId: c.unit_id, coUnitIds })) throw AppError.notFound("case");
  return { c, coUnitIds };
}
