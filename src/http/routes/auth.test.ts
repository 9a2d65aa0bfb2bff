import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers";
import { createUser } from "../../accounts/commands";

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp({ loginMaxAttempts: 3 });
});
afterEach(() => t.close());

describe("auth", () => {
  it("health answers without a session", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", version: "test" });
  });

  it("logs in with an httpOnly SameSite cookie and a CSRF token, then /me returns the user", async () => {
    await createUser(t.db, null, { username: "ann", password: "secret-pass", role: "monitor", unitId: null });
    const res = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "ann", password: "secret-pass" } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "tf_session")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Strict");
    const body = res.json();
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(body.user).toMatchObject({ username: "ann", role: "monitor" });
    expect(body.user.passwordHash).toBeUndefined();
    const me = await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: `tf_session=${cookie.value}` } });
    expect(me.json().user.username).toBe("ann");
  });

  it("gives one generic message for unknown users and wrong passwords, then rate limits", async () => {
    await createUser(t.db, null, { username: "bob", password: "secret-pass", role: "monitor", unitId: null });
    const a = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "bob", password: "wrong-one" } });
    const b = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "nobody", password: "wrong-one" } });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().message).toBe(b.json().message);
    await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "bob", password: "wrong-two" } });
    const blocked = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "bob", password: "secret-pass" } });
    expect(blocked.statusCode).toBe(429);
  });

  it("rejects a state change without the CSRF header", async () => {
    const c = await t.userClient("admin");
    const res = await t.app.inject({ method: "POST", url: "/api/units", headers: { cookie: c.cookie }, payload: { name: "县教育局" } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("auth.csrf");
    const ok = await c.post("/api/units", { name: "县教育局" });
    expect(ok.statusCode).toBe(201);
  });

  it("logout ends the session", async () => {
    const c = await t.userClient("monitor");
    expect((await c.post("/api/auth/logout")).statusCode).toBe(204);
    expect((await c.get("/api/auth/me")).statusCode).toBe(401);
  });

  it("answers unknown routes with JSON 404 and invalid bodies with per-field messages", async () => {
    const nf = await t.app.inject({ method: "GET", url: "/api/nope" });
    expect(nf.statusCode).toBe(404);
    expect(nf.json().code).toBe("not_found");
    const bad = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "", password: 5 } });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields).sort()).toEqual(["password", "username"]);
  });

  it("publishes an OpenAPI description generated from the route schemas", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/items", "/api/sources", "/api/auth/login"]));
    expect(doc.paths["/api/sources"].post.requestBody).toBeDefined();
  });

  it("sends security headers", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });
});
