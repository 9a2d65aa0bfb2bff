// /api/report-schedules: delivery schedules (定时报送) — CRUD for administrators (reports.configure),
// reading for the office (reports.read), every change audited; POST /:id/run starts a run now in the
// background and answers 202 with the run's id.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError, type FieldMessage } from "../../errors";
import { isBusyError } from "../errors";
import { recordAudit } from "../../store/audit";
import { listChannels } from "../../store/alert-config";
import {
  deleteSchedule, getSchedule, insertSchedule, listSchedules, updateSchedule, type ScheduleInput, type ScheduleRow,
} from "../../store/report-schedules";
import { getReportTemplate } from "../../store/reports";
import { nextRunAfter, timingProblems } from "../../reports/schedule";
import { timingOf } from "../../reports/schedule-job";
import { REPORT_FORMATS, type ReportSchedule } from "../../shared/report-types";
import { iso } from "../../shared/iso";
import { patchOf } from "../patch-schema";
import { actorOf, authorize, type RouteDeps } from "../context";
import { errorBody, idParams, name } from "../schemas";

const scheduleBody = z.object({
  name: name(100),
  kind: z.enum(["daily", "periodic"]),
  period: z.enum(["week", "month"]).nullable().default(null),
  templateId: z.number().int().positive().nullable().default(null),
  atTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "alerts.bad_clock"),
  weekday: z.number().int().min(1).max(7).nullable().default(null),
  monthday: z.number().int().min(1).max(28).nullable().default(null),
  format: z.enum(REPORT_FORMATS),
  channelIds: z.array(z.number().int().positive()).max(20).default([]),
  autoIssue: z.boolean().default(false),
  enabled: z.boolean().default(true),
});
const schedulePatch = patchOf(scheduleBody);

const scheduleView = z.object({
  id: z.number(), name: z.string(), kind: z.enum(["daily", "periodic"]), period: z.enum(["week", "month"]).nullable(), templateId: z.number().nullable(),
  atTime: z.string(), weekday: z.number().nullable(), monthday: z.number().nullable(), format: z.enum(REPORT_FORMATS), channelIds: z.array(z.number()),
  autoIssue: z.boolean(), enabled: z.boolean(), nextRunAt: z.string().nullable(), lastRunAt: z.string().nullable(),
});

type Body = z.infer<typeof scheduleBody>;

/** A stored schedule as the API shows it. */
export function presentSchedule(s: ScheduleRow): ReportSchedule {
  const t = timingOf(s);
  return {
    id: s.id, name: s.name, kind: t.kind, period: t.period, templateId: s.template_id, atTime: s.at_time, weekday: s.weekday, monthday: s.monthday,
    format: s.format as ReportSchedule["format"], channelIds: JSON.parse(s.channel_ids) as number[], autoIssue: !!s.auto_issue, enabled: !!s.enabled,
    nextRunAt: iso(s.next_run_at), lastRunAt: iso(s.last_run_at),
  };
}

/** Report schedule routes. */
export async function reportScheduleRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;
  // Scheduled runs read their content on the read pool, as POST /api/reports does (the pool lives with the app).
  deps.alerts.reportSchedules.useReader((spec, template, opts) => deps.reads.run("reportContent", [spec, template, opts], config.exportBudgetMs));

  // The whole schedule checked (a PATCH merged onto the stored one); returns what is stored.
  function checked(b: Body, now: number): ScheduleInput {
    const fields: Record<string, FieldMessage> = { ...timingProblems(b) };
    const known = new Set(listChannels(db).map((c) => c.id));
    const missing = b.channelIds.filter((id) => !known.has(id));
    if (missing.length) fields.channelIds = { code: "alerts.unknown_channel", params: { ids: missing.join(", ") } };
    if (b.templateId != null) {
      const kind = getReportTemplate(db, b.templateId)?.kind;
      if (kind == null) fields.templateId = "report.template_not_found";
      else if (kind !== b.kind) fields.templateId = "report.template_kind";
    }
    if (Object.keys(fields).length) throw AppError.validation(fields);
    const channelIds = [...new Set(b.channelIds)];
    return { ...b, channelIds, nextRunAt: b.enabled ? nextRunAfter(b, now, config.timeZone) : null };
  }

  r.get("/api/report-schedules", {
    schema: { tags: ["reports"], response: { 200: z.object({ schedules: z.array(scheduleView) }) } },
  }, async (req) => {
    authorize(req, "reports.read");
    return { schedules: listSchedules(db).map(presentSchedule) };
  });

  r.post("/api/report-schedules", {
    schema: { tags: ["reports"], body: scheduleBody, response: { 201: scheduleView, 400: errorBody } },
  }, async (req, reply) => {
    const p = authorize(req, "reports.configure");
    const s = checked(req.body, Date.now());
    const id = db.tx(() => {
      const id = insertSchedule(db, s, p.id);
      recordAudit(db, { actor: actorOf(p), action: "report_schedule.create", targetType: "report_schedule", targetId: id, summary: req.body, ip: req.ip });
      return id;
    });
    return reply.code(201).send(presentSchedule(getSchedule(db, id)!));
  });

  r.patch("/api/report-schedules/:id", {
    schema: { tags: ["reports"], params: idParams, body: schedulePatch, response: { 200: scheduleView, 400: errorBody, 404: errorBody } },
  }, async (req) => {
    const p = authorize(req, "reports.configure");
    const old = getSchedule(db, req.params.id);
    if (!old) throw AppError.notFound("report schedule");
    const cur = presentSchedule(old);
    const given = Object.fromEntries(Object.entries(req.body).filter(([, v]) => v !== undefined)) as Partial<Body>;
    const b: Body = {
      name: cur.name, kind: cur.kind, period: cur.period, templateId: cur.templateId, atTime: cur.atTime, weekday: cur.weekday, monthday: cur.monthday,
      format: cur.format, channelIds: cur.channelIds, autoIssue: cur.autoIssue, enabled: cur.enabled, ...given,
    };
    const s = checked(b, Date.now());
    // A change that leaves the timing as it was keeps the moment owed (even one the job has yet to reach).
    const timing = (x: Body) => JSON.stringify([x.kind, x.period, x.atTime, x.weekday, x.monthday, x.enabled]);
    if (timing(b) === timing(cur)) s.nextRunAt = old.next_run_at;
    db.tx(() => {
      updateSchedule(db, old.id, s);
      recordAudit(db, { actor: actorOf(p), action: "report_schedule.update", targetType: "report_schedule", targetId: old.id, summary: given, ip: req.ip });
    });
    return presentSchedule(getSchedule(db, old.id)!);
  });

  r.delete("/api/report-schedules/:id", {
    schema: { tags: ["reports"], params: idParams, response: { 204: z.null(), 404: errorBody } },
  }, async (req, reply) => {
    const p = authorize(req, "reports.configure");
    const old = getSchedule(db, req.params.id);
    if (!old) throw AppError.notFound("report schedule");
    db.tx(() => {
      deleteSchedule(db, old.id);
      recordAudit(db, { actor: actorOf(p), action: "report_schedule.delete", targetType: "report_schedule", targetId: old.id, summary: { name: old.name }, ip: req.ip });
    });
    return reply.code(204).send(null);
  });

  r.post("/api/report-schedules/:id/run", {
    schema: {
      tags: ["reports"], summary: "Generate, issue (when the schedule says so) and deliver now, in the background",
      params: idParams, response: { 202: z.object({ runId: z.number() }), 404: errorBody, 500: errorBody },
    },
  }, async (req, reply) => {
    const p = authorize(req, "reports.configure");
    if (!getSchedule(db, req.params.id)) throw AppError.notFound("report schedule");
    let runId: number;
    try {
      runId = await deps.alerts.reportSchedules.runNow(req.params.id, actorOf(p));
    } catch (err) {
      // The cause goes to the log, never to the client (a busy database still answers 503 db.busy).
      if (isBusyError(err)) throw err;
      req.log.error({ err }, "report schedule run not started");
      throw AppError.of(500, "reports.run_not_started");
    }
    recordAudit(db, { actor: actorOf(p), action: "report_schedule.run", targetType: "report_schedule", targetId: req.params.id, summary: { runId }, ip: req.ip });
    return reply.code(202).send({ runId });
  });
}
