// A write waits for another connection's lock without holding the event loop, however its URL is spelled.
import { afterEach, describe, expect, it } from "vitest";
import path from "node:path";
import { createTestApp, type TestApp } from "../../test/helpers";
import { openDb } from "../db/connection";
import { insertSource } from "../store/sources";

let t: TestApp;
afterEach(() => t.close());

describe("a write while another process holds the lock", () => {
  it.each(["/api", "/%61pi", "/%61%70%69"])("waits asynchronously on %s/… and goes through once the lock is released", async (prefix) => {
    t = await createTestApp({ dbBusyTimeoutMs: 1500 });
    const src = insertSource(t.db, { name: "来源", kind: "rss", url: "http://127.0.0.1/1", intervalSeconds: 300, priority: 1, enabled: true });
    const admin = await t.userClient("admin");
    const other = openDb(path.join(t.dir, "test.db"));
    other.sqlite.exec("BEGIN IMMEDIATE");
    // Released from the event loop: a write stuck in SQLite's busy handler would keep this from running.
    setTimeout(() => other.sqlite.exec("ROLLBACK"), 150);
    try {
      const res = await admin.patch(`${prefix}/sources/${src.id}`, { name: "改名" });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().name).toBe("改名");
    } finally {
      if (other.sqlite.inTransaction) other.sqlite.exec("ROLLBACK");
      other.close();
    }
  });
});
