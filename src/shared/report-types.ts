// Reports (报告, SPEC M5): the content model every generator writes and every renderer reads (DOCX,
// PDF, XLSX, the web editor, the leader's phone page), and the shapes of the reports API. Shared by
// server and web: no node:* imports.

/** Report kinds: 每日网络动态, 网络舆情概要 (weekly/monthly), 专报 on one event, quarterly/annual summaries. */
export const REPORT_KINDS = ["daily", "periodic", "special", "quarterly", "annual"] as const;
/** One of REPORT_KINDS. */
export type ReportKind = (typeof REPORT_KINDS)[number];
/** Chinese names of the kinds, as documents print them. */
export const REPORT_KIND_ZH: Record<ReportKind, string> = {
  daily: "每日网络动态",
  periodic: "网络舆情概要",
  special: "舆情专报",
  quarterly: "季度处置工作汇总",
  annual: "年度处置工作汇总",
};
/** Export formats. */
export const REPORT_FORMATS = ["docx", "pdf", "xlsx"] as const;
/** One of REPORT_FORMATS. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * A link into Tingfeng: a path relative to the site (`/items/12`, `/items?from=…&to=…&sentiment=neg`).
 * Renderers make it absolute with the configured public URL (TINGFENG_PUBLIC_URL), so a figure in a
 * DOCX or PDF opens the ledger query or the item behind it.
 */
export type AppHref = string;

/** One computed figure: a number with what it counts and the ledger query that recounts it. */
export interface ReportFigure {
  /** Stable key (e.g. "total", "neg", "change"); tests recompute figures by key. */
  key: string;
  label: string;
  value: number;
  /** Printed after the value: 条, 件, %, … */
  unit: string;
  href?: AppHref;
  /** How it is counted, printed small (e.g. "按发布时间计；转载合并前"). */
  note?: string;
}

/** A quoted item: the ledger row behind a sentence or a table line. */
export interface CitedItem {
  id: number;
  title: string;
  source: string;
  /** Office time, "2026-07-01 09:00", or null when the source gave no time. */
  publishedAt: string | null;
  /** The original page, when the source gave one. */
  url: string | null;
  sentiment: "neg" | "neu" | "pos" | null;
  /** Copies in its repost group beyond itself. */
  reposts: number;
  /** The first ~120 characters of its text. */
  excerpt: string;
  /** `/items/<id>`. */
  href: AppHref;
}

/** A table cell: text, optionally linked. */
export interface ReportCell {
  text: string;
  href?: AppHref;
}

/** A chart, drawn on the server (ECharts SSR → SVG → PNG) and in the web editor from the same data. */
export interface ReportChart {
  kind: "line" | "bar" | "pie";
  title: string;
  /** X-axis labels (line, bar) or slice names (pie). */
  labels: string[];
  series: { name: string; data: number[] }[];
  /** The ledger query behind the whole chart. */
  href?: AppHref;
}

/** The parts a section is made of, in order. Everything but `text` blocks is computed and frozen at generation. */
export type ReportBlock =
  | { type: "figures"; figures: ReportFigure[] }
  | { type: "chart"; chart: ReportChart }
  | { type: "table"; title?: string; columns: string[]; rows: ReportCell[][] }
  | { type: "items"; items: CitedItem[] }
  /** A computed sentence with the links that support it (e.g. a language-model sentence and the items it cites). */
  | { type: "sentence"; text: string; citations: { label: string; href: AppHref }[] };

/** One section of a report (概况, 传播情况, 研判建议, …). */
export interface ReportSection {
  /** Stable key; templates choose sections by key. */
  key: string;
  title: string;
  /** The section's editable prose: drafted from the figures (extractive), then edited by a person. */
  text: string;
  blocks: ReportBlock[];
}

/** A whole report as generated (draft) or frozen (issued version). */
export interface ReportContent {
  kind: ReportKind;
  title: string;
  /** 编发单位 (issuing unit), printed under the title. */
  issuingUnit: string;
  /** Red-header style (红头): the title in red over a red rule. */
  redHeader: boolean;
  /** "2026年第12期" once issued; null on a draft. */
  number: string | null;
  /** The period covered, in office time, and as printed ("2026年7月1日", "2026年7月1日—7月7日"). */
  period: { from: string; to: string; label: string };
  /** The event of a 专报. */
  eventId: number | null;
  /** ISO 8601. */
  generatedAt: string;
  /** Issued: who and when (office time); null on a draft. */
  issuedBy: string | null;
  issuedAt: string | null;
  sections: ReportSection[];
}

/** Sections each kind can have, in order (a template picks a subset). */
export const REPORT_SECTIONS: Record<ReportKind, readonly { key: string; title: string }[]> = {
  daily: [
    { key: "overview", title: "总体情况" },
    { key: "trend", title: "信息走势" },
    { key: "sentiment", title: "情感分布" },
    { key: "sources", title: "来源分布" },
    { key: "events", title: "热点事件" },
    { key: "negative", title: "需关注的负面信息" },
    { key: "alerts", title: "预警情况" },
    { key: "cases", title: "工单处置" },
    { key: "board", title: "留言办理" },
    { key: "advice", title: "研判建议" },
  ],
  periodic: [
    { key: "overview", title: "总体情况" },
    { key: "trend", title: "信息走势" },
    { key: "sentiment", title: "情感分布" },
    { key: "sources", title: "来源分布" },
    { key: "events", title: "重大事件" },
    { key: "negative", title: "需关注的负面信息" },
    { key: "alerts", title: "预警情况" },
    { key: "cases", title: "工单处置" },
    { key: "caseStats", title: "处置统计" },
    { key: "board", title: "留言办理" },
    { key: "advice", title: "研判建议" },
  ],
  special: [
    { key: "overview", title: "概况" },
    { key: "spread", title: "传播情况" },
    { key: "opinion", title: "情感与观点" },
    { key: "advice", title: "研判建议" },
  ],
  quarterly: [
    { key: "overview", title: "总体情况" },
    { key: "caseStats", title: "工单办理" },
    { key: "overdue", title: "超期情况" },
    { key: "board", title: "留言答复" },
  ],
  annual: [
    { key: "overview", title: "总体情况" },
    { key: "caseStats", title: "工单办理" },
    { key: "overdue", title: "超期情况" },
    { key: "board", title: "留言答复" },
  ],
};

// ---- API shapes -------------------------------------------------------------------------------

/** What to generate: POST /api/reports (a new draft) and the CLI. */
export interface ReportSpec {
  kind: ReportKind;
  /** daily: the office day (YYYY-MM-DD); default yesterday. */
  date?: string;
  /** periodic / quarterly / annual / special: office days, inclusive (YYYY-MM-DD). */
  from?: string;
  to?: string;
  /** periodic: "week" (last full week) or "month" (last full month) when from/to are absent. */
  period?: "week" | "month";
  /** special: the event. */
  eventId?: number;
  /** A template of the same kind; default: the kind's default template. */
  templateId?: number;
}

/** A report template: title, issuing unit, red header, the sections that appear. */
export interface ReportTemplate {
  id: number;
  kind: ReportKind;
  name: string;
  title: string;
  issuingUnit: string;
  redHeader: boolean;
  /** Section keys, a subset of REPORT_SECTIONS[kind], in order. */
  sections: string[];
  isDefault: boolean;
}

/** A row of GET /api/reports. */
export interface ReportSummary {
  id: number;
  kind: ReportKind;
  title: string;
  periodLabel: string;
  status: "draft" | "issued";
  /** "2026年第12期" once issued. */
  number: string | null;
  /** Latest issued version (1, 2, …) or null. */
  version: number | null;
  /** Whether the draft changed since the latest issued version. */
  changedSinceIssue: boolean;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  issuedAt: string | null;
}

/** GET /api/reports/:id: the draft and its issued versions. */
export interface ReportDetail extends ReportSummary {
  templateId: number | null;
  eventId: number | null;
  content: ReportContent;
  versions: ReportVersionSummary[];
}

/** One issued, immutable version. */
export interface ReportVersionSummary {
  id: number;
  reportId: number;
  version: number;
  number: string;
  title: string;
  issuedBy: string | null;
  issuedAt: string;
  /** sha-256 of the frozen content JSON. */
  sha256: string;
}

/** GET /api/report-versions/:id (also the leader's phone page): the frozen content and instructions. */
export interface ReportVersionDetail extends ReportVersionSummary {
  content: ReportContent;
  instructions: { id: number; author: string | null; text: string; createdAt: string }[];
  /** Whether the reader may write an instruction (批示). */
  canInstruct?: boolean;
}

/** PATCH /api/reports/:id: edit a draft section by section (only the keys given change). */
export interface ReportPatch {
  title?: string;
  issuingUnit?: string;
  redHeader?: boolean;
  /** Section texts by key. */
  sections?: Record<string, { text?: string; title?: string }>;
  /** Section keys to drop from the draft. */
  removeSections?: string[];
}

/** A generation run (history and progress). */
export interface ReportRun {
  id: number;
  kind: ReportKind;
  trigger: "manual" | "schedule" | "cli";
  scheduleId: number | null;
  status: "running" | "done" | "failed";
  /** What it is doing now (Chinese), e.g. "统计信息", "绘制图表", "生成 DOCX". */
  stage: string;
  /** 0–1. */
  progress: number;
  reportId: number | null;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
  /** Milliseconds per stage, for the history table. */
  timings: Record<string, number>;
  /** A schedule's run: how delivery went, per channel (absent or null before delivery). */
  delivery?: ReportDelivery[] | null;
}

/** How a scheduled report reached one channel. */
export interface ReportDelivery {
  channelId: number;
  /** The channel's name and kind when it still existed. */
  name: string | null;
  kind: string | null;
  status: "sent" | "failed";
  attempts: number;
  /** The last attempt's error (Chinese), or null when sent. */
  error: string | null;
  /** ISO 8601 of the last attempt. */
  at: string;
}

/** A delivery schedule: generate, optionally issue, render, send through alert channels. */
export interface ReportSchedule {
  id: number;
  name: string;
  kind: "daily" | "periodic";
  /** periodic: which period. */
  period: "week" | "month" | null;
  templateId: number | null;
  /** Office time, "08:00". */
  atTime: string;
  /** weekly: 1 (Monday) … 7; monthly: day of month 1–28. */
  weekday: number | null;
  monthday: number | null;
  format: ReportFormat;
  /** Alert channels to deliver through: e-mail gets the file attached, robots a summary and a link. */
  channelIds: number[];
  /** Issue automatically (numbered) before sending; else the draft is sent marked 草稿. */
  autoIssue: boolean;
  enabled: boolean;
  nextRunAt: string | null;
  lastRunAt: string | null;
}
