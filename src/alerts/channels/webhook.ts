// Generic webhook: POST the message as JSON, signed with HMAC-SHA256 of the raw body, with the alert id
// as idempotency key; through the fetch guard's agent (the URL is outside input). 2xx is success.
import { createHmac } from "node:crypto";
import { request, type Dispatcher } from "undici";
import { ChannelError, type AlertChannel } from "./types";

/** The signature header value of a body: "sha256=<hex>". */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

// The error and its causes (undici wraps the connector's error).
function causes(err: unknown): Error[] {
  const out: Error[] = [];
  for (let e = err; e instanceof Error && out.length < 5; e = e.cause) out.push(e);
  return out;
}

/** A webhook channel delivering through `agent` (the SSRF-guarded one in production). */
export function createWebhookChannel(agent: Dispatcher): AlertChannel {
  return {
    kind: "webhook",
    validate(settings) {
      try {
        const u = new URL(settings.url ?? "");
        return u.protocol === "http:" || u.protocol === "https:" ? null : { url: "地址必须以 http:// 或 https:// 开头" };
      } catch {
        return { url: "请填写有效的网址" };
      }
    },
    async send(settings, message, opts) {
      const body = JSON.stringify(message);
      const headers: Record<string, string> = { "content-type": "application/json", "idempotency-key": String(message.id), "user-agent": "Tingfeng-Alerts" };
      if (settings.secret) headers["x-tingfeng-signature"] = signBody(settings.secret, body);
      let status: number;
      try {
        const res = await request(settings.url ?? "", {
          method: "POST", headers, body, dispatcher: agent, signal: AbortSignal.timeout(opts.timeoutMs),
          headersTimeout: opts.timeoutMs, bodyTimeout: opts.timeoutMs,
        });
        status = res.statusCode;
        await res.body.dump();
      } catch (err) {
        // Which OS error it was is not shown (it would map ports of the receiver's network), as for fetches.
        const names = causes(err).map((e) => e.name);
        const text = names.includes("BlockedAddressError")
          ? "目标地址为内网/本机地址，已拒绝发送（见 TINGFENG_FETCH_ALLOW_HOSTS）"
          : names.some((n) => n === "TimeoutError" || n === "AbortError" || /Timeout/.test(n))
            ? `无应答（超过 ${Math.round(opts.timeoutMs / 1000)} 秒）`
            : "无法连接接收方";
        throw new ChannelError(text, true, { cause: err });
      }
      // The contract: anything but 2xx is retried (a receiver's 4xx may be a deploy in progress).
      if (status < 200 || status >= 300) throw new ChannelError(`接收方返回 HTTP ${status}`, true);
    },
  };
}
