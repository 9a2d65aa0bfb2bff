// The one interface every alert channel implements (one module per channel under this folder),
// and the message they all format: what fired, why, and the items behind it, in Chinese.

/** Alert severities, lowest first: 一般 / 较大 / 重大. */
export const ALERT_SEVERITIES = ["general", "significant", "major"] as const;
/** One of ALERT_SEVERITIES. */
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
/** What each severity is called in Chinese. */
export const SEVERITY_ZH: Record<AlertSeverity, string> = { general: "一般", significant: "较大", major: "重大" };

/** Channel kinds (the API's `kind`). */
export const CHANNEL_KINDS = ["webhook", "email", "wecom", "dingtalk", "feishu", "inapp"] as const;
/** One of CHANNEL_KINDS. */
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** One item behind an alert, as messages show it. */
export interface AlertItem {
  id: number;
  title: string;
  url: string | null;
  source: string;
  /** ISO 8601, or null when the feed gave no time. */
  publishedAt: string | null;
  fetchedAt: string;
  sentiment: "neg" | "neu" | "pos" | null;
  repostCount: number;
}

/** What a channel delivers: one alert (possibly several folded into one, see `count`). */
export interface AlertMessage {
  /** The alert id: receivers use it as an idempotency key. */
  id: number;
  severity: AlertSeverity;
  title: string;
  /** Why it fired, in Chinese (e.g. "监测方案「乱收费」命中负面信息"). */
  reason: string;
  /** Link into Tingfeng (the alert's page). */
  url: string;
  items: AlertItem[];
  /** ISO 8601. */
  createdAt: string;
  /** How many alerts this message folds (1 when it is one). */
  count: number;
  /** Signed, expiring link that acknowledges the alert after signing in (src/alerts/ack-link.ts). */
  ackUrl?: string;
  /** What is delivered: an alert (default) or a report (报告: the title, a summary in `reason`, a link to read it). */
  kind?: "alert" | "report";
  /** Files the e-mail channel attaches (a scheduled report); other channels ignore them. */
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

/** A channel's stored settings, secrets decrypted (never logged or returned by the API). */
export interface ChannelSettings {
  kind: ChannelKind;
  /** Webhook / robot URL; for e-mail unused. */
  url?: string;
  /** Signing secret (webhook HMAC, DingTalk and Feishu signatures) or SMTP password. */
  secret?: string;
  /** Kind-specific options (e-mail: host, port, secure, user, from, to; …). */
  options: Record<string, unknown>;
}

/** Options of one delivery attempt. */
export interface SendOptions {
  /** The whole attempt's limit; the contract says 10 s. */
  timeoutMs: number;
  /** Now, for signatures that carry a timestamp (injectable in tests). */
  now?: () => number;
}

/** A failed attempt; `retryable` false for errors a retry cannot fix (bad settings, 4xx other than 429). */
export class ChannelError extends Error {
  override readonly name = "ChannelError";
  constructor(message: string, readonly retryable: boolean, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** One channel module: checks its settings and delivers a message (throws ChannelError on failure). */
export interface AlertChannel {
  kind: ChannelKind;
  /** Field errors (field → Chinese message) for settings that cannot work, or null when they are fine. */
  validate(settings: ChannelSettings): Record<string, string> | null;
  send(settings: ChannelSettings, message: AlertMessage, opts: SendOptions): Promise<void>;
}
