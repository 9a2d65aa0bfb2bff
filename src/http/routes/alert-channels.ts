// /api/alert-channels: channel CRUD (secrets encrypted at rest, masked in answers and the audit log) and
// "send test message".
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors";
import { recordAudit } from "../../store/audit";
import { deleteChannel, getChannel, insertChannel, listChannels, rulesUsingChannel, updateChannel, type ChannelRow } from "../../store/alert-config";
import { encryptSecret, maskUrl, MASK, openUrl, sealUrl } from "../../alerts/secrets";
import { channelSettings } from "../../alerts/dispatcher";
import { reloadRules } from "../../alerts/outbox";
import type { AlertMessage, ChannelKind } from "../../alerts/channels/types";
import { isIpLiteral, isUrlPermittedBeforeLookup, parseAllowList } from "../../ingest";
import { actorOf, authorize, type RouteDeps } from "../context";
import { errorBody, idParams } from "../schemas";
import { channelBody, channelPatch, channelView } from "../alert-schemas";
import { iso } from "../../shared/iso";


/** A channel as the API shows it: secret and URL tokens masked. */
function present(key: Buffer, c: ChannelRow): z.infer<typeof channelView> {
  return {
    id: c.id, name: c.name, kind: c.kind as ChannelKind, url: c.url ? maskUrl(openUrl(key, c.url)) : null, secret: c.secret_enc ? MASK : null,
    options: JSON.parse(c.options) as Record<string, unknown>, enabled: !!c.enabled, createdAt: iso(c.created_at), updatedAt: iso(c.updated_at),
  };
}

/** Channel routes. */
export async function alertChannelRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const key = deps.alerts.key;
  const allow = parseAllowList(deps.config.fetchAllowHosts);

  // Field errors of settings that cannot work (the module's own check, and the fetch guard's for IP literals).
  function check(b: z.infer<typeof channelBody>, secret: string | undefined): void {
    const needsUrl = b.kind !== "inapp" && b.kind !== "email";
    if (needsUrl && !b.url) throw AppError.validation({ url: "alerts.url_required" });
    const module = deps.alerts.channels.get(b.kind);
    const fields = module?.validate({ kind: b.kind, url: b.url, secret, options: b.options });
    if (fields) throw AppError.validation(fields);
    if (b.url) {
      let u: URL;
      try {
        u = new URL(b.url);
      } catch {
        throw AppError.validation({ url: "alerts.bad_channel_url" });
      }
      if (isIpLiteral(u.hostname) && !isUrlPermittedBeforeLookup(allow, u)) throw AppError.validation({ url: "fetch.blocked_address" });
    }
  }

  r.get("/api/alert-channels", {
    schema: { tags: ["alerts"], response: { 200: z.object({ channels: z.array(channelView) }) } },
  }, async (req) => {
    authorize(req, "alerts.manage");
    return { channels: listChannels(db).map((c) => present(key, c)) };
  });

  r.post("/api/alert-channels", {
    schema: { tags: ["alerts"], body: channelBody, response: { 201: channelView, 400: errorBody } },
  }, async (req, reply) => {
    const p = authorize(req, "alerts.manage");
    const b = req.body;
    const secret = b.secret && b.secret !== MASK ? b.secret : undefined;
    check(b, secret);
    const id = db.tx(() => {
      const id = insertChannel(db, { name: b.name, kind: b.kind, url: b.url ? sealUrl(key, b.url) : null, secretEnc: secret ? encryptSecret(deps.alerts.key, secret) : null, options: b.options, enabled: b.enabled }, p.id);
      recordAudit(db, { actor: actorOf(p), action: "alert_channel.create", targetType: "alert_channel", targetId: id, summary: { name: b.name, kind: b.kind, url: b.url ? maskUrl(b.url) : null, secret: secret ? MASK : null }, ip: req.ip });
      return id;
    });
    return reply.code(201).send(present(key, getChannel(db, id)!));
  });

  r.patch("/api/alert-channels/:id", {
    schema: { tags: ["alerts"], params: idParams, body: channelPatch, response: { 200: channelView, 400: errorBody, 404: errorBody } },
  }, async (req) => {
    const p = authorize(req, "alerts.manage");
    const old = getChannel(db, req.params.id);
    if (!old) throw AppError.notFound("alert channel");
    const cur = present(key, old);
    const storedUrl = old.url ? openUrl(key, old.url) : undefined;
    // The masked URL the API showed stands for the stored one.
    const url = req.body.url === undefined || req.body.url === cur.url ? storedUrl : req.body.url;
    const b = { name: req.body.name ?? cur.name, kind: req.body.kind ?? cur.kind, url, options: req.body.options ?? cur.options, enabled: req.body.enabled ?? cur.enabled };
    // Absent or the mask: keep the stored secret; "": remove it.
    const given = req.body.secret;
    const secretEnc = given === undefined || given === MASK ? undefined : given === "" ? null : encryptSecret(deps.alerts.key, given);
    check(b, given && given !== MASK ? given : undefined);
    db.tx(() => {
      updateChannel(db, old.id, { ...b, url: b.url ? sealUrl(key, b.url) : null, secretEnc });
      recordAudit(db, {
        actor: actorOf(p), action: "alert_channel.update", targetType: "alert_channel", targetId: old.id,
        summary: { ...req.body, ...(req.body.url ? { url: maskUrl(req.body.url) } : {}), ...(given !== undefined ? { secret: given === "" ? null : MASK } : {}) }, ip: req.ip,
      });
    });
    reloadRules(db);
    return present(key, getChannel(db, old.id)!);
  });

  r.delete("/api/alert-channels/:id", {
    schema: { tags: ["alerts"], params: idParams, response: { 204: z.null(), 404: errorBody, 409: errorBody } },
  }, async (req, reply) => {
    const p = authorize(req, "alerts.manage");
    const old = getChannel(db, req.params.id);
    if (!old) throw AppError.notFound("alert channel");
    const users = rulesUsingChannel(db, old.id);
    if (users.length) throw AppError.conflict("alerts.channel_in_use", { rules: users.join("、") });
    db.tx(() => {
      deleteChannel(db, old.id);
      recordAudit(db, { actor: actorOf(p), action: "alert_channel.delete", targetType: "alert_channel", targetId: old.id, summary: { name: old.name, kind: old.kind }, ip: req.ip });
    });
    return reply.code(204).send(null);
  });

  r.post("/api/alert-channels/:id/test", {
    schema: {
      tags: ["alerts"], summary: "Send a test message through the channel now",
      params: idParams, response: { 200: z.object({ ok: z.boolean(), error: z.string().nullable() }), 404: errorBody },
    },
  }, async (req) => {
    const p = authorize(req, "alerts.manage");
    const settings = channelSettings(db, deps.alerts.key, req.params.id);
    if (typeof settings === "string") throw AppError.notFound("alert channel");
    const now = new Date();
    const message: AlertMessage = {
      id: 0, severity: "general", title: "【测试】听风预警渠道测试消息", reason: "这是一条测试消息，用于确认渠道配置正确，无需处理。",
      url: `${deps.config.publicUrl}/alerts`, items: [], createdAt: now.toISOString(), count: 1,
    };
    const module = deps.alerts.channels.get(settings.kind);
    let error: string | null = module ? null : "渠道模块未安装";
    if (module)
      try {
        await module.send(settings, message, { timeoutMs: deps.config.alertTimeoutMs });
      } catch (err) {
        error = err instanceof Error ? err.message : String(err);
      }
    recordAudit(db, { actor: actorOf(p), action: "alert_channel.test", targetType: "alert_channel", targetId: req.params.id, summary: { ok: !error, error }, ip: req.ip });
    return { ok: !error, error };
  });
}
