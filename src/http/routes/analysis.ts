// Repost groups, the user dictionary and the deployment's sentiment model.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { summariseGroup } from "../../analyse/dedup";
import { validateUserWord } from "../../analyse/keywords";
import { AppError } from "../../errors";
import { USER_WORD_KINDS, type SentimentModelView, type UserWordKind } from "../../shared/analysis-api";
import type { Db } from "../../db/connection";
import { recordAudit } from "../../store/audit";
import { groupMembers } from "../../store/analysis";
import { activeModel, correctionCount, correctionExamples } from "../../store/sentiment";
import { deleteUserWord, getUserWord, insertUserWord, listUserWords } from "../../store/user-words";
import { MIN_TRAINING_EXAMPLES, trainAndStore } from "../../monitor/train-sentiment";
import type { LabelledExample } from "../../analyse/sentiment";
import { actorOf, authorize, type AppDeps } from "../context";
import { errorBody, idParams, text } from "../schemas";
import { repostGroupView, sentimentModelView, userWordView } from "../analysis-schemas";
import { iso } from "../../shared/iso";


function modelView(db: Db): SentimentModelView {
  const m = activeModel(db);
  return {
    active: m ? { id: m.id, createdAt: iso(m.created_at), examples: m.examples, source: m.source as "corrections" | "file", holdoutAccuracy: m.holdout_accuracy } : null,
    corrections: correctionCount(db),
  };
}

/** Analysis support routes. */
export async function analysisRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.get("/api/reposts/:group", {
    schema: {
      tags: ["items"], summary: "A repost group: first poster, sources and spread per hour",
      params: z.object({ group: z.string().min(1).max(40) }), response: { 200: repostGroupView, 404: errorBody },
    },
  }, async (req) => {
    authorize(req, "items.read");
    const rows = groupMembers(db, req.params.group);
    if (!rows.length) throw AppError.notFound("repost group");
    const byId = new Map(rows.map((m) => [String(m.id), m]));
    const s = summariseGroup(rows.map((m) => ({ id: String(m.id), source: m.source_name, publishedAt: m.published_at ?? m.fetched_at })));
    const first = byId.get(s.first!.id)!;
    return {
      dupGroup: req.params.group, size: s.size,
      first: { itemId: first.id, title: first.title, sourceName: first.source_name, author: first.author, publishedAt: first.published_at == null ? null : iso(first.published_at) },
      sources: s.sources.map((x) => ({ name: x.source, count: x.copies })),
      timeline: s.timeline.flatMap((h) => Object.entries(h.bySource).map(([source, count]) => ({ hour: iso(h.hourStart), source, count }))),
      members: rows.map((m) => ({ itemId: m.id, title: m.title, sourceName: m.source_name, publishedAt: m.published_at == null ? null : iso(m.published_at), url: m.url })),
    };
  });

  r.get("/api/dictionary", {
    schema: { tags: ["analysis"], response: { 200: z.object({ words: z.array(userWordView) }) } },
  }, async (req) => {
    authorize(req, "analysis.read");
    return { words: listUserWords(db).map((w) => ({ id: w.id, word: w.word, kind: w.kind as UserWordKind, createdAt: iso(w.created_at) })) };
  });

  r.post("/api/dictionary", {
    schema: {
      tags: ["analysis"], body: z.object({ word: text(100), kind: z.enum(USER_WORD_KINDS) }),
      response: { 201: userWordView, 400: errorBody, 409: errorBody },
    },
  }, async (req, reply) => {
    const p = authorize(req, "analysis.write");
    let word: string;
    try {
      word = validateUserWord({ word: req.body.word.trim(), kind: req.body.kind }).word;
    } catch (err) {
      throw AppError.validation({ word: { code: "word.invalid", params: { detail: err instanceof Error ? err.message : "" } } });
    }
    const id = db.tx(() => {
      const id = insertUserWord(db, { word, kind: req.body.kind, createdBy: p.id });
      if (id === null) throw AppError.conflict("word_exists");
      recordAudit(db, { actor: actorOf(p), action: "dictionary.add", targetType: "user_word", targetId: id, summary: { word, kind: req.body.kind }, ip: req.ip });
      return id;
    });
    deps.analysis?.reload();
    const w = getUserWord(db, id)!;
    return reply.code(201).send({ id: w.id, word: w.word, kind: w.kind as UserWordKind, createdAt: iso(w.created_at) });
  });

  r.delete("/api/dictionary/:id", {
    schema: { tags: ["analysis"], params: idParams },
  }, async (req, reply) => {
    const p = authorize(req, "analysis.write");
    db.tx(() => {
      const w = getUserWord(db, req.params.id);
      if (!w) throw AppError.notFound("word");
      deleteUserWord(db, w.id);
      recordAudit(db, { actor: actorOf(p), action: "dictionary.delete", targetType: "user_word", targetId: w.id, summary: { word: w.word }, ip: req.ip });
    });
    deps.analysis?.reload();
    return reply.code(204).send();
  });

  r.get("/api/sentiment/model", {
    schema: { tags: ["analysis"], response: { 200: sentimentModelView } },
  }, async (req) => {
    authorize(req, "analysis.read");
    return modelView(db);
  });

  r.post("/api/sentiment/train", {
    schema: { tags: ["analysis"], summary: "Retrain the sentiment model from analysts' corrections", response: { 200: sentimentModelView, 400: errorBody } },
  }, async (req) => {
    const p = authorize(req, "analysis.write");
    const examples = correctionExamples(db) as LabelledExample[];
    if (examples.length < MIN_TRAINING_EXAMPLES || new Set(examples.map((e) => e.label)).size < 2)
      throw AppError.badRequest("not_enough_examples", { min: MIN_TRAINING_EXAMPLES, have: examples.length });
    db.tx(() => {
      const r2 = trainAndStore(db, examples, "corrections");
      recordAudit(db, { actor: actorOf(p), action: "sentiment.train", targetType: "sentiment_model", targetId: r2.modelId, summary: { examples: r2.examples, holdoutAccuracy: r2.holdoutAccuracy }, ip: req.ip });
    });
    deps.analysis?.reload();
    return modelView(db);
  });
}
