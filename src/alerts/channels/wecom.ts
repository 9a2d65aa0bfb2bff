// WeCom (企业微信) group robot: POST {"msgtype":"markdown","markdown":{"content":…}} to the robot's
// webhook (https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…). Per the group-robot docs
// (developer.work.weixin.qq.com/document/path/99398) markdown content is at most 4096 UTF-8 bytes
// (errcode 40058 beyond), a robot may send 20 messages a minute (errcode 45009 when over).
import {
  byteLength, fitItems, httpStatusError, joinParts, markdownFlavour, parseJsonObject, platformMessage,
  renderParts, validateRobotUrl, type RobotDeps,
} from "./format";
import { postRobot } from "./robot-http";
import { ChannelError, type AlertChannel, type AlertMessage, type ChannelSettings, type SendOptions } from "./types";

/** The documented limit of markdown.content, in UTF-8 bytes. */
export const WECOM_MARKDOWN_LIMIT = 4096;
/** errcode of "API call frequency over limit": worth retrying later. */
export const WECOM_RATE_LIMITED = 45009;

const LABEL = "企业微信机器人";
const FLAVOUR = markdownFlavour("\n");

/** The request body for `message`, content fitted to 4096 bytes. */
export function wecomBody(message: AlertMessage, deps: RobotDeps = {}): { msgtype: "markdown"; markdown: { content: string } } {
  const parts = renderParts(message, FLAVOUR, deps);
  const content = fitItems(parts.items.length, WECOM_MARKDOWN_LIMIT, (kept, cut) => joinParts(parts, kept, cut), byteLength);
  return { msgtype: "markdown", markdown: { content } };
}

/** The WeCom group-robot channel; pass the guarded dispatcher in production. */
export function createWecomChannel(deps: RobotDeps = {}): AlertChannel {
  return {
    kind: "wecom",
    validate: (settings: ChannelSettings) => validateRobotUrl(settings.url),
    async send(settings: ChannelSettings, message: AlertMessage, opts: SendOptions): Promise<void> {
      const url = settings.url ?? "";
      if (validateRobotUrl(url)) throw new ChannelError(`${LABEL}：Webhook 地址无效`, false);
      const body = JSON.stringify(wecomBody(message, deps));
      const { status, text } = await postRobot(LABEL, url, url, body, deps, opts);
      if (status < 200 || status >= 300) throw httpStatusError(LABEL, url, status);
      const json = parseJsonObject(text);
      if (!json) throw new ChannelError(`${LABEL}：返回内容不是 JSON`, true);
      if (json.errcode === 0) return;
      const code = Number(json.errcode);
      throw new ChannelError(`${LABEL}：发送失败，errcode ${code} ${platformMessage(json.errmsg)}`.trim(), code === WECOM_RATE_LIMITED);
    },
  };
}
