// The annual assessment (年度考核) of publicity work: per unit the yearly quota, the placements counting
// toward it, completion, points and the reward by the formula of the rule set in force at the year's end;
// as XLSX (every text a string cell, never a formula) and as DOCX.
import ExcelJS from "exceljs";
import { DEFAULT_SCORING_RULES, OUTLET_LEVEL_NAMES, type OutletLevel } from "../shared/publicity-types";
import { reward, roundPoints, ruleSetOn, type RuleSet } from "./scoring";
import type { UnitScore } from "./scores";
import { printable } from "../reports/render/print-text";
import { bodyPara, figure, gridTable, officialDocx, percent, titleParas } from "./score-docx";

/** One unit's line of the assessment. */
export interface AssessmentLine {
  rank: number; unitId: number; unitName: string; quota: number | null; quotaLevel: string;
  done: number; placements: number; completion: number | null; quotaMet: boolean; points: number; reward: number;
}

/** The assessment of a year. */
export interface Assessment {
  year: number; title: string; ruleSetName: string; formula: string; lines: AssessmentLine[];
  total: { quota: number; done: number; placements: number; points: number; reward: number };
}

const floorName = (levels: readonly OutletLevel[]) => levels.map((l) => (l === "internal" ? OUTLET_LEVEL_NAMES[l] : `${OUTLET_LEVEL_NAMES[l]}以上`)).join("、");

/** The assessment from the year's unit figures (period "year") and the saved rule sets. */
export function assessmentOf(year: number, units: readonly UnitScore[], sets: readonly RuleSet[]): Assessment {
  const set = ruleSetOn(`${year}-12-31`, sets);
  const rules = set?.rules ?? DEFAULT_SCORING_RULES;
  const r = rules.reward;
  const lines = units.map((u): AssessmentLine => {
    const quotaMet = u.quota != null && u.quota > 0 && u.done >= u.quota;
    return {
      rank: u.rank, unitId: u.unitId, unitName: u.unitName, quota: u.quota, quotaLevel: floorName(u.quotaMinLevels),
      done: u.done, placements: u.placements, completion: u.completion, quotaMet, points: u.points, reward: reward(u.points, quotaMet, rules),
    };
  });
  const sum = (f: (l: AssessmentLine) => number) => roundPoints(lines.reduce((s, l) => s + f(l), 0));
  return {
    year, title: `${year}年度新闻宣传工作考核结果`, ruleSetName: set?.name ?? "默认积分规则",
    formula: `奖励 = 积分 × ${figure(r.perPoint)} 元${r.quotaMetBonus ? ` + 完成任务奖 ${figure(r.quotaMetBonus)} 元` : ""}${r.cap > 0 ? `，最高 ${figure(r.cap)} 元` : ""}`,
    lines,
    total: { quota: sum((l) => l.quota ?? 0), done: sum((l) => l.done), placements: sum((l) => l.placements), points: sum((l) => l.points), reward: sum((l) => l.reward) },
  };
}

const HEADER = ["排名", "单位", "任务层级", "年度任务", "完成数", "上稿总数", "完成率", "完成任务", "积分", "奖励（元）"];

/** The assessment as XLSX: one sheet, numbers as numbers, names always text cells. */
export async function writeAssessmentXlsx(a: Assessment, generated: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Tingfeng";
  const ws = wb.addWorksheet("年度考核");
  ws.addRow([a.title]).font = { bold: true, size: 14 };
  ws.addRow([`积分规则：${printable(a.ruleSetName)}；${a.formula}；生成时间：${generated}`]);
  ws.addRow([]);
  ws.addRow(HEADER).font = { bold: true };
  for (const l of a.lines) {
    // Strings stay strings: exceljs writes a formula only from a { formula } object.
    ws.addRow([l.rank, printable(l.unitName), l.quotaLevel, l.quota, l.done, l.placements, l.completion, l.quotaMet ? "是" : "否", l.points, l.reward]);
  }
  ws.addRow(["", "合计", "", a.total.quota, a.total.done, a.total.placements, null, "", a.total.points, a.total.reward]).font = { bold: true };
  ws.getColumn(7).numFmt = "0.0%";
  ws.getColumn(2).width = 24;
  for (const i of [3, 4, 5, 6, 7, 8, 9, 10]) ws.getColumn(i).width = 12;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The assessment as DOCX. */
export async function writeAssessmentDocx(a: Assessment, issued: string): Promise<Buffer> {
  const rows = a.lines.map((l) => [
    String(l.rank), l.unitName, l.quotaLevel || "—", figure(l.quota), String(l.done), String(l.placements), percent(l.completion), l.quotaMet ? "是" : "否", figure(l.points), figure(l.reward),
  ]);
  rows.push(["", "合计", "", figure(a.total.quota), String(a.total.done), String(a.total.placements), "", "", figure(a.total.points), figure(a.total.reward)]);
  return officialDocx(a.title, [
    ...titleParas(a.title, `宣传办　${issued}`),
    bodyPara(`根据年度任务分解和积分规则（${a.ruleSetName}），现将${a.year}年度各单位新闻宣传工作考核结果公布如下。${a.formula}。`),
    gridTable(HEADER, rows, [5, 16, 9, 7, 7, 7, 8, 7, 7, 10]),
  ]);
}
