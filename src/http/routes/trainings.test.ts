// The training classes API: classes with attendees and part hours, edits that keep part hours, deletion, permissions.
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers";
import { insertUnit } from "../../store/units";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe("training classes API", () => {
  it("keeps classes with their attendees, and each person's hours follow edits", async () => {
    t = await createTestApp();
    const town = insertUnit(t.db, "柳河镇", null);
    const other = insertUnit(t.db, "石桥镇", null);
    const office = await t.userClient("spokesperson", { username: "office" });
    const contributor = await t.userClient("contributor", { unitId: town.id });
    const a = (await office.post("/api/correspondents", { unitId: town.id, name: "王小林" })).json().id;
    const b = (await office.post("/api/correspondents", { unitId: other.id, name: "赵敏" })).json().id;

    expect((await office.post("/api/trainings", { heldOn: "2026-04-10", topic: "新闻写作", hours: 6, attendeeIds: [a, 999] })).statusCode).toBe(400);
    const c = await office.post("/api/trainings", { heldOn: "2026-04-10", topic: "新闻写作", organiser: "县委宣传部", place: "县会议中心", hours: 6, attendeeIds: [a, b] });
    expect(c.statusCode, c.body).toBe(201);
    const id = c.json().id;
    await office.request({ method: "PUT", url: `/api/trainings/${id}/attendees`, payload: { attendees: [{ correspondentId: a, hours: 3 }, { correspondentId: b }] } });
    // Changing the class's hours moves those who attended all of it, not the part-timer.
    const p = await office.patch(`/api/trainings/${id}`, { hours: 8, attendeeIds: [a, b] });
    expect(p.statusCode, p.body).toBe(200);
    expect(p.json().attendees).toMatchObject([{ correspondentId: a, hours: 3 }, { correspondentId: b, hours: null }]);
    expect((await office.get(`/api/correspondents/${a}`)).json().training.totalHours).toBe(3);
    expect((await office.get(`/api/correspondents/${b}`)).json().training.totalHours).toBe(8);

    // A town's contributor sees the class but only their own town's attendees, and cannot change it.
    const seen = (await contributor.get("/api/trainings")).json().trainings;
    expect(seen).toMatchObject([{ topic: "新闻写作", attendees: [{ name: "王小林", unitName: "柳河镇" }] }]);
    expect(seen[0].attendees).toHaveLength(1);
    expect((await contributor.patch(`/api/trainings/${id}`, { topic: "改" })).statusCode).toBe(403);
    expect((await contributor.del(`/api/trainings/${id}`)).statusCode).toBe(403);

    expect((await office.del(`/api/trainings/${id}`)).statusCode).toBe(204);
    expect((await office.get(`/api/trainings/${id}`)).statusCode).toBe(404);
    expect((await office.get(`/api/correspondents/${b}`)).json().training.totalHours).toBe(0);
    const actions = (t.db.sqlite.prepare("SELECT action FROM audit_log WHERE target_type = 'training' ORDER BY id").pluck().all() as string[]);
    expect(actions).toEqual(["training.create", "training.attendees", "training.update", "training.delete"]);
  });
});
