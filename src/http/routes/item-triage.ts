// Bulk triage from the ledger: one status for up to TRIAGE_MAX_ITEMS items in one transaction.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { itemStatuses, setItemsStatus } from "../../store/items";
import { recordAudit } from "../../store/audit";
import { AppError } from "../../errors";
import { actorOf, authorize, type AppDeps } from "../context";
import { errorBody } from "../schemas";
import { ITEM_STATUSES, TRIAGE_MAX_ITEMS } from "../../shared/api";

const body = z.object({
  ids: z.array(z.number().int().positive()).min(1).max(TRIAGE_MAX_ITEMS),
  status: z.enum(ITEM_STATUSES),
});

/** POST /api/items/triage. */
export async function itemTriageRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.post("/api/items/triage", {
    schema: {
      tags: ["items"],
      summary: `Set the triage status of up to ${TRIAGE_MAX_ITEMS} items at once`,
      description: "All or nothing: an unknown id refuses the whole request. Items already in the status are left as they were.",
      body,
      response: { 200: z.object({ updated: z.number() }), 400: errorBody, 403: errorBody, 404: errorBody },
    },
  }, async (req) => {
    const p = authorize(req, "items.triage");
    const ids = [...new Set(req.body.ids)];
    const { status } = req.body;
    const updated = db.tx(() => {
      const before = itemStatuses(db, ids);
      if (before.length < ids.length) throw AppError.of(404, "items.not_found", { count: ids.length - before.length });
      const changing = before.filter((row) => row.status !== status);
      setItemsStatus(db, changing.map((row) => row.id), status, p.id);
      // One row per item, as the single PATCH writes: an item's history is found by its id; `bulk` tells them apart.
      const actor = actorOf(p);
      for (const row of changing) {
        recordAudit(db, { actor, action: "item.status", targetType: "item", targetId: row.id, summary: { from: row.status, to: status, bulk: true }, ip: req.ip });
      }
      return changing.length;
    });
    return { updated };
  });
}
