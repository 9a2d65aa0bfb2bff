// `tingfeng doctor`: what an IT person checks before calling for help — the data folder (exists, writable,
// free space), the database (integrity, schema against this build, size), the secrets key, the CJK fonts
// and Chromium that PDF reports need, the time zone, and the clock against the newest stored item. Each
// finding says what to fix, in Chinese and English. Pure over what it is given except the probes it names.
import { accessSync, constants, existsSync, mkdirSync, rmSync, statfsSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { latestSchemaVersion } from "../db/migrate";
import { schemaVersionOf } from "./manifest";
import { secretKeyFile } from "../alerts/secrets";

/** One finding. */
export interface Finding { check: string; level: "ok" | "warn" | "error"; zh: string; en: string }

/** What the checks look at. */
export interface DoctorInput {
  dataDir: string; dbPath: string; secretKey?: string; timeZone: string;
  chromiumPath: string; fontFiles: string[]; now?: number;
}

const ok = (check: string, zh: string, en: string): Finding => ({ check, level: "ok", zh, en });
const warn = (check: string, zh: string, en: string): Finding => ({ check, level: "warn", zh, en });
const error = (check: string, zh: string, en: string): Finding => ({ check, level: "error", zh, en });

const GB = 1024 ** 3;

/** The data folder: there, writable, with room. */
function dataFolder(dir: string): Finding[] {
  if (!existsSync(dir)) {
    try {
      mkdirSync(dir, { recursive: true });
    } catch {
      return [error("data-dir", `数据目录 ${dir} 不存在且无法创建：请创建并授权给运行服务的用户`, `The data folder ${dir} does not exist and cannot be created: create it and give it to the service's user`)];
    }
  }
  const out: Finding[] = [];
  const probe = path.join(dir, `.doctor-${process.pid}`);
  try {
    writeFileSync(probe, "x");
    rmSync(probe);
    out.push(ok("data-dir", `数据目录 ${dir} 可写`, `The data folder ${dir} is writable`));
  } catch {
    return [error("data-dir", `数据目录 ${dir} 不可写：chown 给运行服务的用户（如 tingfeng），权限 700`, `The data folder ${dir} is not writable: chown it to the service's user (e.g. tingfeng), mode 700`)];
  }
  const fs = statfsSync(dir);
  const free = fs.bavail * fs.bsize;
  const share = fs.bavail / Math.max(1, fs.blocks);
  if (free < GB || share < 0.05) out.push(error("disk", `磁盘剩余 ${(free / GB).toFixed(1)} GB（${(share * 100).toFixed(0)}%）：清理空间或迁移数据目录，否则新数据将无法写入`, `${(free / GB).toFixed(1)} GB (${(share * 100).toFixed(0)}%) free: make room or move the data folder, or new data cannot be written`));
  else if (free < 10 * GB || share < 0.15) out.push(warn("disk", `磁盘剩余 ${(free / GB).toFixed(1)} GB（${(share * 100).toFixed(0)}%），请关注`, `${(free / GB).toFixed(1)} GB (${(share * 100).toFixed(0)}%) free: keep an eye on it`));
  else out.push(ok("disk", `磁盘剩余 ${(free / GB).toFixed(1)} GB`, `${(free / GB).toFixed(1)} GB free`));
  return out;
}

/** The database: integrity, schema, the clock against its newest item. */
function database(dbPath: string, now: number): Finding[] {
  if (!existsSync(dbPath)) return [warn("database", `尚无数据库 ${dbPath}：首次启动时创建`, `No database at ${dbPath} yet: it is created on the first start`)];
  const out: Finding[] = [];
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma("quick_check", { simple: true });
    out.push(check === "ok"
      ? ok("integrity", `数据库完整性检查通过（${(statSync(dbPath).size / 1024 / 1024).toFixed(1)} MB）`, `Database integrity check passed (${(statSync(dbPath).size / 1024 / 1024).toFixed(1)} MB)`)
      : error("integrity", `数据库完整性检查失败：${String(check)}。停止服务，用最近的备份恢复（tingfeng restore）`, `The database failed its integrity check: ${String(check)}. Stop the service and restore the latest backup (tingfeng restore)`));
    const have = schemaVersionOf(db);
    const known = latestSchemaVersion();
    if (have > known) out.push(error("schema", `数据库版本 ${have} 比程序（${known}）新：请使用更新的程序版本`, `Database schema ${have} is newer than this build (${known}): run the newer version`));
    else if (have < known) out.push(warn("schema", `数据库版本 ${have}，启动时将升级到 ${known}（会先自动备份）`, `Database schema ${have}; the next start migrates to ${known} (after an automatic backup)`));
    else out.push(ok("schema", `数据库版本 ${have}，与程序一致`, `Database schema ${have} matches this build`));
    const hasItems = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'items'").get();
    const newest = hasItems ? (db.prepare("SELECT max(fetched_at) FROM items").pluck().get() as number | null) : null;
    if (newest !== null && newest > now + 5 * 60_000) {
      out.push(error("clock", `系统时钟比最新一条信息的采集时间慢 ${Math.round((newest - now) / 60_000)} 分钟：请校准时间（NTP），否则排序、期限和报表会出错`, `The clock is ${Math.round((newest - now) / 60_000)} minutes behind the newest stored item: fix the time (NTP), or ordering, deadlines and reports go wrong`));
    } else out.push(ok("clock", "系统时钟与已存数据一致", "The clock agrees with the stored data"));
  } finally {
    db.close();
  }
  return out;
}

/** Runs every check. */
export function runDoctor(input: DoctorInput): Finding[] {
  const now = input.now ?? Date.now();
  const out = [...dataFolder(input.dataDir)];
  out.push(...database(input.dbPath, now));
  const keyFile = secretKeyFile(input.dataDir);
  out.push(input.secretKey || existsSync(keyFile)
    ? ok("secret-key", "加密密钥已配置：请在服务器和备份之外另存一份", "The secrets key is in place: keep a copy away from the server and its backups")
    : warn("secret-key", `尚无加密密钥：首次启动时生成于 ${keyFile}；建议用 TINGFENG_SECRET_KEY_FILE 指定并另存一份`, `No secrets key yet: the first start creates ${keyFile}; better set TINGFENG_SECRET_KEY_FILE and keep a copy elsewhere`));
  out.push(input.fontFiles.length
    ? ok("fonts", `中文字体：${input.fontFiles.map((f) => path.basename(f)).join(", ")}`, `CJK fonts: ${input.fontFiles.map((f) => path.basename(f)).join(", ")}`)
    : error("fonts", "未找到中文字体（Noto Sans CJK）：apt-get install fonts-noto-cjk，否则图表和 PDF 中文显示为方框", "No CJK font (Noto Sans CJK): apt-get install fonts-noto-cjk, or charts and PDFs show boxes for Chinese"));
  let chromium = false;
  try {
    accessSync(input.chromiumPath, constants.X_OK);
    chromium = true;
  } catch {
    // reported below
  }
  out.push(chromium
    ? ok("chromium", `PDF 渲染浏览器：${input.chromiumPath}`, `Browser for PDF: ${input.chromiumPath}`)
    : error("chromium", `未找到 ${input.chromiumPath}：apt-get install chromium，否则无法导出 PDF 报告`, `${input.chromiumPath} not found: apt-get install chromium, or PDF reports cannot be made`));
  const system = Intl.DateTimeFormat().resolvedOptions().timeZone;
  out.push(input.timeZone === system
    ? ok("time-zone", `办公时区 ${input.timeZone}`, `Office time zone ${input.timeZone}`)
    : warn("time-zone", `办公时区 ${input.timeZone} 与系统时区 ${system} 不同：日报、期限按办公时区计算；如非有意，请设置 TINGFENG_TIME_ZONE`, `Office time zone ${input.timeZone} differs from the system's ${system}: digests and deadlines use the office zone; set TINGFENG_TIME_ZONE if this is not intended`));
  return out;
}
