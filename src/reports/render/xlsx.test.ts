// The XLSX read back with exceljs: a sheet per section with numbers, figures with their links,
// tables and items with hyperlink cells, and hostile titles stored as strings, never formulas.
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { renderReport } from "./index";
import { sheetName } from "./xlsx";
import { BASE_URL, HOSTILE, dailyReport } from "./testdata/daily-report";

async function load(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** Every non-empty row of a sheet as its cell values. */
function rows(ws: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const out: ExcelJS.CellValue[][] = [];
  ws.eachRow((r) => out.push((r.values as ExcelJS.CellValue[]).slice(1)));
  return out;
}

describe("report XLSX", () => {
  it("has a sheet per tabular section with figures, linked tables and items", async () => {
    const buf = await renderReport(dailyReport(), "xlsx", { baseUrl: BASE_URL });
    const wb = await load(buf);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["报告信息", "总体情况", "来源分布", "需关注的负面信息"]);
    expect(rows(wb.getWorksheet("报告信息")!)).toContainEqual(["期号", "2026年第128期"]);

    const overview = rows(wb.getWorksheet("总体情况")!);
    expect(overview).toContainEqual(["指标", "数值", "单位", "链接", "说明"]);
    const total = overview.find((r) => r[0] === "信息总量")!;
    expect(total[1]).toBe(1284);
    expect(total[2]).toBe("条");
    expect(total[3]).toEqual({ text: `${BASE_URL}/items?from=2026-07-01&to=2026-07-01`, hyperlink: `${BASE_URL}/items?from=2026-07-01&to=2026-07-01` });
    expect(overview.find((r) => r[0] === "环比")?.[1]).toBe(12.6);

    const sources = rows(wb.getWorksheet("来源分布")!);
    expect(sources).toContainEqual(["来源", "信息量", "负面"]);
    expect(sources).toContainEqual([{ text: "青禾论坛", hyperlink: `${BASE_URL}/items?source=3` }, "412", { text: "31", hyperlink: `${BASE_URL}/items?source=3&sentiment=neg` }]);
    // A javascript: link is dropped, its text stays, and "=1+2" is text.
    expect(sources).toContainEqual(["恶意链接", "1", "=1+2"]);

    const ws = wb.getWorksheet("需关注的负面信息")!;
    const items = rows(ws);
    expect(items.find((r) => r[0] === 1)?.[1]).toEqual({ text: "禾溪镇小学乱收费", hyperlink: `${BASE_URL}/items/101` });
    expect(items.find((r) => r[0] === 1)?.[5]).toEqual({ text: "http://bbs.qinghe.example/t/101", hyperlink: "http://bbs.qinghe.example/t/101" });
    expect(items.find((r) => r[0] === 2)?.[5]).toBe("");
    expect(items.find((r) => r[0] === 3)?.[1]).toEqual({ text: HOSTILE.formula, hyperlink: `${BASE_URL}/items/103` });
    expect(items.find((r) => r[0] === 4)?.[1]).toEqual({ text: HOSTILE.minus, hyperlink: `${BASE_URL}/items/104` });
    for (const sheet of wb.worksheets) sheet.eachRow((r) => r.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
    const zip = await JSZip.loadAsync(buf);
    for (const f of Object.keys(zip.files).filter((n) => n.startsWith("xl/worksheets/sheet"))) {
      expect(await zip.file(f)!.async("string"), f).not.toMatch(/<f[ >]/);
    }
    const shared = await zip.file("xl/sharedStrings.xml")?.async("string");
    expect(shared ?? "").toContain(HOSTILE.minus);
    // Header rows are bold.
    expect(ws.getRow(3).font?.bold).toBe(true);
  });

  it("makes sheet names Excel accepts", () => {
    const taken = new Set<string>();
    expect(sheetName("来源/分布[一]:*?", taken)).toBe("来源 分布 一");
    const long = "很长的章节标题".repeat(6);
    const a = sheetName(long, taken), b = sheetName(long, taken);
    expect(a.length).toBeLessThanOrEqual(31);
    expect(b.length).toBeLessThanOrEqual(31);
    expect(b).not.toBe(a);
  });
});
