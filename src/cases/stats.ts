// Case statistics per lead unit and period (季度汇总). Pure: the figures are computed from the rows
// the store returns and a `now` (for "past due while open"); the definitions printed in the UI and
// the XLSX are the ones below, word for word.

/** A case as the statistics read it (see src/store/case-stats.ts). */
export interface StatCase {
  id: number; unit_id: number | null; state: string; created_at: number; reply_due_at: number | null;
  replied_at: number | null; closed_at: number | null; overdue: number;
}

/** One unit's figures (rates as fractions 0–1, null when their denominator is 0). */
export interface UnitCaseStats {
  unitId: number | null; unitName: string;
  cases: number; replied: number; repliedRate: number | null;
  onTime: number; openPastDue: number; onTimeRate: number | null;
  medianHoursToReply: number | null; overdue: number;
}

/** The definitions, in Chinese (UI and XLSX) and English. */
export const CASE_STAT_DEFINITIONS: { key: string; label: string; zh: string; en: string }[] = [
  { key: "cases", label: "工单数", zh: "工单数：统计期内新建、牵头单位为该单位的工单数。", en: "Cases: cases opened in the period with that lead unit." },
  { key: "replied", label: "已回应", zh: "已回应：有回应时间（或已办结）的工单数。", en: "Replied: cases with a reply time (or closed)." },
  { key: "repliedRate", label: "回应率", zh: "回应率 = 已回应 ÷ 工单数。", en: "Replied rate = replied ÷ cases." },
  { key: "onTime", label: "按期回应", zh: "按期回应：回应时间不晚于回应期限（无期限的视为按期）的已回应工单数。", en: "On time: replied cases whose reply came no later than the reply deadline (no deadline counts as on time)." },
  { key: "onTimeRate", label: "按期回应率", zh: "按期回应率 = 按期回应 ÷（已回应 + 未回应且已过回应期限的在办工单）。", en: "On-time rate = on time ÷ (replied + open cases not replied and past the reply deadline)." },
  { key: "median", label: "回应用时中位数", zh: "回应用时中位数：已回应工单从新建到回应的小时数的中位数（偶数个取中间两数的平均）。", en: "Median time to reply: median hours from opening to reply over replied cases (mean of the two middle values for an even count)." },
  { key: "overdue", label: "超期数", zh: "超期数：带超期标记（办理各环节时已过期限）或在办、未回应且已过回应期限的工单数。", en: "Overdue: cases with the overdue flag (a deadline had passed at a step) or open, not replied and past the reply deadline." },
  { key: "period", label: "统计期", zh: "统计期按办公时区的自然日计算，含起止两日。", en: "The period is counted in office-time-zone days, both ends included." },
];

const HOUR = 3_600_000;

/** When a case was replied (a closed case without a reply time counts from its closing), or null. */
export function replyTime(c: StatCase): number | null {
  return c.replied_at ?? (c.state === "closed" ? c.closed_at : null);
}

/** Whether a case is still open, not replied and past its reply deadline at `now`. */
export function openPastDue(c: StatCase, now: number): boolean {
  return c.state !== "closed" && replyTime(c) == null && c.reply_due_at != null && now > c.reply_due_at;
}

/** The median of a list of numbers (null for none). */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const ratio = (n: number, d: number): number | null => (d === 0 ? null : n / d);

/** The figures of one group of cases. */
export function figuresOf(cases: readonly StatCase[], now: number): Omit<UnitCaseStats, "unitId" | "unitName"> {
  let replied = 0, onTime = 0, pastDue = 0, overdue = 0;
  const hours: number[] = [];
  for (const c of cases) {
    const at = replyTime(c);
    const late = openPastDue(c, now);
    if (at != null) {
      replied++;
      hours.push((at - c.created_at) / HOUR);
      if (c.reply_due_at == null || at <= c.reply_due_at) onTime++;
    }
    if (late) pastDue++;
    if (c.overdue || late) overdue++;
  }
  const med = median(hours);
  return {
    cases: cases.length, replied, repliedRate: ratio(replied, cases.length), onTime, openPastDue: pastDue,
    onTimeRate: ratio(onTime, replied + pastDue), medianHoursToReply: med == null ? null : Math.round(med * 10) / 10, overdue,
  };
}

/** Figures per lead unit (by unit name; cases without a lead unit last) and the total. */
export function caseStats(
  rows: readonly StatCase[], unitNames: ReadonlyMap<number, string>, now: number, noUnitName = "未指定牵头单位",
): { units: UnitCaseStats[]; total: Omit<UnitCaseStats, "unitId" | "unitName"> } {
  const byUnit = new Map<number | null, StatCase[]>();
  for (const r of rows) {
    const list = byUnit.get(r.unit_id) ?? [];
    list.push(r);
    byUnit.set(r.unit_id, list);
  }
  const units = [...byUnit.entries()].map(([unitId, list]) => ({
    unitId, unitName: unitId == null ? noUnitName : unitNames.get(unitId) ?? `#${unitId}`, ...figuresOf(list, now),
  }));
  units.sort((a, b) => (a.unitId == null ? 1 : b.unitId == null ? -1 : a.unitName.localeCompare(b.unitName, "zh-CN")));
  return { units, total: figuresOf(rows, now) };
}
