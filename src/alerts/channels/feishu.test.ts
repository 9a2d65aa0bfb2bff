import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { createFeishuChannel, FEISHU_BODY_LIMIT } from "./feishu";
import { byteLength, TRUNCATED_NOTE } from "./format";
import { HOSTILE_TITLES, makeItem, makeMessage } from "./testdata/message";
import { expectRetryCases, type RetryCase } from "./testdata/retry-cases";
import { startReceiver, type Received, type Receiver, type Reply } from "./testdata/receiver";
import { ChannelError } from "./types";

const SECRET = "feishu-test-secret-9f8e7d";
let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

/** What Feishu does with 签名校验, from its docs' Python example: hmac.new(key=f"{timestamp}\n{secret}", msg=b"", sha256), base64. */
function feishuServer(req: Received): Reply {
  const body = JSON.parse(req.body);
  const timestamp = Number(body.timestamp);
  const expected = createHmac("sha256", Buffer.from(`${timestamp}\n${SECRET}`, "utf8")).update(Buffer.alloc(0)).digest("base64");
  if (Math.abs(Date.now() / 1000 - timestamp) > 3600 || body.sign !== expected) {
    return { status: 200, json: { code: 19021, msg: "sign match fail or timestamp is not within one hour from current time" } };
  }
  if (byteLength(req.body) > 20 * 1024) return { status: 200, json: { code: 9499, msg: "Bad Request" } };
  return { status: 200, json: { code: 0, msg: "success", data: {} } };
}

const channel = createFeishuChannel({ timeZone: "Asia/Shanghai" });
const wide = createFeishuChannel({ maxItems: 80 });
const settings = (url: string, secret: string | undefined = SECRET) =>
  ({ kind: "feishu" as const, url: `${url}/open-apis/bot/v2/hook/0123456789abcdef-token`, secret, options: {} });

async function sendError(url: string, now?: () => number): Promise<ChannelError> {
  const err = await channel.send(settings(url), makeMessage(), { timeoutMs: 2000, now }).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ChannelError);
  return err as ChannelError;
}

describe("feishu channel", () => {
  it("signs the body with a seconds timestamp the receiver verifies, and sends a card", async () => {
    receiver = await startReceiver(feishuServer);
    await channel.send(settings(receiver.url), makeMessage({ severity: "major" }), { timeoutMs: 2000 });
    const [req] = receiver.requests;
    const body = JSON.parse(req.body);
    expect(typeof body.timestamp).toBe("string");
    expect(Math.abs(req.receivedAt / 1000 - Number(body.timestamp))).toBeLessThan(5);
    expect(body.msg_type).toBe("interactive");
    expect(body.card.header).toEqual({ title: { tag: "plain_text", content: "【舆情预警·重大】供水问题负面舆情升温" }, template: "red" });
    const content: string = body.card.elements[0].text.content;
    expect(body.card.elements[0].text.tag).toBe("lark_md");
    expect(content).toContain("来源：本地论坛｜发布时间：2026-12-06 09:30｜情感：负面｜转载 128");
    expect(content.endsWith("[在听风中查看](https://tingfeng.example.gov.cn/alerts/42)")).toBe(true);
  });

  it("uses the injected clock: a timestamp over an hour old is refused (code 19021, not retryable)", async () => {
    receiver = await startReceiver(feishuServer);
    const err = await sendError(receiver.url, () => Date.now() - 2 * 3_600_000);
    expect(err.retryable).toBe(false);
    expect(err.message).toContain("19021");
    expect(err.message).not.toContain("0123456789abcdef-token");
  });

  it("sends no timestamp or sign without a secret", async () => {
    receiver = await startReceiver(() => ({ status: 200, json: { code: 0 } }));
    await channel.send(settings(receiver.url, ""), makeMessage(), { timeoutMs: 2000 });
    const body = JSON.parse(receiver.requests[0].body);
    expect(body).not.toHaveProperty("sign");
    expect(body).not.toHaveProperty("timestamp");
  });

  it("keeps the body within the 20 KB limit and the link when items are cut", async () => {
    receiver = await startReceiver(feishuServer);
    const long = makeMessage({}, 80);
    for (const item of long.items) item.title = "长标题".repeat(300);
    await wide.send(settings(receiver.url), long, { timeoutMs: 2000 });
    const { body } = receiver.requests[0];
    expect(byteLength(body)).toBeLessThanOrEqual(FEISHU_BODY_LIMIT);
    const content: string = JSON.parse(body).card.elements[0].text.content;
    expect(content).toContain(TRUNCATED_NOTE);
    expect(content.endsWith("(https://tingfeng.example.gov.cn/alerts/42)")).toBe(true);
  });

  it("leaves no <at> or @ from collected text in the card", async () => {
    receiver = await startReceiver(feishuServer);
    const message = makeMessage({ title: HOSTILE_TITLES[1], items: HOSTILE_TITLES.map((t, i) => makeItem({ id: i, title: t, source: t })) });
    await channel.send(settings(receiver.url), message, { timeoutMs: 2000 });
    const text = JSON.stringify(JSON.parse(receiver.requests[0].body).card);
    expect(text).not.toMatch(/@|<at/);
  });

  it("retries frequency limits (code 11232 as 200 or 400, HTTP 429, 5xx), not other codes or 400", async () => {
    const cases: RetryCase[] = [
      [200, { code: 11232, msg: "frequency limited" }, true],
      [400, { code: 11232, msg: "frequency limited" }, true],
      [429, { code: 99991400, msg: "request trigger frequency limit" }, true],
      [500, {}, true],
      [200, { code: 19024, msg: "Key Words Not Found" }, false],
      [400, { code: 9499, msg: "Bad Request" }, false],
    ];
    await expectRetryCases(cases, (url) => sendError(url));
  });

  it("accepts the older StatusCode 0 answer", async () => {
    receiver = await startReceiver(() => ({ status: 200, json: { Extra: null, StatusCode: 0, StatusMessage: "success" } }));
    await channel.send(settings(receiver.url), makeMessage(), { timeoutMs: 2000 });
  });

  it("gives up after timeoutMs on a receiver that never answers, retryably", async () => {
    receiver = await startReceiver(() => "hang");
    const err = await channel.send(settings(receiver.url), makeMessage(), { timeoutMs: 200 }).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(ChannelError);
    expect((err as ChannelError).retryable).toBe(true);
  });
});
