// /api/alert-rules: rule CRUD; every change reloads the rules the analysis evaluates.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors";
import { recordAudit } from "../../store/audit";
import { deleteRule, getRule, insertRule, listChannels, listRules, updateRule, type RuleInput, type RuleRow } from "../../store/alert-config";
import { setRuleRecipients, type RuleRecipientsInput } from "../../store/alert-config";
import { enabledUserIds } from "../../store/duty";
import { getUnit } from "../../store/units";
import { getWatch } from "../../store/watches";
import { reloadRules } from "../../alerts/outbox";
import type { AlertSeverity } from "../../alerts/channels/types";
import type { Db } from "../../db/connection";
import { actorOf, authorize, type RouteDeps } from "../context";
import { errorBody, idParams } from "../schemas";
import { ruleBody, ruleView } from "../alert-schemas";

const iso = (ms: number) => new Date(ms).toISOString();

function present(r: RuleRow): z.infer<typeof ruleView> {
  return {
    id: r.id, name: r.name, trigger: "watch", watchId: r.watch_id ?? 0, watchName: r.watch_name, severity: r.severity as AlertSeverity,
    channelIds: JSON.parse(r.channel_ids) as number[], enabled: !!r.enabled, onlyNegative: !!r.only_negative,
    maxSourcePriority: r.max_source_priority, minReposts: r.min_reposts, quietStart: r.quiet_start, quietEnd: r.quiet_end,
    foldSeconds: r.fold_seconds, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
    userIds: JSON.parse(r.recipient_user_ids) as number[], onDuty: !!r.on_duty, dutyUnitId: r.duty_unit_id,
  };
}

function check(db: Db, b: RuleInput): void {
  if (!getWatch(db, b.watchId)) throw AppError.validation({ watchId: "alerts.unknown_watch" });
  const known = new Set(listChannels(db).map((c) => c.id));
  const unknown = b.channelIds.filter((id) => !known.has(id));
  if (unknown.length) throw AppError.validation({ channelIds: { code: "alerts.unknown_channel", params: { ids: unknown.join(", ") } } });
  if ((b.quietStart == null) !== (b.quietEnd == null)) throw AppError.validation({ quietEnd: "alerts.quiet_pair" });
}

function checkRecipients(db: Db, r: RuleRecipientsInput): void {
  const ok = new Set(enabledUserIds(db, r.userIds));
  const missing = r.userIds.filter((id) => !ok.has(id));
  if (missing.length) throw AppError.validation({ userIds: { code: "alerts.unknown_user", params: { ids: missing.join(", ") } } });
  if (r.dutyUnitId != null && !getUnit(db, r.dutyUnitId)) throw AppError.validation({ dutyUnitId: "duty.unknown_unit" });
}

/** Rule routes. */
export async function alertRuleRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.get("/api/alert-rules", {
    schema: { tags: ["alerts"], response: { 200: z.object({ rules: z.array(ruleView) }) } },
  }, async (req) => {
    authorize(req, "alerts.read");
    return { rules: listRules(db).map(present) };
  });

  r.post("/api/alert-rules", {
    schema: { tags: ["alerts"], body: ruleBody, response: { 201: ruleView, 400: errorBody } },
  }, async (req, reply) => {
    const p = authorize(req, "alerts.manage");
    const b: RuleInput & RuleRecipientsInput = { ...req.body, channelIds: [...new Set(req.body.channelIds)], userIds: [...new Set(req.body.userIds)] };
    check(db, b);
    checkRecipients(db, b);
    const id = db.tx(() => {
      const id = insertRule(db, b, p.id);
      setRuleRecipients(db, id, b);
      recordAudit(db, { actor: actorOf(p), action: "alert_rule.create", targetType: "alert_rule", targetId: id, summary: { ...b }, ip: req.ip });
      return id;
    });
    reloadRules(db);
    return reply.code(201).send(present(getRule(db, id)!));
  });

  r.patch("/api/alert-rules/:id", {
    schema: { tags: ["alerts"], params: idParams, body: ruleBody.partial(), response: { 200: ruleView, 400: errorBody, 404: errorBody } },
  }, async (req) => {
    const p = authorize(req, "alerts.manage");
    const old = getRule(db, req.params.id);
    if (!old) throw AppError.notFound("alert rule");
    const cur = present(old);
    const given = Object.fromEntries(Object.entries(req.body).filter(([, v]) => v !== undefined));
    const b: RuleInput & RuleRecipientsInput = { ...cur, ...given, trigger: "watch" };
    check(db, b);
    checkRecipients(db, b);
    db.tx(() => {
      updateRule(db, old.id, b);
      setRuleRecipients(db, old.id, b);
      recordAudit(db, { actor: actorOf(p), action: "alert_rule.update", targetType: "alert_rule", targetId: old.id, summary: given, ip: req.ip });
    });
    reloadRules(db);
    return present(getRule(db, old.id)!);
  });

  r.delete("/api/alert-rules/:id", {
    schema: { tags: ["alerts"], params: idParams, response: { 204: z.null(), 404: errorBody } },
  }, async (req, reply) => {
    const p = authorize(req, "alerts.manage");
    const old = getRule(db, req.params.id);
    if (!old) throw AppError.notFound("alert rule");
    db.tx(() => {
      deleteRule(db, old.id);
      recordAudit(db, { actor: actorOf(p), action: "alert_rule.delete", targetType: "alert_rule", targetId: old.id, summary: { name: old.name }, ip: req.ip });
    });
    reloadRules(db);
    return reply.code(204).send(null);
  });
}
