// XLSX of the case statistics (季度汇总): one sheet of figures per lead unit with a total row, and a
// sheet with the definitions the figures follow.
import ExcelJS from "exceljs";
import { CASE_STAT_DEFINITIONS, type UnitCaseStats } from "../cases/stats";

/** What the workbook shows. */
export interface CaseStatsSheet {
  periodLabel: string; from: string; to: string; generatedAt: string;
  units: UnitCaseStats[]; total: Omit<UnitCaseStats, "unitId" | "unitName">;
}

const pct = (r: number | null) => (r == null ? "—" : `${(Math.round(r * 1000) / 10).toFixed(1)}%`);

/** The workbook's bytes. */
export async function writeCaseStatsXlsx(s: CaseStatsSheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Tingfeng";
  const ws = wb.addWorksheet("季度汇总");
  ws.addRow([`工单统计（${s.periodLabel}：${s.from} 至 ${s.to}）`]);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.addRow([`生成时间：${s.generatedAt}`]);
  const header = ["牵头单位", "工单数", "已回应", "回应率", "按期回应", "未回应已过期", "按期回应率", "回应用时中位数（小时）", "超期数"];
  ws.addRow(header).font = { bold: true };
  const line = (name: string, f: Omit<UnitCaseStats, "unitId" | "unitName">) =>
    ws.addRow([name, f.cases, f.replied, pct(f.repliedRate), f.onTime, f.openPastDue, pct(f.onTimeRate), f.medianHoursToReply ?? "—", f.overdue]);
  for (const u of s.units) line(u.unitName, u);
  line("合计", s.total).font = { bold: true };
  ws.columns.forEach((c, i) => { c.width = i === 0 ? 24 : 14; });
  const defs = wb.addWorksheet("指标定义");
  defs.addRow(["指标", "定义"]).font = { bold: true };
  for (const d of CASE_STAT_DEFINITIONS) defs.addRow([d.label, d.zh]);
  defs.getColumn(1).width = 14;
  defs.getColumn(2).width = 100;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
