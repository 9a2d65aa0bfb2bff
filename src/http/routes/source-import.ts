// /api/sources/import: a file (CSV, XLSX, JSONL) in two steps. Upload (raw body with its name in
// x-file-name, or multipart/form-data) → columns, sample rows and a suggested mapping; confirm
// (/api/sources/import/confirm) with the mapping and a source name → imported, skipped, rejected rows.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors";
import {
  columnMappingSchema, firstFilePart, IMPORT_MAX_BYTES, ImportFileError, importItems, mapRows, missingColumns,
  multipartBoundary, readTable, rejectedReason, sourceForImport, suggestMapping, UploadStore, type Cell,
} from "../../ingest/import";
import { actorOf, authorize, type RouteDeps } from "../context";
import { errorBody } from "../schemas";
import { name } from "../text-fields";
import { requestLang } from "../errors";
import { fileNameOf } from "../raw-upload";

const SAMPLE_ROWS = 5;
const REJECTED_SHOWN = 200;

const mappingView = columnMappingSchema;
const uploadView = z.object({
  uploadId: z.string(), fileName: z.string(), format: z.enum(["csv", "xlsx", "jsonl"]), columns: z.array(z.string()),
  sampleRows: z.array(z.record(z.string(), z.string())), rowCount: z.number(), suggestedMapping: mappingView,
});
const confirmBody = z.object({
  uploadId: z.string().min(1).max(100).regex(/^[\w-]+$/, "field.invalid"), sourceName: name(100), mapping: columnMappingSchema,
});
const progressView = z.object({ active: z.boolean(), done: z.number(), total: z.number() });
const resultView = z.object({
  sourceId: z.number(), imported: z.number(), skipped: z.number(), rejectedCount: z.number(),
  rejected: z.array(z.object({ row: z.number(), reason: z.string() })),
});

const show = (c: Cell): string => (c instanceof Date ? c.toISOString().replace("T", " ").slice(0, 19) : c.slice(0, 500));

/** A file-level refusal as an HTTP error. */
function refusal(e: unknown): unknown {
  if (!(e instanceof ImportFileError)) return e;
  return e.code === "import.too_large" ? AppError.of(413, e.code, e.params) : AppError.badRequest(e.code, e.params);
}

/** File import routes (the upload in its own scope: any content type as bytes, up to 50 MB). */
export async function sourceImportRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const { db, config } = deps;
  const uploads = new UploadStore();
  // Rows stored so far by each confirm in progress, by upload id (read by the modal's progress bar).
  const progress = new Map<string, { userId: number; done: number; total: number }>();

  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: IMPORT_MAX_BYTES + 64 * 1024 }, (_req, body, done) => done(null, body));
    scope.setErrorHandler((err: { code?: string }) => {
      if (err.code === "FST_ERR_CTP_BODY_TOO_LARGE") throw AppError.of(413, "import.too_large", { mb: IMPORT_MAX_BYTES / 1048576 });
      throw err;
    });
    scope.withTypeProvider<ZodTypeProvider>().post("/api/sources/import", {
      bodyLimit: IMPORT_MAX_BYTES + 64 * 1024,
      schema: { tags: ["sources"], summary: "Upload a CSV/XLSX/JSONL file for import (step 1)", response: { 200: uploadView, 400: errorBody, 413: errorBody } },
    }, async (req) => {
      const p = authorize(req, "sources.write");
      let bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      let fileName = fileNameOf(req.headers["x-file-name"]).slice(0, 200);
      const boundary = multipartBoundary(req.headers["content-type"]);
      if (boundary) {
        const part = firstFilePart(bytes, boundary);
        if (!part) throw AppError.badRequest("import.unreadable");
        ({ bytes, fileName } = { bytes: part.bytes, fileName: part.fileName || fileName });
      }
      let table;
      try {
        table = await readTable(fileName, bytes);
      } catch (e) {
        throw refusal(e);
      }
      const uploadId = uploads.put(p.id, fileName || "upload", table);
      return {
        uploadId, fileName: fileName || "upload", format: table.format, columns: table.columns,
        sampleRows: table.rows.slice(0, SAMPLE_ROWS).map((r) => Object.fromEntries(table.columns.map((c) => [c, show(r.cells[c] ?? "")]))),
        rowCount: table.rows.length + table.bad.length, suggestedMapping: suggestMapping(table.columns),
      };
    });
  });

  app.withTypeProvider<ZodTypeProvider>().post("/api/sources/import/confirm", {
    schema: { tags: ["sources"], summary: "Import an uploaded file with a column mapping (step 2)", body: confirmBody, response: { 200: resultView, 400: errorBody } },
  }, async (req) => {
    const p = authorize(req, "sources.write");
    const upload = uploads.get(req.body.uploadId, p.id);
    if (!upload) throw AppError.badRequest("import.upload_expired");
    const { mapping, sourceName } = req.body;
    const missing = missingColumns(mapping, upload.table.columns);
    if (missing.length) throw AppError.badRequest("import.unknown_column", { column: missing[0] });
    if (!mapping.title && !mapping.text) throw AppError.badRequest("import.no_title_column");
    const now = Date.now();
    const { items, rejected } = mapRows(upload.table, mapping, config.timeZone, now);
    const audit = { actor: actorOf(p), ip: req.ip, file: upload.fileName };
    let outcome;
    try {
      const source = db.tx(() => sourceForImport(db, sourceName, "import", audit.actor, audit.ip));
      // Taken now, so that a second click cannot import the same upload alongside this one.
      uploads.delete(upload.id);
      const mine = { userId: p.id, done: 0, total: items.length };
      progress.set(upload.id, mine);
      outcome = await importItems(db, source, items, rejected.length, audit, now, (done) => { mine.done = done; });
    } catch (e) {
      throw refusal(e);
    } finally {
      progress.delete(upload.id);
    }
    if (outcome.imported) deps.analysis?.wake();
    const lang = requestLang(req);
    return {
      sourceId: outcome.sourceId, imported: outcome.imported, skipped: outcome.skipped, rejectedCount: outcome.rejected,
      rejected: rejected.slice(0, REJECTED_SHOWN).map((r) => ({ row: r.row, reason: rejectedReason(r, lang) })),
    };
  });

  app.withTypeProvider<ZodTypeProvider>().get("/api/sources/import/:uploadId/progress", {
    schema: {
      tags: ["sources"], summary: "Rows stored so far by a confirm in progress (active: false once it ended or for another user)",
      params: z.object({ uploadId: z.string().min(1).max(100) }), response: { 200: progressView },
    },
  }, async (req) => {
    const p = authorize(req, "sources.write");
    const run = progress.get(req.params.uploadId);
    return run && run.userId === p.id ? { active: true, done: run.done, total: run.total } : { active: false, done: 0, total: 0 };
  });
}
