// Public statistics of the board per unit and period, with the definitions printed beside them.
// Every figure is a count over the messages themselves (see boardCounts) or a ratio of two counts.
import type { Db } from "../db/connection";
import { answerHours, boardCounts } from "../store/board";
import { median } from "../cases/stats";

/** The definitions shown on the public page, in Chinese. */
export const BOARD_STAT_DEFINITIONS = {
  valid: "有效留言：期内提交、已受理（含已答复）的留言，不含待审核和不予受理的留言",
  answeredRate: "答复率 = 已答复数 ÷ 有效留言数",
  onTimeRate: "按期办结率 = 在答复期限内答复的留言数 ÷ 应答复留言数（已答复或已过答复期限的有效留言）",
  satisfactionRate: "满意率 = 评价为“满意”或“基本满意”的留言数 ÷ 已评价留言数",
  medianHours: "答复用时中位数：从受理到答复的小时数的中位数",
} as const;

/** One unit's public figures. Rates are fractions rounded to 4 places, or null when the denominator is 0. */
export interface UnitStats {
  unitId: number | null; unitName: string; valid: number; answered: number; answeredRate: number | null; due: number; onTime: number;
  onTimeRate: number | null; rated: number; satisfied: number; satisfactionRate: number | null; medianHoursToAnswer: number | null;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);

/** Figures per unit for messages created in [from, to), judged at `now`. */
export function boardStats(db: Db, from: number, to: number, now = Date.now()): UnitStats[] {
  return boardCounts(db, from, to, now).map((c) => {
    const m = median(answerHours(db, c.unit_id, from, to));
    return {
      unitId: c.unit_id, unitName: c.unit_name ?? "未指定单位", valid: c.valid, answered: c.answered, answeredRate: ratio(c.answered, c.valid),
      due: c.due, onTime: c.on_time, onTimeRate: ratio(c.on_time, c.due), rated: c.rated, satisfied: c.satisfied,
      satisfactionRate: ratio(c.satisfied, c.rated), medianHoursToAnswer: m == null ? null : Math.round(m * 10) / 10,
    };
  });
}
