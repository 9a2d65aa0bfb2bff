// Quarterly and annual summaries of case handling and board answers: replied rate, on-time rate and
// overdue cases per lead unit (the 季度汇总 figures, same definitions), and the board's figures per unit.
import type { Db } from "../db/connection";
import type { ReportSection } from "../shared/report-types";
import { caseStats, CASE_STAT_DEFINITIONS } from "../cases/stats";
import { boardStats, BOARD_STAT_DEFINITIONS } from "../board/stats";
import { caseStatRows } from "../store/case-stats";
import { casesOverdueAt } from "../store/report-data";
import { unitNames } from "../store/units";
import { at, figure, listHref, num, type ReportPeriod } from "./kit";
import { caseStatsTable } from "./digest";

const rate = (r: number | null) => (r == null ? "—" : `${(r * 100).toFixed(1)}%`);

/** The summary's sections. */
export function summarySections(db: Db, p: ReportPeriod, timeZone: string, now: number): ReportSection[] {
  const units = unitNames(db);
  const rows = caseStatRows(db, p.start, p.end, null);
  const stats = caseStats(rows, units, Math.min(now, p.end));
  const t = stats.total;
  const overdue = casesOverdueAt(db, Math.min(now, p.end)).filter((c) => c.created_at >= p.start);
  const overdueByUnit = new Map<string, number>();
  for (const c of overdue) {
    const name = c.unit_id == null ? "未指定牵头单位" : units.get(c.unit_id) ?? `#${c.unit_id}`;
    overdueByUnit.set(name, (overdueByUnit.get(name) ?? 0) + 1);
  }
  const board = boardStats(db, p.start, p.end, Math.min(now, p.end));
  const bt = board.reduce((a, u) => ({ valid: a.valid + u.valid, answered: a.answered + u.answered, due: a.due + u.due, onTime: a.onTime + u.onTime }), { valid: 0, answered: 0, due: 0, onTime: 0 });
  const caseHref = `/case-stats?${new URLSearchParams({ from: p.from, to: p.to, at: new Date(Math.min(now, p.end)).toISOString() })}`;
  const worst = [...stats.units].filter((u) => u.overdue > 0).sort((a, b) => b.overdue - a.overdue).slice(0, 3);
  return [
    {
      key: "overview", title: "总体情况",
      text: `统计期内新建工单 ${num(t.cases)} 件，已回应 ${num(t.replied)} 件，回应率 ${rate(t.repliedRate)}，按期回应率 ${rate(t.onTimeRate)}，超期 ${num(t.overdue)} 件；网民留言有效 ${num(bt.valid)} 条，已答复 ${num(bt.answered)} 条。`,
      blocks: [{
        type: "figures",
        figures: [
          figure("cases", "新建工单", t.cases, "件", caseHref), figure("replied", "已回应", t.replied, "件", caseHref),
          figure("repliedRate", "回应率", t.repliedRate == null ? 0 : Math.round(t.repliedRate * 1000) / 10, "%", caseHref),
          figure("onTimeRate", "按期回应率", t.onTimeRate == null ? 0 : Math.round(t.onTimeRate * 1000) / 10, "%", caseHref),
          figure("overdue", "超期工单", t.overdue, "件", caseHref),
          figure("boardValid", "有效留言", bt.valid, "条", listHref("/board-admin", p, ["from", "to"], { status: "accepted,answered" })),
          figure("boardAnswered", "已答复留言", bt.answered, "条", listHref("/board-admin", p, ["from", "to"], { status: "answered" })),
        ],
      }],
    },
    {
      key: "caseStats", title: "工单办理",
      text: CASE_STAT_DEFINITIONS.map((d) => d.zh).join("\n"),
      blocks: [caseStatsTable(stats.units)],
    },
    {
      key: "overdue", title: "超期情况",
      text: overdue.length
        ? `期内新建、截至${at(Math.min(now, p.end), timeZone)}仍超期的在办工单 ${overdue.length} 件${worst.length ? `，超期较多的单位：${worst.map((u) => `${u.unitName}（${u.overdue} 件）`).join("、")}` : ""}。`
        : "统计期内新建的工单无超期在办。",
      blocks: [
        { type: "table", title: "超期在办工单（按单位）", columns: ["牵头单位", "超期在办"], rows: [...overdueByUnit.entries()].sort((a, b) => b[1] - a[1]).map(([u, n]) => [{ text: u }, { text: String(n) }]) },
        {
          type: "table", title: "超期在办工单", columns: ["工单", "回应期限"],
          rows: overdue.slice(0, 30).map((c) => [{ text: c.title, href: `/cases/${c.id}` }, { text: at(c.reply_due_at, timeZone) ?? "—" }]),
        },
      ],
    },
    {
      key: "board", title: "留言答复",
      text: Object.values(BOARD_STAT_DEFINITIONS).join("\n"),
      blocks: [{
        type: "table", columns: ["单位", "有效留言", "已答复", "答复率", "按期办结率", "满意率", "答复用时中位数（小时）"],
        rows: board.map((u) => [
          { text: u.unitName }, { text: String(u.valid) }, { text: String(u.answered) }, { text: rate(u.answeredRate) }, { text: rate(u.onTimeRate) },
          { text: rate(u.satisfactionRate) }, { text: u.medianHoursToAnswer == null ? "—" : u.medianHoursToAnswer.toFixed(1) },
        ]),
      }],
    },
  ];
}
