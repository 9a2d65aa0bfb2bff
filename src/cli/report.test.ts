import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb } from "../db/connection";
import { migrate } from "../db/migrate";
import { reportCommand } from "./report";

let dir = "";
const saved = { ...process.env };
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "tingfeng-report-"));
  process.env.TINGFENG_DATA_DIR = dir;
  process.env.TINGFENG_TIME_ZONE = "Asia/Shanghai";
  // A few items on 2026-07-01 (Beijing).
  const db = openDb(path.join(dir, "tingfeng.db"));
  try {
    migrate(db);
    const src = Number(db.prepare("INSERT INTO sources (name, kind, url, interval_seconds, enabled, created_at, updated_at) VALUES ('青禾新闻网', 'rss', 'https://example.org/feed.xml', 600, 1, 0, 0)").run().lastInsertRowid);
    for (let i = 0; i < 3; i++) {
      const at = Date.parse(`2026-07-01T${String(i + 8).padStart(2, "0")}:00:00+08:00`);
      db.prepare("INSERT INTO items (source_id, dedup_key, content_hash, title, text, published_at, fetched_at, sentiment, analysed_at) VALUES (?, ?, ?, ?, '正文', ?, ?, ?, ?)")
        .run(src, `k${i}`, `h${i}`, `禾溪镇信息${i}`, at, at, i === 0 ? "neg" : "neu", at);
    }
  } finally {
    db.close();
  }
});
afterEach(() => {
  process.env = { ...saved };
  rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string }> {
  const out: string[] = [];
  let err = "";
  const code = await reportCommand(args, (l) => out.push(l), (t) => (err += t));
  return { code, out, err };
}

describe("tingfeng report", () => {
  it("writes a daily digest as DOCX and says what it wrote", async () => {
    const file = path.join(dir, "daily.docx");
    const r = await run(["daily", "--date", "2026-07-01", "--format", "docx", "--out", file]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(readFileSync(file).subarray(0, 2).toString("latin1")).toBe("PK");
    expect(r.out).toHaveLength(1);
    expect(r.out[0]).toMatch(/^每日网络动态 2026年7月1日 draft #1: draft \d+ ms, docx \d+ ms → .*daily\.docx \(\d+ bytes\)$/);
  }, 60_000);

  it("issues a numbered version with --issue", async () => {
    const file = path.join(dir, "weekly.xlsx");
    const r = await run(["periodic", "--from", "2026-06-25", "--to", "2026-07-01", "--issue", "--format", "xlsx", "--out", file]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toContain("2026年第1期 (version 1)");
    expect(readFileSync(file).subarray(0, 2).toString("latin1")).toBe("PK");
  }, 60_000);

  it("refuses a bad format and a non-numeric id as usage errors (exit 2)", async () => {
    const out = path.join(dir, "x.docx");
    const bad = await run(["daily", "--format", "odt", "--out", out]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("Usage: tingfeng report");
    for (const id of ["abc", "12abc", "0", "-3"]) {
      const r = await run(["special", `--event=${id}`, "--format", "docx", "--out", out]);
      expect(r.code, id).toBe(2);
      expect(r.err).toContain("--event must be a positive integer");
    }
    const tpl = await run(["daily", "--template", "x", "--format", "docx", "--out", out]);
    expect(tpl.code).toBe(2);
    expect(tpl.err).toContain("--template must be a positive integer");
  }, 60_000);
});
