import { afterEach, describe, expect, it } from "vitest";
import { Agent } from "undici";
import { parseAllowList } from "../../ingest/allow-hosts";
import { createGuardedAgent } from "../../ingest/guarded-agent";
import { byteLength, TRUNCATED_NOTE } from "./format";
import { expectRetryCases, type RetryCase } from "./testdata/retry-cases";
import { startReceiver, type Receiver } from "./testdata/receiver";
import { makeMessage } from "./testdata/message";
import { ChannelError } from "./types";
import { createWecomChannel, WECOM_MARKDOWN_LIMIT } from "./wecom";

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

const channel = createWecomChannel({ timeZone: "Asia/Shanghai" });
const settings = (url: string) => ({ kind: "wecom" as const, url: `${url}/cgi-bin/webhook/send?key=SECRET-KEY-123`, options: {} });

async function sendError(url: string, timeoutMs = 2000): Promise<ChannelError> {
  const err = await channel.send(settings(url), makeMessage(), { timeoutMs }).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ChannelError);
  return err as ChannelError;
}

describe("wecom channel", () => {
  it("posts a markdown message as the group-robot docs define it", async () => {
    receiver = await startReceiver(() => ({ status: 200, json: { errcode: 0, errmsg: "ok" } }));
    await channel.send(settings(receiver.url), makeMessage(), { timeoutMs: 2000 });
    const [req] = receiver.requests;
    expect(req.method).toBe("POST");
    expect(req.url).toBe("/cgi-bin/webhook/send?key=SECRET-KEY-123");
    expect(req.headers["content-type"]).toMatch(/^application\/json/);
    const body = JSON.parse(req.body);
    expect(Object.keys(body).sort()).toEqual(["markdown", "msgtype"]);
    expect(body.msgtype).toBe("markdown");
    expect(body.markdown.content).toContain("【预警·较大】供水问题负面舆情升温");
    expect(body.markdown.content).toContain("发布时间：2026-12-06 09:30");
  });

  it("keeps content within 4096 UTF-8 bytes and the link when items are cut", async () => {
    receiver = await startReceiver(() => ({ status: 200, json: { errcode: 0 } }));
    const long = makeMessage({}, 10);
    for (const item of long.items) item.title = `${item.title}：${"居民反映停水时间过长且无人答复".repeat(6)}`;
    await channel.send(settings(receiver.url), long, { timeoutMs: 2000 });
    const content: string = JSON.parse(receiver.requests[0].body).markdown.content;
    expect(byteLength(content)).toBeLessThanOrEqual(WECOM_MARKDOWN_LIMIT);
    expect(byteLength(content)).toBeGreaterThan(WECOM_MARKDOWN_LIMIT - 600);
    expect(content).toContain(TRUNCATED_NOTE);
    expect(content.endsWith("(https://tingfeng.example.gov.cn/alerts/42)")).toBe(true);
  });

  it("retries rate limits (errcode 45009, HTTP 429, 5xx) but not a bad key or request", async () => {
    const cases: RetryCase[] = [
      [200, { errcode: 45009, errmsg: "api freq out of limit" }, true],
      [429, {}, true],
      [502, {}, true],
      [200, { errcode: 93000, errmsg: "invalid webhook url" }, false],
      [200, { errcode: 40058, errmsg: "markdown.content exceed max length 4096" }, false],
      [400, {}, false],
    ];
    await expectRetryCases(cases, (url) => sendError(url), (err) => expect(err.message).not.toContain("SECRET-KEY-123"));
  });

  it("gives up after timeoutMs on a receiver that never answers, retryably", async () => {
    receiver = await startReceiver(() => "hang");
    const started = Date.now();
    const err = await sendError(receiver.url, 200);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(err.retryable).toBe(true);
    expect(err.message).toContain("超时");
    expect(err.message).not.toContain("SECRET-KEY-123");
  });

  it("sends through the dispatcher it is given", async () => {
    receiver = await startReceiver(() => ({ status: 200, json: { errcode: 0 } }));
    let dispatched = 0;
    const agent = new Agent();
    const counting = agent.compose((dispatch) => (opts, handler) => {
      dispatched++;
      return dispatch(opts, handler);
    });
    await createWecomChannel({ dispatcher: counting }).send(settings(receiver.url), makeMessage(), { timeoutMs: 2000 });
    await agent.close();
    expect(dispatched).toBe(1);
  });

  it("refuses a URL with user-info or another scheme", () => {
    expect(channel.validate({ kind: "wecom", url: "https://u:p@qyapi.weixin.qq.com/x", options: {} })).toHaveProperty("url");
    expect(channel.validate({ kind: "wecom", url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", options: {} })).toBeNull();
  });
});

describe("wecom channel behind the fetch guard", () => {
  it("refuses an internal address without retrying, when the core passes the guarded agent", async () => {
    receiver = await startReceiver(() => ({ status: 200, json: { errcode: 0 } }));
    const agent = createGuardedAgent(parseAllowList([]));
    const err = await createWecomChannel({ dispatcher: agent }).send(settings(receiver.url), makeMessage(), { timeoutMs: 2000 }).then(() => null, (e: unknown) => e);
    await agent.close();
    expect(err).toBeInstanceOf(ChannelError);
    expect((err as ChannelError).retryable).toBe(false);
    expect((err as ChannelError).message).toContain("内网");
    expect(receiver.requests).toHaveLength(0);
  });
});
