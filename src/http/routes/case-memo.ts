// A case's escalation memo (抄告单): its content as JSON (the leader's phone page) and as DOCX. The
// first print gives the memo the year's next number, in the same transaction as its audit row; a
// reprint keeps the number.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { AppError } from "../../errors";
import { can } from "../../accounts/policies";
import { caseSteps } from "../../store/cases";
import { caseMemoItems, getCaseMemo, insertCaseMemo, memoEvent } from "../../store/case-memos";
import { unitNames } from "../../store/units";
import { recordAudit } from "../../store/audit";
import { caseMemoContent, memoNumber, officeTime } from "../../reports/case-memo-content";
import { writeCaseMemoDocx } from "../../reports/case-memo";
import { CASE_STATES, nextSteps, type CaseState } from "../../cases/workflow";
import { localDate } from "../../shared/working-calendar";
import type { CasesTable } from "../../db/schema";
import type { Db } from "../../db/connection";
import { actorOf, authorize, type RouteDeps } from "../context";
import { errorBody, idParams } from "../schemas";
import { caseMemoView } from "../case-memo-schemas";
import { visibleCase } from "../case-access";

/** Escalation memo routes. */
export async function caseMemoRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;
  const tz = config.timeZone;

  const contentOf = (c: CasesTable, coUnitIds: number[], number: string | null) => caseMemoContent({
    c, coUnitIds, steps: caseSteps(db, c.id), items: caseMemoItems(db, c.id), event: c.event_id == null ? null : memoEvent(db, c.event_id) ?? null,
    unitNames: unitNames(db), number, timeZone: tz,
  });

  r.get("/api/cases/:id/memo", {
    schema: { tags: ["cases"], summary: "A case's memo content", params: idParams, response: { 200: caseMemoView, 404: errorBody } },
  }, async (req) => {
    const p = authorize(req, "cases.read");
    const { c, coUnitIds } = visibleCase(db, p, req.params.id);
    const memo = getCaseMemo(db, c.id);
    const state = c.state as CaseState;
    return {
      ...contentOf(c, coUnitIds, memo ? memoNumber(memo.year, memo.seq) : null),
      canInstruct: nextSteps(state).includes("instruct") && can(p, "cases.instruct", { unitId: c.unit_id, coUnitIds }),
      state, stateLabel: CASE_STATES[state].zh,
    };
  });

  r.get("/api/cases/:id/memo.docx", {
    schema: { tags: ["cases"], summary: "Print the escalation memo (抄告单) as DOCX", params: idParams },
  }, async (req, reply) => {
    const p = authorize(req, "cases.read");
    const { c, coUnitIds } = visibleCase(db, p, req.params.id);
    if (!can(p, "cases.manage", { unitId: c.unit_id, coUnitIds })) throw AppError.forbidden();
    const now = Date.now();
    const memo = db.tx(() => {
      const before = getCaseMemo(db, c.id);
      const row = before ?? insertCaseMemo(db, c.id, Number(localDate(now, tz).slice(0, 4)), p.id, now);
      recordAudit(db, {
        actor: actorOf(p), action: "case.memo", targetType: "case", targetId: c.id,
        summary: { number: memoNumber(row.year, row.seq), reprint: !!before }, ip: req.ip,
      }, now);
      return row;
    });
    const content = contentOf(c, coUnitIds, memoNumber(memo.year, memo.seq));
    const file = await writeCaseMemoDocx(content, officeTime(now, tz));
    reply
      .header("content-type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
      .header("content-disposition", `attachment; filename="case-${c.id}-memo-${memo.year}-${memo.seq}.docx"; filename*=UTF-8''${encodeURIComponent(`舆情抄告单-${memo.year}-${memo.seq}号-工单${c.id}.docx`)}`);
    return reply.send(file);
  });
}
