// The only reader of process.env: one typed table of settings with defaults and validators.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { invalidAllowEntries } from "./ingest/allow-hosts";
import { formatPeriods, parsePeriods } from "./shared/working-calendar";

const bool = z
  .enum(["0", "1", "true", "false", "yes", "no", "on", "off"])
  .transform((v) => ["1", "true", "yes", "on"].includes(v));

const hostList = z
  .string()
  .transform((v) => v.split(",").map((h) => h.trim().toLowerCase()).filter(Boolean))
  .superRefine((hosts, ctx) => {
    const bad = invalidAllowEntries(hosts);
    if (bad.length) ctx.addIssue({ code: "custom", message: `not a host, *.suffix, host:port or CIDR: ${bad.join(", ")}` });
  });

const timeZone = z
  .string()
  .transform((v) => v.trim() || Intl.DateTimeFormat().resolvedOptions().timeZone)
  .refine((v) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: v });
      return true;
    } catch {
      return false;
    }
  }, "not an IANA time zone such as Asia/Shanghai");

const workHours = z.string().transform((v, ctx) => {
  try {
    return parsePeriods(v);
  } catch (err) {
    ctx.addIssue({ code: "custom", message: (err as Error).message });
    return z.NEVER;
  }
});

/** Each setting: env name → schema, default and whether it is a secret (masked in config-dump). */
const table = {
  dataDir: { env: "TINGFENG_DATA_DIR", schema: z.string().min(1), default: "./data", secret: false },
  port: { env: "PORT", schema: z.coerce.number().int().min(0).max(65535), default: "3000", secret: false },
  host: { env: "HOST", schema: z.string().min(1), default: "0.0.0.0", secret: false },
  demo: { env: "TINGFENG_DEMO", schema: bool, default: "1", secret: false },
  demoPort: { env: "TINGFENG_DEMO_PORT", schema: z.coerce.number().int().min(0).max(65535), default: "0", secret: false },
  demoIntervalMs: { env: "TINGFENG_DEMO_INTERVAL_MS", schema: z.coerce.number().int().min(200), default: "5000", secret: false },
  adminPassword: { env: "TINGFENG_ADMIN_PASSWORD", schema: z.string().min(10).optional(), default: undefined, secret: true },
  sessionTtlHours: { env: "TINGFENG_SESSION_TTL_HOURS", schema: z.coerce.number().int().min(1).max(24 * 90), default: "12", secret: false },
  cookieSecure: { env: "TINGFENG_COOKIE_SECURE", schema: bool, default: "0", secret: false },
  trustProxy: { env: "TINGFENG_TRUST_PROXY", schema: bool, default: "0", secret: false },
  fetchAllowHosts: { env: "TINGFENG_FETCH_ALLOW_HOSTS", schema: hostList, default: "", secret: false },
  fetchTimeoutMs: { env: "TINGFENG_FETCH_TIMEOUT_MS", schema: z.coerce.number().int().min(1000), default: "30000", secret: false },
  fetchMaxBytes: { env: "TINGFENG_FETCH_MAX_BYTES", schema: z.coerce.number().int().min(1024), default: String(5 * 1024 * 1024), secret: false },
  fetchHostConcurrency: { env: "TINGFENG_FETCH_HOST_CONCURRENCY", schema: z.coerce.number().int().min(1).max(16), default: "2", secret: false },
  fetchHostDelayMs: { env: "TINGFENG_FETCH_HOST_DELAY_MS", schema: z.coerce.number().int().min(0).max(60_000), default: "0", secret: false },
  fetchConcurrency: { env: "TINGFENG_FETCH_CONCURRENCY", schema: z.coerce.number().int().min(1).max(64), default: "4", secret: false },
  schedulerTickMs: { env: "TINGFENG_SCHEDULER_TICK_MS", schema: z.coerce.number().int().min(100), default: "2000", secret: false },
  loginMaxAttempts: { env: "TINGFENG_LOGIN_MAX_ATTEMPTS", schema: z.coerce.number().int().min(1), default: "10", secret: false },
  loginWindowSeconds: { env: "TINGFENG_LOGIN_WINDOW_SECONDS", schema: z.coerce.number().int().min(1), default: "900", secret: false },
  burstMinItems: { env: "TINGFENG_BURST_MIN_ITEMS", schema: z.coerce.number().int().min(1).max(100_000), default: "5", secret: false },
  readWorkers: { env: "TINGFENG_READ_WORKERS", schema: z.coerce.number().int().min(0).max(16), default: "2", secret: false },
  queryBudgetMs: { env: "TINGFENG_QUERY_BUDGET_MS", schema: z.coerce.number().int().min(1), default: "5000", secret: false },
  exportBudgetMs: { env: "TINGFENG_EXPORT_BUDGET_MS", schema: z.coerce.number().int().min(1), default: "30000", secret: false },
  dbBusyTimeoutMs: { env: "TINGFENG_DB_BUSY_TIMEOUT_MS", schema: z.coerce.number().int().min(0), default: "5000", secret: false },
  userSearchConcurrency: { env: "TINGFENG_USER_SEARCH_CONCURRENCY", schema: z.coerce.number().int().min(1), default: "4", secret: false },
  userSearchRate: { env: "TINGFENG_USER_SEARCH_RATE", schema: z.coerce.number().positive(), default: "10", secret: false },
  userExportConcurrency: { env: "TINGFENG_USER_EXPORT_CONCURRENCY", schema: z.coerce.number().int().min(1), default: "1", secret: false },
  userExportRate: { env: "TINGFENG_USER_EXPORT_RATE", schema: z.coerce.number().positive(), default: "0.2", secret: false },
  // 32-byte key (64 hex digits or base64) for channel secrets at rest; unset: generated once into <data dir>/secret.key (0600).
  secretKey: { env: "TINGFENG_SECRET_KEY", schema: z.string().min(1).optional(), default: undefined, secret: true },
  publicUrl: { env: "TINGFENG_PUBLIC_URL", schema: z.url().transform((u) => u.replace(/\/+$/, "")), default: "http://localhost:3000", secret: false },
  alertTimeoutMs: { env: "TINGFENG_ALERT_TIMEOUT_MS", schema: z.coerce.number().int().min(100), default: "10000", secret: false },
  alertRetryBaseMs: { env: "TINGFENG_ALERT_RETRY_BASE_MS", schema: z.coerce.number().int().min(10), default: "5000", secret: false },
  alertMaxAttempts: { env: "TINGFENG_ALERT_MAX_ATTEMPTS", schema: z.coerce.number().int().min(1).max(50), default: "10", secret: false },
  // The office's time zone for working-day deadlines ("" : the server's own, from TZ).
  timeZone: { env: "TINGFENG_TIME_ZONE", schema: timeZone, default: "", secret: false },
  workHours: { env: "TINGFENG_WORK_HOURS", schema: workHours, default: "08:30-12:00,14:00-17:30", secret: false },
  // The public message board: submissions per client address per minute, and per second for everyone.
  boardIpPerMinute: { env: "TINGFENG_BOARD_IP_PER_MINUTE", schema: z.coerce.number().positive().max(10_000), default: "5", secret: false },
  boardGlobalPerSecond: { env: "TINGFENG_BOARD_GLOBAL_PER_SECOND", schema: z.coerce.number().positive().max(100_000), default: "300", secret: false },
  boardPowMaxNumber: { env: "TINGFENG_BOARD_POW_MAX_NUMBER", schema: z.coerce.number().int().min(100).max(10_000_000), default: "50000", secret: false },
  boardAnswerDays: { env: "TINGFENG_BOARD_ANSWER_DAYS", schema: z.coerce.number().int().min(0).max(365), default: "5", secret: false },
  boardBlockWords: { env: "TINGFENG_BOARD_BLOCK_WORDS", schema: z.string().transform((v) => v.split(/[,，]/).map((w) => w.trim()).filter(Boolean)), default: "", secret: false },
  // Escalation of unacknowledged 较大/重大 alerts along the duty rota, then to the unit's leader; signed ack links.
  escalateSignificantMinutes: { env: "TINGFENG_ESCALATE_SIGNIFICANT_MINUTES", schema: z.coerce.number().int().min(1).max(1440), default: "15", secret: false },
  escalateMajorMinutes: { env: "TINGFENG_ESCALATE_MAJOR_MINUTES", schema: z.coerce.number().int().min(1).max(1440), default: "5", secret: false },
  ackLinkHours: { env: "TINGFENG_ACK_LINK_HOURS", schema: z.coerce.number().int().min(1).max(24 * 30), default: "24", secret: false },
  // Optional language-model sentences in reports (OpenAI-compatible chat completions); off unless URL and model are set.
  llmUrl: { env: "TINGFENG_LLM_URL", schema: z.union([z.literal(""), z.url().transform((u) => u.replace(/\/+$/, ""))]), default: "", secret: false },
  llmModel: { env: "TINGFENG_LLM_MODEL", schema: z.string().trim(), default: "", secret: false },
  llmApiKey: { env: "TINGFENG_LLM_API_KEY", schema: z.string().min(1).optional(), default: undefined, secret: true },
  llmTimeoutMs: { env: "TINGFENG_LLM_TIMEOUT_MS", schema: z.coerce.number().int().min(1000).max(300_000), default: "20000", secret: false },
  // Case attachments: the largest file accepted; case reminders: how long before a deadline, and extra channels by id.
  attachmentMaxBytes: { env: "TINGFENG_ATTACHMENT_MAX_BYTES", schema: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024), default: String(20 * 1024 * 1024), secret: false },
  caseReminderMinutes: { env: "TINGFENG_CASE_REMINDER_MINUTES", schema: z.coerce.number().int().min(1).max(7 * 24 * 60), default: "120", secret: false },
  caseNoticeChannels: {
    env: "TINGFENG_CASE_NOTICE_CHANNELS",
    schema: z.string().regex(/^[\d,\s]*$/, "comma-separated channel ids").transform((v) => v.split(",").map((x) => x.trim()).filter(Boolean).map(Number)),
    default: "", secret: false,
  },
  // Backups: the folder (default <data dir>/backups), the daily time on the office clock ("off" = none) and how many to keep.
  backupDir: { env: "TINGFENG_BACKUP_DIR", schema: z.string().min(1).optional(), default: undefined, secret: false },
  backupAt: { env: "TINGFENG_BACKUP_AT", schema: z.string().regex(/^(off|([01]\d|2[0-3]):[0-5]\d)$/, "HH:MM or off"), default: "02:00", secret: false },
  // Items older than this many days are archived (JSONL.gz in the backup folder) and deleted after the daily
  // backup, unless a case, alert, placement, correction or report points at them; 0 keeps everything.
  retentionDays: { env: "TINGFENG_RETENTION_DAYS", schema: z.coerce.number().int().refine((n) => n === 0 || n >= 30, "0 (keep everything) or at least 30"), default: "0", secret: false },
  backupKeep: { env: "TINGFENG_BACKUP_KEEP", schema: z.coerce.number().int().min(1).max(365), default: "7", secret: false },
  // GET /metrics answers loopback requests without a token (and never proxied ones); others need this bearer token.
  metricsToken: { env: "TINGFENG_METRICS_TOKEN", schema: z.string().min(16).optional(), default: undefined, secret: true },
  // /api/ready fails when the oldest item waiting for analysis is older than this.
  readyMaxLagSeconds: { env: "TINGFENG_READY_MAX_LAG_SECONDS", schema: z.coerce.number().int().min(10), default: "900", secret: false },
  logLevel: { env: "TINGFENG_LOG_LEVEL", schema: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]), default: "info", secret: false },
} as const;

type Table = typeof table;
/** The validated settings. */
export type Config = { [K in keyof Table]: z.output<Table[K]["schema"]> };

/** Reads VAR, or the file named by VAR_FILE (for secrets mounted as files). */
function readRaw(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const file = env[`${name}_FILE`];
  if (file) return readFileSync(file, "utf8").trim();
  const v = env[name];
  return v === undefined || v === "" ? undefined : v;
}

/** Parses settings from an environment; throws one error listing every invalid variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, spec] of Object.entries(table)) {
    if (key in overrides) {
      out[key] = overrides[key as keyof Config];
      continue;
    }
    const raw = readRaw(env, spec.env) ?? spec.default;
    const parsed = (spec.schema as z.ZodType).safeParse(raw);
    if (parsed.success) out[key] = parsed.data;
    else problems.push(`${spec.env}: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  }
  if (problems.length) throw new Error(`config: invalid settings\n  ${problems.join("\n  ")}`);
  out.dataDir = path.resolve(String(out.dataDir));
  out.backupDir = path.resolve(String(out.backupDir ?? path.join(String(out.dataDir), "backups")));
  return out as Config;
}

/** Settings as env-name → value with secrets masked, for `tingfeng config-dump`. */
export function dumpConfig(cfg: Config): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, spec] of Object.entries(table)) {
    const v = cfg[key as keyof Config];
    if (spec.secret) out[spec.env] = v === undefined ? "(unset)" : "********";
    else if (key === "workHours") out[spec.env] = formatPeriods(cfg.workHours);
    else out[spec.env] = Array.isArray(v) ? v.join(",") : String(v);
  }
  return out;
}
