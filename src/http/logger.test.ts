import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../config";
import { openDb } from "../db/connection";
import { migrate } from "../db/migrate";
import { buildApp } from "./app";
import { createLogger } from "./logger";

describe("the server's log", () => {
  it("writes one JSON line per request with its id, route pattern, status and time, and no cookie or query", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "tingfeng-log-"));
    const lines: string[] = [];
    const db = openDb(path.join(dir, "log.db"));
    migrate(db);
    const config = loadConfig({}, { dataDir: dir, demo: false, readWorkers: 0 });
    const app = await buildApp({ db, config, version: "test" }, { loggerInstance: createLogger("info", { write: (l) => void lines.push(l) }), serveWeb: false });
    try {
      await app.inject({ method: "GET", url: "/api/items/42?q=%E4%B9%B1%E6%94%B6%E8%B4%B9", headers: { cookie: "tf_session=very-secret-session" } });
      const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      const request = entries.find((e) => e.msg === "request");
      expect(request).toMatchObject({ level: 30, method: "GET", route: "/api/items/:id", status: 401 });
      expect(request!.reqId).toMatch(/^req-/);
      expect(typeof request!.ms).toBe("number");
      expect(lines.join("")).not.toContain("very-secret-session");
      expect(lines.join("")).not.toContain("/api/items/42");
    } finally {
      await app.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
