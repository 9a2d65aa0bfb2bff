// The outlet list (媒体库): codes and Chinese names in, codes out; who may read and write; delete only unused.
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe("outlets", () => {
  it("takes codes and Chinese names, lists by filter, refuses writes to contributors and leaders", async () => {
    t = await createTestApp();
    const admin = await t.userClient("admin");
    const monitor = await t.userClient("monitor");
    const unit = (await admin.post("/api/units", { name: "县教育局" })).json();
    const contributor = await t.userClient("contributor", { unitId: unit.id });
    const leader = await t.userClient("leader");

    const a = await monitor.post("/api/outlets", { name: "人民日报", level: "national", medium: "newspaper" });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ id: expect.any(Number), level: "national", medium: "newspaper", active: true });
    const b = await monitor.post("/api/outlets", { name: "省广播电台", level: "省级", medium: "广播" });
    expect(b.json()).toMatchObject({ level: "provincial", medium: "radio" });
    const c = await monitor.post("/api/outlets", { name: "央视", level: "中央/国家级", medium: "电视" });
    expect(c.json()).toMatchObject({ level: "national", medium: "tv" });
    expect((await monitor.post("/api/outlets", { name: "县门户", level: "县级", medium: "网站", hosts: ["www.qh.gov.cn"] })).json())
      .toMatchObject({ level: "county", medium: "website", hosts: ["www.qh.gov.cn"] });

    const bad = await monitor.post("/api/outlets", { name: "某报", level: "乡级", medium: "报纸" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toHaveProperty("level");
    expect((await monitor.post("/api/outlets", { name: "人民日报", level: "national", medium: "newspaper" })).statusCode).toBe(409);

    expect((await contributor.post("/api/outlets", { name: "x报", level: "city", medium: "newspaper" })).statusCode).toBe(403);
    expect((await leader.post("/api/outlets", { name: "x报", level: "city", medium: "newspaper" })).statusCode).toBe(403);
    expect((await leader.patch(`/api/outlets/${a.json().id}`, { active: false })).statusCode).toBe(403);

    const listed = await contributor.get("/api/outlets");
    expect(listed.statusCode).toBe(200);
    expect(listed.json().outlets.map((o: { name: string }) => o.name)).toEqual(["人民日报", "央视", "省广播电台", "县门户"]);
    expect((await contributor.get("/api/outlets?level=国家级")).json().outlets).toHaveLength(2);
    expect((await contributor.get("/api/outlets?medium=radio")).json().outlets).toHaveLength(1);

    const patched = await monitor.patch(`/api/outlets/${b.json().id}`, { active: false, hosts: ["Radio.Example.cn"] });
    expect(patched.json()).toMatchObject({ active: false, hosts: ["radio.example.cn"] });
    expect((await contributor.get("/api/outlets?active=true")).json().outlets).toHaveLength(3);

    expect((await monitor.del(`/api/outlets/${c.json().id}`)).statusCode).toBe(204);
    const audits = t.db.prepare("SELECT action FROM audit_log WHERE target_type = 'outlet' ORDER BY id").all().map((r) => (r as { action: string }).action);
    expect(audits).toEqual(["outlet.create", "outlet.create", "outlet.create", "outlet.create", "outlet.update", "outlet.delete"]);
  });

  it("refuses to delete an outlet a placement names, and says to deactivate it", async () => {
    t = await createTestApp();
    const admin = await t.userClient("admin");
    const unit = (await admin.post("/api/units", { name: "县公安局" })).json();
    const o = (await admin.post("/api/outlets", { name: "市日报", level: "市级", medium: "报纸" })).json();
    const p = await admin.post("/api/placements", { title: "平安建设", outletId: o.id, genre: "消息", publishedOn: "2026-03-01", unitId: unit.id, authors: [{ name: "张三", share: 1 }] });
    expect(p.statusCode, p.body).toBe(201);
    const del = await admin.del(`/api/outlets/${o.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().message).toContain("停用");
    expect((await admin.get("/api/outlets")).json().outlets[0]).toMatchObject({ id: o.id, placements: 1 });
  });
});
