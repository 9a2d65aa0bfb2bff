// The correspondents roster API: CRUD by the office, unit scoping and hidden phone numbers for unit staff,
// sync from contributor accounts, a person's record (training hours, recognitions, placements), audit rows.
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
  const county = insertUnit(t.db, "青禾县委宣传部", null);
  const town = insertUnit(t.db, "柳河镇", county.id);
  const other = insertUnit(t.db, "石桥镇", county.id);
  const office = await t.userClient("monitor", { username: "editor", unitId: county.id });
  const contributor = await t.userClient("contributor", { username: "liuhe1", unitId: town.id });
  return { county, town, other, office, contributor };
}

const audits = (action: string) => t!.db.sqlite.prepare("SELECT actor_name, target_id, summary FROM audit_log WHERE action = ?").all(action) as
  { actor_name: string; target_id: string | null; summary: string }[];

describe("correspondents roster API", () => {
  it("adds, edits and lists people by unit; unit staff see only their subtree and no one else's phone", async () => {
    const { town, other, office, contributor } = await setup();
    const a = await office.post("/api/correspondents", {
      unitId: town.id, name: "王小林", position: "党政办干事", phone: "13800000001", kind: "correspondent", recommendedBy: "柳河镇党委",
      duties: "镇内新闻报送", joinedOn: "2026-03-01",
    });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ name: "王小林", unitName: "柳河镇", hasAccount: false, phone: "13800000001", status: "active" });
    const b = await office.post("/api/correspondents", { unitId: other.id, name: "赵敏", phone: "13900000002", kind: "informant" });
    expect(b.statusCode).toBe(201);

    const patched = await office.patch(`/api/correspondents/${a.json().id}`, { status: "suspended", duties: "暂停报送" });
    expect(patched.json()).toMatchObject({ status: "suspended", duties: "暂停报送", position: "党政办干事", phone: "13800000001" });

    const all = (await office.get("/api/correspondents")).json().correspondents;
    expect(all.map((c: { name: string }) => c.name).sort()).toEqual(["王小林", "赵敏"]);
    expect((await office.get("/api/correspondents?kind=informant")).json().correspondents.map((c: { name: string }) => c.name)).toEqual(["赵敏"]);
    expect((await office.get("/api/correspondents?q=王")).json().correspondents).toHaveLength(1);

    // The town's contributor: only the town's people, without their phone numbers; another town's person is not found.
    const seen = (await contributor.get("/api/correspondents")).json().correspondents;
    expect(seen).toMatchObject([{ name: "王小林", phone: null }]);
    expect((await contributor.get(`/api/correspondents?unitId=${other.id}`)).json().correspondents).toEqual([]);
    expect((await contributor.get(`/api/correspondents/${b.json().id}`)).statusCode).toBe(404);
    expect((await contributor.get(`/api/correspondents/${a.json().id}`)).json()).toMatchObject({ name: "王小林", phone: null });

    // And cannot write.
    expect((await contributor.post("/api/correspondents", { unitId: town.id, name: "自荐" })).statusCode).toBe(403);
    expect((await contributor.patch(`/api/correspondents/${a.json().id}`, { status: "active" })).statusCode).toBe(403);
    expect((await contributor.post("/api/correspondents/sync", {})).statusCode).toBe(403);

    expect(audits("correspondent.create")).toHaveLength(2);
    const upd = audits("correspondent.update");
    expect(upd).toMatchObject([{ actor_name: "editor", target_id: String(a.json().id) }]);
    // The audit never carries a phone number.
    expect(audits("correspondent.create").map((r) => r.summary).join()).not.toContain("13800000001");
  });

  it("refuses an unknown unit and an account already on the roster", async () => {
    const { town, office } = await setup();
    expect((await office.post("/api/correspondents", { unitId: 9999, name: "无名" })).statusCode).toBe(400);
    expect((await office.post("/api/correspondents", { unitId: town.id, name: "" })).statusCode).toBe(400);
    const uid = (t!.db.sqlite.prepare("SELECT id FROM users WHERE username = 'liuhe1'").get() as { id: number }).id;
    expect((await office.post("/api/correspondents", { unitId: town.id, name: "刘河", userId: uid })).statusCode).toBe(201);
    const again = await office.post("/api/correspondents", { unitId: town.id, name: "刘河二", userId: uid });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain("刘河");
  });

  it("syncs contributor accounts onto the roster once each, with their unit, skipping accounts without a unit", async () => {
    const { town, other, office } = await setup();
    await t!.userClient("contributor", { username: "shiqiao1", unitId: other.id });
    await t!.userClient("contributor", { username: "nounit" });
    await t!.userClient("handler", { username: "handler1", unitId: town.id });

    const onlyTown = await office.post("/api/correspondents/sync", { unitId: town.id });
    expect(onlyTown.json()).toEqual({ added: 1 });
    expect((await office.post("/api/correspondents/sync", {})).json()).toEqual({ added: 1 });
    expect((await office.post("/api/correspondents/sync", {})).json()).toEqual({ added: 0 });

    const list = (await office.get("/api/correspondents")).json().correspondents;
    expect(list.map((c: { name: string; unitId: number; hasAccount: boolean }) => [c.name, c.unitId, c.hasAccount]).sort()).toEqual([
      ["liuhe1", town.id, true], ["shiqiao1", other.id, true],
    ]);
    expect(audits("correspondent.sync")).toHaveLength(3);
  });

  it("shows a person's training record with total hours, recognitions and placements", async () => {
    const { town, office, contributor } = await setup();
    const id = (await office.post("/api/correspondents", { unitId: town.id, name: "王小林" })).json().id;
    const peer = (await office.post("/api/correspondents", { unitId: town.id, name: "李青" })).json().id;
    const c1 = await office.post("/api/trainings", { heldOn: "2026-04-10", topic: "新闻写作培训", organiser: "县委宣传部", hours: 6, attendeeIds: [id, peer] });
    expect(c1.statusCode, c1.body).toBe(201);
    const c2 = (await office.post("/api/trainings", { heldOn: "2026-06-02", topic: "短视频拍摄", hours: 4, attendeeIds: [peer] })).json();
    // Attended only half of the second class.
    const put = await office.request({ method: "PUT", url: `/api/trainings/${c2.id}/attendees`, payload: { attendees: [{ correspondentId: peer }, { correspondentId: id, hours: 2.5 }] } });
    expect(put.statusCode, put.body).toBe(200);

    const rec = await office.post(`/api/correspondents/${id}/recognitions`, { awardedOn: "2026-01-15", title: "2025 年度优秀通讯员", issuer: "县委宣传部" });
    expect(rec.statusCode).toBe(201);
    const gone = (await office.post(`/api/correspondents/${id}/recognitions`, { awardedOn: "2025-01-15", title: "错录", issuer: "" })).json().id;
    expect((await office.del(`/api/correspondents/${peer}/recognitions/${gone}`)).statusCode).toBe(404);
    expect((await office.del(`/api/correspondents/${id}/recognitions/${gone}`)).statusCode).toBe(204);

    const now = Date.now();
    const outlet = Number(t!.db.sqlite.prepare("INSERT INTO outlets (name, level, medium, created_at, updated_at) VALUES ('市日报', 'city', 'newspaper', ?, ?)").run(now, now).lastInsertRowid);
    const pl = Number(t!.db.sqlite.prepare("INSERT INTO placements (title, outlet_id, genre, published_on, unit_id, created_at, updated_at) VALUES ('柳河镇秋收忙', ?, 'news', '2026-09-20', ?, ?, ?)")
      .run(outlet, town.id, now, now).lastInsertRowid);
    t!.db.sqlite.prepare("INSERT INTO placement_authors (placement_id, position, name, correspondent_id, share) VALUES (?, 0, '王小林', ?, 0.6), (?, 1, '李青', ?, 0.4)").run(pl, id, pl, peer);

    const d = await contributor.get(`/api/correspondents/${id}`);
    expect(d.statusCode).toBe(200);
    const body = d.json();
    expect(body.training.totalHours).toBe(8.5);
    expect(body.training.classes.map((c: { topic: string; hours: number }) => [c.topic, c.hours])).toEqual([["短视频拍摄", 2.5], ["新闻写作培训", 6]]);
    expect(body.recognitions).toMatchObject([{ title: "2025 年度优秀通讯员", issuer: "县委宣传部", awardedOn: "2026-01-15" }]);
    expect(body.placements).toEqual([{ id: pl, title: "柳河镇秋收忙", outlet: "市日报", outletLevel: "city", publishedOn: "2026-09-20", share: 0.6 }]);
    expect((await contributor.post(`/api/correspondents/${id}/recognitions`, { awardedOn: "2026-01-15", title: "自评" })).statusCode).toBe(403);
    expect(audits("correspondent.recognition_add")).toHaveLength(2);
    expect(audits("correspondent.recognition_remove")).toHaveLength(1);
  });
});
