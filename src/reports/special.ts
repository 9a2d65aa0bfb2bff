// 舆情专报 on one event: 概况 (overview), 传播情况 (first poster, repost groups, timeline, sources),
// 情感与观点 (mix, keywords, representative items) and an editable 研判建议. Extractive: every figure is
// counted over all the event's members by SQL (as its /items?eventId= link counts them), the timeline too;
// quoted items (first post, repost groups' first posts, the most negative, the earliest) are members.
import type { Db } from "../db/connection";
import type { ReportSection } from "../shared/report-types";
import { SENTIMENT_ZH } from "../shared/analysis-api";
import { eventFigures, eventForReport, eventMembers, eventNegativeItems, eventTimeline, reportItems, type ReportItemRow } from "../store/report-data";
import { at, citedItem, figure, num, pct, RISK_ZH } from "./kit";
import { AppError } from "../errors";

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** The event a special report is about, resolved through merges. */
export function specialEvent(db: Db, eventId: number) {
  let ev = eventForReport(db, eventId);
  for (let hops = 0; ev?.merged_into && hops < 50; hops++) ev = eventForReport(db, ev.merged_into);
  if (!ev) throw new AppError(404, "report.event_not_found");
  return ev;
}

/** The special report's sections. */
export function specialSections(db: Db, eventId: number, timeZone: string): ReportSection[] {
  const ev = specialEvent(db, eventId);
  // The earliest few: the first post, and what fills the representative items.
  const members = eventMembers(db, ev.id, 20);
  const figs = eventFigures(db, ev.id);
  const n = figs.n;
  const href = `/items?eventId=${ev.id}&collapse=0`;
  const time = (r: ReportItemRow) => r.published_at ?? r.fetched_at;
  const first = members[0];
  const lastAt = figs.last_at ?? 0;
  const mix = { neg: figs.neg, neu: figs.neu, pos: figs.pos };
  const bigGroups = figs.groups;
  const copies = figs.copies;
  const groupFirsts = new Map(reportItems(db, bigGroups.slice(0, 10).map((g) => g.first_id)).map((r) => [r.id, r]));
  const risk = RISK_ZH[ev.risk_override ?? ev.risk_level] ?? "一般";
  const keywords = (JSON.parse(ev.keywords) as { word: string; weight?: number }[]).slice(0, 10);
  const reasons = JSON.parse(ev.risk_reasons) as string[];

  // Timeline: per hour when the event spans at most two days, else per day.
  const span = n ? lastAt - time(first) : 0;
  const step = span <= 2 * DAY ? HOUR : DAY;
  const origin = n ? Math.floor(time(first) / step) * step : 0;
  const buckets = n ? Math.floor((lastAt - origin) / step) + 1 : 0;
  const perBucket = new Array<number>(Math.min(buckets, 400)).fill(0);
  for (const { b, n: count } of n ? eventTimeline(db, ev.id, origin, step) : []) if (b >= 0 && b < perBucket.length) perBucket[b] += count;
  const labels = perBucket.map((_, b) => {
    const s = at(origin + b * step, timeZone)!;
    return step === HOUR ? `${Number(s.slice(8, 10))}日${s.slice(11, 13)}时` : `${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日`;
  });
  const peak = perBucket.reduce((best, v, i) => (v > perBucket[best] ? i : best), 0);
  const srcRows = figs.sources;

  // Representative items: the first post of the largest repost groups, then the most negative others.
  const reps: ReportItemRow[] = bigGroups.slice(0, 5).map((g) => groupFirsts.get(g.first_id)).filter((r): r is ReportItemRow => r !== undefined);
  for (const r of eventNegativeItems(db, ev.id, 50)) {
    if (reps.length >= 8) break;
    if (!reps.some((x) => x.id === r.id || (x.dup_group && x.dup_group === r.dup_group))) reps.push(r);
  }
  for (const r of members) {
    if (reps.length >= 5) break;
    if (!reps.some((x) => x.id === r.id)) reps.push(r);
  }

  const sections: ReportSection[] = [];
  sections.push({
    key: "overview", title: "概况",
    text: n
      ? `「${ev.title}」相关信息首见于${at(time(first), timeZone)}（${first.source_name}${first.author ? `，${first.author}` : ""}），截至${at(lastAt, timeZone)}共 ${num(n)} 条，来自 ${srcRows.length} 个来源，其中负面 ${num(mix.neg)} 条（${pct(mix.neg, n)}）。当前风险等级：${risk}${reasons.length ? `（${reasons.slice(0, 3).join("；")}）` : ""}。`
      : `「${ev.title}」暂无相关信息。`,
    blocks: [
      {
        type: "figures",
        figures: [
          figure("eventItems", "相关信息", n, "条", href), figure("eventSources", "来源", srcRows.length, "个", href),
          figure("eventNeg", "负面信息", mix.neg, "条", `${href}&sentiment=neg`), figure("eventCopies", "转载", copies, "条", href),
        ],
      },
      ...(first ? [{ type: "items" as const, items: [citedItem(first, timeZone)] }] : []),
    ],
  });
  sections.push({
    key: "spread", title: "传播情况",
    text: n
      ? `首发：${first.source_name}${first.author ? `「${first.author}」` : ""}，${at(time(first), timeZone)}。共形成转载组 ${bigGroups.length} 个，被转载 ${num(copies)} 次；信息量峰值在${labels[peak]}（${num(perBucket[peak])} 条）。主要来源：${srcRows.slice(0, 3).map((s) => `${s.source_name}（${s.n} 条）`).join("、")}。`
      : "",
    blocks: [
      { type: "chart", chart: { kind: "line", title: `传播走势（${step === HOUR ? "按小时" : "按日"}）`, labels, series: [{ name: "信息量", data: perBucket }], href } },
      {
        type: "table", title: "主要转载组", columns: ["首发信息", "来源", "首发时间", "转载数"],
        rows: bigGroups.slice(0, 10).flatMap((g) => {
          const r = groupFirsts.get(g.first_id);
          return r ? [[{ text: r.title, href: `/items/${r.id}` }, { text: r.source_name }, { text: at(time(r), timeZone) ?? "" }, { text: String(g.size - 1) }]] : [];
        }),
      },
      {
        type: "table", title: "来源分布", columns: ["来源", "信息量", "占比"],
        // One row per source (two sources of one name stay apart), each linked to its items in the ledger.
        rows: srcRows.slice(0, 10).map((s) => {
          const ledger = `${href}&sourceId=${s.source_id}`;
          return [{ text: s.source_name, href: ledger }, { text: String(s.n), href: ledger }, { text: pct(s.n, n) }];
        }),
      },
    ],
  });
  sections.push({
    key: "opinion", title: "情感与观点",
    text: n
      ? `负面 ${pct(mix.neg, n)}、中性 ${pct(mix.neu, n)}、正面 ${pct(mix.pos, n)}。${keywords.length ? `主要关键词：${keywords.map((k) => k.word).join("、")}。` : ""}代表性信息如下。`
      : "",
    blocks: [
      {
        type: "figures",
        figures: (["neg", "neu", "pos"] as const).map((s) => figure(`event_${s}`, SENTIMENT_ZH[s], mix[s], "条", `${href}&sentiment=${s}`)),
      },
      { type: "chart", chart: { kind: "pie", title: "情感分布", labels: ["负面", "中性", "正面"], series: [{ name: "信息量", data: [mix.neg, mix.neu, mix.pos] }], href } },
      { type: "items", items: reps.map((r) => citedItem(r, timeZone)) },
    ],
  });
  const advice = [
    `风险等级${risk}，建议${risk === "重大" ? "立即启动应急响应，由主要负责同志牵头" : risk === "较大" ? "由分管负责同志督办，相关单位尽快核实情况" : "持续关注事态发展"}。`,
    mix.neg / Math.max(1, n) >= 0.3 ? "负面信息占比较高，建议及时发布权威信息，回应公众关切。" : "",
    copies > 0 ? "关注转载量较大的信息来源，跟踪后续传播。" : "",
  ].filter(Boolean);
  sections.push({ key: "advice", title: "研判建议", text: advice.map((a, i) => `${i + 1}. ${a}`).join("\n"), blocks: [] });
  return sections;
}

/** The period a special report covers: the event's first to last day, in office days. */
export function specialPeriod(db: Db, eventId: number): { first: number; last: number; title: string; id: number } {
  const ev = specialEvent(db, eventId);
  return { first: ev.first_at, last: ev.last_at, title: ev.title, id: ev.id };
}
