// 每日网络动态 (daily) and 网络舆情概要 (periodic): every figure counted from the ledger, alerts, cases
// and the board over one period, every prose sentence drafted from those figures (extractive), every
// figure and quoted item linked to the ledger query or item behind it.
import type { Db } from "../db/connection";
import type { ReportBlock, ReportChart, ReportKind, ReportSection } from "../shared/report-types";
import { SENTIMENT_ZH } from "../shared/analysis-api";
import { SEVERITY_ZH, type AlertSeverity } from "../alerts/channels/types";
import { CASE_STATES, type CaseState } from "../cases/workflow";
import { caseStats } from "../cases/stats";
import { unitNames } from "../store/units";
import { caseStatRows } from "../store/case-stats";
import {
  alertsInPeriod, boardPeriodCounts, casesClosedIn, casesOpenedIn, casesOverdueAt, itemCount, negativeLeads, reportItems, sourceNames,
  topEventsInPeriod, volumeCells, type PeriodCaseRow,
} from "../store/report-data";
import { at, changeText, citedItem, figure, ledgerHref, listHref, num, pct, pctValue, RISK_ZH, type ReportPeriod } from "./kit";

const HOUR = 3_600_000;
const DAY = 86_400_000;
const SENTIMENTS = ["neg", "neu", "pos"] as const;

/** What a digest is generated over. */
export interface DigestInput {
  kind: Extract<ReportKind, "daily" | "periodic">;
  period: ReportPeriod;
  /** The period before, as long, for the change. */
  previous: { start: number; end: number };
  timeZone: string;
  now: number;
}

const caseState = (s: string) => CASE_STATES[s as CaseState]?.zh ?? s;

function trendLabels(kind: DigestInput["kind"], p: ReportPeriod, buckets: number, timeZone: string): string[] {
  return Array.from({ length: buckets }, (_, b) => {
    const t = p.start + b * (kind === "daily" ? HOUR : DAY);
    const s = at(t, timeZone)!; // "2026-07-01 09:00"
    return kind === "daily" ? `${s.slice(11, 13)}时` : `${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日`;
  });
}

/** The digest's sections, all of them (a template then picks). */
export function digestSections(db: Db, input: DigestInput): ReportSection[] {
  const { kind, period: p, timeZone: tz } = input;
  const word = kind === "daily" ? "当日" : "本期";
  const before = kind === "daily" ? "前一日" : "上一周期";
  const bucketMs = kind === "daily" ? HOUR : DAY;
  const buckets = Math.max(1, Math.ceil((p.end - p.start) / bucketMs));

  // One pass over the period's index: time × sentiment × source.
  const cells = volumeCells(db, p.start, p.end, bucketMs);
  const perBucket = new Array<number>(buckets).fill(0);
  const perSentiment = { neg: 0, neu: 0, pos: 0, none: 0 };
  const perSource = new Map<number, { n: number; neg: number }>();
  let total = 0;
  for (const c of cells) {
    total += c.n;
    if (c.b >= 0 && c.b < buckets) perBucket[c.b] += c.n;
    const s = c.sentiment === "neg" || c.sentiment === "neu" || c.sentiment === "pos" ? c.sentiment : "none";
    perSentiment[s] += c.n;
    const src = perSource.get(c.source_id) ?? { n: 0, neg: 0 };
    src.n += c.n;
    if (s === "neg") src.neg += c.n;
    perSource.set(c.source_id, src);
  }
  const prevTotal = itemCount(db, input.previous.start, input.previous.end);
  const names = sourceNames(db);
  const sources = [...perSource.entries()].map(([id, v]) => ({ id, name: names.get(id) ?? `#${id}`, ...v })).sort((a, b) => b.n - a.n || a.id - b.id);
  const events = topEventsInPeriod(db, p.start, p.end, 10);
  const leads = negativeLeads(db, p.start, p.end, 10);
  const negItems = reportItems(db, leads.map((l) => l.id)).map((r) => citedItem(r, tz));
  const alerts = alertsInPeriod(db, p.start, p.end);
  const units = unitNames(db);
  const unitName = (id: number | null) => (id == null ? "未指定" : units.get(id) ?? `#${id}`);
  const opened = casesOpenedIn(db, p.start, p.end);
  const overdueAt = Math.min(p.end, input.now);
  const overdue = casesOverdueAt(db, overdueAt);
  const closed = casesClosedIn(db, p.start, p.end);
  const board = boardPeriodCounts(db, p.start, p.end);
  const href = ledgerHref(p);
  // The lists behind the alert, case and board figures, filtered to what each counts.
  const alertsHref = (extra: Record<string, string> = {}) => listHref("/alerts", p, ["from", "to"], extra);
  const casesNewHref = listHref("/cases", p, ["createdFrom", "createdTo"], { open: "all" });
  const casesClosedHref = listHref("/cases", p, ["closedFrom", "closedTo"], { open: "all" });
  const casesOverdueHref = `/cases?${new URLSearchParams({ open: "all", overdue: new Date(overdueAt).toISOString() })}`;
  const endIso = new Date(p.end).toISOString();

  const sections: ReportSection[] = [];
  const add = (key: string, title: string, text: string, blocks: ReportBlock[]) => sections.push({ key, title, text, blocks });

  // 总体情况
  const alertBySeverity = { major: 0, significant: 0, general: 0 } as Record<AlertSeverity, number>;
  for (const a of alerts) alertBySeverity[a.severity as AlertSeverity] = (alertBySeverity[a.severity as AlertSeverity] ?? 0) + 1;
  const topSources = sources.slice(0, 3).map((s) => `${s.name}（${pct(s.n, total)}）`).join("、");
  const overviewText = [
    `${word}共监测到网络信息 ${num(total)} 条，较${before}（${num(prevTotal)} 条）${changeText(total, prevTotal)}。`,
    total > 0
      ? `其中负面 ${num(perSentiment.neg)} 条（${pct(perSentiment.neg, total)}），中性 ${num(perSentiment.neu)} 条（${pct(perSentiment.neu, total)}），正面 ${num(perSentiment.pos)} 条（${pct(perSentiment.pos, total)}）${perSentiment.none ? `，尚未分析 ${num(perSentiment.none)} 条` : ""}。`
      : "",
    topSources ? `信息主要来自${topSources}。` : "",
    events.length ? `热点事件 ${events.length} 个，居首的是「${events[0].title}」（${num(events[0].n)} 条）。` : "",
    `${word}发出预警 ${alerts.length} 条${alerts.length ? `（重大 ${alertBySeverity.major}、较大 ${alertBySeverity.significant}、一般 ${alertBySeverity.general}）` : ""}，新建工单 ${opened.length} 件，办结 ${closed} 件，截至${kind === "daily" ? "当日" : "期末"}超期未回应 ${overdue.length} 件。`,
  ].filter(Boolean).join("");
  add("overview", "总体情况", overviewText, [{
    type: "figures",
    figures: [
      figure("total", "信息总量", total, "条", href, "按发布时间计（无发布时间按采集时间），含转载"),
      figure("previousTotal", `${before}信息量`, prevTotal, "条", ledgerHref(input.previous)),
      figure("neg", "负面信息", perSentiment.neg, "条", ledgerHref(p, { sentiment: "neg" })),
      figure("negShare", "负面占比", pctValue(perSentiment.neg, total), "%", ledgerHref(p, { sentiment: "neg" })),
      figure("alerts", "预警", alerts.length, "条", alertsHref()),
      figure("casesNew", "新建工单", opened.length, "件", casesNewHref),
    ],
  }]);

  // 信息走势
  const peak = perBucket.reduce((best, n, i) => (n > perBucket[best] ? i : best), 0);
  const labels = trendLabels(kind, p, buckets, tz);
  const trend: ReportChart = { kind: kind === "daily" ? "bar" : "line", title: `信息量走势（${kind === "daily" ? "按小时" : "按日"}）`, labels, series: [{ name: "信息量", data: perBucket }], href };
  add("trend", "信息走势", total ? `信息量峰值出现在${labels[peak]}，为 ${num(perBucket[peak])} 条。` : `${word}无新信息。`, [{ type: "chart", chart: trend }]);

  // 情感分布
  const sentimentFigures = SENTIMENTS.map((s) => figure(s === "neg" ? "sentimentNeg" : s === "neu" ? "sentimentNeu" : "sentimentPos", SENTIMENT_ZH[s], perSentiment[s], "条", ledgerHref(p, { sentiment: s })));
  if (perSentiment.none) sentimentFigures.push(figure("sentimentNone", "未分析", perSentiment.none, "条", ledgerHref(p, { sentiment: "none" })));
  add("sentiment", "情感分布",
    total ? `负面信息占 ${pct(perSentiment.neg, total)}，中性占 ${pct(perSentiment.neu, total)}，正面占 ${pct(perSentiment.pos, total)}。` : "",
    [
      { type: "figures", figures: sentimentFigures },
      { type: "chart", chart: { kind: "pie", title: "情感分布", labels: SENTIMENTS.map((s) => SENTIMENT_ZH[s]), series: [{ name: "信息量", data: SENTIMENTS.map((s) => perSentiment[s]) }], href } },
    ]);

  // 来源分布
  const top = sources.slice(0, 10);
  add("sources", "来源分布", top.length ? `信息来自 ${sources.length} 个来源，前三位为${topSources}。` : "", [
    { type: "chart", chart: { kind: "bar", title: "主要来源", labels: top.map((s) => s.name), series: [{ name: "信息量", data: top.map((s) => s.n) }], href } },
    {
      type: "table", columns: ["来源", "信息量", "占比", "负面"],
      rows: top.map((s) => [
        { text: s.name, href: ledgerHref(p, { sourceId: s.id }) }, { text: num(s.n), href: ledgerHref(p, { sourceId: s.id }) },
        { text: pct(s.n, total) }, { text: num(s.neg), href: ledgerHref(p, { sourceId: s.id, sentiment: "neg" }) },
      ]),
    },
  ]);

  // 热点事件
  const eventLines = events.slice(0, 5).map((e, i) => {
    const words = (JSON.parse(e.keywords) as { word: string }[]).slice(0, 4).map((k) => k.word).join("、");
    return `${i + 1}.「${e.title}」：${word}相关信息 ${num(e.n)} 条，负面占 ${pct(e.neg, e.n)}，风险等级${RISK_ZH[e.risk_override ?? e.risk_level] ?? "一般"}${words ? `，关键词：${words}` : ""}。`;
  });
  add(kind === "daily" ? "events" : "events", kind === "daily" ? "热点事件" : "重大事件", eventLines.join("\n") || `${word}无聚合成事件的信息。`, [{
    type: "table", columns: ["事件", "本期信息", "负面占比", "风险等级", "首次出现"],
    rows: events.map((e) => [
      { text: e.title, href: `/events/${e.id}` }, { text: num(e.n), href: ledgerHref(p, { eventId: e.id }) }, { text: pct(e.neg, e.n) },
      { text: RISK_ZH[e.risk_override ?? e.risk_level] ?? "一般" }, { text: at(e.first_at, tz) ?? "" },
    ]),
  }]);

  // 需关注的负面信息
  add("negative", "需关注的负面信息",
    negItems.length ? `以下 ${negItems.length} 条负面信息按转载量排列（同一转载组只列首发）。` : `${word}无负面信息。`,
    [{ type: "items", items: negItems }]);

  // 预警情况
  add("alerts", "预警情况", alerts.length ? `${word}共发出预警 ${alerts.length} 条，已确认 ${alerts.filter((a) => a.acknowledged_at != null).length} 条。` : `${word}未发出预警。`, [
    { type: "figures", figures: (["major", "significant", "general"] as const).map((s) => figure(`alerts_${s}`, `${SEVERITY_ZH[s]}预警`, alertBySeverity[s], "条", alertsHref({ severity: s }))) },
    {
      type: "table", columns: ["等级", "预警", "时间", "确认"],
      rows: alerts.slice(0, 10).map((a) => [
        { text: SEVERITY_ZH[a.severity as AlertSeverity] ?? a.severity }, { text: a.title, href: `/alerts?id=${a.id}` },
        { text: at(a.created_at, tz) ?? "" }, { text: a.acknowledged_at != null ? "已确认" : "未确认" },
      ]),
    },
  ]);

  // 工单处置
  const caseRow = (c: PeriodCaseRow) => [
    { text: c.title, href: `/cases/${c.id}` }, { text: unitName(c.unit_id) }, { text: caseState(c.state) },
    { text: at(c.reply_due_at, tz) ?? "—" },
  ];
  add("cases", "工单处置",
    `${word}新建工单 ${opened.length} 件，办结 ${closed} 件；截至${kind === "daily" ? "当日" : "期末"}超期未回应或带超期标记的在办工单 ${overdue.length} 件。`,
    [
      {
        type: "figures",
        figures: [
          figure("casesNew", "新建工单", opened.length, "件", casesNewHref), figure("casesClosed", "办结工单", closed, "件", casesClosedHref),
          figure("casesOverdue", "超期在办", overdue.length, "件", casesOverdueHref),
        ],
      },
      ...(opened.length ? [{ type: "table" as const, title: "新建工单", columns: ["工单", "牵头单位", "状态", "回应期限"], rows: opened.slice(0, 20).map(caseRow) }] : []),
      ...(overdue.length ? [{ type: "table" as const, title: "超期工单", columns: ["工单", "牵头单位", "状态", "回应期限"], rows: overdue.slice(0, 20).map(caseRow) }] : []),
    ]);

  // 处置统计 (periodic): figures per lead unit over the period
  if (kind === "periodic") {
    const stats = caseStats(caseStatRows(db, p.start, p.end, null), units, input.now);
    add("caseStats", "处置统计", `本期新建工单 ${stats.total.cases} 件，回应率 ${stats.total.repliedRate == null ? "—" : `${(stats.total.repliedRate * 100).toFixed(1)}%`}，按期回应率 ${stats.total.onTimeRate == null ? "—" : `${(stats.total.onTimeRate * 100).toFixed(1)}%`}。`, [
      caseStatsTable(stats.units),
    ]);
  }

  // 留言办理
  add("board", "留言办理", `${word}收到网民留言 ${board.received} 条，受理 ${board.accepted} 条，答复 ${board.answered} 条；待答复 ${board.pending} 条。`, [{
    type: "figures",
    figures: [
      figure("boardReceived", "收到留言", board.received, "条", listHref("/board-admin", p)),
      // Accepted and pending as the messages stood at the period's end, by their own times.
      figure("boardAccepted", "受理", board.accepted, "条", listHref("/board-admin", p, ["from", "to"], { acceptedAt: endIso })),
      figure("boardAnswered", "答复", board.answered, "条", listHref("/board-admin", p, ["answeredFrom", "answeredTo"])),
      figure("boardPending", "待答复", board.pending, "条", `/board-admin?${new URLSearchParams({ acceptedAt: endIso, unansweredAt: endIso })}`),
    ],
  }]);

  // 研判建议: drafted from what the figures show; the analyst rewrites it
  const advice: string[] = [];
  const risky = events.filter((e) => (e.risk_override ?? e.risk_level) !== "general");
  if (risky.length) advice.push(`对${risky.slice(0, 3).map((e) => `「${e.title}」`).join("、")}等风险等级较高的事件持续跟踪，及时回应关切。`);
  if (total && perSentiment.neg / total >= 0.3) advice.push(`负面信息占比 ${pct(perSentiment.neg, total)}，高于三成，建议加强研判。`);
  if (overdue.length) advice.push(`督促相关单位办理 ${overdue.length} 件超期工单。`);
  if (board.pending) advice.push(`按期答复 ${board.pending} 条待答复留言。`);
  add("advice", "研判建议", advice.map((a, i) => `${i + 1}. ${a}`).join("\n") || "（请填写研判建议）", []);
  return sections;
}

/** The case-statistics table (per lead unit), shared by digests and the quarterly summaries. */
export function caseStatsTable(rows: ReturnType<typeof caseStats>["units"]): ReportBlock {
  const rate = (r: number | null) => (r == null ? "—" : `${(r * 100).toFixed(1)}%`);
  return {
    type: "table", columns: ["牵头单位", "工单数", "已回应", "回应率", "按期回应率", "回应用时中位数（小时）", "超期数"],
    rows: rows.map((u) => [
      { text: u.unitName }, { text: String(u.cases) }, { text: String(u.replied) }, { text: rate(u.repliedRate) }, { text: rate(u.onTimeRate) },
      { text: u.medianHoursToReply == null ? "—" : u.medianHoursToReply.toFixed(1) }, { text: String(u.overdue) },
    ]),
  };
}
