// The interview requests API: registration, the state machine through the API (reasons, order of steps),
// following a request to its placement, who may read and act, audit rows.
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers";
import { insertUnit } from "../../store/units";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function setup() {
  t = await createTestApp();
  const unit = insertUnit(t.db, "青禾县人民医院", null);
  const office = await t.userClient("spokesperson", { username: "xinwenban" });
  const leader = await t.userClient("leader");
  const contributor = await t.userClient("contributor", { unitId: unit.id });
  const now = Date.now();
  const outlet = Number(t.db.sqlite.prepare("INSERT INTO outlets (name, level, medium, created_at, updated_at) VALUES ('省电视台', 'provincial', 'tv', ?, ?)").run(now, now).lastInsertRowid);
  return { unit, office, leader, contributor, outlet };
}

const request = (unitId: number, extra: Record<string, unknown> = {}) => ({
  unitId, outletName: "市日报", reporter: "陈记者", pressCard: "B11000012345", contact: "13700000000", topic: "县医院医共体改革",
  requestedFor: "2026-12-10T09:00:00+08:00", peopleAsked: "院长", ...extra,
});

describe("interview requests API", () => {
  it("takes a request from registration through approval and scheduling to done, linked to its placement", async () => {
    const { unit, office, leader, contributor, outlet } = await setup();
    const created = await office.post("/api/interviews", request(unit.id, { outletId: outlet, outletName: undefined }));
    expect(created.statusCode, created.body).toBe(201);
    const i = created.json();
    expect(i).toMatchObject({ state: "requested", outletName: "省电视台", unitName: "青禾县人民医院", pressCard: "B11000012345", actions: ["approve", "decline", "cancel"] });

    // Not yet approved: cannot be scheduled.
    const early = await office.post(`/api/interviews/${i.id}/schedule`, { scheduledAt: "2026-12-10T09:30:00+08:00", place: "医院会议室" });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe("interviews.bad_state");

    expect((await office.post(`/api/interviews/${i.id}/approve`, {})).json()).toMatchObject({ state: "approved" });
    const sch = await office.post(`/api/interviews/${i.id}/schedule`, { scheduledAt: "2026-12-10T09:30:00+08:00", place: "医院会议室", accompaniedBy: "宣传科 李科长" });
    expect(sch.statusCode, sch.body).toBe(200);
    expect(sch.json()).toMatchObject({ state: "scheduled", place: "医院会议室", accompaniedBy: "宣传科 李科长", scheduledAt: "2026-12-10T01:30:00.000Z" });
    expect((await office.post(`/api/interviews/${i.id}/done`, {})).json()).toMatchObject({ state: "done", actions: ["link"] });

    const now = Date.now();
    const placement = Number(t!.db.sqlite.prepare("INSERT INTO placements (title, outlet_id, genre, published_on, unit_id, created_at, updated_at) VALUES ('医共体让群众少跑路', ?, 'video', '2026-12-12', ?, ?, ?)")
      .run(outlet, unit.id, now, now).lastInsertRowid);
    expect((await office.post(`/api/interviews/${i.id}/placement`, { placementId: 99999 })).statusCode).toBe(400);
    const linked = await office.post(`/api/interviews/${i.id}/placement`, { placementId: placement });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({ state: "done", placementId: placement, placementTitle: "医共体让群众少跑路" });
    expect(t!.db.sqlite.prepare("SELECT interview_id FROM placements WHERE id = ?").pluck().get(placement)).toBe(i.id);

    // Another request cannot claim the same placement.
    const second = (await office.post("/api/interviews", request(unit.id))).json().id;
    await office.post(`/api/interviews/${second}/approve`, { reason: "同意" });
    expect((await office.post(`/api/interviews/${second}/placement`, { placementId: placement })).statusCode).toBe(409);

    // The leader reads the list with the reporter's details; unit staff read nothing and act on nothing.
    const seen = (await leader.get("/api/interviews?state=done")).json().interviews;
    expect(seen).toMatchObject([{ id: i.id, contact: "13700000000" }]);
    expect((await leader.post(`/api/interviews/${second}/cancel`, { reason: "改期" })).statusCode).toBe(403);
    expect((await contributor.get("/api/interviews")).statusCode).toBe(403);
    expect((await contributor.post("/api/interviews", request(unit.id))).statusCode).toBe(403);

    const rows = t!.db.sqlite.prepare("SELECT action, actor_name FROM audit_log WHERE target_type = 'interview_request' AND target_id = ? ORDER BY id").all(String(i.id));
    expect(rows).toEqual(["interview.create", "interview.approve", "interview.schedule", "interview.done", "interview.link"].map((action) => ({ action, actor_name: "xinwenban" })));
  });

  it("needs a reason to decline or cancel, and closed requests take no further step", async () => {
    const { unit, office } = await setup();
    const id = (await office.post("/api/interviews", request(unit.id))).json().id;
    const bare = await office.post(`/api/interviews/${id}/decline`, {});
    expect(bare.statusCode).toBe(400);
    expect(bare.json().fields).toHaveProperty("reason");
    expect((await office.post(`/api/interviews/${id}/decline`, { reason: "  " })).statusCode).toBe(400);
    const declined = await office.post(`/api/interviews/${id}/decline`, { reason: "涉及未结案件，暂不宜接受采访" });
    expect(declined.json()).toMatchObject({ state: "declined", decisionReason: "涉及未结案件，暂不宜接受采访", actions: [] });
    expect((await office.post(`/api/interviews/${id}/approve`, {})).statusCode).toBe(409);

    const other = (await office.post("/api/interviews", request(unit.id))).json().id;
    await office.post(`/api/interviews/${other}/approve`, {});
    expect((await office.post(`/api/interviews/${other}/cancel`, {})).statusCode).toBe(400);
    expect((await office.post(`/api/interviews/${other}/cancel`, { reason: "记者改期" })).json()).toMatchObject({ state: "cancelled", cancelReason: "记者改期" });
    expect((await office.post(`/api/interviews/${other}/done`, {})).statusCode).toBe(409);

    // Registration needs an outlet (on file or by name) and a known unit.
    expect((await office.post("/api/interviews", request(unit.id, { outletName: undefined }))).statusCode).toBe(400);
    expect((await office.post("/api/interviews", request(999))).statusCode).toBe(400);
    expect((await office.get(`/api/interviews?state=cancelled&unitId=${unit.id}`)).json().interviews.map((x: { id: number }) => x.id)).toEqual([other]);
    const reasons = t!.db.sqlite.prepare("SELECT summary FROM audit_log WHERE action IN ('interview.decline', 'interview.cancel') ORDER BY id").pluck().all() as string[];
    expect(reasons.map((s) => JSON.parse(s).reason)).toEqual(["涉及未结案件，暂不宜接受采访", "记者改期"]);
  });

  it("registers the published piece from a request as a placement with its points, and the request is done", async () => {
    const { unit, office, outlet } = await setup();
    const id = (await office.post("/api/interviews", request(unit.id))).json().id;
    const piece = { title: "医共体让群众少跑路", outletId: outlet, genre: "video", publishedOn: "2025-06-01", authors: [{ name: "陈记者" }] };
    // Not yet approved: no placement is made.
    expect((await office.post(`/api/interviews/${id}/placement`, piece)).statusCode).toBe(409);
    expect(t!.db.sqlite.prepare("SELECT count(*) FROM placements").pluck().get()).toBe(0);

    await office.post(`/api/interviews/${id}/approve`, {});
    await office.post(`/api/interviews/${id}/schedule`, { scheduledAt: "2025-05-30T09:30:00+08:00", place: "医院会议室" });
    expect((await office.post(`/api/interviews/${id}/placement`, { ...piece, outletId: 9999 })).statusCode).toBe(400);
    const res = await office.post(`/api/interviews/${id}/placement`, piece);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ state: "done", placementTitle: "医共体让群众少跑路" });
    expect(body.placement.points).toBeGreaterThan(0);
    expect(t!.db.sqlite.prepare("SELECT interview_id, unit_id FROM placements WHERE id = ?").get(body.placement.id)).toEqual({ interview_id: id, unit_id: unit.id });
    expect(body.placementId).toBe(body.placement.id);
    const actions = t!.db.sqlite.prepare("SELECT action FROM audit_log WHERE action IN ('placement.create', 'interview.link') ORDER BY id").pluck().all();
    expect(actions).toEqual(["placement.create", "interview.link"]);
  });
});
