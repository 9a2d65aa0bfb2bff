import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Agent } from "undici";
import { openDb, type Db } from "../db/connection";
import { migrate } from "../db/migrate";
import { insertChannel } from "../store/alert-config";
import { encryptSecret, sealUrl } from "../alerts/secrets";
import { createChannelRegistry } from "../alerts/channels";
import { createGuardedAgent } from "../ingest/guarded-agent";
import { parseAllowList } from "../ingest/allow-hosts";
import { mailAttachment, mailHeader, mailPart, startSmtp, type SmtpReceiver } from "../alerts/channels/testdata/smtp";
import { startReceiver, type Receiver } from "../../test/alert-receiver";
import { startReceiver as startScripted } from "../alerts/channels/testdata/receiver";
import { deliverReport, reportFilename, reportMessage, type ReportDeliveryInput } from "./deliver";
import type { CitedItem, ReportContent } from "../shared/report-types";

const PASS = "smtp-pa55-word";
const PUBLIC = "https://tingfeng.example.gov.cn";
const key = randomBytes(32);
let db: Db;
let smtp: SmtpReceiver | undefined;
let rx: Receiver | undefined;
let agent: Agent | undefined;
beforeEach(() => {
  db = openDb(":memory:");
  migrate(db);
});
afterEach(async () => {
  await smtp?.close();
  await rx?.close();
  await agent?.close();
  smtp = rx = agent = undefined;
  db.close();
});

const item = (id: number, sentiment: CitedItem["sentiment"], title = `条目${id}`): CitedItem => ({
  id, title, source: "青禾论坛", publishedAt: "2026-06-30 09:30", url: `https://bbs.example.cn/t/${id}`, sentiment, reposts: 3, excerpt: "……", href: `/items/${id}`,
});

const content = (number: string | null): ReportContent => ({
  kind: "daily", title: "每日网络动态", issuingUnit: "青禾县委网信办", redHeader: true, number,
  period: { from: "2026-06-30", to: "2026-06-30", label: "2026年6月30日" }, eventId: null, generatedAt: "2026-07-01T00:00:05.000Z",
  issuedBy: null, issuedAt: null,
  sections: [
    { key: "overview", title: "总体情况", text: "", blocks: [{ type: "figures", figures: [
      { key: "total", label: "信息总量", value: 1234, unit: "条" }, { key: "neg", label: "负面信息", value: 56, unit: "条" },
      { key: "change", label: "环比", value: 12, unit: "%" }, { key: "sources", label: "来源", value: 9, unit: "个" }, { key: "x", label: "第五项", value: 1, unit: "" },
    ] }] },
    { key: "negative", title: "需关注的负面信息", text: "", blocks: [{ type: "items", items: [1, 2, 3, 4, 5, 6, 7].map((n) => item(n, n === 2 ? "neu" : "neg")) }] },
    { key: "events", title: "热点事件", text: "", blocks: [{ type: "items", items: [item(1, "neg"), item(9, "neg")] }] },
  ],
});

const BYTES = Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(3000)]);
const input = (channelIds: number[], over: Partial<ReportDeliveryInput> = {}): ReportDeliveryInput => ({
  runId: 41, reportId: 12, versionId: 5, content: content("2026年第3期"), format: "pdf", file: { bytes: BYTES, contentType: "application/pdf" }, channelIds, ...over,
});

function deps(allow: string[] = []) {
  agent = createGuardedAgent(parseAllowList(allow));
  return { channels: createChannelRegistry({ agent }), key, config: { publicUrl: PUBLIC, alertTimeoutMs: 3000, alertRetryBaseMs: 10, timeZone: "Asia/Shanghai" } };
}

const emailChannel = (port: number) => insertChannel(db, {
  name: "值班邮箱", kind: "email", url: null, secretEnc: encryptSecret(key, PASS),
  options: { host: "127.0.0.1", port, secure: false, user: "alerts", from: "tingfeng@example.gov.cn", to: ["lead@example.gov.cn"] }, enabled: true,
}, null);

describe("report delivery", () => {
  it("e-mails the rendered file as an attachment with the right name and bytes, and a short body", async () => {
    smtp = await startSmtp("alerts", PASS);
    const ch = emailChannel(smtp.port);
    const [outcome] = await deliverReport(db, deps(), input([ch]));
    expect(outcome).toMatchObject({ channelId: ch, name: "值班邮箱", kind: "email", status: "sent", attempts: 1, error: null });
    expect(smtp.mails).toHaveLength(1);
    const raw = smtp.mails[0].raw;
    const file = mailAttachment(raw);
    expect(file.filename).toBe("每日网络动态（2026年第3期）_2026-06-30.pdf");
    expect(file.type).toBe("application/pdf");
    expect(file.bytes.equals(BYTES)).toBe(true);
    expect(mailHeader(raw, "X-Tingfeng-Alert-Id")).toBe("41");
    expect(mailHeader(raw, "Subject")).toBe("【报告】每日网络动态 2026年第3期");
    const text = mailPart(raw, "text/plain");
    expect(text.startsWith("每日网络动态 2026年第3期\n\n报告期间：")).toBe(true);
    expect(text).not.toContain("预警");
    expect(text).toContain("报告期间：2026年6月30日；总体情况：信息总量 1,234条，负面信息 56条，环比 12%，来源 9个");
    expect(text).toContain(`${PUBLIC}/m/reports/5`);
  });

  it("sends a robot the summary and the phone-page link, without the file; a draft links to the editor", async () => {
    rx = await startReceiver();
    const hook = insertChannel(db, { name: "接收系统", kind: "webhook", url: sealUrl(key, rx.url), options: {}, enabled: true }, null);
    const d = deps([`127.0.0.1:${rx.port}`]);
    expect((await deliverReport(db, d, input([hook])))[0].status).toBe("sent");
    expect((await deliverReport(db, d, input([hook], { runId: 42, versionId: null, content: content(null) })))[0].status).toBe("sent");
    const [issued, draft] = rx.received;
    expect(issued.headers["idempotency-key"]).toBe("41");
    expect(issued.body).toMatchObject({ id: 41, severity: "general", title: "每日网络动态 2026年第3期", url: `${PUBLIC}/m/reports/5` });
    expect(issued.raw).not.toContain("attachments");
    expect(String(issued.body.reason)).toContain("信息总量 1,234条");
    // Up to five negative items, each once, in the order the report cites them (the neutral one left out).
    expect((issued.body.items as { id: number; publishedAt: string }[]).map((i) => i.id)).toEqual([1, 3, 4, 5, 6]);
    expect((issued.body.items as { publishedAt: string }[])[0].publishedAt).toBe("2026-06-30T01:30:00.000Z");
    expect(draft.body).toMatchObject({ id: 42, title: "每日网络动态（草稿）", url: `${PUBLIC}/reports/12` });
  });

  it("gives a WeCom group robot the summary as markdown with the link to the leader's phone page", async () => {
    const robot = await startScripted(() => ({ status: 200, json: { errcode: 0, errmsg: "ok" } }));
    try {
      const ch = insertChannel(db, { name: "值班群", kind: "wecom", url: sealUrl(key, `${robot.url}/cgi-bin/webhook/send?key=k-77`), options: {}, enabled: true }, null);
      const [out] = await deliverReport(db, deps([`127.0.0.1:${new URL(robot.url).port}`]), input([ch]));
      expect(out.status, out.error ?? "").toBe("sent");
      const md = (JSON.parse(robot.requests[0].body) as { markdown: { content: string } }).markdown.content;
      expect(md).toContain("每日网络动态 2026年第3期");
      expect(md).toContain("信息总量 1,234条");
      expect(md).toContain(`[在听风中查看](${PUBLIC}/m/reports/5)`);
    } finally {
      await robot.close();
    }
  });

  it("retries a failing channel up to three times and records the last error; a settings error is not retried", async () => {
    rx = await startReceiver();
    rx.respond = (n) => (n < 2 ? 503 : 200);
    const flaky = insertChannel(db, { name: "偶发故障", kind: "webhook", url: sealUrl(key, rx.url), options: {}, enabled: true }, null);
    smtp = await startSmtp("alerts", PASS);
    const badLogin = insertChannel(db, {
      name: "密码错误", kind: "email", url: null, secretEnc: encryptSecret(key, "wrong"),
      options: { host: "127.0.0.1", port: smtp.port, secure: false, user: "alerts", from: "a@example.gov.cn", to: ["b@example.gov.cn"] }, enabled: true,
    }, null);
    const d = deps([`127.0.0.1:${rx.port}`]);
    const [ok, login, gone] = await deliverReport(db, d, input([flaky, badLogin, 999]));
    expect([ok.status, ok.attempts]).toEqual(["sent", 3]);
    expect(rx.received).toHaveLength(3);
    expect([login.status, login.attempts]).toEqual(["failed", 1]);
    expect(login.error).toContain("登录失败");
    expect(gone).toMatchObject({ channelId: 999, status: "failed", attempts: 0, error: "渠道已删除" });

    rx.respond = () => 500;
    const [down] = await deliverReport(db, d, input([flaky]));
    expect([down.status, down.attempts, down.error]).toEqual(["failed", 3, "接收方返回 HTTP 500"]);
  });

  it("without a file the e-mail fails with the reason while robots still get the summary", async () => {
    smtp = await startSmtp("alerts", PASS);
    rx = await startReceiver();
    const mail = emailChannel(smtp.port);
    const hook = insertChannel(db, { name: "接收系统", kind: "webhook", url: sealUrl(key, rx.url), options: {}, enabled: true }, null);
    const out = await deliverReport(db, deps([`127.0.0.1:${rx.port}`]), input([mail, hook], { file: { error: "chromium 未安装" } }));
    expect(out.map((o) => [o.status, o.error])).toEqual([["failed", "未能生成报告文件：chromium 未安装"], ["sent", null]]);
    expect(smtp.mails).toHaveLength(0);
  });
});

describe("report message pieces", () => {
  it("names the file safely and builds the message without the overview when the report has none", () => {
    const c = { ...content(null), title: '周报/第"1"期', sections: [] };
    expect(reportFilename(c, "docx")).toBe("周报_第_1_期（草稿）_2026-06-30.docx");
    const m = reportMessage({ runId: 1, reportId: 2, versionId: null, content: c }, PUBLIC, "Asia/Shanghai");
    expect([m.reason, m.items, m.url]).toEqual(["报告期间：2026年6月30日", [], `${PUBLIC}/reports/2`]);
  });
});
