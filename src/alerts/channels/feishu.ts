// Feishu (飞书) custom bot: POST an interactive card to https://open.feishu.cn/open-apis/bot/v2/hook/….
// With 签名校验 (自定义机器人使用指南,
// open.feishu.cn/document/ukTMukTMukTM/ucTM5YjL3ETO24yNxkjN) the body also carries
// timestamp (seconds, within an hour) and sign = base64(HMAC-SHA256(key = timestamp + "\n" + secret,
// data = "")) — the key/data roles are the reverse of DingTalk's; code 19021 when it does not match.
// The request body may be at most 20 KB; a bot may send 100 messages a minute and 5 a second
// (code 11232 when over). Without a secret the body is unsigned (keyword or IP allow-list instead).
import { createHmac } from "node:crypto";
import {
  byteLength, fitItems, httpStatusError, joinParts, markdownFlavour, neutraliseMarkdown, parseJsonObject,
  platformMessage, renderParts, subjectLine, validateRobotUrl, type RobotDeps,
} from "./format";
import { postRobot } from "./robot-http";
import { ChannelError, type AlertChannel, type AlertMessage, type AlertSeverity, type ChannelSettings, type SendOptions } from "./types";

/** The request-body limit; the docs say 20 KB, we keep under 20000 bytes to stay clear of either reading. */
export const FEISHU_BODY_LIMIT = 20_000;
/** code of "frequency limited": worth retrying later. */
export const FEISHU_RATE_LIMITED = 11232;

const LABEL = "飞书机器人";
const FLAVOUR = markdownFlavour("\n");
const HEADER_COLOUR: Record<AlertSeverity, string> = { general: "blue", significant: "orange", major: "red" };

/** The 签名校验 signature for `timestamp` (seconds): HMAC-SHA256 keyed by "timestamp\nsecret" over nothing, base64. */
export function feishuSign(timestamp: number, secret: string): string {
  return createHmac("sha256", `${timestamp}\n${secret}`).update("").digest("base64");
}

/** The request body: an interactive card (lark_md text), signed when there is a secret, fitted to the limit. */
export function feishuBody(message: AlertMessage, secret: string | undefined, nowMs: number, deps: RobotDeps = {}): object {
  const parts = renderParts(message, FLAVOUR, deps);
  const timestamp = Math.floor(nowMs / 1000);
  const signature = secret ? { timestamp: String(timestamp), sign: feishuSign(timestamp, secret) } : {};
  const build = (kept: number, cut: boolean) => ({
    ...signature,
    msg_type: "interactive",
    card: {
      config: { wide_screen_mode: true },
      header: { title: { tag: "plain_text", content: neutraliseMarkdown(subjectLine(message)) }, template: HEADER_COLOUR[message.severity] },
      elements: [{ tag: "div", text: { tag: "lark_md", content: joinParts(parts, kept, cut) } }],
    },
  });
  return fitItems(parts.items.length, FEISHU_BODY_LIMIT, build, (body) => byteLength(JSON.stringify(body)));
}

/** The Feishu custom-bot channel; pass the guarded dispatcher in production. */
export function createFeishuChannel(deps: RobotDeps = {}): AlertChannel {
  return {
    kind: "feishu",
    validate: (settings: ChannelSettings) => validateRobotUrl(settings.url),
    async send(settings: ChannelSettings, message: AlertMessage, opts: SendOptions): Promise<void> {
      const url = settings.url ?? "";
      if (validateRobotUrl(url)) throw new ChannelError(`${LABEL}：Webhook 地址无效`, false);
      const body = JSON.stringify(feishuBody(message, settings.secret, (opts.now ?? Date.now)(), deps));
      const { status, text } = await postRobot(LABEL, url, url, body, deps, opts);
      const json = parseJsonObject(text);
      // Feishu answers a frequency limit as HTTP 200 or 400 with code 11232, depending on the gateway.
      if (json && Number(json.code) === FEISHU_RATE_LIMITED) throw new ChannelError(`${LABEL}：发送过于频繁（code 11232）`, true);
      if (status < 200 || status >= 300) throw httpStatusError(LABEL, url, status);
      if (!json) throw new ChannelError(`${LABEL}：返回内容不是 JSON`, true);
      // Older bots answer {"StatusCode":0,…}; current ones {"code":0,…}.
      if (json.code === 0 || (json.code === undefined && json.StatusCode === 0)) return;
      const code = Number(json.code ?? json.StatusCode);
      throw new ChannelError(`${LABEL}：发送失败，code ${code} ${platformMessage(json.msg ?? json.StatusMessage)}`.trim(), false);
    },
  };
}
