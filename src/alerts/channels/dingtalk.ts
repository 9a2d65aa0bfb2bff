// DingTalk (钉钉) custom robot: POST {"msgtype":"markdown","markdown":{title,text},"at":{"isAtAll":false}}
// to https://oapi.dingtalk.com/robot/send?access_token=…. With 加签 (open.dingtalk.com/document/
// group/custom-robot-access and its security-settings page) the URL also carries timestamp (ms, within an hour of
// DingTalk's clock) and sign = urlencode(base64(HMAC-SHA256(key = secret, data = timestamp + "\n" +
// secret))); errcode 310000 when it does not match. The body may be at most 20000 bytes (errcode
// 460101); a robot may send 20 messages a minute (errcode 130101, then throttled for 10 minutes).
// Without a secret we send unsigned: the robot must then be secured by keyword or IP allow-list.
import { createHmac } from "node:crypto";
import {
  byteLength, fitItems, httpStatusError, joinParts, markdownFlavour, neutraliseMarkdown, parseJsonObject,
  platformMessage, renderParts, subjectLine, validateRobotUrl, type RobotDeps,
} from "./format";
import { postRobot } from "./robot-http";
import { ChannelError, type AlertChannel, type AlertMessage, type ChannelSettings, type SendOptions } from "./types";

/** The documented limit of the request body, in bytes. */
export const DINGTALK_BODY_LIMIT = 20_000;
/** errcode of "send too fast, exceed 20 times per minute": worth retrying later. */
export const DINGTALK_RATE_LIMITED = 130101;

const LABEL = "钉钉机器人";
// DingTalk markdown joins single newlines; a blank line is a line break.
const FLAVOUR = markdownFlavour("\n\n");

/** The 加签 signature of `timestamp` (ms) under `secret`, base64 (the caller URL-encodes it). */
export function dingtalkSign(timestamp: number, secret: string): string {
  return createHmac("sha256", secret).update(`${timestamp}\n${secret}`, "utf8").digest("base64");
}

/** The robot URL with timestamp and sign set (replacing any already there), or unchanged without a secret. */
export function signedDingtalkUrl(url: string, secret: string | undefined, now: number): string {
  if (!secret) return url;
  const signed = new URL(url);
  signed.searchParams.set("timestamp", String(now));
  signed.searchParams.set("sign", dingtalkSign(now, secret));
  return signed.href;
}

/** The request body for `message`, fitted to 20000 bytes; nobody is mentioned. */
export function dingtalkBody(message: AlertMessage, deps: RobotDeps = {}): object {
  const parts = renderParts(message, FLAVOUR, deps);
  const title = neutraliseMarkdown(subjectLine(message));
  const build = (kept: number, cut: boolean) => ({
    msgtype: "markdown",
    markdown: { title, text: joinParts(parts, kept, cut) },
    at: { isAtAll: false, atMobiles: [], atUserIds: [] },
  });
  return fitItems(parts.items.length, DINGTALK_BODY_LIMIT, build, (body) => byteLength(JSON.stringify(body)));
}

/** The DingTalk custom-robot channel; pass the guarded dispatcher in production. */
export function createDingtalkChannel(deps: RobotDeps = {}): AlertChannel {
  return {
    kind: "dingtalk",
    validate: (settings: ChannelSettings) => validateRobotUrl(settings.url),
    async send(settings: ChannelSettings, message: AlertMessage, opts: SendOptions): Promise<void> {
      const base = settings.url ?? "";
      if (validateRobotUrl(base)) throw new ChannelError(`${LABEL}：Webhook 地址无效`, false);
      const url = signedDingtalkUrl(base, settings.secret, (opts.now ?? Date.now)());
      const body = JSON.stringify(dingtalkBody(message, deps));
      const { status, text } = await postRobot(LABEL, url, base, body, deps, opts);
      if (status < 200 || status >= 300) throw httpStatusError(LABEL, base, status);
      const json = parseJsonObject(text);
      if (!json) throw new ChannelError(`${LABEL}：返回内容不是 JSON`, true);
      if (json.errcode === 0) return;
      const code = Number(json.errcode);
      throw new ChannelError(`${LABEL}：发送失败，errcode ${code} ${platformMessage(json.errmsg)}`.trim(), code === DINGTALK_RATE_LIMITED);
    },
  };
}
