// Test helpers: a fresh app on a temporary SQLite database, and signed-in request helpers.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { loadConfig, type Config } from "../src/config";
import { openDb, type Db } from "../src/db/connection";
import { migrate } from "../src/db/migrate";
import { buildApp } from "../src/http/app";
import { createAnalysisWorker, type AnalysisWorker } from "../src/jobs/analyse-items";
import { createUser } from "../src/accounts/commands";
import type { Role } from "../src/shared/api";
import { ReadPool } from "../src/jobs/read-pool";

/** A running in-process app with its own temporary database. */
export interface TestApp {
  app: FastifyInstance;
  db: Db;
  config: Config;
  dir: string;
  /** The analysis worker (not started: call `analysis.drain()` to analyse stored items). */
  analysis: AnalysisWorker;
  /** The app's read pool (inline unless `readWorkers` is set). */
  reads: ReadPool;
  /** Creates a user with the role and returns a client signed in as them. */
  userClient(role: Role, opts?: { username?: string; unitId?: number | null }): Promise<Client>;
  close(): Promise<void>;
}

/** Requests carrying one session's cookie and CSRF token. */
export interface Client {
  cookie: string;
  csrf: string;
  request(opts: InjectOptions & { method: string; url: string }): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  del(url: string): Promise<LightMyRequestResponse>;
}

/** Signs in through the API and returns a client for that session. */
export async function login(app: FastifyInstance, username: string, password: string): Promise<Client> {
  const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  const request: Client["request"] = (o) =>
    app.inject({ ...o, headers: { cookie, "x-csrf-token": csrf, ...(o.headers ?? {}) } } as InjectOptions);
  return {
    cookie, csrf, request,
    get: (url) => request({ method: "GET", url }),
    post: (url, body) => request({ method: "POST", url, payload: body as InjectOptions["payload"] }),
    patch: (url, body) => request({ method: "PATCH", url, payload: body as InjectOptions["payload"] }),
    del: (url) => request({ method: "DELETE", url }),
  };
}

/** Builds an app on a fresh temporary database (demo off, no web UI). */
export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tingfeng-test-"));
  // Reads run inline unless a test asks for read threads (each thread loads the store through tsx).
  const config = loadConfig({}, { dataDir: dir, demo: false, readWorkers: 0, ...overrides });
  const db = openDb(path.join(dir, "test.db"), { busyTimeoutMs: config.dbBusyTimeoutMs });
  migrate(db);
  const analysis = createAnalysisWorker(db, () => {}, { autostart: false });
  const reads = new ReadPool(db, { threads: config.readWorkers, budgetMs: config.queryBudgetMs });
  const app = await buildApp({ db, config, version: "test", analysis, reads }, { serveWeb: false });
  let n = 0;
  return {
    app, db, config, dir, analysis, reads,
    async userClient(role, opts = {}) {
      const username = opts.username ?? `${role}${++n}`;
      await createUser(db, null, { username, password: "password-123", role, unitId: opts.unitId ?? null });
      return login(app, username, "password-123");
    },
    async close() {
      await app.close();
      await reads.close();
      await analysis.stop();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
