// /api/backups: administrators see the backup folder (sizes, what each holds, whether the last good
// backup is recent) and take one now. Files never leave through the API: restoring is done on the server.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { authorize, actorOf, type RouteDeps } from "../context";
import { listBackups, runBackup, type BackupFile } from "../../ops/backup-job";
import { recordAudit } from "../../store/audit";
import { backupFolder } from "../../ops/backup";

const DAY_MS = 24 * 3_600_000;

const backupView = z.object({
  name: z.string(), bytes: z.number(), createdAt: z.string(), scheduled: z.boolean(),
  schemaVersion: z.number().nullable(), version: z.string().nullable(), items: z.number().nullable(), attachments: z.number().nullable(),
});

function present(b: BackupFile): z.infer<typeof backupView> {
  return {
    name: b.name, bytes: b.bytes, createdAt: new Date(b.createdAt).toISOString(), scheduled: b.scheduled,
    schemaVersion: b.manifest?.schemaVersion ?? null, version: b.manifest?.version ?? null,
    items: b.manifest?.tables.items ?? null, attachments: b.manifest?.attachments.count ?? null,
  };
}

/** Backup listing and run-now (admins). */
export async function backupRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { config, db } = deps;
  const dir = backupFolder(config);
  let adhoc: Promise<BackupFile> | null = null;

  r.get("/api/backups", {
    schema: {
      tags: ["system"], summary: "Backups in the backup folder, newest first; stale when the last good one is older than a day",
      response: { 200: z.object({ dir: z.string(), atTime: z.string(), keep: z.number(), running: z.boolean(), lastGoodAt: z.string().nullable(), stale: z.boolean(), backups: z.array(backupView) }) },
    },
  }, async (req) => {
    authorize(req, "backups.manage");
    const backups = listBackups(dir);
    // A backup with a manifest was completed and checked; one without (copied in by hand) is listed but not counted.
    const good = backups.find((b) => b.manifest !== null);
    return {
      dir, atTime: config.backupAt, keep: config.backupKeep, running: deps.backups?.busy() ?? adhoc !== null,
      lastGoodAt: good ? new Date(good.createdAt).toISOString() : null,
      stale: !good || Date.now() - good.createdAt > DAY_MS,
      backups: backups.map(present),
    };
  });

  r.post("/api/backups", {
    schema: { tags: ["system"], summary: "Take a backup now (answers when it is written)", response: { 201: backupView } },
  }, async (req, reply) => {
    const p = authorize(req, "backups.manage");
    const run = deps.backups
      ? deps.backups.runNow()
      : (adhoc ??= runBackup({ dataDir: config.dataDir, secretKey: config.secretKey, version: deps.version, dbPath: db.sqlite.name }, dir, config.backupKeep).finally(() => {
          adhoc = null;
        }));
    const b = await run;
    recordAudit(db, { actor: actorOf(p), action: "backup.create", targetType: "backup", targetId: b.name, summary: { name: b.name, bytes: b.bytes } });
    return reply.code(201).send(present(b));
  });
}
