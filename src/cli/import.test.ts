import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb } from "../db/connection";
import { importCommand } from "./import";

let dir = "";
const saved = { ...process.env };
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "tingfeng-import-"));
  process.env.TINGFENG_DATA_DIR = dir;
  process.env.TINGFENG_TIME_ZONE = "Asia/Shanghai";
});
afterEach(() => {
  process.env = { ...saved };
  rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await importCommand(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

describe("tingfeng import", () => {
  it("imports a file once, reports refused rows by number, and adds nothing on a second run", async () => {
    const file = path.join(dir, "台账.csv");
    writeFileSync(file, "名称,地址,描述,日期\n城西停水,https://example.cn/1,今日停水,2026-11-20 08:00\n,,,\n城东停电,,今晚停电,2026-11-21\n");
    const first = await run([file, "--source", "网评台账", "--map", "title=名称,url=地址,text=描述,time=日期"]);
    // Stdout is exactly the contract line; refused rows go to stderr.
    expect(first.out).toEqual(["imported 2, skipped 0 (duplicates), rejected 1"]);
    expect(first.err).toEqual(["第 3 行：缺少标题和内容"]);
    expect(first.code).toBe(0);

    const again = await run([file, "--source", "网评台账", "--map", "title=名称,url=地址,text=描述,time=日期"]);
    expect(again.out).toEqual(["imported 0, skipped 2 (duplicates), rejected 1"]);
    expect(again.code).not.toBe(0);

    const db = openDb(path.join(dir, "tingfeng.db"));
    try {
      const sources = db.sqlite.prepare("SELECT name, kind, url FROM sources").all();
      expect(sources).toEqual([{ name: "网评台账", kind: "import", url: "import:网评台账" }]);
      const items = db.sqlite.prepare("SELECT title, published_at FROM items ORDER BY id").all();
      expect(items).toEqual([
        { title: "城西停水", published_at: Date.parse("2026-11-20T00:00:00Z") },
        { title: "城东停电", published_at: Date.parse("2026-11-20T16:00:00Z") },
      ]);
    } finally {
      db.close();
    }
  });

  it("matches common headers without --map and refuses a mapping to a missing column", async () => {
    const file = path.join(dir, "posts.jsonl");
    writeFileSync(file, `${JSON.stringify({ title: "一条", url: "https://example.cn/x", time: "2026-11-20T08:00:00+08:00" })}\nnot json\n`);
    const ok = await run([file, "--source", "导出"]);
    expect(ok.out).toEqual(["imported 1, skipped 0 (duplicates), rejected 1"]);
    expect(ok.err).toEqual(["第 2 行：不是有效的 JSON"]);
    const bad = await run([file, "--source", "导出", "--map", "title=标题"]);
    expect(bad.code).toBe(2);
    expect(bad.err.join("\n")).toContain("没有列「标题」");
  });

  it("lays --map over the matched columns instead of replacing them; field= leaves a field unmapped", async () => {
    const file = path.join(dir, "台账.csv");
    writeFileSync(file, "事项,链接,时间\n城西停水,https://example.cn/1,2026-11-20 08:00\n城东停电,https://example.cn/2,上周\n");
    const r = await run([file, "--source", "台账", "--map", "title=事项"]);
    expect(r.out).toEqual(["imported 1, skipped 0 (duplicates), rejected 1"]);
    expect(r.err).toEqual(["第 3 行：时间无法识别：上周"]);
    const noTime = await run([file, "--source", "台账二", "--map", "title=事项,time="]);
    // The row with 上周 is taken now (no time column); the other was imported above.
    expect(noTime.out).toEqual(["imported 1, skipped 1 (duplicates), rejected 0"]);
    const db = openDb(path.join(dir, "tingfeng.db"));
    try {
      const rows = db.sqlite.prepare("SELECT title, url, published_at FROM items ORDER BY id LIMIT 1").all();
      expect(rows).toEqual([{ title: "城西停水", url: "https://example.cn/1", published_at: Date.parse("2026-11-20T00:00:00Z") }]);
    } finally {
      db.close();
    }
  });
});
