// Restores a backup archive into a data folder that is empty or whose server is stopped: the archive is
// unpacked into a temporary folder beside the target (only the manifest, the database and attachment
// files by their content address are taken from it), checked (manifest, the database's SHA-256, SQLite's
// integrity check, every attachment's content against its name, a schema this build knows), migrated
// when older, and only then moved into place. A database already there is kept aside, never overwritten.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { extract as tarExtract } from "tar";
import { latestSchemaVersion } from "../db/migrate";
import { DB_NAME, MANIFEST_NAME, keyFingerprint, manifestSchema, sha256File, type Manifest } from "./manifest";

/** The target of a restore. */
export interface RestoreTarget { dataDir: string; secretKey?: string }

/** What a restore did. */
export interface RestoreResult { manifest: Manifest; keptAside: string | null; attachments: number; keyMatches: boolean | null }

const ALLOWED = /^(manifest\.json|tingfeng\.db|attachments\/?|attachments\/[0-9a-f]{2}\/?|attachments\/[0-9a-f]{2}\/[0-9a-f]{64})$/;


/** Unpacks and verifies `file`, then puts it in place in `target.dataDir`; `force` keeps an existing database aside. */
export async function restoreBackup(file: string, target: RestoreTarget, opts: { force?: boolean } = {}): Promise<RestoreResult> {
  if (!existsSync(file)) throw new Error(`restore: no such file: ${file}`);
  const dbPath = path.join(target.dataDir, DB_NAME);
  if (existsSync(dbPath) && !opts.force) {
    throw new Error(`restore: ${dbPath} already exists. Stop the server and pass --force to keep it aside and restore / 数据目录中已有数据库：请先停止服务，再加 --force（原数据库会改名保留）`);
  }
  mkdirSync(target.dataDir, { recursive: true });
  const work = mkdtempSync(path.join(target.dataDir, ".tingfeng-restore-"));
  try {
    try {
      await tarExtract({ file, cwd: work, strict: true, filter: (p) => ALLOWED.test(p.replace(/^\.\//, "")) });
    } catch (cause) {
      throw new Error("restore: the file is not a readable Tingfeng backup (gzipped tar) / 不是可读的听风备份文件", { cause });
    }
    const manifestFile = path.join(work, MANIFEST_NAME);
    if (!existsSync(manifestFile)) throw new Error("restore: the archive has no manifest.json / 备份中缺少 manifest.json");
    const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(manifestFile, "utf8")));
    if (!parsed.success) throw new Error(`restore: manifest.json is not valid: ${parsed.error.issues[0]?.message ?? ""}`);
    const manifest = parsed.data;
    const known = latestSchemaVersion();
    if (manifest.schemaVersion > known) {
      throw new Error(`restore: the backup comes from a newer version (schema ${manifest.schemaVersion}; this build knows up to ${known}). Upgrade Tingfeng first / 备份来自更新的版本，请先升级程序`);
    }
    const snap = path.join(work, DB_NAME);
    if (!existsSync(snap)) throw new Error("restore: the archive has no database / 备份中缺少数据库");
    if ((await sha256File(snap)) !== manifest.database.sha256) throw new Error("restore: the database's checksum does not match the manifest: the file is damaged / 数据库校验和不符，备份文件已损坏");
    const db = new Database(snap, { fileMustExist: true });
    try {
      const check = db.pragma("integrity_check", { simple: true });
      if (check !== "ok") throw new Error(`restore: the database failed its integrity check: ${String(check)}`);
    } finally {
      db.close();
    }
    const attachments = verifiedAttachments(work);
    if (attachments.length !== manifest.attachments.count) throw new Error(`restore: ${manifest.attachments.count} attachment files expected, ${attachments.length} found / 附件数量与清单不符`);

    let keptAside: string | null = null;
    if (existsSync(dbPath)) {
      keptAside = `${dbPath}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      renameSync(dbPath, keptAside);
      for (const ext of ["-wal", "-shm"]) if (existsSync(dbPath + ext)) renameSync(dbPath + ext, keptAside + ext);
    }
    for (const rel of attachments) {
      const to = path.join(target.dataDir, rel);
      if (existsSync(to)) continue;
      mkdirSync(path.dirname(to), { recursive: true });
      renameSync(path.join(work, rel), to);
    }
    renameSync(snap, dbPath);
    const now = keyFingerprint(target.secretKey, target.dataDir);
    return { manifest, keptAside, attachments: attachments.length, keyMatches: manifest.keyFingerprint === null ? null : now === manifest.keyFingerprint };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The unpacked attachment files, each checked against its content address. */
function verifiedAttachments(work: string): string[] {
  const root = path.join(work, "attachments");
  if (!existsSync(root)) return [];
  const out: string[] = [];
  for (const dir of readdirSync(root)) {
    for (const f of readdirSync(path.join(root, dir))) {
      const rel = path.join("attachments", dir, f);
      const sum = createHash("sha256").update(readFileSync(path.join(work, rel))).digest("hex");
      if (sum !== f) throw new Error(`restore: attachment ${f} is damaged / 附件已损坏`);
      out.push(rel);
    }
  }
  return out;
}
