// The server's one logger (pino, which Fastify uses): JSON lines with level, time, and for requests the
// request id, method, route pattern and status. Never headers (cookies, x-display-token, authorization),
// never the wall's token (it travels as ?t=), never a body.
import { pino, type Logger } from "pino";

/** A URL as logs may show it: the value of a `t` query parameter (a wall display's token) is replaced by "…". */
export function redactUrl(url: string): string {
  return url.replace(/([?&]t=)[^&#]*/g, "$1…");
}

/** Request fields the logger writes: no headers (cookies, x-display-token) and no token in the URL. */
export const logSerializers = {
  req: (req: { method?: string; url?: string; ip?: string }) => ({ method: req.method, url: redactUrl(req.url ?? ""), remoteAddress: req.ip }),
};

/** The logger at `level` (TINGFENG_LOG_LEVEL), writing to stdout or `stream`. */
export function createLogger(level: string, stream?: { write(line: string): void }): Logger {
  return pino({ level, serializers: logSerializers, base: { pid: process.pid } }, stream ?? process.stdout);
}
