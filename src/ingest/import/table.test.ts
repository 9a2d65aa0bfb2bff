import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { mapRows, parseImportTime } from "./rows";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, readTable, ImportFileError } from "./table";
import { mergeMapping, parseMapArg, suggestMapping } from "./mapping";

const TZ = "Asia/Shanghai";
const enc = (s: string) => new TextEncoder().encode(s);

describe("readTable and mapRows", () => {
  it("maps a CSV by its Chinese headers and rejects bad rows with their numbers", async () => {
    const csv = [
      "标题,链接,内容,发布时间,作者",
      "城西停水,https://example.cn/a?utm_source=x,城西片区今日停水,2026-11-20 08:30,张三",
      ",,,2026-11-20,",
      "坏链接,ftp://example.cn/x,正文,,",
      ",https://example.cn/b,只有正文的一条帖子,2026年11月21日 9时05分,",
      "坏时间,,正文,下周二,",
    ].join("\r\n");
    const table = await readTable("台账.csv", enc(csv));
    expect(table.columns).toEqual(["标题", "链接", "内容", "发布时间", "作者"]);
    const mapping = suggestMapping(table.columns);
    expect(mapping).toEqual({ title: "标题", url: "链接", text: "内容", time: "发布时间", author: "作者" });
    const { items, rejected } = mapRows(table, mapping, TZ, Date.parse("2027-01-01T00:00:00Z"));
    expect(rejected).toEqual([
      { row: 3, code: "import.row.no_title" },
      { row: 4, code: "import.row.bad_url", params: { value: "ftp://example.cn/x" } },
      { row: 6, code: "import.row.bad_time", params: { value: "下周二" } },
    ]);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ title: "城西停水", author: "张三", publishedAt: Date.parse("2026-11-20T00:30:00Z"), canonicalUrl: "https://example.cn/a" });
    // No title: the first characters of the text stand in.
    expect(items[1]).toMatchObject({ title: "只有正文的一条帖子", publishedAt: Date.parse("2026-11-21T01:05:00Z") });
  });

  it("reads time in the office zone, ISO with its own zone, epoch numbers", () => {
    expect(parseImportTime("2026-07-01 12:00", "Europe/Berlin")).toBe(Date.parse("2026-07-01T10:00:00Z"));
    expect(parseImportTime("2026/7/1", TZ)).toBe(Date.parse("2026-06-30T16:00:00Z"));
    expect(parseImportTime("2026-07-01T12:00:00Z", TZ)).toBe(Date.parse("2026-07-01T12:00:00Z"));
    expect(parseImportTime("1782000000", TZ)).toBe(1782000000_000);
    expect(parseImportTime("2026-02-30", TZ)).toBeNull();
    expect(parseImportTime("昨天", TZ)).toBeNull();
  });

  it("reads an XLSX written by exceljs, with date cells, rich text and formulas; skips empty rows", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("说明"); // an empty first sheet: the first sheet with a header is read
    const ws = wb.addWorksheet("台账");
    ws.addRow([]);
    ws.addRow(["主题", "网址", "正文", "日期"]);
    ws.addRow(["医院排队", "https://example.cn/h", "排队三小时", new Date(Date.UTC(2026, 10, 20, 9, 15))]);
    ws.addRow([null, null, null, "2026-11-21"]);
    ws.addRow([null, null, null, null]);
    ws.addRow([{ richText: [{ text: "富" }, { text: "文本" }] }, { text: "点击查看", hyperlink: "https://example.cn/x" }, { formula: "1+41", result: 42 }, "2026-11-22"]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer);
    const table = await readTable("x.bin", bytes);
    expect(table.format).toBe("xlsx");
    expect(table.columns).toEqual(["主题", "网址", "正文", "日期"]);
    const { items, rejected } = mapRows(table, suggestMapping(table.columns), TZ, Date.parse("2027-01-01T00:00:00Z"));
    // A linked cell gives its text (the streamed reader meets hyperlinks after the cells): refused as a link.
    expect(rejected).toEqual([{ row: 4, code: "import.row.no_title" }, { row: 6, code: "import.row.bad_url", params: { value: "点击查看" } }]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ title: "医院排队", url: "https://example.cn/h", publishedAt: Date.parse("2026-11-20T01:15:00Z") });
    const rich = mapRows(table, { title: "主题", text: "正文" }, TZ, Date.now()).items;
    expect(rich.map((i) => [i.title, i.text])).toEqual([["医院排队", "排队三小时"], ["富文本", "42"]]);
  });

  it("reads JSONL and reports bad lines by line number", async () => {
    const lines = [JSON.stringify({ title: "一", text: "甲", time: "2026-11-20" }), "{broken", "[1,2]", "", JSON.stringify({ title: "二", extra: { a: 1 } })];
    const table = await readTable("feed.jsonl", enc(lines.join("\n")));
    expect(table.columns).toEqual(["title", "text", "time", "extra"]);
    const { items, rejected } = mapRows(table, parseMapArg("title=title,text=text,time=time"), TZ, Date.now());
    expect(items.map((i) => i.title)).toEqual(["一", "二"]);
    expect(rejected).toEqual([{ row: 2, code: "import.row.bad_json" }, { row: 3, code: "import.row.not_object" }]);
  });

  it("decodes a GBK CSV saved by Excel and refuses an empty file", async () => {
    const gbk = Buffer.from([0xb1, 0xea, 0xcc, 0xe2, 0x0a, 0xb2, 0xe2, 0xca, 0xd4]); // 标题\n测试
    const table = await readTable("a.csv", gbk);
    expect(table.columns).toEqual(["标题"]);
    expect(table.rows[0].cells).toEqual({ 标题: "测试" });
    await expect(readTable("a.csv", new Uint8Array())).rejects.toBeInstanceOf(ImportFileError);
  });

  it("refuses a file over the row limit, and one over the size limit before reading it", async () => {
    const rows = "标题\n" + "帖子\n".repeat(IMPORT_MAX_ROWS);
    expect((await readTable("ok.csv", enc(rows))).rows).toHaveLength(IMPORT_MAX_ROWS);
    await expect(readTable("big.csv", enc(rows + "再一条\n"))).rejects.toMatchObject({ code: "import.too_many_rows" });
    const huge = { byteLength: IMPORT_MAX_BYTES + 1 } as Uint8Array;
    await expect(readTable("huge.csv", huge)).rejects.toMatchObject({ code: "import.too_large" });
  });

  it("rejects a bad --map", () => {
    expect(parseMapArg("title=标题, url=链接")).toEqual({ title: "标题", url: "链接" });
    expect(() => parseMapArg("name=标题")).toThrow(/name=标题/);
    expect(() => parseMapArg("url=")).toThrow(/url=/);
    expect(parseMapArg("url=", { allowEmpty: true })).toEqual({ url: "" });
  });

  it("lays a --map over the suggested mapping: named fields change, a column moves, field= unmaps", () => {
    const suggested = { title: "标题", url: "链接", time: "时间" };
    expect(mergeMapping(suggested, { text: "摘要" })).toEqual({ ...suggested, text: "摘要" });
    expect(mergeMapping(suggested, { text: "标题", title: "事项" })).toEqual({ title: "事项", url: "链接", time: "时间", text: "标题" });
    expect(mergeMapping(suggested, { time: "" })).toEqual({ title: "标题", url: "链接" });
  });
});
