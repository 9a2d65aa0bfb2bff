// /api/trainings: training classes (培训班) for correspondents, with their attendees and hours. Everyone
// who reads the roster sees the classes (unit staff only their own units' attendees); the office keeps them.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { unitScope, type Principal } from "../../accounts/policies";
import type { Db } from "../../db/connection";
import { unitNames } from "../../store/units";
import { attendeesOf, listTrainings, type TrainingRow } from "../../store/trainings";
import { listCorrespondents } from "../../store/correspondents";
import { createTraining, editTraining, removeTraining, setTrainingAttendees, trainingOr404 } from "../../publicity/roster";
import { iso } from "../../shared/iso";
import { actorOf, authorize, type RouteDeps } from "../context";
import { errorBody, idParams } from "../schemas";
import { attendeesBody, trainingBody, trainingPatch, trainingView } from "../people-schemas";

/** Classes as the API shows them to `p`, with the attendees they may see. */
function present(db: Db, p: Principal, rows: TrainingRow[]): z.infer<typeof trainingView>[] {
  const attendees = attendeesOf(db, rows.map((t) => t.id));
  const units = unitNames(db);
  const people = new Map(listCorrespondents(db, { units: unitScope(p) }).map((c) => [c.id, c]));
  return rows.map((t) => ({
    id: t.id, heldOn: t.held_on, topic: t.topic, organiser: t.organiser, place: t.place, hours: t.hours, createdAt: iso(t.created_at),
    attendees: (attendees.get(t.id) ?? []).flatMap((a) => {
      const c = people.get(a.correspondentId);
      return c ? [{ correspondentId: a.correspondentId, name: c.name, unitName: units.get(c.unit_id) ?? null, hours: a.hours }] : [];
    }),
  }));
}

const everyone = (ids: readonly number[]) => ids.map((correspondentId) => ({ correspondentId, hours: null }));

/** Training class routes. */
export async function trainingRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const tags = ["publicity"];
  const one = (p: Principal, id: number) => present(db, p, [trainingOr404(db, id)])[0];

  r.get("/api/trainings", {
    schema: { tags, response: { 200: z.object({ trainings: z.array(trainingView) }) } },
  }, async (req) => {
    const p = authorize(req, "publicity.read");
    return { trainings: present(db, p, listTrainings(db)) };
  });

  r.get("/api/trainings/:id", {
    schema: { tags, params: idParams, response: { 200: trainingView, 404: errorBody } },
  }, async (req) => one(authorize(req, "publicity.read"), req.params.id));

  r.post("/api/trainings", {
    schema: { tags, body: trainingBody, response: { 201: trainingView, 400: errorBody, 403: errorBody } },
  }, async (req, reply) => {
    const p = authorize(req, "publicity.manage");
    const { attendeeIds, ...t } = req.body;
    const id = createTraining(db, actorOf(p), t, everyone(attendeeIds), req.ip);
    return reply.code(201).send(one(p, id));
  });

  r.patch("/api/trainings/:id", {
    schema: { tags, params: idParams, body: trainingPatch, response: { 200: trainingView, 400: errorBody, 403: errorBody, 404: errorBody } },
  }, async (req) => {
    const p = authorize(req, "publicity.manage");
    const old = trainingOr404(db, req.params.id);
    const { attendeeIds, ...rest } = req.body;
    const given = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    // Attendees named again keep the part hours they had; new ones count the class's hours.
    let attendees: { correspondentId: number; hours: number | null }[] | undefined;
    if (attendeeIds) {
      const had = new Map((attendeesOf(db, [old.id]).get(old.id) ?? []).map((a) => [a.correspondentId, a.hours]));
      attendees = attendeeIds.map((correspondentId) => ({ correspondentId, hours: had.get(correspondentId) ?? null }));
    }
    editTraining(db, actorOf(p), old, given, attendees, req.ip);
    return one(p, old.id);
  });

  r.put("/api/trainings/:id/attendees", {
    schema: { tags, params: idParams, body: attendeesBody, response: { 200: trainingView, 400: errorBody, 403: errorBody, 404: errorBody } },
  }, async (req) => {
    const p = authorize(req, "publicity.manage");
    const t = trainingOr404(db, req.params.id);
    setTrainingAttendees(db, actorOf(p), t, req.body.attendees.map((a) => ({ correspondentId: a.correspondentId, hours: a.hours ?? null })), req.ip);
    return one(p, t.id);
  });

  r.delete("/api/trainings/:id", {
    schema: { tags, params: idParams, response: { 204: z.null(), 403: errorBody, 404: errorBody } },
  }, async (req, reply) => {
    const p = authorize(req, "publicity.manage");
    removeTraining(db, actorOf(p), trainingOr404(db, req.params.id), req.ip);
    return reply.code(204).send(null);
  });
}
