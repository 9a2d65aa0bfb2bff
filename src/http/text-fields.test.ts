import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../test/helpers";
import { isCleanText } from "./text-fields";

let t: TestApp;
let admin: Client;
beforeEach(async () => {
  t = await createTestApp();
  admin = await t.userClient("admin");
});
afterEach(() => t.close());

// A JSON body written by hand: JSON.stringify would escape the lone surrogate the same way, but spell it out.
const raw = (url: string, json: string, method = "POST") =>
  admin.request({ method, url, payload: json, headers: { "content-type": "application/json" } });

describe("free-text fields", () => {
  it("refuses a lone surrogate with a field error instead of storing U+FFFD", async () => {
    const res = await raw("/api/units", '{"name":"县\\ud800教育局"}');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "validation", fields: { name: "包含无法显示的控制字符或残缺字符，请删除后重试" } });
    expect(t.db.sqlite.prepare("SELECT count(*) AS n FROM units").get()).toEqual({ n: 0 });
  });

  it("refuses control characters in names, titles, words, URLs and passwords", async () => {
    const cases: [string, string, string][] = [
      ["/api/sources", '{"name":"源\\u0007","url":"http://127.0.0.1:1/f"}', "name"],
      ["/api/sources", '{"name":"源","url":"http://127.0.0.1:1/f\\u0000"}', "url"],
      ["/api/watches", '{"name":"学校\\u001b[31m","query":"学校"}', "name"],
      ["/api/dictionary", '{"word":"听\\u0085风","kind":"word"}', "word"],
      ["/api/users", '{"username":"li","password":"violet-canyon\\u00003316","role":"monitor"}', "password"],
    ];
    for (const [url, json, field] of cases) {
      const res = await raw(url, json);
      expect(res.statusCode, `${url} ${json}`).toBe(400);
      expect(res.json().fields[field], `${url} ${json}`).toMatch(/控制字符/);
    }
    const en = await admin.request({ method: "POST", url: "/api/units", payload: '{"name":"a\\ud800"}', headers: { "content-type": "application/json", "accept-language": "en" } });
    expect(en.json().fields.name).toMatch(/control characters/);
  });

  it("keeps line breaks and tabs in multi-line text (a watch query) and emoji everywhere", async () => {
    const res = await admin.post("/api/watches", { name: "学校 🏫", query: "学校\n\t-招聘" });
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe("学校 🏫");
    expect(isCleanText("a\tb\r\nc", true)).toBe(true);
    expect(isCleanText("a\tb", false)).toBe(false);
    expect(isCleanText("\ud83c\udfeb")).toBe(true);
    expect(isCleanText("\udfeb\ud83c")).toBe(false);
  });
});
