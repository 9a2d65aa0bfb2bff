// Scheduled backups in the server: daily at TINGFENG_BACKUP_AT on the office clock into the backup folder,
// keeping the newest TINGFENG_BACKUP_KEEP scheduled ones; each archive has a sidecar .json with its
// manifest so the admin page lists backups without unpacking them. A backup runs at most once at a time.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { nextRunAfter } from "../reports/schedule";
import { backupDataDir, type BackupSource } from "./backup";
import { manifestSchema, type Manifest } from "./manifest";

/** One backup file in the folder. */
export interface BackupFile { name: string; bytes: number; createdAt: number; scheduled: boolean; manifest: Manifest | null }

const SCHEDULED = /^tingfeng-\d{8}-\d{6}\.tar\.gz$/;

/** Backup archives in `dir`, newest first, with their manifests when the sidecar is there. */
export function listBackups(dir: string): BackupFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".tar.gz"))
    .map((name) => {
      const st = statSync(path.join(dir, name));
      let manifest: Manifest | null = null;
      try {
        manifest = manifestSchema.parse(JSON.parse(readFileSync(path.join(dir, `${name}.json`), "utf8")));
      } catch {
        // A backup taken by hand (tingfeng backup) has no sidecar.
      }
      return { name, bytes: st.size, createdAt: manifest ? Date.parse(manifest.createdAt) : st.mtimeMs, scheduled: SCHEDULED.test(name), manifest };
    })
    .sort((a, b) => b.createdAt - a.createdAt);
}

const stamp = (t: number): string => new Date(t).toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);

/** Takes one backup into `dir` (tingfeng-YYYYMMDD-HHMMSS.tar.gz + .json) and prunes scheduled ones beyond `keep`. */
export async function runBackup(src: BackupSource, dir: string, keep: number, now = Date.now()): Promise<BackupFile> {
  mkdirSync(dir, { recursive: true });
  const name = `tingfeng-${stamp(now)}.tar.gz`;
  const manifest = await backupDataDir(src, path.join(dir, name));
  writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const old of listBackups(dir).filter((b) => b.scheduled).slice(keep)) {
    rmSync(path.join(dir, old.name), { force: true });
    rmSync(path.join(dir, `${old.name}.json`), { force: true });
  }
  return listBackups(dir).find((b) => b.name === name)!;
}

/** The running schedule. */
export interface BackupJob {
  /** Runs a backup now (or joins the one running). */
  runNow(): Promise<BackupFile>;
  /** True while a backup runs. */
  busy(): boolean;
  stop(): void;
}

/** Starts the daily backup timer (`atTime` "off" starts none; runNow still works). */
export function startBackupJob(
  src: BackupSource,
  opts: { dir: string; keep: number; atTime: string; timeZone: string; log: (m: string) => void; afterScheduled?: () => Promise<void> },
): BackupJob {
  let running: Promise<BackupFile> | null = null;
  let timer: NodeJS.Timeout | null = null;
  const runNow = (): Promise<BackupFile> => {
    running ??= runBackup(src, opts.dir, opts.keep).finally(() => {
      running = null;
    });
    return running;
  };
  const plan = (): void => {
    if (opts.atTime === "off") return;
    const at = nextRunAfter({ kind: "daily", period: null, atTime: opts.atTime, weekday: null, monthday: null }, Date.now(), opts.timeZone);
    // Timers longer than ~24.8 days overflow; a daily moment is always closer, but wake at least hourly anyway.
    timer = setTimeout(() => {
      timer = null;
      if (Date.now() < at) return plan();
      // What runs after the daily backup (retention) runs only when that backup succeeded.
      runNow()
        .then(async (b) => {
          opts.log(`backup written: ${b.name} (${b.bytes} bytes)`);
          await opts.afterScheduled?.();
        })
        .catch((err: unknown) => opts.log(`backup or retention failed: ${err instanceof Error ? err.message : String(err)}`))
        .finally(plan);
    }, Math.min(at - Date.now(), 3_600_000));
    timer.unref();
  };
  plan();
  return {
    runNow,
    busy: () => running !== null,
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
