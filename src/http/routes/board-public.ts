// /api/public/*: the message board for people without an account — a proof-of-work challenge, leaving
// a message, following it by query code, rating the answer, and the statistics anyone can check.
// Rate limited per client address and for everyone; nothing here reads a session.
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors";
import { TooManyRequests } from "../user-limits";
import { boardMessageByCode } from "../../store/board";
import { getUnit, listUnits } from "../../store/units";
import { newChallenge, powKey, verifyPow } from "../../board/pow";
import { BOARD_RATINGS, rateAnswer, submitMessage } from "../../board/commands";
import { DEFAULT_BLOCK_WORDS, isQueryCode } from "../../board/filter";
import { KeyedBucket } from "../../board/limits";
import { BOARD_STAT_DEFINITIONS, boardStats } from "../../board/stats";
import { officeCalendar } from "../../cases/calendar";
import { localDate } from "../../shared/working-calendar";
import { periodBounds } from "../../cases/stats-period";
import type { RouteDeps } from "../context";
import { errorBody } from "../schemas";
import { challengeView, publicMessageView, statsQuery, submissionBody } from "../board-schemas";
import { iso } from "../../shared/iso";

const STATUS_ZH: Record<string, string> = { held: "待审核", accepted: "已受理", rejected: "不予受理", answered: "已答复" };
const codeParams = z.object({ queryCode: z.string().max(20) });

/** Public board routes. */
export async function boardPublicRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;
  const hmacKey = powKey(deps.alerts.key);
  const perIp = new KeyedBucket(config.boardIpPerMinute / 60, Math.max(2, Math.ceil(config.boardIpPerMinute)));
  const global = new KeyedBucket(config.boardGlobalPerSecond, Math.max(2, Math.ceil(config.boardGlobalPerSecond)));
  // Challenges cost the server little, but are bounded too (ten per message allowed).
  const challenges = new KeyedBucket((config.boardIpPerMinute * 10) / 60, Math.max(10, Math.ceil(config.boardIpPerMinute * 10)));
  const limit = (bucket: KeyedBucket, key: string) => {
    const wait = bucket.take(key);
    if (wait) throw new TooManyRequests(wait);
  };
  const clientOf = (req: FastifyRequest) => req.ip;

  // Units a message may be addressed to: public bodies' names, nothing else.
  r.get("/api/public/units", {
    schema: { tags: ["board"], response: { 200: z.object({ units: z.array(z.object({ id: z.number(), name: z.string() })) }) } },
  }, async () => ({ units: listUnits(db).map((u) => ({ id: u.id, name: u.name })) }));

  r.get("/api/public/challenge", {
    schema: { tags: ["board"], response: { 200: challengeView, 429: errorBody } },
  }, async (req, reply) => {
    limit(challenges, clientOf(req));
    void reply.header("cache-control", "no-store");
    return newChallenge(hmacKey, config.boardPowMaxNumber);
  });

  r.post("/api/public/messages", {
    bodyLimit: 64 * 1024,
    schema: { tags: ["board"], body: submissionBody, response: { 201: z.object({ queryCode: z.string(), status: z.string() }), 400: errorBody, 429: errorBody } },
  }, async (req, reply) => {
    limit(perIp, clientOf(req));
    limit(global, "*");
    const b = req.body;
    const pow = await verifyPow(hmacKey, b.altcha);
    if (!pow) throw AppError.validation({ altcha: "board.pow_invalid" });
    if (b.unitId !== undefined && !getUnit(db, b.unitId)) throw AppError.validation({ unitId: "cases.unknown_unit" });
    const out = submitMessage(db, { key: deps.alerts.key, cal: officeCalendar(db, config), answerDays: config.boardAnswerDays, blockWords: [...DEFAULT_BLOCK_WORDS, ...config.boardBlockWords] }, {
      category: b.category, title: b.title, text: b.text, contact: b.contact, anonymous: b.anonymous, unitId: b.unitId,
    }, pow);
    if (!out.ok) throw AppError.validation({ altcha: out.code });
    return reply.code(201).send({ queryCode: out.queryCode, status: out.status });
  });

  r.get("/api/public/messages/:queryCode", {
    schema: { tags: ["board"], params: codeParams, response: { 200: publicMessageView, 404: errorBody, 429: errorBody } },
  }, async (req) => {
    // Lookups are limited like challenges, so query codes cannot be guessed at speed.
    limit(challenges, clientOf(req));
    const code = req.params.queryCode.toUpperCase();
    const m = isQueryCode(code) ? boardMessageByCode(db, code) : undefined;
    if (!m) throw AppError.notFound("board message");
    const unitName = m.answer_unit_id != null ? getUnit(db, m.answer_unit_id)?.name ?? "" : "";
    return {
      status: m.status as "held" | "accepted" | "rejected" | "answered", statusLabel: STATUS_ZH[m.status] ?? m.status, category: m.category as never,
      title: m.title, createdAt: iso(m.created_at)!, moderationReason: m.status === "rejected" ? m.moderation_reason : null, dueAt: iso(m.due_at),
      answer: m.status === "answered" && m.answer_text ? { text: m.answer_text, unitName: unitName || "本单位", answeredAt: iso(m.answered_at)! } : null,
      rating: (m.rating as (typeof BOARD_RATINGS)[number] | null) ?? null,
    };
  });

  r.post("/api/public/messages/:queryCode/rating", {
    schema: { tags: ["board"], params: codeParams, body: z.object({ rating: z.enum(BOARD_RATINGS) }), response: { 204: z.null(), 404: errorBody, 409: errorBody, 429: errorBody } },
  }, async (req, reply) => {
    limit(perIp, clientOf(req));
    const code = req.params.queryCode.toUpperCase();
    const out = isQueryCode(code) ? rateAnswer(db, code, req.body.rating) : "not_found";
    if (out === "not_found") throw AppError.notFound("board message");
    if (out !== "ok") throw AppError.conflict(out);
    return reply.code(204).send(null);
  });

  r.get("/api/public/stats", {
    schema: {
      tags: ["board"], querystring: statsQuery,
      response: {
        200: z.object({
          from: z.string(), to: z.string(), generatedAt: z.string(), definitions: z.record(z.string(), z.string()),
          units: z.array(z.object({
            unitId: z.number().nullable(), unitName: z.string(), valid: z.number(), answered: z.number(), answeredRate: z.number().nullable(),
            due: z.number(), onTime: z.number(), onTimeRate: z.number().nullable(), rated: z.number(), satisfied: z.number(),
            satisfactionRate: z.number().nullable(), medianHoursToAnswer: z.number().nullable(),
          })),
        }),
        400: errorBody,
      },
    },
  }, async (req) => {
    const now = Date.now();
    const today = localDate(now, config.timeZone);
    const from = req.query.from ?? `${today.slice(0, 4)}-01-01`;
    const to = req.query.to ?? today;
    if (to < from) throw AppError.validation({ to: "board.bad_period" });
    // Dates are whole days in the office's time zone; `to` is inclusive.
    const { start, end } = periodBounds({ from, to }, config.timeZone);
    return { from, to, generatedAt: new Date(now).toISOString(), definitions: { ...BOARD_STAT_DEFINITIONS }, units: boardStats(db, start, end, now) };
  });
}
