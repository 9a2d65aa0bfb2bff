// /api/placement-proposals (疑似已刊发): ledger items matching approved news drafts, proposed as
// placements; confirm (creates the placement), dismiss, the spread (reposts) of a draft, and scan now.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { dayField } from "../publicity-schemas";
import { recordAudit } from "../../store/audit";
import { decideProposal, getProposal, listProposals, spreadCounts, type ProposalRow } from "../../store/placement-proposals";
import { runProposalScan } from "../../jobs/publicity-proposals";
import { confirmProposal, notPending, proposalNotFound } from "../../publicity/proposals-confirm";
import { actorOf, authorize, type RouteDeps } from "../context";
import { errorBody, idParams, name, text } from "../schemas";
import { iso } from "../../shared/iso";

const PROPOSAL_STATES = ["pending", "confirmed", "dismissed", "spread"] as const;

const proposalView = z.object({
  id: z.number(), state: z.enum(PROPOSAL_STATES), similarity: z.number(),
  submission: z.object({ id: z.number(), title: z.string(), unitId: z.number(), unitName: z.string().nullable() }),
  item: z.object({ id: z.number(), title: z.string().nullable(), url: z.string().nullable(), sourceName: z.string().nullable(), publishedAt: z.string().nullable() }),
  outletId: z.number().nullable(), outletName: z.string().nullable(), placementId: z.number().nullable(),
  decidedAt: z.string().nullable(), createdAt: z.string(),
});

/** The API shape of a proposal. */
export type ProposalView = z.infer<typeof proposalView>;

function present(r: ProposalRow): ProposalView {
  return {
    id: r.id, state: r.state as ProposalView["state"], similarity: r.similarity,
    submission: { id: r.submission_id, title: r.submission_title, unitId: r.submission_unit_id, unitName: r.unit_name },
    item: { id: r.item_id, title: r.item_title, url: r.item_url, sourceName: r.source_name, publishedAt: iso(r.item_published_at ?? r.item_fetched_at) },
    outletId: r.outlet_id, outletName: r.outlet_name, placementId: r.placement_id, decidedAt: iso(r.decided_at), createdAt: iso(r.created_at),
  };
}

const confirmBody = z.object({
  outletId: z.number().int().positive().optional(),
  genre: name(20).optional(),
  slot: name(30).optional(),
  publishedOn: dayField.optional(),
  authors: z.array(z.object({ name: name(50), share: z.number().min(0).max(1).nullable().optional(), correspondentId: z.number().int().positive().nullable().optional() }))
    .min(1).max(20).optional(),
  note: text(500).optional(),
}).strict();

/** Placement proposal routes (publicity.manage). */
export async function placementProposalRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;

  r.get("/api/placement-proposals", {
    schema: {
      tags: ["publicity"], summary: "Placements proposed by monitoring (疑似已刊发), newest first",
      querystring: z.object({ state: z.enum(PROPOSAL_STATES).default("pending"), submissionId: z.coerce.number().int().positive().optional(), limit: z.coerce.number().int().min(1).max(500).default(200) }),
      response: { 200: z.object({ proposals: z.array(proposalView) }) },
    },
  }, async (req) => {
    authorize(req, "publicity.manage");
    return { proposals: listProposals(db, req.query.state, req.query.limit, req.query.submissionId).map(present) };
  });

  r.get("/api/placement-proposals/spread", {
    schema: {
      tags: ["publicity"], summary: "Spread (转载) of drafts: counts per draft; with submissionId also that draft's reposts",
      querystring: z.object({ submissionId: z.coerce.number().int().positive().optional() }),
      response: {
        200: z.object({
          submissions: z.array(z.object({ submissionId: z.number(), title: z.string(), unitName: z.string().nullable(), count: z.number(), lastAt: z.string().nullable() })),
          count: z.number(), items: z.array(proposalView),
        }),
      },
    },
  }, async (req) => {
    authorize(req, "publicity.manage");
    const { submissionId } = req.query;
    const counts = spreadCounts(db, 500).map((c) => ({ submissionId: c.submission_id, title: c.title, unitName: c.unit_name, count: c.n, lastAt: iso(c.last_at) }));
    const submissions = submissionId ? counts.filter((c) => c.submissionId === submissionId) : counts;
    const items = submissionId ? listProposals(db, "spread", 1000, submissionId).map(present) : [];
    return { submissions, count: submissionId ? (submissions[0]?.count ?? 0) : counts.reduce((n, c) => n + c.count, 0), items };
  });

  r.post("/api/placement-proposals/scan", {
    schema: {
      tags: ["publicity"], summary: "Compare the ledger with the approved drafts now",
      response: { 200: z.object({ scanned: z.number(), proposed: z.number(), spread: z.number() }) },
    },
  }, async (req) => {
    const p = authorize(req, "publicity.manage");
    return runProposalScan(db, { timeZone: config.timeZone, actor: actorOf(p) });
  });

  r.post("/api/placement-proposals/:id/confirm", {
    schema: {
      tags: ["publicity"], summary: "Confirm a proposal: creates the placement (outlet: the guess unless given)",
      params: idParams, body: confirmBody.optional(),
      response: { 201: z.object({ proposal: proposalView, placementId: z.number(), points: z.number() }), 400: errorBody, 404: errorBody, 409: errorBody },
    },
  }, async (req, reply) => {
    const p = authorize(req, "publicity.manage");
    const done = confirmProposal(db, actorOf(p), req.params.id, req.body ?? {}, { timeZone: config.timeZone, ip: req.ip });
    return reply.code(201).send({ proposal: present(getProposal(db, req.params.id)!), placementId: done.placementId, points: done.points });
  });

  r.post("/api/placement-proposals/:id/dismiss", {
    schema: { tags: ["publicity"], summary: "Dismiss a proposal (not our piece)", params: idParams, response: { 200: proposalView, 404: errorBody, 409: errorBody } },
  }, async (req) => {
    const p = authorize(req, "publicity.manage");
    const row = getProposal(db, req.params.id);
    if (!row) throw proposalNotFound();
    db.tx(() => {
      if (!decideProposal(db, row.id, "dismissed", p.id, null, Date.now())) throw notPending();
      recordAudit(db, { actor: actorOf(p), action: "placement_proposal.dismiss", targetType: "placement_proposal", targetId: row.id, summary: { submissionId: row.submission_id, itemId: row.item_id }, ip: req.ip });
    });
    return present(getProposal(db, row.id)!);
  });
}

