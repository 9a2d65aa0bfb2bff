// /api/submissions/:id/attachments: upload (raw bytes as the body, the name in x-file-name,
// percent-encoded; images, DOCX and PDF judged by their bytes), list, download and remove.
import { createReadStream, existsSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors";
import { acceptRawBodies, fileNameOf } from "../raw-upload";
import { attachmentPath } from "../../cases/attachments";
import { getSubmissionAttachment, listSubmissionAttachments } from "../../store/submissions";
import { attachToSubmission, detachFromSubmission } from "../../publicity/submissions";
import { iso } from "../../shared/iso";
import { actorOf, authorize, type RouteDeps } from "../context";
import { idParams } from "../schemas";
import { isAuthorOrOffice, visibleSubmission } from "../submission-views";

const aidParams = idParams.extend({ aid: z.coerce.number().int().positive() });

/** Submission attachment routes. */
export async function submissionAttachmentRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const { db, config } = deps;
  await app.register(async (scope) => {
    const maxBytes = config.attachmentMaxBytes;
    acceptRawBodies(scope, maxBytes);
    scope.withTypeProvider<ZodTypeProvider>().post("/api/submissions/:id/attachments", { bodyLimit: maxBytes, schema: { tags: ["publicity"], params: idParams } }, async (req, reply) => {
      const p = authorize(req, "publicity.read");
      const s = visibleSubmission(db, p, req.params.id);
      if (!isAuthorOrOffice(p, s)) throw AppError.of(403, "publicity.not_author");
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const out = attachToSubmission(db, config.dataDir, s.id, fileNameOf(req.headers["x-file-name"]), body, actorOf(p), req.ip);
      if (!out.ok) throw out.code === "not_found" ? AppError.notFound("attachment") : AppError.badRequest(out.code);
      const a = getSubmissionAttachment(db, s.id, out.id)!;
      return reply.code(201).send({ id: a.id, name: a.name, size: a.size, mime: a.mime, uploadedByName: a.uploaded_by_name, at: iso(a.at) });
    });
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get("/api/submissions/:id/attachments", { schema: { tags: ["publicity"], params: idParams } }, async (req) => {
    const p = authorize(req, "publicity.read");
    const s = visibleSubmission(db, p, req.params.id);
    return { attachments: listSubmissionAttachments(db, s.id).map((a) => ({ id: a.id, name: a.name, size: a.size, mime: a.mime, uploadedByName: a.uploaded_by_name, at: iso(a.at) })) };
  });

  r.get("/api/submissions/:id/attachments/:aid", { schema: { tags: ["publicity"], params: aidParams } }, async (req, reply) => {
    const p = authorize(req, "publicity.read");
    const s = visibleSubmission(db, p, req.params.id);
    const a = getSubmissionAttachment(db, s.id, req.params.aid);
    if (!a) throw AppError.notFound("attachment");
    const file = attachmentPath(config.dataDir, a.sha256);
    if (!existsSync(file)) throw AppError.of(500, "attachments.missing_file");
    const ascii = a.name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
    return reply
      .header("content-type", a.mime).header("content-length", a.size)
      .header("content-disposition", `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(a.name)}`)
      .header("x-content-type-options", "nosniff").header("cache-control", "private, no-store")
      .send(createReadStream(file));
  });

  r.delete("/api/submissions/:id/attachments/:aid", { schema: { tags: ["publicity"], params: aidParams } }, async (req, reply) => {
    const p = authorize(req, "publicity.read");
    const s = visibleSubmission(db, p, req.params.id);
    if (!isAuthorOrOffice(p, s)) throw AppError.of(403, "publicity.not_author");
    if (!detachFromSubmission(db, s.id, req.params.aid, actorOf(p), req.ip)) throw AppError.notFound("attachment");
    return reply.code(204).send();
  });
}
