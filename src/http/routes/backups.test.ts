import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { createTestApp, type TestApp } from "../../../test/helpers";

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp({ backupKeep: 2 });
});
afterEach(async () => {
  await t.close();
});

describe("/api/backups", () => {
  it("warns with no backup yet, takes one now that lists with its size and contents, and is for admins only", async () => {
    const admin = await t.userClient("admin");
    const empty = (await admin.get("/api/backups")).json() as { stale: boolean; lastGoodAt: string | null; backups: unknown[]; dir: string };
    expect(empty).toMatchObject({ stale: true, lastGoodAt: null, backups: [] });
    expect(empty.dir).toBe(path.join(t.dir, "backups"));

    const made = await admin.post("/api/backups");
    expect(made.statusCode).toBe(201);
    const b = made.json() as { name: string; bytes: number; scheduled: boolean; schemaVersion: number; items: number };
    expect(b.name).toMatch(/^tingfeng-\d{8}-\d{6}\.tar\.gz$/);
    expect(b.bytes).toBeGreaterThan(1000);
    expect(b.items).toBe(0);
    expect(b.schemaVersion).toBeGreaterThanOrEqual(33);
    expect(existsSync(path.join(t.dir, "backups", b.name))).toBe(true);

    const after = (await admin.get("/api/backups")).json() as { stale: boolean; backups: { name: string }[] };
    expect(after.stale).toBe(false);
    expect(after.backups.map((x) => x.name)).toEqual([b.name]);
    expect(t.db.sqlite.prepare("SELECT action FROM audit_log WHERE action = 'backup.create'").pluck().all()).toEqual(["backup.create"]);

    for (const role of ["monitor", "leader"] as const) {
      const c = await t.userClient(role);
      expect((await c.get("/api/backups")).statusCode).toBe(403);
      expect((await c.post("/api/backups")).statusCode).toBe(403);
    }
  });

  it("keeps only the newest scheduled backups", async () => {
    const admin = await t.userClient("admin");
    for (let i = 0; i < 3; i++) {
      expect((await admin.post("/api/backups")).statusCode).toBe(201);
      await new Promise((r) => setTimeout(r, 1100)); // names carry the second
    }
    const files = readdirSync(path.join(t.dir, "backups")).filter((f) => f.endsWith(".tar.gz"));
    expect(files).toHaveLength(2);
  });
});
