// Reports (报告): generate a draft (on a read thread; the run shows its stage), list, edit section by
// section, issue a numbered immutable version, export DOCX/PDF/XLSX, leaders' instructions (批示),
// templates and the generation history.
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors";
import { can } from "../../accounts/policies";
import { recordAudit } from "../../store/audit";
import {
  deleteDraft, deleteReportTemplate, getReport, getReportRun, getReportTemplate, getReportVersion, insertReportTemplate, listReportRuns,
  listReports, listReportTemplates, updateReportTemplate,
} from "../../store/reports";
import { createReportDraft, ensureDefaultTemplates, instructOnVersion, issueReport, patchReport } from "../../reports/service";
import { reportDetail, reportSummary, runView, templateOut, versionDetail } from "../../reports/views";
import { closePdfBrowser, REPORT_MIME } from "../../reports/render";
import { REPORT_FORMATS, REPORT_KIND_ZH, REPORT_KINDS, REPORT_SECTIONS, type ReportContent, type ReportFormat } from "../../shared/report-types";
import { actorOf, authorize, type RouteDeps } from "../context";
import { errorBody, idParams } from "../schemas";
import { name, text } from "../text-fields";
import { patchOf } from "../patch-schema";

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "report.bad_period");
const specBody = z.object({
  kind: z.enum(REPORT_KINDS),
  date: date.optional(),
  from: date.optional(),
  to: date.optional(),
  period: z.enum(["week", "month"]).optional(),
  eventId: z.number().int().positive().optional(),
  templateId: z.number().int().positive().optional(),
});
const patchBody = z.object({
  title: name(200).optional(),
  issuingUnit: text(200).optional(),
  redHeader: z.boolean().optional(),
  sections: z.record(z.string().max(40), z.object({ text: text(20_000, { multiline: true }).optional(), title: name(100).optional() })).optional(),
  removeSections: z.array(z.string().max(40)).max(20).optional(),
});
const templateBody = z.object({
  kind: z.enum(REPORT_KINDS),
  name: name(100),
  title: name(200),
  issuingUnit: text(200).default(""),
  redHeader: z.boolean().default(false),
  sections: z.array(z.string().max(40)).min(1).max(20),
  isDefault: z.boolean().default(false),
});
const formatQuery = z.object({ format: z.enum(REPORT_FORMATS) });

/** The file's name as offices file it: 每日网络动态-2026年第12期.docx. */
function fileName(c: ReportContent, format: ReportFormat): string {
  const label = c.number ?? `草稿-${c.period.from}${c.period.to !== c.period.from ? `至${c.period.to}` : ""}`;
  return `${REPORT_KIND_ZH[c.kind]}-${label}.${format}`.replace(/[\\/:*?"<>|\s]+/g, "_");
}

/** Report routes. */
export async function reportRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config, reads } = deps;
  // A PDF rendered inline (no read threads) leaves its browser open for the next one; closed with the app.
  app.addHook("onClose", async () => closePdfBrowser());

  const sendFile = async (reply: FastifyReply, content: ReportContent, format: ReportFormat, draft: boolean) => {
    let file: Uint8Array;
    try {
      file = await reads.run("reportFile", [content, format, { baseUrl: config.publicUrl, draft }], config.exportBudgetMs);
    } catch (e) {
      app.log.error({ err: e }, "report render failed");
      throw new AppError(500, "report.render_failed");
    }
    const fname = fileName(content, format);
    return reply
      .header("content-type", REPORT_MIME[format])
      .header("content-disposition", `attachment; filename="report.${format}"; filename*=UTF-8''${encodeURIComponent(fname)}`)
      .send(Buffer.from(file.buffer, file.byteOffset, file.byteLength));
  };

  r.get("/api/reports", {
    schema: {
      tags: ["reports"], summary: "Reports, newest first",
      querystring: z.object({
        kind: z.enum(REPORT_KINDS).optional(), status: z.enum(["draft", "issued"]).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0),
      }),
    },
  }, async (req) => {
    authorize(req, "reports.read");
    const { rows, total } = listReports(db, req.query);
    return { reports: rows.map(reportSummary), total };
  });

  r.post("/api/reports", {
    schema: { tags: ["reports"], summary: "Generate a draft report", body: specBody },
  }, async (req, reply) => {
    const p = authorize(req, "reports.write");
    const { report, runId } = await createReportDraft(db, config, req.body, actorOf(p), {
      trigger: "manual",
      read: (spec, template, opts) => reads.run("reportContent", [spec, template, opts], config.exportBudgetMs),
    });
    return reply.code(201).send({ report, run: runView(getReportRun(db, runId)!) });
  });

  r.get("/api/reports/:id", { schema: { tags: ["reports"], summary: "A report with its versions", params: idParams } }, async (req) => {
    authorize(req, "reports.read");
    const row = getReport(db, req.params.id);
    if (!row) throw new AppError(404, "report.not_found");
    return reportDetail(db, row);
  });

  r.patch("/api/reports/:id", {
    schema: { tags: ["reports"], summary: "Edit a draft section by section", params: idParams, body: patchBody },
  }, async (req) => {
    const p = authorize(req, "reports.write");
    return patchReport(db, req.params.id, req.body, actorOf(p));
  });

  r.delete("/api/reports/:id", { schema: { tags: ["reports"], summary: "Delete a never-issued draft", params: idParams } }, async (req, reply) => {
    const p = authorize(req, "reports.write");
    const row = getReport(db, req.params.id);
    if (!row) throw new AppError(404, "report.not_found");
    const deleted = db.tx(() => {
      const ok = deleteDraft(db, row.id);
      if (ok) recordAudit(db, { actor: actorOf(p), action: "report.delete", targetType: "report", targetId: row.id, summary: { title: row.title }, ip: req.ip });
      return ok;
    });
    if (!deleted) throw new AppError(409, "report.issued_kept");
    return reply.code(204).send();
  });

  r.post("/api/reports/:id/issue", {
    schema: { tags: ["reports"], summary: "Issue the draft as a numbered, immutable version", params: idParams },
  }, async (req, reply) => {
    const p = authorize(req, "reports.issue");
    return reply.code(201).send({ version: issueReport(db, config, req.params.id, actorOf(p)) });
  });

  r.get("/api/reports/:id/export", {
    schema: { tags: ["reports"], summary: "The draft as DOCX, PDF or XLSX (marked 草稿)", params: idParams, querystring: formatQuery },
  }, async (req, reply) => {
    authorize(req, "reports.read");
    const row = getReport(db, req.params.id);
    if (!row) throw new AppError(404, "report.not_found");
    return sendFile(reply, JSON.parse(row.content) as ReportContent, req.query.format, true);
  });

  r.get("/api/report-versions/:id", {
    schema: { tags: ["reports"], summary: "An issued version with its instructions", params: idParams },
  }, async (req) => {
    const p = authorize(req, "reports.read");
    const v = getReportVersion(db, req.params.id);
    if (!v) throw new AppError(404, "report.version_not_found");
    return { ...versionDetail(db, v), canInstruct: can(p, "reports.instruct") };
  });

  r.get("/api/report-versions/:id/export", {
    schema: { tags: ["reports"], summary: "An issued version as DOCX, PDF or XLSX", params: idParams, querystring: formatQuery },
  }, async (req, reply) => {
    authorize(req, "reports.read");
    const v = getReportVersion(db, req.params.id);
    if (!v) throw new AppError(404, "report.version_not_found");
    return sendFile(reply, JSON.parse(v.content) as ReportContent, req.query.format, false);
  });

  r.post("/api/report-versions/:id/instructions", {
    schema: { tags: ["reports"], summary: "Write an instruction (批示) on an issued version", params: idParams, body: z.object({ text: text(5000, { multiline: true }).refine((v) => v.trim().length > 0, "field.required") }) },
  }, async (req, reply) => {
    const p = authorize(req, "reports.instruct");
    const id = instructOnVersion(db, req.params.id, req.body.text, actorOf(p));
    return reply.code(201).send({ instruction: { id, author: p.username, text: req.body.text, createdAt: new Date().toISOString() } });
  });

  r.get("/api/report-runs", {
    schema: { tags: ["reports"], summary: "Generation history, newest first", querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }) },
  }, async (req) => {
    authorize(req, "reports.read");
    return { runs: listReportRuns(db, req.query.limit).map(runView) };
  });

  r.get("/api/report-runs/:id", { schema: { tags: ["reports"], summary: "A generation run", params: idParams } }, async (req) => {
    authorize(req, "reports.read");
    const run = getReportRun(db, req.params.id);
    if (!run) throw new AppError(404, "report.run_not_found");
    return runView(run);
  });

  // ---- templates
  const checkSections = (kind: (typeof REPORT_KINDS)[number], sections: string[]) => {
    const known = new Set(REPORT_SECTIONS[kind].map((s) => s.key));
    const bad = sections.filter((s) => !known.has(s));
    if (bad.length || new Set(sections).size !== sections.length) {
      throw AppError.validation({ sections: bad.length ? { code: "report.unknown_sections", params: { sections: bad.join(", ") } } : "report.repeated_sections" });
    }
  };

  r.get("/api/report-templates", {
    schema: { tags: ["reports"], summary: "Report templates", querystring: z.object({ kind: z.enum(REPORT_KINDS).optional() }) },
  }, async (req) => {
    authorize(req, "reports.read");
    ensureDefaultTemplates(db);
    return { templates: listReportTemplates(db, req.query.kind ?? null).map(templateOut) };
  });

  r.post("/api/report-templates", { schema: { tags: ["reports"], summary: "Create a template", body: templateBody } }, async (req, reply) => {
    const p = authorize(req, "reports.configure");
    const b = req.body;
    checkSections(b.kind, b.sections);
    const t = db.tx(() => {
      const t = insertReportTemplate(db, {
        kind: b.kind, name: b.name, title: b.title, issuing_unit: b.issuingUnit, red_header: b.redHeader ? 1 : 0, sections: JSON.stringify(b.sections), is_default: b.isDefault ? 1 : 0,
      });
      recordAudit(db, { actor: actorOf(p), action: "report_template.create", targetType: "report_template", targetId: t.id, summary: { ...b }, ip: req.ip });
      return t;
    });
    return reply.code(201).send(templateOut(t));
  });

  r.patch("/api/report-templates/:id", {
    schema: { tags: ["reports"], summary: "Edit a template", params: idParams, body: patchOf(templateBody.omit({ kind: true })) },
  }, async (req) => {
    const p = authorize(req, "reports.configure");
    const old = getReportTemplate(db, req.params.id);
    if (!old) throw new AppError(404, "report.template_not_found");
    const b = req.body;
    if (b.sections) checkSections(old.kind as (typeof REPORT_KINDS)[number], b.sections);
    const t = db.tx(() => {
      const t = updateReportTemplate(db, old.id, {
        name: b.name, title: b.title, issuing_unit: b.issuingUnit, red_header: b.redHeader === undefined ? undefined : b.redHeader ? 1 : 0,
        sections: b.sections ? JSON.stringify(b.sections) : undefined, is_default: b.isDefault === undefined ? undefined : b.isDefault ? 1 : 0,
      })!;
      recordAudit(db, { actor: actorOf(p), action: "report_template.update", targetType: "report_template", targetId: old.id, summary: { ...b }, ip: req.ip });
      return t;
    });
    return templateOut(t);
  });

  r.delete("/api/report-templates/:id", { schema: { tags: ["reports"], summary: "Delete a template", params: idParams } }, async (req, reply) => {
    const p = authorize(req, "reports.configure");
    const old = getReportTemplate(db, req.params.id);
    if (!old) throw new AppError(404, "report.template_not_found");
    db.tx(() => {
      deleteReportTemplate(db, old.id);
      recordAudit(db, { actor: actorOf(p), action: "report_template.delete", targetType: "report_template", targetId: old.id, summary: { name: old.name }, ip: req.ip });
    });
    return reply.code(204).send();
  });
}
