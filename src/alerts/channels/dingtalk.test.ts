import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { createDingtalkChannel, DINGTALK_BODY_LIMIT, dingtalkSign } from "./dingtalk";
import { byteLength, TRUNCATED_NOTE } from "./format";
import { HOSTILE_TITLES, makeItem, makeMessage } from "./testdata/message";
import { expectRetryCases, type RetryCase } from "./testdata/retry-cases";
import { startReceiver, type Received, type Receiver, type Reply } from "./testdata/receiver";
import { ChannelError, type AlertMessage } from "./types";

const SECRET = "SECa1b2c3d4e5f6-test-secret";
let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

/** What DingTalk does with 加签, written from its docs independently of the code under test. */
function dingtalkServer(req: Received): Reply {
  const query = new URL(req.url, "http://x").searchParams;
  const timestamp = Number(query.get("timestamp"));
  // The docs' Java example: URLEncoder.encode(Base64(HmacSHA256(key = secret, data = timestamp + "\n" + secret))).
  const expected = createHmac("sha256", Buffer.from(SECRET, "utf8")).update(Buffer.from(`${timestamp}\n${SECRET}`, "utf8")).digest("base64");
  if (Math.abs(Date.now() - timestamp) > 3_600_000) return { status: 200, json: { errcode: 310000, errmsg: "invalid timestamp" } };
  if (query.get("sign") !== expected) return { status: 200, json: { errcode: 310000, errmsg: "sign not match" } };
  if (byteLength(req.body) > 20_000) return { status: 200, json: { errcode: 460101, errmsg: "body 大小不合法" } };
  return { status: 200, json: { errcode: 0, errmsg: "ok" } };
}

const channel = createDingtalkChannel({ timeZone: "Asia/Shanghai" });
const wide = createDingtalkChannel({ maxItems: 80 });
const settings = (url: string, secret: string | undefined = SECRET) =>
  ({ kind: "dingtalk" as const, url: `${url}/robot/send?access_token=TOKEN-abcdef123456`, secret, options: {} });

async function sendError(url: string, message: AlertMessage = makeMessage(), now?: () => number): Promise<ChannelError> {
  const err = await channel.send(settings(url), message, { timeoutMs: 2000, now }).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ChannelError);
  return err as ChannelError;
}

describe("dingtalk channel", () => {
  it("signs with a fresh millisecond timestamp the receiver recomputes and accepts", async () => {
    receiver = await startReceiver(dingtalkServer);
    await channel.send(settings(receiver.url), makeMessage(), { timeoutMs: 2000 });
    const [req] = receiver.requests;
    const query = new URL(req.url, "http://x").searchParams;
    expect(query.get("access_token")).toBe("TOKEN-abcdef123456");
    expect(Math.abs(req.receivedAt - Number(query.get("timestamp")))).toBeLessThan(5_000);
    // The raw query has the signature URL-encoded (base64 '+', '/', '=' would otherwise be mangled).
    expect(req.url).toMatch(/&sign=[A-Za-z0-9%]+$/);
    const body = JSON.parse(req.body);
    expect(body.msgtype).toBe("markdown");
    expect(body.markdown.title).toBe("【舆情预警·较大】供水问题负面舆情升温");
    expect(body.markdown.text).toContain("\n\n来源：本地论坛｜发布时间：2026-12-06 09:30｜情感：负面｜转载 128");
    expect(body.at).toEqual({ isAtAll: false, atMobiles: [], atUserIds: [] });
  });

  it("matches the docs' recipe for a known timestamp", () => {
    expect(dingtalkSign(1_700_000_000_000, "SECabc")).toBe(createHmac("sha256", "SECabc").update("1700000000000\nSECabc").digest("base64"));
  });

  it("uses the injected clock, so a timestamp over an hour old is what the server refuses (not retryable)", async () => {
    receiver = await startReceiver(dingtalkServer);
    const err = await sendError(receiver.url, makeMessage(), () => Date.now() - 2 * 3_600_000);
    expect(err.retryable).toBe(false);
    expect(err.message).toContain("310000");
    expect(err.message).not.toContain(SECRET);
    expect(err.message).not.toContain("TOKEN-abcdef123456");
  });

  it("sends unsigned when no secret is set, replacing nothing else in the URL", async () => {
    receiver = await startReceiver(() => ({ status: 200, json: { errcode: 0 } }));
    await channel.send(settings(receiver.url, ""), makeMessage(), { timeoutMs: 2000 });
    expect(receiver.requests[0].url).toBe("/robot/send?access_token=TOKEN-abcdef123456");
  });

  it("keeps the body within 20000 bytes and the link when items are cut", async () => {
    receiver = await startReceiver(dingtalkServer);
    const long = makeMessage({}, 80);
    for (const item of long.items) item.title = "长标题".repeat(300);
    await wide.send(settings(receiver.url), long, { timeoutMs: 2000 });
    const { body } = receiver.requests[0];
    expect(byteLength(body)).toBeLessThanOrEqual(DINGTALK_BODY_LIMIT);
    const text: string = JSON.parse(body).markdown.text;
    expect(text).toContain(TRUNCATED_NOTE);
    expect(text.endsWith("(https://tingfeng.example.gov.cn/alerts/42)")).toBe(true);
  });

  it("mentions nobody whatever the collected text says", async () => {
    receiver = await startReceiver(dingtalkServer);
    const message = makeMessage({ title: HOSTILE_TITLES[1], items: HOSTILE_TITLES.map((t, i) => makeItem({ id: i, title: t })) });
    await channel.send(settings(receiver.url), message, { timeoutMs: 2000 });
    const body = JSON.parse(receiver.requests[0].body);
    expect(body.at.isAtAll).toBe(false);
    expect(`${body.markdown.title}${body.markdown.text}`).not.toContain("@");
  });

  it("retries the rate limit (130101), 429 and 5xx, not a bad token or 400", async () => {
    const cases: RetryCase[] = [
      [200, { errcode: 130101, errmsg: "send too fast, exceed 20 times per minute" }, true],
      [429, {}, true],
      [503, {}, true],
      [200, { errcode: 300001, errmsg: "token is not exist" }, false],
      [400, {}, false],
    ];
    await expectRetryCases(cases, (url) => sendError(url));
  });

  it("gives up after timeoutMs on a receiver that never answers, retryably", async () => {
    receiver = await startReceiver(() => "hang");
    const started = Date.now();
    const err = await channel.send(settings(receiver.url), makeMessage(), { timeoutMs: 200 }).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(ChannelError);
    expect((err as ChannelError).retryable).toBe(true);
    expect(Date.now() - started).toBeLessThan(1500);
  });
});
