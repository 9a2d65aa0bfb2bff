// Reads an uploaded CSV, XLSX or JSONL file into one table: column names and rows of cells, each
// row with the number a person finds it under (the spreadsheet row, or the file line).
import ExcelJS from "exceljs";
import { parseCsv, sniffDelimiter } from "./csv";

/** At most this many bytes per file. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
/** At most this many data rows per file. */
export const IMPORT_MAX_ROWS = 200_000;

/** A cell: text, or a date when the spreadsheet stored one. */
export type Cell = string | Date;

/** One data row: its number in the file, its cells by column, and hyperlinks behind cells (XLSX). */
export type TableRow = { row: number; cells: Record<string, Cell>; links?: Record<string, string> };

/** A whole file read as a table; `bad` are lines that could not be read at all (JSONL). */
export type Table = { format: ImportFormat; columns: string[]; rows: TableRow[]; bad: { row: number; code: string }[] };

/** The file formats we import. */
export type ImportFormat = "csv" | "xlsx" | "jsonl";

/** A file-level refusal with a message code from the catalog (src/shared/messages.ts). */
export class ImportFileError extends Error {
  constructor(readonly code: string, readonly params: Record<string, string | number> = {}) {
    super(`import: ${code}`);
  }
}

/** The format by file name, else by content (ZIP signature → XLSX, a leading `{` → JSONL, else CSV). */
export function detectFormat(name: string, bytes: Uint8Array): ImportFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === "xlsx") return "xlsx";
  if (ext === "jsonl" || ext === "ndjson") return "jsonl";
  if (ext === "csv" || ext === "tsv" || ext === "txt") return "csv";
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "xlsx";
  const head = decodeText(bytes.subarray(0, 64)).trimStart();
  return head.startsWith("{") ? "jsonl" : "csv";
}

/** UTF-8 (BOM dropped), or GB18030 when the bytes are not UTF-8 (Excel on Chinese Windows saves CSV so). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** Reads a file into a table; throws ImportFileError when the file is too large, unreadable or empty. */
export async function readTable(name: string, bytes: Uint8Array): Promise<Table> {
  if (bytes.byteLength > IMPORT_MAX_BYTES) throw new ImportFileError("import.too_large", { mb: IMPORT_MAX_BYTES / 1048576 });
  if (bytes.byteLength === 0) throw new ImportFileError("import.empty");
  const format = detectFormat(name, bytes);
  const table = format === "xlsx" ? await readXlsx(bytes) : format === "jsonl" ? readJsonl(decodeText(bytes)) : readCsv(decodeText(bytes));
  if (table.rows.length + table.bad.length > IMPORT_MAX_ROWS) throw new ImportFileError("import.too_many_rows", { max: IMPORT_MAX_ROWS });
  if (table.columns.length === 0) throw new ImportFileError("import.no_columns");
  return table;
}

// Header names are trimmed; an empty or repeated header gets a name a person can still pick.
function headerNames(raw: string[]): string[] {
  const seen = new Set<string>();
  return raw.map((h, i) => {
    let name = h.trim() || `列${i + 1}`;
    while (seen.has(name)) name = `${name}_${i + 1}`;
    seen.add(name);
    return name;
  });
}

function readCsv(text: string): Table {
  const records = parseCsv(text, sniffDelimiter(text));
  if (records.length - 1 > IMPORT_MAX_ROWS) throw new ImportFileError("import.too_many_rows", { max: IMPORT_MAX_ROWS });
  const [head, ...data] = records;
  const columns = head ? headerNames(head.cells) : [];
  const rows = data.map(({ line, cells }): TableRow => ({
    row: line, cells: Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ""])),
  }));
  return { format: "csv", columns, rows, bad: [] };
}

function readJsonl(text: string): Table {
  const columns = new Set<string>();
  const rows: TableRow[] = [];
  const bad: Table["bad"] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines.length > IMPORT_MAX_ROWS + 1) throw new ImportFileError("import.too_many_rows", { max: IMPORT_MAX_ROWS });
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return void bad.push({ row: i + 1, code: "import.row.bad_json" });
    }
    if (!value || typeof value !== "object" || Array.isArray(value)) return void bad.push({ row: i + 1, code: "import.row.not_object" });
    const cells: Record<string, Cell> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === null || v === undefined) continue;
      columns.add(k);
      cells[k] = typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : JSON.stringify(v);
    }
    rows.push({ row: i + 1, cells });
  });
  return { format: "jsonl", columns: [...columns], rows, bad };
}

type ExcelValue = ExcelJS.CellValue;

function cellOf(v: ExcelValue): { cell: Cell; link?: string } {
  if (v === null || v === undefined) return { cell: "" };
  if (v instanceof Date) return { cell: v };
  if (typeof v !== "object") return { cell: String(v) };
  if ("richText" in v) return { cell: v.richText.map((r) => r.text).join("") };
  if ("hyperlink" in v) return { cell: typeof v.text === "string" ? v.text : cellOf(v.text as ExcelValue).cell, link: v.hyperlink };
  if ("result" in v) return cellOf(v.result as ExcelValue);
  if ("error" in v) return { cell: "" };
  return { cell: "" };
}

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError("import.unreadable");
  }
  const sheet = wb.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) return { format: "xlsx", columns: [], rows: [], bad: [] };
  if (sheet.actualRowCount - 1 > IMPORT_MAX_ROWS) throw new ImportFileError("import.too_many_rows", { max: IMPORT_MAX_ROWS });
  let columns: string[] | null = null;
  let columnIndex: number[] = [];
  const rows: TableRow[] = [];
  sheet.eachRow((r, rowNumber) => {
    const values = r.values as ExcelValue[]; // 1-based
    if (!columns) {
      const raw: string[] = [];
      for (let i = 1; i < values.length; i++) raw[i - 1] = String(cellOf(values[i]).cell);
      columns = headerNames(Array.from(raw, (x) => x ?? ""));
      columnIndex = columns.map((_, i) => i + 1);
      return;
    }
    const cells: Record<string, Cell> = {};
    const links: Record<string, string> = {};
    columns.forEach((c, i) => {
      const { cell, link } = cellOf(values[columnIndex[i]]);
      cells[c] = cell;
      if (link) links[c] = link;
    });
    rows.push({ row: rowNumber, cells, ...(Object.keys(links).length ? { links } : {}) });
  });
  return { format: "xlsx", columns: columns ?? [], rows, bad: [] };
}
