// What route handlers share: the database, settings, and the signed-in principal of a request.
import type { BackupJob } from "../ops/backup-job";
import type { FastifyRequest } from "fastify";
import type { Db } from "../db/connection";
import type { Config } from "../config";
import type { UsersTable } from "../db/schema";
import { can, type Action, type Principal, type Resource } from "../accounts/policies";
import type { Actor } from "../store/audit";
import { AppError } from "../errors";
import type { Scheduler } from "../jobs/scheduler";
import type { AnalysisWorker } from "../jobs/analyse-items";
import type { ReadPool } from "../jobs/read-pool";
import type { UserLimits } from "./user-limits";
import type { AlertRuntime } from "../alerts/runtime";

/** Dependencies handed to every route module. */
export interface AppDeps {
  db: Db;
  config: Config;
  version: string;
  /** Present when the server runs the ingest scheduler (absent in some tests). */
  scheduler?: Scheduler;
  /** The analysis worker (absent in some tests): told when watches, words or models change. */
  analysis?: AnalysisWorker;
  /** The read pool (buildApp starts one from the settings when absent). */
  reads?: ReadPool;
  /** The server's scheduled backups (absent in tests: a backup then runs without a schedule). */
  backups?: BackupJob;
  /** Alert channels and dispatcher (buildApp starts them when absent, and stops them on close). */
  alerts?: AlertRuntime;
}

/** What route modules get: the dependencies with the read pool and the per-user limits. */
export type RouteDeps = AppDeps & { reads: ReadPool; limits: UserLimits; alerts: AlertRuntime };

/** The session behind a request, set by the auth hook. */
export interface AuthContext { principal: Principal; user: UsersTable; csrfToken: string; sessionId: string }

declare module "fastify" {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

/** The principal allowed to perform `action`, or a 401/403 error. */
export function authorize(req: FastifyRequest, action: Action, resource?: Resource): Principal {
  if (!req.auth) throw AppError.unauthenticated();
  if (!can(req.auth.principal, action, resource)) throw AppError.forbidden();
  return req.auth.principal;
}

/** The audit actor of a principal. */
export function actorOf(p: Principal): Actor {
  return { id: p.id, username: p.username, role: p.role, unitId: p.unitId };
}
