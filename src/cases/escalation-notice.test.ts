// Escalating a case (呈报领导) queues one message through the alert channels whose link opens the
// leader's phone memo page (/cases/<id>/instruct), where the instruction is written.
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/helpers";
import { insertChannel } from "../store/alert-config";
import { buildMessage } from "../alerts/message";
import { caseSteps } from "../store/cases";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe("escalation notice", () => {
  it("queues a message linking the memo page to the in-app and configured channels", async () => {
    // The second channel of a fresh database is the one named for case notices.
    t = await createTestApp({ timeZone: "Asia/Shanghai", publicUrl: "https://yq.example.gov.cn", caseNoticeChannels: [2] });
    const db = t.db;
    const inapp = insertChannel(db, { name: "站内", kind: "inapp", url: null, options: {}, enabled: true }, null);
    const leaders = insertChannel(db, { name: "领导群", kind: "wecom", url: "https://qyapi.example.cn/x", options: {}, enabled: true }, null);
    const other = insertChannel(db, { name: "其他群", kind: "dingtalk", url: "https://oapi.example.cn/y", options: {}, enabled: true }, null);
    expect(leaders).toBe(2);
    const admin = await t.userClient("admin");
    const unit = (await admin.post("/api/units", { name: "县教育局" })).json() as { id: number };
    const monitor = await t.userClient("monitor");
    const opened = (await monitor.post("/api/cases", { title: "禾溪镇小学乱收费", itemIds: [], severity: "major", unitId: unit.id })).json() as { id: number };
    const id = opened.id;
    expect((await monitor.post(`/api/cases/${id}/steps`, { kind: "triage", severity: "major", unitId: unit.id, text: "涉及教育收费" })).statusCode).toBe(200);
    expect(db.prepare("SELECT count(*) FROM alerts").pluck().get()).toBe(0); // triage sends nothing

    const res = await monitor.post(`/api/cases/${id}/steps`, { kind: "escalate", text: "建议由分管领导批示" });
    expect(res.statusCode, res.body).toBe(200);
    const alerts = db.prepare("SELECT id, title, severity, reason FROM alerts").all() as { id: number; title: string; severity: string; reason: string }[];
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ title: `[呈报领导] #${id} 禾溪镇小学乱收费`, severity: "major" });
    expect(alerts[0]!.reason).toContain(`请批示：https://yq.example.gov.cn/cases/${id}/instruct`);
    expect(buildMessage(db, alerts[0]!.id, t.config.publicUrl)?.url).toBe(`https://yq.example.gov.cn/cases/${id}/instruct`);
    const channels = db.prepare("SELECT channel_id FROM alert_deliveries WHERE alert_id = ? ORDER BY channel_id").pluck().all(alerts[0]!.id);
    expect(channels).toEqual([inapp, leaders]);
    expect(channels).not.toContain(other);
    const escalate = caseSteps(db, id).find((s) => s.kind === "escalate")!;
    expect(JSON.parse(escalate.data)).toMatchObject({ alertId: alerts[0]!.id });
  });
});
