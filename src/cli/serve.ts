// `tingfeng serve`: migrate, first-run admin, demo feed, ingest scheduler, API and web UI.
import { buildApp } from "../http/app";
import { createLogger } from "../http/logger";
import { ensureAdmin } from "../accounts/commands";
import { createScheduler } from "../jobs/scheduler";
import { createAnalysisWorker } from "../jobs/analyse-items";
import { configureBursts } from "../monitor/bursts";
import { startDemo, withDemoAllowed } from "./demo";
import { dbFile, openRuntime, VERSION } from "./runtime";
import { createAlertRuntime } from "../alerts/runtime";
import { failInterruptedRuns } from "../store/reports";
import path from "node:path";
import { startBackupJob } from "../ops/backup-job";
import { runRetention } from "../ops/retention";
import { backupFolder } from "../ops/backup";
import { createProposalJob } from "../jobs/publicity-proposals";

/** Runs the server until SIGINT/SIGTERM. */
export async function serveCommand(): Promise<void> {
  const runtime = await openRuntime();
  const { db, applied } = runtime;
  let config = runtime.config;
  configureBursts({ minItems: config.burstMinItems });
  // One JSON line per event, the jobs' messages and the requests' alike (TINGFENG_LOG_LEVEL).
  const logger = createLogger(config.logLevel === "silent" ? "silent" : config.logLevel);
  const log = (m: string) => logger.info(m);
  log(`database ${dbFile(config)}${applied.length ? ` (applied migrations ${applied.join(", ")})` : ""}`);

  const password = await ensureAdmin(db, config.adminPassword);
  if (password) {
    const shown = config.adminPassword ? "(from TINGFENG_ADMIN_PASSWORD)" : password;
    console.log(`\n  First run: created the administrator account\n    username: admin\n    password: ${shown}\n  This password is shown only once; change it after signing in.\n`);
  }

  const demo = config.demo ? await startDemo(db, config) : null;
  if (demo) log(`demo feed of the fictional 青禾县 at ${demo.feedUrl} (TINGFENG_DEMO=0 turns it off)`);
  // The demo feed is on loopback: the fetch guard lets exactly its host:port through, nothing else.
  if (demo) config = withDemoAllowed(config, demo.feedUrl);

  // The near-duplicate index is rebuilt while the server already answers (it logs when it is ready).
  const analysis = createAnalysisWorker(db, (m) => log(m), { thread: true });
  const scheduler = createScheduler(db, config, (m) => log(m), true, () => analysis.wake());
  // A report generation the last process did not finish is recorded as failed (the UI shows it).
  const interrupted = failInterruptedRuns(db);
  if (interrupted) log(`${interrupted} report generation(s) interrupted by the last stop marked failed`);
  // Alerts left pending by a crash or an outage are delivered as soon as the dispatcher starts.
  const alerts = createAlertRuntime(db, config, { log });
  const backups = startBackupJob(
    { dataDir: config.dataDir, secretKey: config.secretKey, version: VERSION },
    {
      dir: backupFolder(config), keep: config.backupKeep, atTime: config.backupAt, timeZone: config.timeZone, log,
      afterScheduled: async () => {
        if (config.retentionDays === 0) return;
        const r = await runRetention(db, { days: config.retentionDays, archiveDir: path.join(backupFolder(config), "archive"), analyser: analysis.analyser });
        log(`retention: ${r.deleted} items older than ${config.retentionDays} days archived to ${r.archive ?? "-"} and deleted; ${r.kept} kept (referenced)`);
      },
    },
  );
  const proposals = createProposalJob(db, { timeZone: config.timeZone, log }); // 疑似已刊发 every 5 minutes
  const app = await buildApp({ db, config, version: VERSION, scheduler, analysis, alerts, backups }, { loggerInstance: logger });
  try {
    const address = await app.listen({ port: config.port, host: config.host });
    // A plain line whatever the log level, like the first run's password: where to open the UI.
    console.log(`Tingfeng listening on ${address.replace("0.0.0.0", "localhost")}`);
  } catch (err) {
    // Without this the demo server and the scheduler would keep a half-started process alive.
    backups.stop();
    proposals.stop();
    await scheduler.stop();
    await analysis.stop();
    await alerts.stop();
    await demo?.close();
    db.close();
    throw new Error(`serve: cannot listen on ${config.host}:${config.port}`, { cause: err });
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log(`${signal}: shutting down`);
    await app.close();
    backups.stop();
    await scheduler.stop();
    await analysis.stop();
    await alerts.stop();
    proposals.stop();
    await demo?.close();
    db.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}
