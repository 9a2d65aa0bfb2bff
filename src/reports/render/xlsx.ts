// A report's numbers as XLSX: a first sheet naming the report, then one sheet per section that has
// figures, tables or items, each block under a bold header row, links as hyperlink cells. Collected
// text is only ever a string cell (a title starting with "=" stays text, never a formula).
import ExcelJS from "exceljs";
import type { CitedItem, ReportBlock, ReportContent, ReportFigure, ReportSection } from "../../shared/report-types";
import type { RenderOptions } from "./options";
import { appLink, itemFacts, pageLink, printable, zhDate } from "./print-text";

type Cell = ExcelJS.CellValue;
// Excel refuses longer cells.
const MAX_CELL = 32_000;
const text = (s: string | null | undefined): string => printable(s).slice(0, MAX_CELL);
/** A hyperlink cell, or plain text when the link is not acceptable. */
const linked = (label: string, url: string | null): Cell => (url ? { text: text(label), hyperlink: url } : text(label));
const TABULAR = new Set<ReportBlock["type"]>(["figures", "table", "items"]);

/** A valid, unique sheet name: at most 31 characters, none of []:*?/\, no edge apostrophes. */
export function sheetName(title: string, taken: Set<string>): string {
  const base = printable(title).replace(/[[\]:*?/\\]/g, " ").replace(/^'+|'+$/g, "").trim().slice(0, 31) || "Sheet";
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${base.slice(0, 31 - String(n).length - 2)}(${n})`;
  taken.add(name.toLowerCase());
  return name;
}

function header(ws: ExcelJS.Worksheet, cells: string[]): void {
  ws.addRow(cells.map(text)).font = { bold: true };
}

function addFigures(ws: ExcelJS.Worksheet, list: ReportFigure[], baseUrl: string): void {
  header(ws, ["指标", "数值", "单位", "链接", "说明"]);
  for (const f of list) {
    const url = appLink(baseUrl, f.href);
    ws.addRow([text(f.label), Number.isFinite(f.value) ? f.value : null, text(f.unit), url ? linked(url, url) : "", text(f.note)]);
  }
}

function addItems(ws: ExcelJS.Worksheet, list: CitedItem[], baseUrl: string): void {
  header(ws, ["序号", "标题", "来源", "发布时间", "情感及转载", "原文链接", "摘要"]);
  list.forEach((it, i) => {
    const url = pageLink(it.url);
    ws.addRow([i + 1, linked(it.title, appLink(baseUrl, it.href)), text(it.source), it.publishedAt ?? "", text(itemFacts(it)), url ? linked(url, url) : "", text(it.excerpt)]);
  });
}

function addSection(ws: ExcelJS.Worksheet, s: ReportSection, baseUrl: string): void {
  ws.addRow([text(s.title)]).font = { bold: true, size: 14 };
  for (const b of s.blocks) {
    if (!TABULAR.has(b.type)) continue;
    ws.addRow([]);
    if (b.type === "figures") addFigures(ws, b.figures, baseUrl);
    else if (b.type === "items") addItems(ws, b.items, baseUrl);
    else if (b.type === "table") {
      if (b.title) ws.addRow([text(b.title)]).font = { bold: true };
      header(ws, b.columns);
      for (const r of b.rows) ws.addRow(b.columns.map((_, i) => linked(r[i]?.text ?? "", appLink(baseUrl, r[i]?.href))));
    }
  }
  for (let i = 1; i <= 7; i += 1) ws.getColumn(i).width = i === 2 ? 40 : 16;
}

/** The report's XLSX bytes. */
export async function renderXlsx(c: ReportContent, opts: RenderOptions): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Tingfeng";
  const taken = new Set<string>();
  const cover = wb.addWorksheet(sheetName("报告信息", taken));
  cover.addRow([text(c.title)]).font = { bold: true, size: 16 };
  for (const [k, v] of [
    ["期号", c.number ?? (opts.draft ? "草稿" : "")], ["编发单位", c.issuingUnit], ["统计时段", c.period.label],
    ["签发", c.issuedAt ? `${c.issuedBy ?? ""} ${zhDate(c.issuedAt)}`.trim() : ""], ["生成时间", c.generatedAt],
  ] as const) cover.addRow([k, text(v)]);
  cover.getColumn(1).width = 12;
  cover.getColumn(2).width = 40;
  for (const s of c.sections) {
    if (!s.blocks.some((b) => TABULAR.has(b.type))) continue;
    addSection(wb.addWorksheet(sheetName(s.title, taken)), s, opts.baseUrl);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
