// A local SMTP server (smtp-server) on 127.0.0.1 for the e-mail channel tests, and just enough MIME
// decoding to read back what nodemailer sent (RFC 2047 headers, base64 / quoted-printable parts).
import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";

/** One message the server accepted. */
export interface ReceivedMail {
  from: string;
  to: string[];
  user: string | undefined;
  raw: string;
}

/** A started SMTP server; `close()` it in afterEach. */
export interface SmtpReceiver {
  port: number;
  mails: ReceivedMail[];
  close(): Promise<void>;
}

/** Starts smtp-server without TLS, accepting `user`/`pass` logins; `hooks` override behaviour per test. */
export async function startSmtp(user: string, pass: string, hooks: Partial<SMTPServerOptions> = {}): Promise<SmtpReceiver> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authOptional: false,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === pass) return callback(null, { user: auth.username });
      return callback(Object.assign(new Error("Invalid username or password"), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          user: typeof session.user === "string" ? session.user : undefined,
          raw: Buffer.concat(chunks).toString("latin1"),
        });
        callback();
      });
    },
    ...hooks,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function decodeQp(text: string): Buffer {
  const soft = text.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(soft.charCodeAt(i));
  }
  return Buffer.from(bytes);
}

/** A header's value, unfolded and with RFC 2047 encoded words decoded as UTF-8. */
export function mailHeader(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, " ");
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`)) ?? "";
  const value = line.slice(name.length + 1).trim().replace(/\?=\s+=\?/g, "?==?");
  const bytes: Buffer[] = [];
  const rest = value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, data: string) => {
    bytes.push(enc.toLowerCase() === "b" ? Buffer.from(data, "base64") : decodeQp(data.replace(/_/g, " ")));
    return "\u0000";
  });
  const decoded = Buffer.concat(bytes).toString("utf8");
  return rest.includes("\u0000") ? rest.replace(/\u0000+/, decoded).replace(/\u0000/g, "") : rest;
}

/** The decoded body of the first part with `contentType` (text/plain or text/html). */
export function mailPart(raw: string, contentType: string): string {
  const parts = raw.split(/\r?\n--[^\r\n]+\r?\n/);
  for (const part of parts) {
    const [head, ...body] = part.split(/\r?\n\r?\n/);
    if (!new RegExp(`content-type:\\s*${contentType}`, "i").test(head)) continue;
    const data = body.join("\r\n\r\n").replace(/\r?\n--[^\r\n]+--\s*$/, "");
    if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(data.replace(/\s+/g, ""), "base64").toString("utf8");
    if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) return decodeQp(data).toString("utf8");
    return Buffer.from(data, "latin1").toString("utf8");
  }
  throw new Error(`no ${contentType} part`);
}

/** The first attachment: its file name (RFC 2231 decoded), content type and decoded bytes. */
export function mailAttachment(raw: string): { filename: string; bytes: Buffer; type: string } {
  for (const part of raw.split(/\r?\n--[^\r\n]+\r?\n/)) {
    const [head, ...body] = part.split(/\r?\n\r?\n/);
    const unfolded = head.replace(/\r?\n[ \t]+/g, " ");
    if (!/content-disposition:\s*attachment/i.test(unfolded)) continue;
    // RFC 2231 (filename*0*=utf-8''%E6…; filename*1*=…) as nodemailer writes non-ASCII names.
    const pieces = [...unfolded.matchAll(/filename\*(?:\d+)?\*?=(?:utf-8'')?([^;\r\n]+)/gi)].map((m) => m[1].trim().replace(/^"|"$/g, ""));
    const filename = decodeURIComponent(pieces.join(""));
    const data = body.join("\r\n\r\n").replace(/\r?\n--[^\r\n]+--\s*$/, "");
    return { filename, bytes: Buffer.from(data.replace(/\s+/g, ""), "base64"), type: /content-type:\s*([^;\s]+)/i.exec(unfolded)?.[1] ?? "" };
  }
  throw new Error("no attachment");
}
