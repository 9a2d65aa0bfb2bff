import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, TEST_PASSWORD, type TestApp } from "../../../test/helpers";

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

describe("units, users, roles and audit", () => {
  it("builds a unit tree; a handler sees only their subtree", async () => {
    const admin = await t.userClient("admin");
    const county = (await admin.post("/api/units", { name: "青禾县" })).json();
    const edu = (await admin.post("/api/units", { name: "县教育局", parentId: county.id })).json();
    const school = (await admin.post("/api/units", { name: "第二中学", parentId: edu.id })).json();
    const traffic = (await admin.post("/api/units", { name: "县交通运输局", parentId: county.id })).json();
    const handler = await t.userClient("handler", { unitId: edu.id });
    const seen = (await handler.get("/api/units")).json().units.map((u: { id: number }) => u.id).sort();
    expect(seen).toEqual([edu.id, school.id].sort());
    expect(seen).not.toContain(traffic.id);
    expect((await admin.get("/api/units")).json().units).toHaveLength(4);
  });

  it("refuses to delete a unit in use and to move a unit under itself", async () => {
    const admin = await t.userClient("admin");
    const a = (await admin.post("/api/units", { name: "A" })).json();
    const b = (await admin.post("/api/units", { name: "B", parentId: a.id })).json();
    const del = await admin.del(`/api/units/${a.id}`);
    expect(del.statusCode).toBe(409);
    const move = await admin.patch(`/api/units/${a.id}`, { parentId: b.id });
    expect(move.statusCode).toBe(400);
    expect(move.json().fields.parentId).toBeTruthy();
    expect((await admin.del(`/api/units/${b.id}`)).statusCode).toBe(204);
    // A unit that leads a case is a record of who handled it: refused with a message, not a database error.
    const c = (await admin.post("/api/units", { name: "C" })).json();
    expect((await admin.post("/api/cases", { title: "路灯", unitId: c.id, severity: "general" })).statusCode).toBe(201);
    const inUse = await admin.del(`/api/units/${c.id}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().message).toContain("1 条工单/留言/官方账号记录");
  });

  it("only admins manage users; roles limit what others can do", async () => {
    const admin = await t.userClient("admin");
    const monitor = await t.userClient("monitor");
    const leader = await t.userClient("leader");
    expect((await monitor.get("/api/users")).statusCode).toBe(403);
    expect((await leader.post("/api/sources", { name: "x", kind: "rss", url: "http://127.0.0.1:1/feed" })).statusCode).toBe(403);
    expect((await leader.get("/api/items")).statusCode).toBe(200);
    const contributor = await t.userClient("contributor");
    expect((await contributor.get("/api/items")).statusCode).toBe(403);
    const created = await admin.post("/api/users", { username: "zhang", password: "copper-meadow-5521", role: "handler", displayName: "张三" });
    expect(created.statusCode).toBe(201);
    const dup = await admin.post("/api/users", { username: "zhang", password: "copper-meadow-5521", role: "handler" });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().fields.username).toBeTruthy();
    const bad = await admin.post("/api/users", { username: "x", password: "short", role: "king" });
    expect(Object.keys(bad.json().fields).sort()).toEqual(["password", "role", "username"]);
  });

  it("disabling a user ends their sessions and blocks login", async () => {
    const admin = await t.userClient("admin");
    const m = await t.userClient("monitor", { username: "mon" });
    const id = (await m.get("/api/auth/me")).json().user.id;
    expect((await admin.patch(`/api/users/${id}`, { disabled: true })).statusCode).toBe(200);
    expect((await m.get("/api/auth/me")).statusCode).toBe(401);
    const again = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "mon", password: TEST_PASSWORD } });
    expect(again.statusCode).toBe(401);
  });

  it("audits every mutation with actor, target, summary and IP, filterable and exportable as CSV", async () => {
    const admin = await t.userClient("admin", { username: "root" });
    const unit = (await admin.post("/api/units", { name: "=HYPERLINK(\"x\")" })).json();
    await admin.patch(`/api/units/${unit.id}`, { name: "县卫健委" });
    const page = (await admin.get("/api/audit?action=unit")).json();
    expect(page.entries.map((e: { action: string }) => e.action)).toEqual(["unit.update", "unit.create"]);
    expect(page.entries[0]).toMatchObject({ actorName: "root", targetType: "unit", targetId: String(unit.id), ip: "127.0.0.1" });
    expect(page.entries[0].summary).toContain("县卫健委");
    const csv = await admin.get("/api/audit/export.csv?action=unit.create");
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body).toContain("unit.create");
    // A cell Excel would run as a formula is defused.
    expect(csv.body).not.toMatch(/(^|,)"=HYPERLINK/m);
    const monitor = await t.userClient("monitor");
    expect((await monitor.get("/api/audit")).statusCode).toBe(403);
  });
});
