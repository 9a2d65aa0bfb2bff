// Free text in every request body refuses lone surrogates and control characters, naming the field.
import Fastify from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { z } from "zod";
import { createTestApp, type Client, type TestApp } from "../../test/helpers";
import { registerRoutes } from "./routes";
import { createUserLimits } from "./user-limits";
import { createAlertRuntime } from "../alerts/runtime";

let t: TestApp;
let admin: Client;
beforeEach(async () => {
  t = await createTestApp();
  admin = await t.userClient("admin");
});
afterEach(() => t.close());

const BAD = ["a\ud800b", "a\u0007b"];

type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; in?: z.ZodType; valueType?: z.ZodType; options?: z.ZodType[] };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Paths of string fields in `schema` that take a lone surrogate or a control character. */
function acceptsBadText(schema: z.ZodType, path: string, out: string[]): void {
  if (BAD.some((v) => schema.safeParse(v).success)) {
    out.push(path);
    return;
  }
  // The field refuses bad text as a whole: look only inside the objects, arrays and records it wraps.
  let d = defOf(schema);
  while (!d.shape && !d.element && !d.valueType && !d.options && (d.innerType || d.in)) d = defOf((d.innerType ?? d.in)!);
  if (d.shape) for (const [k, v] of Object.entries(d.shape)) acceptsBadText(v, `${path}.${k}`, out);
  else if (d.element) acceptsBadText(d.element, `${path}[]`, out);
  else if (d.valueType) acceptsBadText(d.valueType, `${path}{}`, out);
  else if (d.options) for (const o of d.options) if (BAD.every((v) => !o.safeParse(v).success)) acceptsBadText(o, path, out);
}

// Body fields that are not free text, or that other code refuses anyway: a password is compared, never stored
// as typed (the policy refuses control characters when one is set); the board's proof of work and a signed
// alert link are verified byte for byte; channel options are checked per channel kind.
const NOT_FREE_TEXT = new Set([
  "POST /api/auth/login body.password", "POST /api/auth/password body.currentPassword",
  "POST /api/public/messages body.altcha", "POST /api/alerts/:id/link-ack body.e", "POST /api/alerts/:id/link-ack body.s",
  "POST /api/alert-channels body.options{}", "PATCH /api/alert-channels/:id body.options{}",
  // Report section keys: checked against the kind's known sections.
  "PATCH /api/reports/:id body.removeSections[]", "POST /api/report-templates body.sections[]", "PATCH /api/report-templates/:id body.sections[]",
]);

/** Every body field of every route that takes a lone surrogate or a control character. */
async function looseBodyFields(): Promise<string[]> {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const found: string[] = [];
  app.addHook("onRoute", (r) => {
    const body = (r.schema as { body?: z.ZodType } | undefined)?.body;
    if (body && typeof body.safeParse === "function") acceptsBadText(body, `${r.method} ${r.url} body`, found);
  });
  const alerts = createAlertRuntime(t.db, t.config);
  await registerRoutes(app, { db: t.db, config: t.config, version: "test", reads: t.reads, alerts, limits: createUserLimits(t.config) });
  await app.ready();
  await alerts.stop();
  await app.close();
  return found;
}

const send = (method: "POST" | "PUT" | "PATCH" | "GET", url: string, body?: unknown, lang = "zh-CN") =>
  admin.request({ method, url, payload: body === undefined ? undefined : JSON.stringify(body), headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), "accept-language": lang } });

describe("free-text fields everywhere", () => {
  it("no body field of any route takes a lone surrogate or a control character", async () => {
    const loose = (await looseBodyFields()).filter((f) => !NOT_FREE_TEXT.has(f));
    expect(loose).toEqual([]);
  });

  it.each(["a\ud800b", "a\u0007b"])("refuses %j in case, calendar, alert, template and publicity fields with the field named", async (bad) => {
    const cases: [method: "POST" | "PUT" | "GET", url: string, body: unknown, field: string][] = [
      ["POST", "/api/cases", { title: "校门口拥堵", summary: bad }, "summary"],
      ["POST", "/api/cases/1/steps", { kind: "triage", text: bad }, "text"],
      ["POST", "/api/routing-rules/suggest", { title: "x", category: bad }, "category"],
      ["PUT", "/api/case-deadlines", { severity: "general", category: bad, feedbackAmount: 1, feedbackUnit: "days", replyAmount: 2, replyUnit: "days" }, "category"],
      ["PUT", "/api/calendar/2026", { days: [{ date: "2026-10-01", kind: "holiday", name: bad }] }, "days.0.name"],
      ["POST", "/api/alerts", { itemId: 1, severity: "general", note: bad }, "note"],
      ["POST", "/api/alert-channels", { name: "值班群", kind: "webhook", url: `http://example.org/${bad}` }, "url"],
      ["POST", "/api/alert-channels", { name: "值班群", kind: "webhook", url: "http://example.org/h", secret: bad }, "secret"],
    ];
    // A URL cannot carry a lone surrogate (it decodes to U+FFFD), but a control character it can.
    if (!bad.includes("\ud800")) cases.push(["GET", `/api/placements?authorName=${encodeURIComponent(bad)}`, undefined, "authorName"]);
    for (const [method, url, body, field] of cases) {
      const res = await send(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(400);
      expect(res.json().fields?.[field], `${method} ${url} ${res.body}`).toMatch(/控制字符或残缺字符/);
    }
    const en = await send("POST", "/api/cases", { title: "x", summary: bad }, "en");
    expect(en.json().fields.summary).toMatch(/control characters/);
    expect(t.db.sqlite.prepare("SELECT count(*) AS n FROM cases").get()).toEqual({ n: 0 });
  });

  it("still takes line breaks in a case summary and trims a pasted channel URL", async () => {
    const res = await send("POST", "/api/cases", { title: "校门口拥堵", summary: "  第一行\n\t第二行 🏫 " });
    expect(res.statusCode).toBe(201);
    expect(res.json().summary).toBe("第一行\n\t第二行 🏫");
    const ch = await send("POST", "/api/alert-channels", { name: "值班群", kind: "webhook", url: " http://example.org/h\n" });
    expect(ch.statusCode, ch.body).toBe(201);
    expect(ch.json().url).toBe("http://example.org/h");
  });
});
