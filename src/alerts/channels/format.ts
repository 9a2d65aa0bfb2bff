// Turns an AlertMessage into the Chinese text every channel sends, and fits it to a platform's byte
// limit by dropping whole items, never the link into Tingfeng. Pure: no I/O, no clock.
import type { Dispatcher } from "undici";
import { ChannelError, SEVERITY_ZH, type AlertItem, type AlertMessage } from "./types";

/** Appended when items were dropped to fit; the alert's URL follows it. */
export const TRUNCATED_NOTE = "……（内容过长，完整内容请点击查看）";

/** How one platform spells emphasis, links and line breaks, and what of collected text it must neutralise. */
export interface Flavour {
  /** Makes collected text (titles, sources, reasons) inert for the platform. */
  escape(text: string): string;
  bold(text: string): string;
  /** A link; `url` is already known to be http(s). */
  link(label: string, url: string): string;
  /** Between lines; DingTalk markdown needs a blank line where others take one newline. */
  newline: string;
}

/** Options of one rendering. */
export interface RenderOptions {
  /** IANA zone for times; default the process's. */
  timeZone?: string;
  /** At most this many items are listed (default 10). */
  maxItems?: number;
}

/** What the robot channels take from the core: the SSRF-guarded dispatcher (src/ingest/guarded-agent.ts), the zone for times, the item cap. */
export interface RobotDeps extends RenderOptions {
  dispatcher?: Dispatcher;
}

/** The message in display form: every string already escaped for the flavour. */
export interface RenderedParts {
  head: string[];
  items: string[];
  /** The closing link into Tingfeng. */
  link: string;
}

// Collected text is capped before rendering so that the head alone always fits every limit (≥ 2 KB).
const TITLE_BYTES = 300;
const REASON_BYTES = 600;
const SOURCE_BYTES = 120;

const SENTIMENT_ZH: Record<NonNullable<AlertItem["sentiment"]>, string> = { neg: "负面", neu: "中性", pos: "正面" };

/** The sentiment in Chinese (未判定 when none was computed). */
export function sentimentZh(sentiment: AlertItem["sentiment"]): string {
  return sentiment ? SENTIMENT_ZH[sentiment] : "未判定";
}

/** Bytes `text` takes in UTF-8. */
export function byteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** The longest prefix of `text` of at most `limit` UTF-8 bytes, cut between code points, with "…" when cut. */
export function truncateBytes(text: string, limit: number): string {
  if (byteLength(text) <= limit) return text;
  let out = "";
  let used = 0;
  const budget = limit - byteLength("…");
  for (const ch of text) {
    const size = byteLength(ch);
    if (used + size > budget) break;
    out += ch;
    used += size;
  }
  return `${out}…`;
}

/** "2026-12-06 20:01" in `timeZone`, or "未知" for a missing or unparsable time. */
export function formatTime(iso: string | null, timeZone?: string): string {
  if (!iso) return "未知";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "未知";
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}

/** One line, no control characters: collected text never starts a heading, quote or list. */
export function flattenText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ").replace(/\s+/g, " ").trim();
}

/**
 * Makes collected text inert in the robots' markdown: link, emphasis, code, HTML/<font>/<at> and
 * <@userid> syntax become their full-width look-alikes (none of the three platforms documents a
 * backslash escape), and every "@" becomes "＠" so no title can mention anyone, least of all everyone.
 */
export function neutraliseMarkdown(text: string): string {
  return flattenText(text).replace(/[[\]<>*_`~#|@\\]/g, (ch) => FULL_WIDTH[ch] ?? ch);
}

/** Mentions only: for plain-text surfaces where markup is not rendered but "@all" or <at …> could still ping. */
export function neutraliseMentions(text: string): string {
  return flattenText(text).replace(/@/g, "＠").replace(/<(?=\s*at\b)/gi, "＜");
}

const FULL_WIDTH: Record<string, string> = {
  "[": "［", "]": "］", "<": "＜", ">": "＞", "*": "＊", _: "＿", "`": "｀", "~": "～", "#": "＃", "|": "｜", "@": "＠", "\\": "＼",
};

/** `url` when it is http(s), normalised with parentheses and spaces encoded so it cannot close a markdown link; else null. */
export function safeLink(url: string | null): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
  return parsed.href.replace(/\(/g, "%28").replace(/\)/g, "%29").replace(/ /g, "%20").replace(/[<>"]/g, encodeURIComponent);
}

/** The message as escaped display lines: head (severity, title, reason, folding), one block per item, the link. */
export function renderParts(message: AlertMessage, flavour: Flavour, options: RenderOptions = {}): RenderedParts {
  const e = (text: string, bytes: number) => flavour.escape(truncateBytes(flattenText(text), bytes));
  const severity = SEVERITY_ZH[message.severity];
  const report = message.kind === "report";
  const head = [
    flavour.bold(`${report ? "【报告】" : `【预警·${severity}】`}${e(message.title, TITLE_BYTES)}`),
    `${report ? "摘要" : "原因"}：${e(message.reason, REASON_BYTES)}`,
  ];
  if (message.count > 1) head.push(`同一预警共 ${message.count} 条（已合并发送）`);
  const shown = message.items.slice(0, options.maxItems ?? 10);
  const items = shown.map((item, i) => {
    const lines = [
      `${i + 1}. ${flavour.bold(e(item.title, TITLE_BYTES) || "（无标题）")}`,
      `来源：${e(item.source, SOURCE_BYTES)}｜发布时间：${formatTime(item.publishedAt, options.timeZone)}｜情感：${sentimentZh(item.sentiment)}｜转载 ${item.repostCount}`,
    ];
    const link = safeLink(item.url);
    if (link) lines.push(flavour.link("查看原文", link));
    return lines.join(flavour.newline);
  });
  if (message.items.length > shown.length) items.push(`另有 ${message.items.length - shown.length} 条未列出`);
  const url = safeLink(message.url) ?? message.url;
  const ack = safeLink(message.ackUrl ?? null);
  const view = flavour.link("在听风中查看", url);
  return { head, items, link: ack ? `${view}${flavour.newline}${flavour.link("确认收到", ack)}` : view };
}

/** Joins parts, keeping the first `kept` items; with `truncated`, the note and link close the text. */
export function joinParts(parts: RenderedParts, kept: number, truncated: boolean): string {
  const blocks = [...parts.head, ...parts.items.slice(0, kept)];
  blocks.push(truncated ? `${TRUNCATED_NOTE}${parts.link}` : parts.link);
  // A blank line between blocks: a paragraph break in every flavour, DingTalk's included.
  return blocks.join("\n\n");
}

/**
 * The largest number of items (kept whole, in order) whose payload `size` stays within `limit`, and
 * the payload built for it. `build(n, truncated)` makes the payload with n items; when items must go,
 * it is built with `truncated` so the note and link are counted. Throws when even no items do not fit.
 */
export function fitItems<T>(total: number, limit: number, build: (kept: number, truncated: boolean) => T, size: (payload: T) => number): T {
  const whole = build(total, false);
  if (size(whole) <= limit) return whole;
  for (let kept = total - 1; kept >= 0; kept--) {
    const payload = build(kept, true);
    if (size(payload) <= limit) return payload;
  }
  throw new Error(`format: the message does not fit ${limit} bytes even without items`);
}

/** The whole text in `flavour`, at most `limitBytes` UTF-8 bytes, cutting whole items and keeping the link. */
export function renderText(message: AlertMessage, flavour: Flavour, limitBytes: number, options: RenderOptions = {}): string {
  const parts = renderParts(message, flavour, options);
  return fitItems(parts.items.length, limitBytes, (kept, truncated) => joinParts(parts, kept, truncated), byteLength);
}

/** Markdown flavour shared by WeCom and DingTalk (which differ only in line breaks). */
export function markdownFlavour(newline: string): Flavour {
  return { escape: neutraliseMarkdown, bold: (t) => `**${t}**`, link: (label, url) => `[${label}](${url})`, newline };
}

/** Plain text (e-mail, Feishu post text runs): nothing is rendered, so only mentions are neutralised. */
export const PLAIN_FLAVOUR: Flavour = { escape: neutraliseMentions, bold: (t) => t, link: (label, url) => `${label}：${url}`, newline: "\n" };

/** The mail subject / card title: 【舆情预警·较大】title, or 【报告】title. */
export function subjectLine(message: AlertMessage): string {
  const tag = message.kind === "report" ? "【报告】" : `【舆情预警·${SEVERITY_ZH[message.severity]}】`;
  return `${tag}${truncateBytes(flattenText(message.title), TITLE_BYTES)}`;
}

/** The URL without query string and with long path segments (tokens) shortened, for error messages. */
export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    const path = u.pathname.split("/").map((s) => (s.length > 12 ? `${s.slice(0, 4)}…` : s)).join("/");
    return `${u.protocol}//${u.host}${path}${u.search ? "?…" : ""}`;
  } catch {
    return "（无效地址）";
  }
}

/** Field errors for a robot webhook URL: required, http(s), no user-info. */
export function validateRobotUrl(url: string | undefined): Record<string, string> | null {
  if (!url) return { url: "请填写机器人 Webhook 地址" };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { url: "Webhook 地址格式不正确" };
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return { url: "Webhook 地址必须以 http:// 或 https:// 开头" };
  if (parsed.username || parsed.password) return { url: "Webhook 地址不能包含用户名或密码" };
  return null;
}

/** True when `err` or one of its causes is the fetch guard refusing an internal address (a settings problem). */
function isBlockedAddress(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e.name === "BlockedAddressError") return true;
  }
  return false;
}

/** The ChannelError for a request that got no answer: timeouts and network errors are retryable, a refused internal address is not. */
export function networkError(label: string, url: string, err: unknown): ChannelError {
  if (isBlockedAddress(err)) return new ChannelError(`${label}：地址 ${maskUrl(url)} 指向内网或保留地址，已拒绝连接`, false, { cause: err });
  const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError" || /timeout/i.test(err.name));
  return new ChannelError(`${label}：${timedOut ? "请求超时" : "网络错误"}（${maskUrl(url)}）`, true, { cause: err });
}

/** The ChannelError for a non-2xx answer: 429 and 5xx are retryable, other statuses are not. */
export function httpStatusError(label: string, url: string, status: number): ChannelError {
  const retryable = status === 429 || status >= 500;
  return new ChannelError(`${label}：服务器返回 HTTP ${status}（${maskUrl(url)}）`, retryable);
}

/** The JSON object in a robot's answer, or null when it is not one. */
export function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A platform's error text, one line and short, for a ChannelError message. */
export function platformMessage(value: unknown): string {
  return typeof value === "string" ? truncateBytes(flattenText(value), 200) : "";
}
