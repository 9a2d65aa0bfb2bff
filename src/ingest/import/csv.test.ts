import { describe, expect, it } from "vitest";
import { parseCsv, sniffDelimiter } from "./csv";

describe("parseCsv", () => {
  it("reads quoted fields with commas, escaped quotes and line breaks, CRLF rows and a BOM", () => {
    const text = '\uFEFF标题,内容\r\n"县城,停水","他说""明天""恢复\r\n第二行"\r\n\r\n普通,文本\n';
    const rows = parseCsv(text);
    expect(rows).toEqual([
      { line: 1, cells: ["标题", "内容"] },
      { line: 2, cells: ["县城,停水", '他说"明天"恢复\r\n第二行'] },
      { line: 5, cells: ["普通", "文本"] },
    ]);
  });

  it("keeps empty fields and a last line without a newline", () => {
    expect(parseCsv("a,,c\n,,\nx,y")).toEqual([
      { line: 1, cells: ["a", "", "c"] }, { line: 2, cells: ["", "", ""] }, { line: 3, cells: ["x", "y"] },
    ]);
  });

  it("counts lines inside quoted fields and keeps text after a closing quote", () => {
    expect(parseCsv('a,"x\ny\nz"\nb,"say ""hi"" "later\n"open')).toEqual([
      { line: 1, cells: ["a", "x\ny\nz"] }, { line: 4, cells: ["b", 'say "hi" later'] }, { line: 5, cells: ["open"] },
    ]);
  });

  it("sniffs tab- and semicolon-separated exports", () => {
    expect(sniffDelimiter("标题\t链接\t时间\nx\ty\tz")).toBe("\t");
    expect(sniffDelimiter("a;b;c")).toBe(";");
    expect(sniffDelimiter("a,b;c,d")).toBe(",");
  });
});
