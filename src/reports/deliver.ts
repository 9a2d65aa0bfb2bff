// Delivers a scheduled report through the alert channels: e-mail gets the rendered file attached and
// a short body; robots (WeCom, DingTalk, Feishu, webhook) and the in-app channel get a summary (title,
// number, period, the overview's first figures, up to five cited negative items) and a link — the
// leader's phone page of the issued version, or the draft's editor. Each channel is tried up to three
// times with backoff within the run; the outcome per channel is returned for the run's record.
import type { Db } from "../db/connection";
import type { Config } from "../config";
import type { ChannelRegistry } from "../alerts/channels";
import { ChannelError, type AlertItem, type AlertMessage } from "../alerts/channels/types";
import { backoffMs, channelSettings } from "../alerts/dispatcher";
import { getChannel } from "../store/alert-config";
import { localTime, parseClock } from "../shared/working-calendar";
import type { CitedItem, ReportContent, ReportDelivery, ReportFormat } from "../shared/report-types";

/** Attempts per channel within one run. */
export const DELIVERY_ATTEMPTS = 3;
const MAX_ITEMS = 5;
const MAX_FIGURES = 4;

/** What one delivery sends. */
export interface ReportDeliveryInput {
  /** The run id: the messages' idempotency key. */
  runId: number;
  reportId: number;
  /** The issued version, or null when a draft is sent. */
  versionId: number | null;
  content: ReportContent;
  format: ReportFormat;
  /** The rendered file, or why there is none (e-mail then fails with that reason; the others still go). */
  file: { bytes: Buffer; contentType: string } | { error: string };
  channelIds: readonly number[];
}

/** What delivery needs from the server. */
export interface DeliveryDeps {
  channels: ChannelRegistry;
  key: Buffer;
  config: Pick<Config, "publicUrl" | "alertTimeoutMs" | "alertRetryBaseMs" | "timeZone">;
  /** Aborted when the server stops: no further retries. */
  signal?: AbortSignal;
  now?: () => number;
}

/** The link a message carries: the phone page of the issued version, else the draft. */
export function reportLink(publicUrl: string, reportId: number, versionId: number | null): string {
  return versionId != null ? `${publicUrl}/m/reports/${versionId}` : `${publicUrl}/reports/${reportId}`;
}

/** The attachment's file name: title, number (or 草稿) and period start, without characters file systems refuse. */
export function reportFilename(content: ReportContent, format: ReportFormat): string {
  const base = `${content.title}${content.number ? `（${content.number}）` : "（草稿）"}_${content.period.from}`;
  // eslint-disable-next-line no-control-regex
  return `${base.replace(/[\u0000-\u001f\\/:*?"<>|]+/g, "_").slice(0, 120)}.${format}`;
}

// "2026-07-01 09:00" office time → ISO 8601 (AlertItem times are instants).
function officeIso(text: string | null, timeZone: string): string | null {
  const m = text ? /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})/.exec(text) : null;
  const minute = m ? parseClock(m[2]) : null;
  return m && minute != null ? new Date(localTime(m[1], minute, timeZone)).toISOString() : null;
}

/** Up to five distinct negative items the report cites, in the order it cites them. */
export function citedNegativeItems(content: ReportContent): CitedItem[] {
  const out = new Map<number, CitedItem>();
  for (const section of content.sections)
    for (const block of section.blocks)
      if (block.type === "items") for (const item of block.items) if (item.sentiment === "neg" && out.size < MAX_ITEMS) out.set(item.id, item);
  return [...out.values()];
}

/** "总体情况：信息总量 1,234条，负面信息 56条" from the overview's first figures, or "". */
export function overviewLine(content: ReportContent): string {
  const overview = content.sections.find((s) => s.key === "overview");
  const figures = overview?.blocks.find((b) => b.type === "figures");
  if (!overview || !figures || figures.type !== "figures") return "";
  const shown = figures.figures.slice(0, MAX_FIGURES).map((f) => `${f.label} ${f.value.toLocaleString("en-US")}${f.unit}`);
  return shown.length ? `${overview.title}：${shown.join("，")}` : "";
}

/** The summary message every channel sends (severity 一般, id = the run id). Pure. */
export function reportMessage(input: Omit<ReportDeliveryInput, "file" | "channelIds" | "format">, publicUrl: string, timeZone: string): AlertMessage {
  const { content } = input;
  const overview = overviewLine(content);
  const items: AlertItem[] = citedNegativeItems(content).map((c) => {
    const published = officeIso(c.publishedAt, timeZone);
    return {
      id: c.id, title: c.title, url: c.url, source: c.source, publishedAt: published, fetchedAt: published ?? content.generatedAt,
      sentiment: c.sentiment, repostCount: Math.max(0, c.reposts),
    };
  });
  return {
    id: input.runId,
    severity: "general",
    kind: "report",
    title: `${content.title}${content.number ? ` ${content.number}` : "（草稿）"}`,
    reason: [`报告期间：${content.period.label}`, overview, items.length ? `需关注的负面信息 ${items.length} 条见下` : ""].filter(Boolean).join("；"),
    url: reportLink(publicUrl, input.reportId, input.versionId),
    items,
    createdAt: content.generatedAt,
    count: 1,
  };
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(t), resolve()), { once: true });
  });

// One channel, up to DELIVERY_ATTEMPTS tries; a settings problem (not retryable) stops at once.
async function deliverOne(db: Db, deps: DeliveryDeps, channelId: number, base: AlertMessage, input: ReportDeliveryInput): Promise<ReportDelivery> {
  const now = deps.now ?? Date.now;
  const row = getChannel(db, channelId);
  const outcome = (status: ReportDelivery["status"], attempts: number, error: string | null): ReportDelivery => ({
    channelId, name: row?.name ?? null, kind: row?.kind ?? null, status, attempts, error, at: new Date(now()).toISOString(),
  });
  if (!row) return outcome("failed", 0, "渠道已删除");
  if (!row.enabled) return outcome("failed", 0, "渠道已停用");
  let message = base;
  if (row.kind === "email") {
    if ("error" in input.file) return outcome("failed", 0, `未能生成报告文件：${input.file.error}`);
    message = { ...base, attachments: [{ filename: reportFilename(input.content, input.format), content: input.file.bytes, contentType: input.file.contentType }] };
  }
  let error = "";
  for (let attempt = 1; attempt <= DELIVERY_ATTEMPTS; attempt++) {
    let retryable = true;
    try {
      const settings = channelSettings(db, deps.key, channelId);
      if (typeof settings === "string") return outcome("failed", attempt, settings);
      const module = deps.channels.get(settings.kind);
      if (!module) return outcome("failed", attempt, "渠道模块未安装");
      await module.send(settings, message, { timeoutMs: deps.config.alertTimeoutMs });
      return outcome("sent", attempt, null);
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
      retryable = !(err instanceof ChannelError) || err.retryable;
    }
    if (!retryable || attempt === DELIVERY_ATTEMPTS || deps.signal?.aborted) return outcome("failed", attempt, error);
    await sleep(backoffMs(deps.config.alertRetryBaseMs, attempt), deps.signal);
  }
  return outcome("failed", DELIVERY_ATTEMPTS, error);
}

/** Sends the report through each channel (in parallel); returns the outcome per channel, in the order given. */
export async function deliverReport(db: Db, deps: DeliveryDeps, input: ReportDeliveryInput): Promise<ReportDelivery[]> {
  const base = reportMessage(input, deps.config.publicUrl, deps.config.timeZone);
  return Promise.all([...new Set(input.channelIds)].map((id) => deliverOne(db, deps, id, base, input)));
}
