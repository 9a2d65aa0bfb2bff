import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, login, TEST_PASSWORD, type TestApp } from "../../../test/helpers";
import { createUser, ensureAdmin } from "../../accounts/commands";

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
    await createUser(t.db, null, { username: "ann", password: "amber-lantern-8093", role: "monitor", unitId: null });
    const res = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "ann", password: "amber-lantern-8093" } });
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
    await createUser(t.db, null, { username: "bob", password: "amber-lantern-8093", role: "monitor", unitId: null });
    const a = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "bob", password: "wrong-one" } });
    const b = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "nobody", password: "wrong-one" } });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().message).toBe(b.json().message);
    await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "bob", password: "wrong-two" } });
    await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "bob", password: "wrong-three" } });
    const blocked = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "bob", password: "amber-lantern-8093" } });
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

describe("sign-in limits", () => {
  const attempt = (username: string, password: string, ip: string) =>
    t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password }, remoteAddress: ip });

  it("a stranger's wrong guesses block only the stranger's address, not the admin's own", async () => {
    await createUser(t.db, null, { username: "root", password: "amber-lantern-8093", role: "admin", unitId: null });
    for (let i = 0; i < 3; i++) expect((await attempt("root", `guess-${i}`, "203.0.113.9")).statusCode).toBe(401);
    const stranger = await attempt("root", "amber-lantern-8093", "203.0.113.9");
    expect(stranger.statusCode).toBe(429);
    expect(stranger.json()).toMatchObject({ code: "auth.rate_limited", message: expect.stringMatching(/^尝试次数过多，请 \d+ 分钟后再试$/) });
    // When to come back, in seconds, within the window (config loginWindowSeconds).
    const retry = Number(stranger.headers["retry-after"]);
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(t.config.loginWindowSeconds);
    expect((await attempt("root", "amber-lantern-8093", "198.51.100.7")).statusCode).toBe(200);
  });

  it("a guesser spread over many addresses meets the per-username limit (10 times the per-address one)", async () => {
    await createUser(t.db, null, { username: "root", password: "amber-lantern-8093", role: "admin", unitId: null });
    for (let i = 0; i < 30; i++) await attempt("root", "guess", `203.0.113.${i}`);
    expect((await attempt("root", "amber-lantern-8093", "198.51.100.7")).statusCode).toBe(429);
    expect((await attempt("someone-else", "guess", "198.51.100.7")).statusCode).toBe(401);
  });

  it("audits refused attempts as one row per limit and window, with their count", async () => {
    for (let i = 0; i < 3; i++) await attempt("root", "guess", "203.0.113.9");
    for (let i = 0; i < 5; i++) expect((await attempt("root", "guess", "203.0.113.9")).statusCode).toBe(429);
    const rows = t.db.sqlite.prepare("SELECT summary, ip FROM audit_log WHERE action = 'auth.login_blocked'").all() as { summary: string; ip: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0].ip).toBe("203.0.113.9");
    expect(JSON.parse(rows[0].summary)).toMatchObject({ username: "root", limit: "user_ip", refused: 5 });
  });

  it("password change counts wrong current passwords against the same limits", async () => {
    const c = await t.userClient("monitor", { username: "mo" });
    const change = (currentPassword: string) => c.post("/api/auth/password", { currentPassword, newPassword: "violet-canyon-3316" });
    for (let i = 0; i < 3; i++) {
      const res = await change(`wrong-${i}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().fields.currentPassword).toBe("当前密码不正确");
    }
    const limited = await change(TEST_PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect((await login(t.app, "mo", TEST_PASSWORD).catch((e: Error) => e.message))).toMatch(/429/);
  });
});

describe("password policy", () => {
  it("refuses short and common passwords on create, reset and change, with a Chinese message", async () => {
    const admin = await t.userClient("admin");
    const short = await admin.post("/api/users", { username: "zhao", password: "Ab3$xyz", role: "monitor" });
    expect(short.json().fields.password).toBe("至少 10 个字符");
    const common = await admin.post("/api/users", { username: "zhao", password: "password1234", role: "monitor" });
    expect(common.statusCode).toBe(400);
    expect(common.json().fields.password).toBe("密码太常见或太容易猜到，请换一个更长、更少见的密码");
    const en = await admin.request({ method: "POST", url: "/api/users", payload: { username: "zhao", password: "qwertyuiop12", role: "monitor" }, headers: { "accept-language": "en" } });
    expect(en.json().fields.password).toMatch(/too common/);
    const ok = await admin.post("/api/users", { username: "zhao", password: "violet-canyon-3316", role: "monitor" });
    expect(ok.statusCode).toBe(201);
    const reset = await admin.patch(`/api/users/${ok.json().id}`, { password: "1234567890" });
    expect(reset.json().fields.password).toBe("密码太常见或太容易猜到，请换一个更长、更少见的密码");
    const change = await admin.post("/api/auth/password", { currentPassword: TEST_PASSWORD, newPassword: "iloveyou12345" });
    expect(change.json().fields.newPassword).toBe("密码太常见或太容易猜到，请换一个更长、更少见的密码");
    await expect(createUser(t.db, null, { username: "cli", password: "admin12345", role: "monitor", unitId: null })).rejects.toMatchObject({ code: "validation" });
  });

  it("refuses a weak TINGFENG_ADMIN_PASSWORD for the first admin", async () => {
    t.db.sqlite.exec("DELETE FROM users");
    await expect(ensureAdmin(t.db, "admin12345")).rejects.toThrow(/TINGFENG_ADMIN_PASSWORD: 密码太常见/);
    expect(await ensureAdmin(t.db, "violet-canyon-3316")).toBe("violet-canyon-3316");
  });
});

describe("logout and CSRF on the routed path", () => {
  it("refuses an encoded spelling of /api/auth/logout without the CSRF token", async () => {
    const c = await t.userClient("monitor");
    const res = await t.app.inject({ method: "POST", url: "/%61pi/auth/logout", headers: { cookie: c.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("auth.csrf");
    expect((await c.get("/api/auth/me")).statusCode).toBe(200);
  });

  it("audits every logout, whatever the spelling of the URL", async () => {
    const a = await t.userClient("monitor", { username: "m1" });
    const b = await t.userClient("monitor", { username: "m2" });
    expect((await a.post("/api/auth/logout")).statusCode).toBe(204);
    expect((await b.request({ method: "POST", url: "/%61pi/auth/logout" })).statusCode).toBe(204);
    expect((await b.get("/api/auth/me")).statusCode).toBe(401);
    const rows = t.db.sqlite.prepare("SELECT actor_name FROM audit_log WHERE action = 'auth.logout' ORDER BY id").all();
    expect(rows).toEqual([{ actor_name: "m1" }, { actor_name: "m2" }]);
  });
});
