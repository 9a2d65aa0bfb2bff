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
import { getSource } from "../../store/sources";
import { reloadRules } from "../../alerts/outbox";
import type { AlertSeverity } from "../../alerts/channels/types";
import type { RiskLevel, Trigger } from "../../alerts/rules";
import type { Db } from "../../db/connection";
import { actorOf, authorize, type RouteDeps } from "../context";
import { errorBody, idParams } from "../schemas";
import { ruleBody, rulePatch, ruleView } from "../alert-schemas";
import { iso } from "../../shared/iso";


function present(r: RuleRow): z.infer<typeof ruleView> {
  return {
    id: r.id, name: r.name, trigger: r.trigger as Trigger, watchId: r.watch_id, watchName: r.watch_name, severity: r.severity as AlertSeverity,
    channelIds: JSON.parse(r.channel_ids) as number[], enabled: !!r.enabled, onlyNegative: !!r.only_negative,
    maxSourcePriority: r.max_source_priority, minReposts: r.min_reposts, quietStart: r.quiet_start, quietEnd: r.quiet_end,
    foldSeconds: r.fold_seconds, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
    minRisk: r.min_risk as RiskLevel | null, sourceId: r.source_id, sourceName: r.source_name, minFailures: r.min_failures,
    userIds: JSON.parse(r.recipient_user_ids) as number[], onDuty: !!r.on_duty, dutyUnitId: r.duty_unit_id,
  };
}

/** Keeps only the fields a rule's trigger uses (a burst on any event has no watch), with the trigger's defaults. */
function normalise(b: RuleInput): RuleInput {
  const t = b.trigger;
  return {
    ...b,
    watchId: t === "watch" || t === "burst" ? b.watchId : null,
    minRisk: t === "event_risk" ? (b.minRisk ?? "significant") : t === "burst" && b.watchId == null ? (b.minRisk ?? null) : null,
    sourceId: t === "source_unhealthy" ? (b.sourceId ?? null) : null,
    minFailures: t === "source_unhealthy" ? (b.minFailures ?? 3) : null,
  };
}

function check(db: Db, b: RuleInput): void {
  if (b.trigger === "watch" && b.watchId == null) throw AppError.validation({ watchId: "alerts.watch_required" });
  if (b.watchId != null && !getWatch(db, b.watchId)) throw AppError.validation({ watchId: "alerts.unknown_watch" });
  if (b.sourceId != null && !getSource(db, b.sourceId)) throw AppError.validation({ sourceId: "alerts.unknown_source" });
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
    const b: RuleInput & RuleRecipientsInput = { ...normalise({ ...req.body, channelIds: [...new Set(req.body.channelIds)] }), userIds: [...new Set(req.body.userIds)], onDuty: req.body.onDuty, dutyUnitId: req.body.dutyUnitId };
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
    schema: { tags: ["alerts"], params: idParams, body: rulePatch, response: { 200: ruleView, 400: errorBody, 404: errorBody } },
  }, async (req) => {
    const p = authorize(req, "alerts.manage");
    const old = getRule(db, req.params.id);
    if (!old) throw AppError.notFound("alert rule");
    const cur = present(old);
    const given = Object.fromEntries(Object.entries(req.body).filter(([, v]) => v !== undefined));
    const merged = { ...cur, ...given } as RuleInput & RuleRecipientsInput;
    const b: RuleInput & RuleRecipientsInput = { ...normalise(merged), userIds: [...new Set(merged.userIds)], onDuty: merged.onDuty, dutyUnitId: merged.dutyUnitId };
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
