// E-mail over SMTP with nodemailer: a Chinese subject, a plain-text body and the same content as
// simple escaped HTML. SMTP 4xx answers and network failures are retried; 5xx and failed logins
// are settings problems a retry cannot fix.
import nodemailer from "nodemailer";
import { z } from "zod";
import { flattenText, joinParts, PLAIN_FLAVOUR, renderParts, subjectLine, truncateBytes, type Flavour, type RenderedParts } from "./format";
import { ChannelError, type AlertChannel, type AlertMessage, type ChannelSettings, type SendOptions } from "./types";
import { escapeHtml } from "../../shared/escape-html";

const LABEL = "邮件";

const EmailOptions = z.object({
  host: z.string().trim().min(1),
  port: z.coerce.number().int().min(1).max(65535),
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: z.boolean().optional(),
  user: z.string().min(1).optional(),
  from: z.email(),
  to: z.array(z.email()).min(1),
});
/** The e-mail channel's options (ChannelSettings.options); the password is ChannelSettings.secret. */
export type EmailOptions = z.infer<typeof EmailOptions>;

const FIELD_MESSAGES: Record<string, string> = {
  host: "请填写 SMTP 服务器地址",
  port: "端口须为 1–65535 的整数",
  secure: "secure 须为 true 或 false",
  user: "用户名不能为空字符串",
  from: "发件地址无效",
  to: "请至少填写一个有效的收件地址",
};


const HTML_FLAVOUR: Flavour = {
  escape: (t) => escapeHtml(PLAIN_FLAVOUR.escape(t)),
  bold: (t) => `<strong>${t}</strong>`,
  link: (label, url) => `<a href="${escapeHtml(url)}">${label}</a>`,
  newline: "<br>",
};

/** The message's display parts; a document (a message with files) is headed by its title and summary, not as an alert. */
function mailParts(message: AlertMessage, flavour: Flavour, timeZone?: string): RenderedParts {
  const parts = renderParts(message, flavour, { timeZone });
  if (!message.attachments?.length) return parts;
  const e = (text: string) => flavour.escape(truncateBytes(flattenText(text), 600));
  return { ...parts, head: [flavour.bold(e(message.title)), e(message.reason)] };
}

/** The plain-text body: every block, the link last. */
export function mailText(message: AlertMessage, timeZone?: string): string {
  const parts = mailParts(message, PLAIN_FLAVOUR, timeZone);
  return joinParts(parts, parts.items.length, false);
}

/** The HTML body: one paragraph per block, every collected string escaped. */
export function emailHtml(message: AlertMessage, timeZone?: string): string {
  const parts = mailParts(message, HTML_FLAVOUR, timeZone);
  const blocks = [...parts.head, ...parts.items, parts.link].map((b) => `<p>${b}</p>`).join("\n");
  return `<!doctype html><html><head><meta charset="utf-8"></head><body>\n${blocks}\n</body></html>`;
}

/** Whether a failed SMTP attempt may succeed later, and what to tell the user. */
export function classifySmtpError(err: unknown): ChannelError {
  const e = (err ?? {}) as { code?: string; responseCode?: number };
  const code = typeof e.code === "string" ? e.code : "";
  const reply = typeof e.responseCode === "number" ? e.responseCode : 0;
  if (code === "EAUTH") return new ChannelError(`${LABEL}：SMTP 登录失败（${reply || code}），请检查用户名和密码`, false, { cause: err });
  if (reply >= 400 && reply < 500) return new ChannelError(`${LABEL}：SMTP 服务器暂时拒绝（${reply}），稍后重试`, true, { cause: err });
  if (reply >= 500) return new ChannelError(`${LABEL}：SMTP 服务器拒绝（${reply}），请检查发件和收件地址`, false, { cause: err });
  if (code === "ETIMEDOUT") return new ChannelError(`${LABEL}：连接 SMTP 服务器超时`, true, { cause: err });
  return new ChannelError(`${LABEL}：无法连接 SMTP 服务器${code ? `（${code}）` : ""}`, true, { cause: err });
}

/** Deps of the e-mail channel: the zone for item times. */
export interface EmailDeps {
  timeZone?: string;
}

/** The e-mail channel. SMTP connects directly: the HTTP fetch guard does not apply to it. */
export function createEmailChannel(deps: EmailDeps = {}): AlertChannel {
  return {
    kind: "email",
    validate(settings: ChannelSettings) {
      const parsed = EmailOptions.safeParse(settings.options);
      if (parsed.success) return null;
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "options");
        errors[field] ??= FIELD_MESSAGES[field] ?? "设置无效";
      }
      return errors;
    },
    async send(settings: ChannelSettings, message: AlertMessage, opts: SendOptions): Promise<void> {
      const parsed = EmailOptions.safeParse(settings.options);
      if (!parsed.success) throw new ChannelError(`${LABEL}：设置无效`, false);
      const o = parsed.data;
      const transport = nodemailer.createTransport({
        host: o.host, port: o.port, secure: o.secure ?? o.port === 465,
        auth: o.user ? { user: o.user, pass: settings.secret ?? "" } : undefined,
        connectionTimeout: opts.timeoutMs, greetingTimeout: opts.timeoutMs, socketTimeout: opts.timeoutMs,
        disableFileAccess: true, disableUrlAccess: true,
      });
      let timer: NodeJS.Timeout | undefined;
      // nodemailer's timeouts are per phase; the contract is one limit for the whole attempt.
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error("smtp: attempt timed out"), { code: "ETIMEDOUT" })), opts.timeoutMs);
      });
      try {
        await Promise.race([
          transport.sendMail({
            // A message carrying files is a document being sent (a scheduled report), not an alert.
            from: o.from, to: o.to, subject: subjectLine(message),
            text: mailText(message, deps.timeZone),
            html: emailHtml(message, deps.timeZone),
            headers: { "X-Tingfeng-Alert-Id": String(message.id) },
            attachments: message.attachments?.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
          }),
          deadline,
        ]);
      } catch (err) {
        throw classifySmtpError(err);
      } finally {
        clearTimeout(timer);
        transport.close();
      }
    },
  };
}
