import { afterEach, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import path from "node:path";
import { createTestApp, type TestApp } from "../../test/helpers";

let t: TestApp;
afterEach(() => t.close());

describe("errors, with the web UI served as `tingfeng serve` does", () => {
  it("answers a bad body with code, message and per-field messages, in Chinese by default and English on request", async () => {
    t = await createTestApp({}, { serveWeb: true });
    const zh = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "", password: 5 } });
    expect(zh.statusCode).toBe(400);
    expect(Object.keys(zh.json()).sort()).toEqual(["code", "fields", "message"]);
    expect(zh.json()).toEqual({
      code: "validation", message: "请检查标出的输入项", fields: { username: "必填", password: "类型不正确" },
    });
    const en = await t.app.inject({
      method: "POST", url: "/api/auth/login", headers: { "accept-language": "en" }, payload: { username: "a".repeat(65) },
    });
    expect(en.json()).toEqual({
      code: "validation", message: "Please check the highlighted fields",
      fields: { username: "At most 64 characters", password: "Required" },
    });
    // The UI is still served from the same process.
    const page = await t.app.inject({ method: "GET", url: "/items" });
    expect(page.headers["content-type"]).toContain("text/html");
  });

  it("takes a JSON POST with no body as no body, and still refuses malformed JSON and prototype keys", async () => {
    t = await createTestApp({}, { serveWeb: true });
    const admin = await t.userClient("admin");
    const json = { "content-type": "application/json" };
    // An action without a body (here: signing out; also "fetch this source now") works when the client says JSON and sends nothing.
    const empty = await admin.request({ method: "POST", url: "/api/auth/logout", headers: json, payload: "" });
    expect(empty.statusCode, empty.body).toBeLessThan(300);
    const again = await t.userClient("admin", { username: "admin2" });
    // A route that needs a body answers with the field errors, not a parser error.
    const noBody = await again.request({ method: "POST", url: "/api/units", headers: json, payload: "" });
    expect(noBody.statusCode).toBe(400);
    expect(noBody.json().code).toBe("validation");
    const broken = await again.request({ method: "POST", url: "/api/units", headers: json, payload: "{\"name\": " });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).not.toBe("validation");
    const poisoned = await again.request({ method: "POST", url: "/api/units", headers: json, payload: '{"name":"x","__proto__":{"admin":true}}' });
    expect(poisoned.statusCode).toBe(400);
    expect(t.db.sqlite.prepare("SELECT count(*) FROM units").pluck().get()).toBe(0);
  });

  it("turns a database failure into the generic 500 without the internal code or text", async () => {
    t = await createTestApp({}, { serveWeb: true });
    const admin = await t.userClient("admin");
    t.db.sqlite.exec("DROP TABLE units");
    const res = await admin.get("/api/units");
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ code: "internal", message: "服务器内部错误，请稍后重试" });
    expect(res.body).not.toMatch(/SQLITE|units/);
  });

  it("never shows SQLITE_BUSY when another connection holds the database", async () => {
    t = await createTestApp({}, { serveWeb: true });
    const admin = await t.userClient("admin");
    t.db.sqlite.pragma("busy_timeout = 0");
    const other = new Database(path.join(t.dir, "test.db"));
    try {
      other.exec("BEGIN IMMEDIATE");
      const res = await admin.post("/api/units", { name: "县教育局" });
      expect(res.statusCode).toBeGreaterThanOrEqual(500);
      expect(Object.keys(res.json()).sort()).toEqual(["code", "message"]);
      expect(res.body).not.toContain("SQLITE");
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
  });

  it("names a missing route and a missing resource in the request's language", async () => {
    t = await createTestApp({}, { serveWeb: true });
    const route = await t.app.inject({ method: "GET", url: "/api/nope", headers: { "accept-language": "en-GB,en;q=0.8" } });
    expect(route.json()).toEqual({ code: "not_found", message: "No such route: GET /api/nope" });
    const admin = await t.userClient("admin");
    const zh = await admin.patch("/api/units/999", { name: "x" });
    expect(zh.json()).toEqual({ code: "not_found", message: "未找到该单位" });
    const en = await admin.request({ method: "PATCH", url: "/api/units/999", payload: { name: "x" }, headers: { "accept-language": "en" } });
    expect(en.json()).toEqual({ code: "not_found", message: "Unit not found" });
  });
});
