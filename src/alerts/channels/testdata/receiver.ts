// A local HTTP receiver on 127.0.0.1 that records each request and answers what the test scripts.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the receiver got. */
export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
  receivedAt: number;
}

/** How the receiver answers: a status and JSON, or "hang" to never answer. */
export type Reply = { status: number; json?: unknown } | "hang";

/** A started receiver; `close()` it in afterEach. */
export interface Receiver {
  url: string;
  requests: Received[];
  close(): Promise<void>;
}

/** Starts a receiver that answers each request with `reply(request)`, on `port` (0: any free port). */
export async function startReceiver(reply: (req: Received) => Reply, port = 0): Promise<Receiver> {
  const requests: Received[] = [];
  const hanging: ServerResponse[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const got: Received = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), receivedAt: Date.now() };
      requests.push(got);
      const answer = reply(got);
      if (answer === "hang") return void hanging.push(res);
      res.writeHead(answer.status, { "content-type": "application/json; charset=utf-8" });
      res.end(answer.json === undefined ? "" : JSON.stringify(answer.json));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
