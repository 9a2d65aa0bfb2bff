// The monthly / quarterly notice (月通报 / 季通报) of publicity work: a short text generated from the
// figures (placements by level, adoptions, top units, units behind the year's pro-rata quota), the unit
// ranking and the person ranking, as DOCX.
import { OUTLET_LEVELS, OUTLET_LEVEL_NAMES } from "../shared/publicity-types";
import { periodMonths, periodName, type ScorePeriod } from "./score-period";
import type { PersonScore, UnitScore } from "./scores";
import { bodyPara, figure, gridTable, headingPara, officialDocx, percent, titleParas } from "./score-docx";
import { roundPoints } from "./scoring";

/** A unit behind the pro-rata share of its yearly quota at the end of the period. */
export interface BehindUnit { unitId: number; unitName: string; done: number; expected: number; quota: number }

/** What the notice prints. */
export interface NoticeContent {
  title: string; periodLabel: string; paragraphs: string[];
  units: UnitScore[]; people: PersonScore[]; behind: BehindUnit[];
}

/** How many people the notice's person table lists at most. */
export const NOTICE_PEOPLE = 50;

/**
 * Units whose placements from January to the period's end (counted toward their quota's floor) are
 * below the yearly quota × months elapsed / 12. `ytd`: unit figures of that span with the yearly quota.
 */
export function behindProRata(ytd: readonly UnitScore[], period: ScorePeriod): BehindUnit[] {
  const months = periodMonths(period).last;
  return ytd
    .filter((u) => u.quota != null && u.quota > 0)
    .map((u) => ({ unitId: u.unitId, unitName: u.unitName, done: u.done, quota: u.quota!, expected: roundPoints((u.quota! * months) / 12) }))
    .filter((u) => u.done < u.expected);
}

/** The notice's title and text from the period's figures. */
export function noticeContent(args: {
  year: number; period: ScorePeriod; units: UnitScore[]; people: PersonScore[]; ytd: UnitScore[];
}): NoticeContent {
  const { year, period, units, people } = args;
  const label = periodName(year, period);
  const title = `${period === "year" ? `${year}年度` : label}新闻宣传工作通报`;
  const total = units.reduce((s, u) => s + u.placements, 0);
  const adoptions = units.reduce((s, u) => s + u.adoptions, 0);
  const instructions = units.reduce((s, u) => s + u.instructions, 0);
  const points = roundPoints(units.reduce((s, u) => s + u.points, 0));
  const paragraphs: string[] = [];
  const levels = OUTLET_LEVELS.map((l) => ({ l, n: units.reduce((s, u) => s + u.byLevel[l], 0) })).filter((x) => x.n > 0);
  const levelText = levels.length ? `，其中${levels.map((x) => `${OUTLET_LEVEL_NAMES[x.l]}${x.n}篇`).join("、")}` : "";
  paragraphs.push(
    `${label}，各单位共在各级媒体上稿${total}篇${levelText}；报送信息被上级采用${adoptions}条、获领导批示${instructions}条；合计积分${figure(points)}分。`,
  );
  const top = units.filter((u) => u.points > 0).slice(0, 3);
  if (top.length) paragraphs.push(`积分排名居前的单位是：${top.map((u) => `${u.unitName}（${figure(u.points)}分）`).join("、")}。`);
  const behind = behindProRata(args.ytd, period);
  const upTo = period === "year" ? "全年" : `截至${periodMonths(period).last}月底`;
  if (args.ytd.some((u) => u.quota != null)) {
    paragraphs.push(behind.length
      ? `${upTo}，按年度任务序时进度，${behind.map((b) => `${b.unitName}（完成${b.done}篇，应完成${figure(b.expected)}篇）`).join("、")}未达到进度要求，请加大工作力度。`
      : `${upTo}，各单位均达到年度任务序时进度。`);
  }
  return { title, periodLabel: label, paragraphs, units, people: people.slice(0, NOTICE_PEOPLE), behind };
}

/** The unit ranking table of the notice: header and printed rows. */
export function unitTableRows(units: readonly UnitScore[]): { header: string[]; rows: string[][] } {
  return {
    header: ["排名", "单位", "上稿", ...OUTLET_LEVELS.map((l) => OUTLET_LEVEL_NAMES[l]), "采用", "批示", "积分", "任务", "完成率"],
    rows: units.map((u) => [
      String(u.rank), u.unitName, String(u.placements), ...OUTLET_LEVELS.map((l) => String(u.byLevel[l])),
      String(u.adoptions), String(u.instructions), figure(u.points), figure(u.quota), percent(u.completion),
    ]),
  };
}

/** The notice's DOCX bytes. */
export async function writeNoticeDocx(c: NoticeContent, issued: string): Promise<Buffer> {
  const unitTable = unitTableRows(c.units);
  const people = c.people.map((p) => [String(p.rank), p.name, p.unitName, String(p.placements), figure(p.points)]);
  return officialDocx(c.title, [
    ...titleParas(c.title, `宣传办　${issued}`),
    ...c.paragraphs.map(bodyPara),
    headingPara("一、单位排名"),
    c.units.length ? gridTable(unitTable.header, unitTable.rows, [5, 14, 5, 6, 5, 5, 5, 5, 5, 5, 6, 5, 7]) : bodyPara("本期无上稿记录。"),
    headingPara("二、个人排名"),
    people.length ? gridTable(["排名", "姓名", "单位", "上稿", "积分"], people, [6, 12, 18, 6, 8]) : bodyPara("本期无上稿记录。"),
  ]);
}
