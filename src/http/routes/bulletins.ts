// /api/bulletins: the internal bulletin (内部信息简报): drafts composed from approved information
// reports, issued with the next number of the year (第N期, then frozen), exported as DOCX; and
// /api/submissions/:id/adoptions: what a higher office adopted (采用) or instructed (批示).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors";
import { recordAudit } from "../../store/audit";
import { bulletinEntries, deleteBulletin, getBulletin, insertBulletin, issueBulletin, listBulletins, setBulletinEntries, updateBulletin, type BulletinRow } from "../../store/bulletins";
import { deleteAdoption, getAdoption, insertAdoption, listAdoptions } from "../../store/adoptions";
import { getSubmission } from "../../store/submissions";
import { unitNames } from "../../store/units";
import { bulletinNumber, writeBulletinDocx } from "../../publicity/bulletin";
import { localDate } from "../../shared/working-calendar";
import { iso } from "../../shared/iso";
import type { Db } from "../../db/connection";
import { actorOf, authorize, type RouteDeps } from "../context";
import { idParams } from "../schemas";
import { adoptionBody, bulletinBody, entriesBody } from "../submission-schemas";
import { adoptionView, visibleSubmission } from "../submission-views";

const notFound = () => AppError.notFound("bulletin");
const conflict = (code: string) => AppError.conflict(code);

function viewOf(db: Db, b: BulletinRow) {
  const names = unitNames(db);
  return {
    id: b.id, title: b.title, year: b.year, seq: b.seq, number: bulletinNumber(b.year, b.seq), state: b.state, editor: b.editor, forwardedTo: b.forwarded_to,
    issuedAt: iso(b.issued_at), createdAt: iso(b.created_at)!,
    entries: bulletinEntries(db, b.id).map((e) => ({ submissionId: e.submission_id, position: e.position, title: e.title, unitName: names.get(e.unit_id) ?? "", authorName: e.author_name })),
  };
}

/** Whether a submission may be compiled or adopted: an approved information report. */
const approvedInfo = (db: Db, id: number) => {
  const s = getSubmission(db, id);
  return !!s && s.kind === "info" && s.state === "approved";
};

/** Bulletin and adoption routes. */
export async function bulletinRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;
  const draft = (id: number) => {
    const b = getBulletin(db, id);
    if (!b) throw notFound();
    if (b.state !== "draft") throw conflict("publicity.issued");
    return b;
  };

  r.get("/api/bulletins", { schema: { tags: ["publicity"] } }, async (req) => {
    authorize(req, "publicity.scores");
    return { bulletins: listBulletins(db).map((b) => viewOf(db, b)) };
  });

  r.post("/api/bulletins", { schema: { tags: ["publicity"], body: bulletinBody } }, async (req, reply) => {
    const p = authorize(req, "publicity.manage");
    const year = req.body.year ?? Number(localDate(Date.now(), config.timeZone).slice(0, 4));
    const id = db.tx(() => {
      const id = insertBulletin(db, { title: req.body.title ?? "宣传信息", year, editor: req.body.editor ?? "", forwardedTo: req.body.forwardedTo ?? "", createdBy: p.id });
      recordAudit(db, { actor: actorOf(p), action: "bulletin.create", targetType: "bulletin", targetId: id, summary: { year }, ip: req.ip });
      return id;
    });
    return reply.code(201).send(viewOf(db, getBulletin(db, id)!));
  });

  r.get("/api/bulletins/:id", { schema: { tags: ["publicity"], params: idParams } }, async (req) => {
    authorize(req, "publicity.scores");
    const b = getBulletin(db, req.params.id);
    if (!b) throw notFound();
    return viewOf(db, b);
  });

  r.patch("/api/bulletins/:id", { schema: { tags: ["publicity"], params: idParams, body: bulletinBody.omit({ year: true }) } }, async (req) => {
    const p = authorize(req, "publicity.manage");
    const b = draft(req.params.id);
    db.tx(() => {
      updateBulletin(db, b.id, req.body);
      recordAudit(db, { actor: actorOf(p), action: "bulletin.edit", targetType: "bulletin", targetId: b.id, summary: req.body, ip: req.ip });
    });
    return viewOf(db, getBulletin(db, b.id)!);
  });

  r.put("/api/bulletins/:id/entries", { schema: { tags: ["publicity"], params: idParams, body: entriesBody } }, async (req) => {
    const p = authorize(req, "publicity.manage");
    const b = draft(req.params.id);
    const ids = [...new Set(req.body.submissionIds)];
    if (ids.some((id) => !approvedInfo(db, id))) throw conflict("publicity.not_info");
    db.tx(() => {
      setBulletinEntries(db, b.id, ids);
      recordAudit(db, { actor: actorOf(p), action: "bulletin.entries", targetType: "bulletin", targetId: b.id, summary: { submissionIds: ids }, ip: req.ip });
    });
    return viewOf(db, getBulletin(db, b.id)!);
  });

  r.post("/api/bulletins/:id/issue", { schema: { tags: ["publicity"], params: idParams } }, async (req) => {
    const p = authorize(req, "publicity.manage");
    const b = draft(req.params.id);
    if (!bulletinEntries(db, b.id).length) throw conflict("publicity.empty_bulletin");
    db.tx(() => {
      const seq = issueBulletin(db, b.id, p.id);
      recordAudit(db, { actor: actorOf(p), action: "bulletin.issue", targetType: "bulletin", targetId: b.id, summary: { year: b.year, seq }, ip: req.ip });
    });
    return viewOf(db, getBulletin(db, b.id)!);
  });

  r.delete("/api/bulletins/:id", { schema: { tags: ["publicity"], params: idParams } }, async (req, reply) => {
    const p = authorize(req, "publicity.manage");
    const b = draft(req.params.id);
    db.tx(() => {
      deleteBulletin(db, b.id);
      recordAudit(db, { actor: actorOf(p), action: "bulletin.delete", targetType: "bulletin", targetId: b.id, summary: { title: b.title }, ip: req.ip });
    });
    return reply.code(204).send();
  });

  r.get("/api/bulletins/:id/docx", { schema: { tags: ["publicity"], params: idParams } }, async (req, reply) => {
    authorize(req, "publicity.scores");
    const b = getBulletin(db, req.params.id);
    if (!b) throw notFound();
    const names = unitNames(db);
    const bytes = await writeBulletinDocx({
      masthead: b.title, number: bulletinNumber(b.year, b.seq), editor: b.editor, date: localDate(b.issued_at ?? Date.now(), config.timeZone).replace(/^(\d+)-(\d+)-(\d+)$/, (_m, y, mo, d) => `${y}年${Number(mo)}月${Number(d)}日`),
      forwardedTo: b.forwarded_to, copiedTo: "",
      entries: bulletinEntries(db, b.id).map((e) => ({ title: e.title, unitName: names.get(e.unit_id) ?? "", body: e.body })),
    });
    const file = `${b.title}-${bulletinNumber(b.year, b.seq)}.docx`;
    return reply
      .header("content-type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
      .header("content-disposition", `attachment; filename="bulletin-${b.id}.docx"; filename*=UTF-8''${encodeURIComponent(file)}`)
      .header("cache-control", "private, no-store")
      .send(bytes);
  });

  r.get("/api/submissions/:id/adoptions", { schema: { tags: ["publicity"], params: idParams } }, async (req) => {
    const p = authorize(req, "publicity.read");
    const s = visibleSubmission(db, p, req.params.id);
    return { adoptions: listAdoptions(db, s.id).map(adoptionView) };
  });

  r.post("/api/submissions/:id/adoptions", { schema: { tags: ["publicity"], params: idParams, body: adoptionBody } }, async (req, reply) => {
    const p = authorize(req, "publicity.manage");
    const s = visibleSubmission(db, p, req.params.id);
    if (!approvedInfo(db, s.id)) throw conflict("publicity.not_info");
    const b = req.body;
    const id = db.tx(() => {
      const id = insertAdoption(db, { submission_id: s.id, kind: b.kind, office: b.office, level: b.level, on_date: b.onDate, text: b.text, created_by: p.id });
      recordAudit(db, { actor: actorOf(p), action: `submission.${b.kind}`, targetType: "submission", targetId: s.id, summary: { adoptionId: id, office: b.office, level: b.level, onDate: b.onDate }, ip: req.ip });
      return id;
    });
    return reply.code(201).send(adoptionView(getAdoption(db, s.id, id)!));
  });

  r.delete("/api/submissions/:id/adoptions/:aid", { schema: { tags: ["publicity"], params: idParams.extend({ aid: z.coerce.number().int().positive() }) } }, async (req, reply) => {
    const p = authorize(req, "publicity.manage");
    const s = visibleSubmission(db, p, req.params.id);
    const a = getAdoption(db, s.id, req.params.aid);
    if (!a) throw AppError.notFound("bulletin entry");
    db.tx(() => {
      deleteAdoption(db, s.id, a.id);
      recordAudit(db, { actor: actorOf(p), action: "submission.adoption_delete", targetType: "submission", targetId: s.id, summary: { adoptionId: a.id, kind: a.kind }, ip: req.ip });
    });
    return reply.code(204).send();
  });
}
