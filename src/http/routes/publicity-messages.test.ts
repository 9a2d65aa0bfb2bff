// Publicity and report-schedule refusals come by code in the language the UI asks for (accept-language).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, login, TEST_PASSWORD, type Client, type TestApp } from "../../../test/helpers";
import { buildApp } from "../app";
import { createAlertRuntime } from "../../alerts/runtime";

let t: TestApp;
let admin: Client;
beforeEach(async () => {
  t = await createTestApp();
  admin = await t.userClient("admin");
});
afterEach(() => t.close());

const ask = (c: Client, method: "GET" | "POST" | "PUT", url: string, lang: string, body?: unknown) =>
  c.request({ method, url, headers: { "accept-language": lang, ...(body === undefined ? {} : { "content-type": "application/json" }) }, payload: body === undefined ? undefined : JSON.stringify(body) });

describe("publicity messages in the UI's language", () => {
  it("answers a missing submission, bulletin and outlet in Chinese or English", async () => {
    for (const [url, zh, en] of [
      ["/api/submissions/999", "未找到该稿件", "Submission not found"],
      ["/api/bulletins/999", "未找到该简报", "Bulletin not found"],
      ["/api/placements/999", "未找到该刊发记录", "Placement not found"],
    ] as const) {
      const z = await ask(admin, "GET", url, "zh-CN");
      expect(z.statusCode, url).toBe(404);
      expect(z.json().message).toBe(zh);
      expect((await ask(admin, "GET", url, "en")).json().message).toBe(en);
    }
  });

  it("names a taken outlet name, an unknown outlet and unit in a placement, and a future date, in English", async () => {
    const body = { name: "人民日报", level: "national", medium: "newspaper" };
    expect((await ask(admin, "POST", "/api/outlets", "en", body)).statusCode).toBe(201);
    const taken = await ask(admin, "POST", "/api/outlets", "en", body);
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: "publicity.outlet_name_taken", message: "An outlet with this name already exists" });
    expect((await ask(admin, "POST", "/api/outlets", "zh-CN", body)).json().message).toBe("已有同名媒体");

    const placement = { title: "校园开放日", outletId: 999, genre: "news", publishedOn: "2999-01-01", unitId: 999, authors: [{ name: "李明" }] };
    const en = await ask(admin, "POST", "/api/placements", "en", placement);
    expect(en.statusCode).toBe(400);
    expect(en.json().fields).toMatchObject({ outletId: "No such outlet", unitId: "No such unit" });
    const zh = await ask(admin, "POST", "/api/placements", "zh-CN", placement);
    expect(zh.json().fields).toMatchObject({ outletId: "媒体不存在", unitId: "单位不存在" });
  });

  it("names an unknown channel and template of a report schedule in English", async () => {
    const res = await ask(admin, "POST", "/api/report-schedules", "en", { name: "日报", kind: "daily", atTime: "08:00", format: "docx", channelIds: [41, 42], templateId: 7 });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toMatchObject({ channelIds: "No such channel: 41, 42", templateId: "No such report template" });
    const tpl = await ask(admin, "POST", "/api/report-templates", "en", { kind: "daily", name: "日报模板", title: "舆情日报", sections: ["no-such-section"] });
    expect(tpl.statusCode).toBe(400);
    expect(tpl.json().fields.sections).toBe("Unknown sections: no-such-section");
  });

  it("does not send a failed run's internal error text to the client", async () => {
    const alerts = createAlertRuntime(t.db, t.config);
    alerts.reportSchedules.runNow = async () => { throw new Error("SQLITE_IOERR: disk I/O error at /srv/tingfeng/data/tingfeng.db"); };
    const app = await buildApp({ db: t.db, config: t.config, version: "test", reads: t.reads, alerts }, { serveWeb: false });
    try {
      const me = await login(app, (await t.db.sqlite.prepare("SELECT username FROM users LIMIT 1").get() as { username: string }).username, TEST_PASSWORD);
      const s = await me.post("/api/report-schedules", { name: "日报", kind: "daily", atTime: "08:00", format: "docx", channelIds: [] });
      expect(s.statusCode, s.body).toBe(201);
      for (const [lang, text] of [["zh-CN", "报告生成未能开始，请稍后重试"], ["en", "The report could not be started; try again later"]]) {
        const res = await me.request({ method: "POST", url: `/api/report-schedules/${s.json().id}/run`, headers: { "accept-language": lang } });
        expect(res.statusCode).toBe(500);
        expect(res.json()).toEqual({ code: "reports.run_not_started", message: text });
      }
    } finally {
      await app.close();
      await alerts.stop();
    }
  });
});
