// POST /api/items/manual: a monitor pastes a text, or a link that is fetched and extracted (手工录入).
// 201 with the new item, or 200 with the one already in the ledger.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { can } from "../../accounts/policies";
import { AppError } from "../../errors";
import { addManualItem, ImportFileError, manualSourceNeedsWrite } from "../../ingest/import";
import { getItem } from "../../store/items";
import { loadItemContext } from "../../store/analysis";
import { presentItem } from "../presenters";
import { actorOf, authorize, type RouteDeps } from "../context";
import { errorBody, itemView } from "../schemas";
import { text, trimmedText } from "../text-fields";
import { requestLang } from "../errors";
import { describeFailure } from "../../ingest/failure";

const httpUrl = trimmedText(2048).refine((v) => {
  try {
    const u = new URL(v);
    return (u.protocol === "http:" || u.protocol === "https:") && !u.username && !u.password;
  } catch {
    return false;
  }
}, { message: "source.url" });

const manualBody = z.object({
  text: text(200_000, { multiline: true }).optional(),
  url: z.union([httpUrl, z.literal("")]).optional(),
  title: trimmedText(1000).optional(),
  sourceName: trimmedText(100).optional(),
});

/** Manual entry route. */
export async function manualItemRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const { db, config } = deps;
  app.withTypeProvider<ZodTypeProvider>().post("/api/items/manual", {
    schema: {
      tags: ["items"], summary: "Add an item by hand: pasted text, or a link fetched and extracted", body: manualBody,
      response: { 200: itemView, 201: itemView, 400: errorBody, 403: errorBody },
    },
  }, async (req, reply) => {
    const p = authorize(req, "items.read");
    if (!can(p, "items.triage") && !can(p, "sources.write")) throw AppError.forbidden();
    if (!can(p, "sources.write") && manualSourceNeedsWrite(db, req.body.sourceName)) throw AppError.forbidden();
    let out;
    try {
      out = await addManualItem(db, config, req.body, actorOf(p), req.ip);
    } catch (e) {
      if (e instanceof ImportFileError) {
        // A failed fetch's reason in the reader's language (the error carries the Chinese one).
        const params = e.code === "manual.fetch_failed" && e.cause ? { reason: describeFailure(e.cause, requestLang(req)).message } : e.params;
        throw AppError.badRequest(e.code, params);
      }
      throw e;
    }
    if (out.created) deps.analysis?.wake();
    const it = getItem(db, out.itemId)!;
    return reply.code(out.created ? 201 : 200).send(presentItem(it, loadItemContext(db, [it])));
  });
}
