// /api/submissions: news drafts and information reports (稿件报送) with their configurable review,
// kept versions and their comparison, and the approval form (媒体信息发布审批表) as DOCX.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { diffChars } from "diff";
import { AppError } from "../../errors";
import { can, unitScope } from "../../accounts/policies";
import { getSubmission, getVersion, listSubmissions, outletNamesOf } from "../../store/submissions";
import { submitWorkingDays } from "../../store/review-flows";
import { getUnit, unitNames } from "../../store/units";
import { createSubmission, editSubmission, reviewSubmission, type CommandResult } from "../../publicity/submissions";
import { writeApprovalFormDocx } from "../../publicity/approval-form";
import { officeCalendar } from "../../cases/calendar";
import { officeTime } from "../../reports/case-memo-content";
import type { ReviewAction } from "../../publicity/review";
import { actorOf, authorize, type RouteDeps } from "../context";
import { idParams } from "../schemas";
import { commentBody, diffQuery, submissionBody, submissionListQuery, submissionPatch } from "../submission-schemas";
import { fullViewOf, isAuthorOrOffice, summaryOf, visibleSubmission } from "../submission-views";

const STATE_ZH: Record<string, string> = { draft: "草稿", in_review: "审核中", returned: "已退回", approved: "已通过", withdrawn: "已撤回" };
const ACTION_ZH: Record<string, string> = { submit: "提交", approve: "通过", return: "退回", withdraw: "撤回" };

/** The HTTP error of a refused command. */
function refusal(out: Extract<CommandResult, { ok: false }>): AppError {
  if (out.code === "not_found") return AppError.notFound("submission");
  if (out.code === "publicity.not_your_step") return AppError.of(403, out.code);
  if (out.code === "publicity.comment_required") return AppError.validation({ comment: out.code });
  return AppError.conflict(out.code);
}

/** Submission routes. */
export async function submissionRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;
  const cal = () => officeCalendar(db, config);

  r.post("/api/submissions", { schema: { tags: ["publicity"], body: submissionBody } }, async (req, reply) => {
    const p = authorize(req, "publicity.read");
    const b = req.body;
    const unitId = b.unitId ?? p.unitId;
    if (unitId == null) throw AppError.validation({ unitId: "publicity.unit_required" });
    if (!getUnit(db, unitId)) throw AppError.validation({ unitId: "publicity.unknown_unit" });
    if (!can(p, "publicity.submit", { unitId })) throw AppError.forbidden();
    const id = createSubmission(db, {
      unitId, kind: b.kind, title: b.title, body: b.body, eventDate: b.eventDate, outletIds: [...new Set(b.outletIds)], authorId: p.id, authorName: p.username,
    }, actorOf(p), req.ip);
    return reply.code(201).send(fullViewOf(db, p, getSubmission(db, id)!, cal()));
  });

  r.get("/api/submissions", { schema: { tags: ["publicity"], querystring: submissionListQuery } }, async (req) => {
    const p = authorize(req, "publicity.read");
    const q = req.query;
    const rows = listSubmissions(db, { units: unitScope(p), state: q.state, kind: q.kind, unitId: q.unitId, authorId: q.mine ? p.id : undefined, q: q.q || undefined, limit: q.limit });
    const names = unitNames(db), c = cal(), days = submitWorkingDays(db), now = Date.now();
    const list = rows.map((s) => summaryOf(s, names, c, days, now)).filter((s) => q.flagged === undefined || s.timeliness.flagged === q.flagged);
    return { submissions: list, total: list.length, limitDays: days };
  });

  r.get("/api/submissions/:id", { schema: { tags: ["publicity"], params: idParams } }, async (req) => {
    const p = authorize(req, "publicity.read");
    return fullViewOf(db, p, visibleSubmission(db, p, req.params.id), cal());
  });

  r.patch("/api/submissions/:id", { schema: { tags: ["publicity"], params: idParams, body: submissionPatch } }, async (req) => {
    const p = authorize(req, "publicity.read");
    const s = visibleSubmission(db, p, req.params.id);
    if (!isAuthorOrOffice(p, s)) throw AppError.of(403, "publicity.not_author");
    const out = editSubmission(db, s.id, req.body, actorOf(p), req.ip);
    if (!out.ok) throw refusal(out);
    return fullViewOf(db, p, out.row, cal());
  });

  for (const action of ["submit", "approve", "return", "withdraw"] as const satisfies readonly ReviewAction[]) {
    r.post(`/api/submissions/:id/${action}`, { schema: { tags: ["publicity"], params: idParams } }, async (req) => {
      // The body is optional (a comment): a bare POST approves, submits or withdraws.
      const parsed = commentBody.safeParse(req.body ?? {});
      if (!parsed.success) throw AppError.validation({ comment: "field.invalid_format" });
      const p = authorize(req, "publicity.read");
      const s = visibleSubmission(db, p, req.params.id);
      const byAuthor = action === "submit" || action === "withdraw";
      if (byAuthor && !isAuthorOrOffice(p, s)) throw AppError.of(403, "publicity.not_author");
      if (!byAuthor && !can(p, "publicity.review", { unitId: s.unit_id })) throw AppError.forbidden();
      const out = reviewSubmission(db, p, s.id, action, parsed.data.comment, req.ip);
      if (!out.ok) throw refusal(out);
      return fullViewOf(db, p, out.row, cal());
    });
  }

  r.get("/api/submissions/:id/diff", { schema: { tags: ["publicity"], params: idParams, querystring: diffQuery } }, async (req) => {
    const p = authorize(req, "publicity.read");
    const s = visibleSubmission(db, p, req.params.id);
    const a = getVersion(db, s.id, req.query.from), b = getVersion(db, s.id, req.query.to);
    if (!a || !b) throw AppError.of(404, "publicity.unknown_version");
    const seg = (x: string, y: string) => diffChars(x, y).map((c) => ({ op: c.added ? "insert" as const : c.removed ? "delete" as const : "equal" as const, text: c.value }));
    return { from: a.version, to: b.version, titleSegments: seg(a.title, b.title), segments: seg(a.body, b.body) };
  });

  r.get("/api/submissions/:id/approval-form.docx", { schema: { tags: ["publicity"], params: idParams } }, async (req, reply) => {
    const p = authorize(req, "publicity.read");
    const s = visibleSubmission(db, p, req.params.id);
    const view = fullViewOf(db, p, s, cal());
    const outletNames = outletNamesOf(db, view.outletIds);
    const bytes = await writeApprovalFormDocx({
      title: s.title, unitName: view.unitName, author: s.author_name, kindName: s.kind === "info" ? "信息" : "新闻稿", eventDate: s.event_date,
      outlets: view.outletIds.map((id) => outletNames.get(id) ?? `#${id}`), version: s.version, body: s.body, stateName: STATE_ZH[s.state] ?? s.state,
      trail: view.trail.map((t) => ({
        step: t.stepName || ACTION_ZH[t.action] || t.action, reviewer: t.userName, decision: ACTION_ZH[t.action] ?? t.action, comment: t.comment,
        at: officeTime(Date.parse(t.at), config.timeZone),
      })),
    });
    const file = `媒体信息发布审批表-${s.id}.docx`;
    return reply
      .header("content-type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
      .header("content-disposition", `attachment; filename="submission-${s.id}.docx"; filename*=UTF-8''${encodeURIComponent(file)}`)
      .header("cache-control", "private, no-store")
      .send(bytes);
  });
}
