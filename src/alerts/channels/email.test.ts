import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createEmailChannel } from "./email";
import { HOSTILE_TITLES, makeItem, makeMessage } from "./testdata/message";
import { mailHeader, mailPart, startSmtp, type SmtpReceiver } from "./testdata/smtp";
import { ChannelError, type ChannelSettings } from "./types";

const PASS = "smtp-pa55-word";
let smtp: SmtpReceiver | undefined;
afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
});

const channel = createEmailChannel({ timeZone: "Asia/Shanghai" });
const settings = (port: number, over: Record<string, unknown> = {}, secret = PASS): ChannelSettings => ({
  kind: "email", secret,
  options: { host: "127.0.0.1", port, secure: false, user: "alerts", from: "tingfeng@example.gov.cn", to: ["duty@example.gov.cn", "lead@example.gov.cn"], ...over },
});

async function sendError(s: ChannelSettings, timeoutMs = 3000): Promise<ChannelError> {
  const err = await channel.send(s, makeMessage(), { timeoutMs }).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ChannelError);
  expect((err as Error).message).not.toContain(PASS);
  return err as ChannelError;
}

describe("email channel", () => {
  it("delivers a Chinese subject, text and HTML body to the SMTP server, logged in", async () => {
    smtp = await startSmtp("alerts", PASS);
    await channel.send(settings(smtp.port), makeMessage(), { timeoutMs: 3000 });
    expect(smtp.mails).toHaveLength(1);
    const [mail] = smtp.mails;
    expect(mail.user).toBe("alerts");
    expect(mail.from).toBe("tingfeng@example.gov.cn");
    expect(mail.to).toEqual(["duty@example.gov.cn", "lead@example.gov.cn"]);
    expect(mailHeader(mail.raw, "Subject")).toBe("【舆情预警·较大】供水问题负面舆情升温");
    expect(mailHeader(mail.raw, "X-Tingfeng-Alert-Id")).toBe("42");
    const text = mailPart(mail.raw, "text/plain");
    expect(text).toContain("原因：监测方案「供水」命中负面信息");
    expect(text).toContain("来源：本地论坛｜发布时间：2026-12-06 09:30｜情感：负面｜转载 128");
    expect(text.trim().endsWith("在听风中查看：https://tingfeng.example.gov.cn/alerts/42")).toBe(true);
    const html = mailPart(mail.raw, "text/html");
    expect(html).toContain('<a href="https://tingfeng.example.gov.cn/alerts/42">在听风中查看</a>');
  });

  it("escapes collected text in the HTML body", async () => {
    smtp = await startSmtp("alerts", PASS);
    const message = makeMessage({ items: HOSTILE_TITLES.map((t, i) => makeItem({ id: i, title: t })) });
    await channel.send(settings(smtp.port), message, { timeoutMs: 3000 });
    const html = mailPart(smtp.mails[0].raw, "text/html");
    expect(html).not.toMatch(/<(script|font|at)\b/);
    expect(html).toContain("&#60;script&#62;");
  });

  it("does not retry a failed login", async () => {
    smtp = await startSmtp("alerts", PASS);
    const err = await sendError(settings(smtp.port, {}, "wrong-password"));
    expect(err.retryable).toBe(false);
    expect(err.message).toContain("登录失败");
  });

  it("retries a 4xx answer and not a 5xx one", async () => {
    for (const [code, retryable] of [[451, true], [550, false]] as const) {
      smtp = await startSmtp("alerts", PASS, {
        onRcptTo(_address, _session, callback) {
          callback(Object.assign(new Error(code === 451 ? "try again later" : "no such user"), { responseCode: code }));
        },
      });
      const err = await sendError(settings(smtp.port));
      expect([code, err.retryable]).toEqual([code, retryable]);
      expect(err.message).toContain(String(code));
      await smtp.close();
      smtp = undefined;
    }
  });

  it("gives up after timeoutMs on a server that never greets, retryably", async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((s) => void sockets.push(s));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const started = Date.now();
      const err = await sendError(settings((silent.address() as AddressInfo).port), 200);
      expect(Date.now() - started).toBeLessThan(1500);
      expect(err.retryable).toBe(true);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it("retries when nothing listens", async () => {
    const err = await sendError(settings(1));
    expect(err.retryable).toBe(true);
  });

  it("names the fields that cannot work", () => {
    expect(channel.validate(settings(587))).toBeNull();
    expect(channel.validate(settings(587, { port: "587" }))).toBeNull();
    expect(channel.validate({ kind: "email", options: { host: "", port: 0, from: "not-an-address", to: [] } })).toEqual({
      host: "请填写 SMTP 服务器地址", port: "端口须为 1–65535 的整数", from: "发件地址无效", to: "请至少填写一个有效的收件地址",
    });
    expect(channel.validate(settings(587, { to: ["ok@example.cn", "bad"] }))).toHaveProperty("to");
  });
});
