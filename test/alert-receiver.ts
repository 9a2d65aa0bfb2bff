// A webhook receiver on 127.0.0.1 for alert tests, layered on the channels' scripted receiver: records
// every request with its body parsed, answers with a status the test chooses (or never, to test timeouts).
import type http from "node:http";
import { startReceiver as startScripted } from "../src/alerts/channels/testdata/receiver";

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
  const base = await startScripted((req) => {
    const status = r.respond(received.length);
    received.push({ headers: req.headers, raw: req.body, body: req.body ? (JSON.parse(req.body) as Record<string, unknown>) : {} });
    return status === "hang" ? "hang" : { status };
  }, port);
  const r: Receiver = {
    port: Number(new URL(base.url).port),
    url: `${base.url}/hook`,
    received,
    respond: () => 200,
    waitFor(n, ms = 5000) {
      return new Promise((resolve, reject) => {
        const t0 = Date.now();
        const check = () => (received.length >= n ? resolve() : Date.now() - t0 > ms ? reject(new Error(`receiver: ${received.length} of ${n} requests`)) : setTimeout(check, 10));
        check();
      });
    },
    close: () => base.close(),
  };
  return r;
}
