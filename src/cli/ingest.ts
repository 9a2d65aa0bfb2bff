// `tingfeng ingest --once`: polls every due source once and exits.
import { parseArgs } from "node:util";
import { createScheduler } from "../jobs/scheduler";
import { createAnalysisWorker } from "../jobs/analyse-items";
import { openRuntime } from "./runtime";

/** Polls due sources once; exit code 1 when any source failed. */
export async function ingestCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { once: { type: "boolean", default: false } } });
  if (!values.once) {
    console.error("usage: tingfeng ingest --once   (the continuous scheduler runs inside `tingfeng serve`)");
    return 2;
  }
  const { db, config } = await openRuntime();
  try {
    const s = createScheduler(db, config, (m) => console.error(m), false);
    const r = await s.runOnce();
    const analysed = await createAnalysisWorker(db, (m) => console.error(m), { autostart: false }).drain();
    console.log(`polled ${r.polled} sources, ${r.inserted} new items, ${r.failed} failed; analysed ${analysed} items`);
    return r.failed ? 1 : 0;
  } finally {
    db.close();
  }
}
