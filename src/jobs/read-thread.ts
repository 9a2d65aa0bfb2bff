// A read thread: its own read-only connection to the database file, running registered reads by
// name under a time budget and answering each request with its result or a coded failure.
import { parentPort, workerData } from "node:worker_threads";
import { openDb } from "../db/connection";
import { QueryBudgetExceeded } from "../db/budget";
import { readFunctions, type ReadName } from "./read-functions";
import type { ReadRequest, ReadResponse, ReadThreadData } from "./read-pool";
import { configureBursts } from "../monitor/bursts";

const { file, busyTimeoutMs, burstMinItems } = workerData as ReadThreadData;
// Module settings live per thread: the main thread's configureBursts does not reach this one.
if (burstMinItems !== undefined) configureBursts({ minItems: burstMinItems });
const db = openDb(file, { readonly: true, busyTimeoutMs });
const port = parentPort!;

async function run(req: ReadRequest): Promise<ReadResponse> {
  const fn = readFunctions[req.name as ReadName] as ((...a: unknown[]) => unknown) | undefined;
  if (!fn) return { seq: req.seq, ok: false, kind: "error", message: `unknown read ${req.name}` };
  try {
    // The statements run synchronously under the budget; an async read (rendering a file) finishes after.
    const value: unknown = await db.budget.run(req.budgetMs, () => fn(db, ...req.args));
    return { seq: req.seq, ok: true, value };
  } catch (err) {
    if (err instanceof QueryBudgetExceeded) return { seq: req.seq, ok: false, kind: "budget", message: err.message };
    const e = err as { status?: unknown; code?: unknown; message?: unknown; fields?: unknown };
    // An AppError (a read that rejects its input, like an invalid watch query) crosses as its parts.
    if (typeof e.status === "number" && typeof e.code === "string") {
      return { seq: req.seq, ok: false, kind: "app", status: e.status, code: e.code, message: String(e.message), fields: e.fields as Record<string, string> | undefined };
    }
    return { seq: req.seq, ok: false, kind: "error", message: err instanceof Error ? `${err.name}: ${err.message}` : String(err), code: typeof e.code === "string" ? e.code : undefined };
  }
}

port.on("message", (req: ReadRequest) => void run(req).then((r) => port.postMessage(r)));
