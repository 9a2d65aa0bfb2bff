import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers";
import { insertItems } from "../../store/items";
import { insertSource } from "../../store/sources";
import { TRIAGE_MAX_ITEMS } from "../../shared/api";

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

function seed(n: number): number[] {
  const src = insertSource(t.db, { name: "青禾论坛", kind: "rss", url: "http://127.0.0.1/feed", intervalSeconds: 300, priority: 2, enabled: false });
  const rows = Array.from({ length: n }, (_, i) => ({
    guid: `t${i}`, url: null, canonicalUrl: null, contentHash: `h${i}`, author: null,
    title: `禾溪镇第 ${i} 条`, text: `禾溪镇居民反映第 ${i} 件事`, publishedAt: Date.now() - i * 60_000,
  }));
  return insertItems(t.db, src.id, rows);
}

type Item = { id: number; status: string; triagedBy: string | null; triagedAt: string | null };
type Audit = { target_id: string; summary: string; actor_name: string };
const auditRows = (): Audit[] =>
  t.db.sqlite.prepare("SELECT target_id, summary, actor_name FROM audit_log WHERE action = 'item.status' ORDER BY id").all() as Audit[];

describe("triage", () => {
  it("records who set a status and when, on the single PATCH", async () => {
    const [id] = seed(1);
    const m = await t.userClient("monitor", { username: "zhangwei" });
    const fresh = (await m.get(`/api/items/${id}`)).json() as Item;
    expect(fresh).toMatchObject({ status: "new", triagedBy: null, triagedAt: null });

    const before = Date.now();
    const res = await m.patch(`/api/items/${id}`, { status: "seen" });
    expect(res.statusCode).toBe(200);
    const item = res.json() as Item;
    expect(item).toMatchObject({ status: "seen", triagedBy: "zhangwei" });
    expect(Date.parse(item.triagedAt!)).toBeGreaterThanOrEqual(before);
    // The ledger's page shows the same.
    const page = (await m.get("/api/items")).json() as { items: Item[] };
    expect(page.items[0]).toMatchObject({ id, triagedBy: "zhangwei", triagedAt: item.triagedAt });
  });

  it("sets many items at once, with one audit row per changed item", async () => {
    const ids = seed(4);
    const m = await t.userClient("monitor", { username: "lina" });
    await m.patch(`/api/items/${ids[0]}`, { status: "ignored" });

    const res = await m.post("/api/items/triage", { ids: [ids[0], ids[1], ids[2], ids[1]], status: "ignored" });
    expect(res.statusCode).toBe(200);
    // ids[0] was already ignored: left as it was, not counted, not audited again.
    expect(res.json()).toEqual({ updated: 2 });

    const page = (await m.get("/api/items?limit=10")).json() as { items: Item[] };
    const byId = new Map(page.items.map((i) => [i.id, i]));
    for (const id of ids.slice(0, 3)) expect(byId.get(id)).toMatchObject({ status: "ignored", triagedBy: "lina" });
    expect(byId.get(ids[1])!.triagedAt).not.toBeNull();
    expect(byId.get(ids[3])).toMatchObject({ status: "new", triagedBy: null });

    const audit = auditRows();
    expect(audit.map((a) => a.target_id)).toEqual([ids[0], ids[1], ids[2]].map(String));
    expect(JSON.parse(audit[1].summary)).toEqual({ from: "new", to: "ignored", bulk: true });
    expect(audit.every((a) => a.actor_name === "lina")).toBe(true);
  });

  it("refuses a role without items.triage, and changes nothing", async () => {
    const ids = seed(2);
    for (const role of ["leader", "spokesperson", "handler"] as const) {
      const c = await t.userClient(role);
      const res = await c.post("/api/items/triage", { ids, status: "seen" });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe("auth.forbidden");
    }
    const anonymous = await t.app.inject({ method: "POST", url: "/api/items/triage", payload: { ids, status: "seen" } });
    expect(anonymous.statusCode).toBe(401);
    expect(t.db.sqlite.prepare("SELECT count(*) AS n FROM items WHERE status <> 'new'").get()).toEqual({ n: 0 });
    expect(auditRows()).toEqual([]);
  });

  it("validates the ids and the status", async () => {
    const ids = seed(1);
    const m = await t.userClient("admin");
    const bad = async (body: unknown) => {
      const res = await m.post("/api/items/triage", body);
      expect(res.statusCode).toBe(400);
      return res.json() as { code: string; fields?: Record<string, string> };
    };
    expect((await bad({ ids: [], status: "seen" })).fields?.ids).toBe("至少选择 1 项");
    expect((await bad({ ids: Array.from({ length: TRIAGE_MAX_ITEMS + 1 }, (_, i) => i + 1), status: "seen" })).fields?.ids).toBe(`最多 ${TRIAGE_MAX_ITEMS} 项`);
    expect((await bad({ ids: [0], status: "seen" })).code).toBe("validation");
    expect((await bad({ ids: ["1"], status: "seen" })).code).toBe("validation");
    expect((await bad({ ids, status: "closed" })).fields?.status).toBeDefined();
    expect((await bad({ status: "seen" })).fields?.ids).toBe("必填");
  });

  it("refuses the whole request when an id is unknown", async () => {
    const ids = seed(2);
    const m = await t.userClient("monitor");
    const res = await m.request({ method: "POST", url: "/api/items/triage", payload: { ids: [...ids, 9999], status: "seen" }, headers: { "accept-language": "en" } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: "items.not_found", message: expect.stringContaining("1 of the items") });
    expect(t.db.sqlite.prepare("SELECT count(*) AS n FROM items WHERE status <> 'new'").get()).toEqual({ n: 0 });
    expect(auditRows()).toEqual([]);
  });
});
