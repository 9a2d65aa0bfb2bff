import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDb } from "../db/connection";
import { migrate } from "../db/migrate";
import { insertSource } from "../store/sources";
import { insertItems } from "../store/items";
import { runDoctor } from "./doctor";

const dir = mkdtempSync(path.join(os.tmpdir(), "tingfeng-doctor-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("tingfeng doctor", () => {
  it("says what to fix: no browser, no fonts, a clock behind the stored data, a newer schema", () => {
    const dbPath = path.join(dir, "tingfeng.db");
    const db = openDb(dbPath);
    migrate(db);
    const s = insertSource(db, { name: "县融媒体中心", kind: "rss", url: "http://127.0.0.1/f", intervalSeconds: 300, priority: 1, enabled: true });
    const now = Date.now();
    insertItems(db, s.id, [{ guid: "g", url: null, canonicalUrl: null, contentHash: "h", author: null, title: "标题", text: "正文", publishedAt: null }], now);
    db.close();
    const base = { dataDir: dir, dbPath, timeZone: "Asia/Shanghai", chromiumPath: path.join(dir, "no-chromium"), fontFiles: [] };
    const byCheck = (f: ReturnType<typeof runDoctor>) => Object.fromEntries(f.map((x) => [x.check, x]));

    const found = byCheck(runDoctor({ ...base, now: now - 30 * 60_000 }));
    expect(found["data-dir"]!.level).toBe("ok");
    expect(found.integrity!.level).toBe("ok");
    expect(found.schema!.level).toBe("ok");
    expect(found.chromium).toMatchObject({ level: "error", zh: expect.stringContaining("apt-get install chromium") });
    expect(found.fonts).toMatchObject({ level: "error", en: expect.stringContaining("fonts-noto-cjk") });
    expect(found.clock).toMatchObject({ level: "error", zh: expect.stringContaining("慢 30 分钟") });
    expect(found["secret-key"]!.level).toBe("warn");

    const fine = byCheck(runDoctor({ ...base, now, chromiumPath: process.execPath, fontFiles: ["/x/NotoSansCJK-Regular.ttc"], secretKey: "k" }));
    expect(["chromium", "fonts", "clock", "secret-key"].map((c) => fine[c]!.level)).toEqual(["ok", "ok", "ok", "ok"]);

    const newer = openDb(dbPath);
    newer.sqlite.prepare("INSERT INTO schema_migrations VALUES (9999, 'future', 0)").run();
    newer.close();
    expect(byCheck(runDoctor({ ...base, now })).schema).toMatchObject({ level: "error", zh: expect.stringContaining("比程序") });
  });
});
