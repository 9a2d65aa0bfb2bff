// A webhook receiver on 127.0.0.1 for alert tests: records every request, answers with a status the
// test chooses (or never, to test timeouts), and counts deliveries per idempotency key.
import http from "node:http";
import type { AddressInfo } from "node:net";

/** One request the receiver got. */
export interface Received { headers: http.IncomingHttpHeaders; raw: string; body: Record<string, unknown> }

/** A running receiver. */
export interface Receiver {
  port: number;
  url: string;
  received: Received[];
  /** The status to answer with next ("hang": no answer). */
  respond: (n: number) => number | "hang";
  /** Resolves once `n` requests have arrived (rejects after `ms`). */
  waitFor(n: number, ms?: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts a receiver on 127.0.0.1 (`port` 0: any free port). */
export async function startReceiver(port = 0): Promise<Receiver> {
  const received: Received[] = [];
  const waiters: (() => void)[] = [];
  const hanging = new Set<http.ServerResponse>();
  let count = 0;
  const r: Receiver = {
    port: 0, url: "", received, respond: () => 200,
    waitFor(n, ms = 5000) {
      return new Promise((resolve, reject) => {
        const t0 = Date.now();
        const check = () => (received.length >= n ? resolve() : Date.now() - t0 > ms ? reject(new Error(`receiver: ${received.length} of ${n} requests`)) : setTimeout(check, 10));
        check();
      });
    },
    close: () =>
      new Promise((resolve) => {
        for (const res of hanging) res.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const status = r.respond(count++);
      received.push({ headers: req.headers, raw, body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {} });
      waiters.splice(0).forEach((w) => w());
      if (status === "hang") hanging.add(res);
      else res.writeHead(status).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  r.port = (server.address() as AddressInfo).port;
  r.url = `http://127.0.0.1:${r.port}/hook`;
  return r;
}
