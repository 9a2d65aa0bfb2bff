// The restore drill: back up while items are being ingested and analysed, restore into a new folder, start
// the app on it, and everything committed before the backup started is there; and what a restore refuses.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import Database from "better-sqlite3";
import { create as tarCreate, extract as tarExtract } from "tar";
import { openDb, type Db } from "../db/connection";
import { migrate } from "../db/migrate";
import { insertSource } from "../store/sources";
import { insertItems } from "../store/items";
import { insertAlert } from "../store/alerts";
import { insertBoardMessage } from "../store/board";
import { storeBlob } from "../cases/attachments";
import { createAnalysisWorker } from "../jobs/analyse-items";
import { backupDataDir } from "./backup";
import { restoreBackup } from "./restore";
import { loadConfig } from "../config";
import { buildApp } from "../http/app";
import { ReadPool } from "../jobs/read-pool";
import { createUser } from "../accounts/commands";
import { login, TEST_PASSWORD } from "../../test/helpers";
import { runCli } from "../cli";

const dirs: string[] = [];
const tmp = (): string => {
  const d = mkdtempSync(path.join(os.tmpdir(), "tingfeng-backup-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

let seq = 0;
const item = (text: string) => ({ guid: `g${++seq}`, url: null, canonicalUrl: null, contentHash: `h${seq}`, author: null, title: text.slice(0, 20), text, publishedAt: Date.now() });

function dataDir(): { dir: string; db: Db; sourceId: number } {
  const dir = tmp();
  const db = openDb(path.join(dir, "tingfeng.db"));
  migrate(db);
  const sourceId = insertSource(db, { name: "县融媒体中心", kind: "rss", url: "http://127.0.0.1/feed", intervalSeconds: 300, priority: 1, enabled: true }).id;
  return { dir, db, sourceId };
}

describe("backup and restore", () => {
  it("keeps everything committed before the backup while ingest and analysis go on, and the app starts on the restore", async () => {
    const { dir, db, sourceId } = dataDir();
    for (let i = 0; i < 40; i++) insertItems(db, sourceId, Array.from({ length: 50 }, (_, k) => item(`禾溪镇小学被指乱收费 第${i}批 第${k}条 家长反映补课费`)));
    insertAlert(db, { ruleId: null, severity: "major", title: "禾溪镇小学乱收费", reason: "r", foldKey: "k", foldedInto: null, dueAt: null, itemId: 1, publishedAt: null, fetchedAt: null, analysedAt: null, createdAt: Date.now() });
    db.sqlite.prepare("INSERT INTO cases (title, state, origin, created_at, updated_at) VALUES ('禾溪镇小学乱收费核查', 'new', 'manual', 0, 0)").run();
    insertBoardMessage(db, { queryCode: "Q1", category: "教育", unitId: null, title: "补课费", text: "请核查", contactEnc: null, anonymous: true, status: "accepted", moderationReason: null, dueAt: null });
    const blob = storeBlob(dir, Buffer.from("%PDF-1.4 attachment"));

    const before = db.sqlite.prepare("SELECT count(*) AS n, max(id) AS top FROM items").get() as { n: number; top: number };
    // Ingest and analysis keep running while the backup copies.
    const analysis = createAnalysisWorker(db, () => {}, { autostart: false });
    let writing = true;
    const ingest = (async () => {
      while (writing) {
        insertItems(db, sourceId, Array.from({ length: 20 }, () => item(`青禾大道施工 ${seq}`)));
        await analysis.drain();
        await new Promise((r) => setImmediate(r));
      }
    })();
    const out = path.join(tmp(), "b.tar.gz");
    const manifest = await backupDataDir({ dataDir: dir, version: "test" }, out);
    writing = false;
    await ingest;
    await analysis.stop();
    // Ingest really went on while the backup ran.
    expect(db.sqlite.prepare("SELECT count(*) FROM items").pluck().get()).toBeGreaterThan(before.n);
    expect(manifest.tables.items).toBeGreaterThanOrEqual(before.n);
    expect(manifest.attachments.count).toBe(1);
    db.close();

    const target = path.join(tmp(), "restored");
    const r = await restoreBackup(out, { dataDir: target });
    expect(r.attachments).toBe(1);
    expect(readFileSync(path.join(target, "attachments", blob.slice(0, 2), blob), "utf8")).toBe("%PDF-1.4 attachment");
    const restored = openDb(path.join(target, "tingfeng.db"));
    expect(restored.sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(restored.sqlite.prepare("SELECT count(*) FROM items WHERE id <= ?").pluck().get(before.top)).toBe(before.n);
    expect(restored.sqlite.prepare("SELECT count(*) FROM items").pluck().get()).toBe(manifest.tables.items);
    for (const t of ["alerts", "cases", "board_messages"]) expect(restored.sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get()).toBe(1);

    // The app runs on the restored folder.
    const config = loadConfig({}, { dataDir: target, demo: false, readWorkers: 0 });
    const analysis2 = createAnalysisWorker(restored, () => {}, { autostart: false });
    const reads = new ReadPool(restored, { threads: 0, budgetMs: config.queryBudgetMs });
    const app = await buildApp({ db: restored, config, version: "test", analysis: analysis2, reads }, { serveWeb: false, webRoot: target });
    try {
      await createUser(restored, null, { username: "admin", password: TEST_PASSWORD, role: "admin", unitId: null });
      const admin = await login(app, "admin", TEST_PASSWORD);
      const res = await admin.get("/api/dashboard");
      expect(res.statusCode).toBe(200);
      expect((res.json() as { itemsTotal: number }).itemsTotal).toBe(manifest.tables.items);
    } finally {
      await app.close();
      await reads.close();
      await analysis2.stop();
      restored.close();
    }
  });

  it("runs as `tingfeng backup --out FILE` and `tingfeng restore FILE` with TINGFENG_DATA_DIR naming the folder", async () => {
    const { dir, db, sourceId } = dataDir();
    insertItems(db, sourceId, [item("县政府召开新闻发布会")]);
    db.close();
    const out = path.join(tmp(), "cli.tar.gz");
    const target = path.join(tmp(), "cli-restored");
    const saved = process.env.TINGFENG_DATA_DIR;
    const lines: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((line: unknown) => void lines.push(String(line)));
    try {
      process.env.TINGFENG_DATA_DIR = dir;
      expect(await runCli(["backup", "--out", out])).toBe(0);
      process.env.TINGFENG_DATA_DIR = target;
      expect(await runCli(["restore", out])).toBe(0);
      expect(await runCli(["migrate", "--dry-run"])).toBe(0);
    } finally {
      process.env.TINGFENG_DATA_DIR = saved;
      log.mockRestore();
    }
    const printed = lines.join("\n");
    expect(printed).toMatch(/items\s+1/);
    expect(printed).toContain("database is up to date");
    expect(new Database(path.join(target, "tingfeng.db"), { readonly: true }).prepare("SELECT title FROM items").pluck().get()).toBe("县政府召开新闻发布会");
  });

  it("refuses a folder that has a database unless forced, and then keeps the old one aside", async () => {
    const { dir, db } = dataDir();
    db.close();
    const out = path.join(tmp(), "b.tar.gz");
    await backupDataDir({ dataDir: dir, version: "test" }, out);
    await expect(restoreBackup(out, { dataDir: dir })).rejects.toThrow(/already exists/);
    const r = await restoreBackup(out, { dataDir: dir }, { force: true });
    expect(r.keptAside).toMatch(/tingfeng\.db\.before-restore-/);
    expect(readFileSync(r.keptAside!).length).toBeGreaterThan(0);
  });

  it("refuses a damaged database, a newer schema and a file that is not a backup", async () => {
    const { dir, db } = dataDir();
    db.sqlite.prepare("INSERT INTO schema_migrations VALUES (9999, 'from_the_future', 0)").run();
    db.close();
    const newer = path.join(tmp(), "newer.tar.gz");
    await backupDataDir({ dataDir: dir, version: "9.0.0" }, newer);
    await expect(restoreBackup(newer, { dataDir: path.join(tmp(), "t") })).rejects.toThrow(/newer version \(schema 9999/);

    // The same archive with one byte of the database changed.
    const { dir: good, db: gdb } = dataDir();
    gdb.close();
    const ok = path.join(tmp(), "ok.tar.gz");
    await backupDataDir({ dataDir: good, version: "test" }, ok);
    const unpacked = tmp();
    await tarExtract({ file: ok, cwd: unpacked });
    const bytes = readFileSync(path.join(unpacked, "tingfeng.db"));
    bytes[bytes.length - 100] ^= 0xff;
    writeFileSync(path.join(unpacked, "tingfeng.db"), bytes);
    const damaged = path.join(tmp(), "damaged.tar.gz");
    await tarCreate({ gzip: true, file: damaged, cwd: unpacked }, ["manifest.json", "tingfeng.db"]);
    await expect(restoreBackup(damaged, { dataDir: path.join(tmp(), "t") })).rejects.toThrow(/checksum/);

    const junk = path.join(tmp(), "junk.tar.gz");
    writeFileSync(junk, "not a backup");
    await expect(restoreBackup(junk, { dataDir: path.join(tmp(), "t") })).rejects.toThrow(/not a readable Tingfeng backup|no manifest/);
  });

  it("takes nothing from an archive but the manifest, the database and content-addressed attachments", async () => {
    const { dir, db } = dataDir();
    db.close();
    const ok = path.join(tmp(), "ok.tar.gz");
    await backupDataDir({ dataDir: dir, version: "test" }, ok);
    const unpacked = tmp();
    await tarExtract({ file: ok, cwd: unpacked });
    mkdirSync(path.join(unpacked, "web"));
    writeFileSync(path.join(unpacked, "web", "index.html"), "<script>alert(1)</script>");
    const hostile = path.join(tmp(), "hostile.tar.gz");
    await tarCreate({ gzip: true, file: hostile, cwd: unpacked }, ["manifest.json", "tingfeng.db", "web"]);
    const target = path.join(tmp(), "t");
    await restoreBackup(hostile, { dataDir: target });
    expect(() => readFileSync(path.join(target, "web", "index.html"))).toThrow();
    expect(new Database(path.join(target, "tingfeng.db"), { readonly: true }).pragma("quick_check", { simple: true })).toBe("ok");
  });
});
