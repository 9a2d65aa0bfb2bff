// /api/cases/:id/attachments: upload a file to a case (the raw bytes as the body, the name in
// x-file-name, percent-encoded), list a case's files, and download one. Only who may see the case
// (404 otherwise); uploading needs a step-taking role on it.
import { createReadStream, existsSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors";
import { acceptRawBodies, fileNameOf } from "../raw-upload";
import { can } from "../../accounts/policies";
import { getCaseAttachment, listCaseAttachments } from "../../store/case-attachments";
import { attachmentPath, attachToCase } from "../../cases/attachments";
import type { CaseAttachmentsTable } from "../../db/schema";
import type { Db } from "../../db/connection";
import { actorOf, authorize, type RouteDeps } from "../context";
import { errorBody, idParams } from "../schemas";
import { visibleCase } from "../case-access";

const attachmentView = z.object({
  id: z.number(), caseId: z.number(), name: z.string(), size: z.number(), mime: z.string(), sha256: z.string(),
  uploadedBy: z.number().nullable(), uploadedByName: z.string(), at: z.string(),
});

const viewOf = (a: CaseAttachmentsTable): z.infer<typeof attachmentView> => ({
  id: a.id, caseId: a.case_id, name: a.name, size: a.size, mime: a.mime, sha256: a.sha256, uploadedBy: a.uploaded_by,
  uploadedByName: a.uploaded_by_name, at: new Date(a.at).toISOString(),
});

/** RFC 6266 / 5987: an ASCII fallback and the UTF-8 name. */
function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Case attachment routes (their own scope: the upload body is raw bytes of any type, bounded by the setting). */
export async function caseAttachmentRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const { db, config } = deps;
  await app.register(async (scope) => {
    const maxBytes = config.attachmentMaxBytes;
    acceptRawBodies(scope, maxBytes);
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.post("/api/cases/:id/attachments", {
      bodyLimit: maxBytes,
      schema: { tags: ["cases"], params: idParams, response: { 201: attachmentView, 400: errorBody, 403: errorBody, 404: errorBody, 413: errorBody } },
    }, async (req, reply) => {
      const p = authorize(req, "cases.read");
      const { c, coUnitIds } = visibleCase(db, p, req.params.id);
      const res = { unitId: c.unit_id, coUnitIds };
      if (!can(p, "cases.handle", res) && !can(p, "cases.manage", res)) throw AppError.forbidden();
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const out = attachToCase(db, config.dataDir, c.id, fileNameOf(req.headers["x-file-name"]), body, actorOf(p), req.ip);
      if (!out.ok) {
        if (out.code === "cases.not_found") throw AppError.notFound("case");
        throw AppError.badRequest(out.code);
      }
      return reply.code(201).send(viewOf(getCaseAttachment(db, c.id, out.id)!));
    });
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get("/api/cases/:id/attachments", {
    schema: { tags: ["cases"], params: idParams, response: { 200: z.object({ attachments: z.array(attachmentView) }), 404: errorBody } },
  }, async (req) => {
    const p = authorize(req, "cases.read");
    const { c } = visibleCase(db, p, req.params.id);
    return { attachments: listCaseAttachments(db, c.id).map(viewOf) };
  });

  r.get("/api/cases/:id/attachments/:aid", {
    schema: { tags: ["cases"], params: idParams.extend({ aid: z.coerce.number().int().positive() }) },
  }, async (req, reply) => {
    const p = authorize(req, "cases.read");
    const { c } = visibleCase(db, p, req.params.id);
    const a = getCaseAttachment(db, c.id, req.params.aid);
    if (!a) throw AppError.notFound("attachment");
    const file = attachmentPath(config.dataDir, a.sha256);
    if (!existsSync(file)) throw AppError.of(500, "attachments.missing_file");
    return reply
      .header("content-type", a.mime)
      .header("content-length", a.size)
      .header("content-disposition", contentDisposition(a.name))
      .header("x-content-type-options", "nosniff")
      .header("cache-control", "private, no-store")
      .send(createReadStream(file));
  });
}
