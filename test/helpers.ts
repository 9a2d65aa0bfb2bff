// Test helpers: a fresh app on a temporary SQLite database, and signed-in request helpers.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
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

/** The password of users made by `userClient` (long and uncommon enough for the password policy). */
export const TEST_PASSWORD = "quiet-harbour-4172";

/** How to build the test app. */
export interface TestAppOptions {
  /** Serve a stand-in built UI from a temporary web root, as `tingfeng serve` does with web/dist. */
  serveWeb?: boolean;
}

/** Builds an app on a fresh temporary database (demo off; no web UI unless `serveWeb`). */
export async function createTestApp(overrides: Partial<Config> = {}, opts: TestAppOptions = {}): Promise<TestApp> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tingfeng-test-"));
  const webRoot = path.join(dir, "web");
  if (opts.serveWeb) {
    mkdirSync(webRoot);
    writeFileSync(path.join(webRoot, "index.html"), "<!doctype html><title>听风</title><div id=root></div>");
  }
  // Reads run inline unless a test asks for read threads (each thread loads the store through tsx).
  const config = loadConfig({}, { dataDir: dir, demo: false, readWorkers: 0, ...overrides });
  const db = openDb(path.join(dir, "test.db"), { busyTimeoutMs: config.dbBusyTimeoutMs });
  migrate(db);
  const analysis = createAnalysisWorker(db, () => {}, { autostart: false });
  const reads = new ReadPool(db, { threads: config.readWorkers, budgetMs: config.queryBudgetMs });
  const app = await buildApp({ db, config, version: "test", analysis, reads }, { serveWeb: !!opts.serveWeb, webRoot });
  let n = 0;
  return {
    app, db, config, dir, analysis, reads,
    async userClient(role, opts = {}) {
      const username = opts.username ?? `${role}${++n}`;
      await createUser(db, null, { username, password: TEST_PASSWORD, role, unitId: opts.unitId ?? null });
      return login(app, username, TEST_PASSWORD);
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
