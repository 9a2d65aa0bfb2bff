// Runs `tingfeng serve` as a child process for crash tests, and a signed-in fetch client against it.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../bin/tingfeng.mjs");

/** A free TCP port on 127.0.0.1 (free when asked; nothing holds it). */
export async function freePort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** A running server child. */
export interface ServerChild { proc: ChildProcess; base: string; output: () => string }

/** Starts the server and resolves once it listens. */
export async function startServer(env: Record<string, string>, port: number, timeoutMs = 60_000): Promise<ServerChild> {
  const proc = spawn(process.execPath, [bin, "serve"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", TINGFENG_DEMO: "0", TINGFENG_LOG_LEVEL: "warn", TINGFENG_READ_WORKERS: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  proc.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  proc.stderr!.on("data", (c: Buffer) => (out += c.toString()));
  await new Promise<void>((resolve, reject) => {
    const t0 = Date.now();
    const check = () => {
      if (out.includes("listening on")) return resolve();
      if (proc.exitCode != null) return reject(new Error(`server exited: ${out}`));
      if (Date.now() - t0 > timeoutMs) return reject(new Error(`server did not start: ${out}`));
      setTimeout(check, 50);
    };
    check();
  });
  return { proc, base: `http://127.0.0.1:${port}`, output: () => out };
}

/** A client signed in over real HTTP. */
export interface HttpClient { get(url: string): Promise<unknown>; post(url: string, body?: unknown): Promise<{ status: number; body: unknown }> }

/** Signs in and returns a client. */
export async function signIn(base: string, username: string, password: string): Promise<HttpClient> {
  const res = await fetch(`${base}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    async get(url) {
      return (await fetch(`${base}${url}`, { headers: { cookie } })).json();
    },
    async post(url, body) {
      const r = await fetch(`${base}${url}`, {
        method: "POST", headers: { cookie, "x-csrf-token": csrfToken, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: r.status, body: await r.json().catch(() => null) };
    },
  };
}
