// State-changing requests wait for another connection's write lock (a CLI command, a backup)
// asynchronously, checking every few ms, so that /api/health and reads keep answering meanwhile; past
// the budget they answer 503 db.busy with Retry-After rather than holding the event loop in SQLite's
// busy handler and failing with a 500.
import type { FastifyInstance } from "fastify";
import { waitForWriteLock } from "../db/write-lock";
import { AppError } from "../errors";
import type { AppDeps } from "./context";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
// POSTs that only read (a body too large for a query string).
const READ_ONLY = new Set(["/api/watches/preview"]);

/** A 503 (with Retry-After) for a write that waited past its budget. */
export class DbBusy extends AppError {
  readonly retryAfterSeconds = 2;
  constructor() {
    super(503, "db.busy");
  }
}

/** Adds the wait before every state-changing /api request. */
export function installWriteWait(app: FastifyInstance, deps: AppDeps): void {
  app.addHook("preHandler", async (req) => {
    // The routed pattern, not the raw URL: /%61pi/… reaches the same route and must wait the same way.
    const route = req.routeOptions.url;
    if (SAFE.has(req.method) || !route?.startsWith("/api/") || READ_ONLY.has(route)) return;
    if (!(await waitForWriteLock(deps.db, deps.config.dbBusyTimeoutMs))) throw new DbBusy();
  });
}
