// Reads an uploaded CSV, XLSX or JSONL file into one table: column names and rows of cells, each
// row with the number a person finds it under (the spreadsheet row, or the file line).
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { parseCsv, sniffDelimiter } from "./csv";

/** At most this many bytes per file. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
/** At most this many data rows per file. */
export const IMPORT_MAX_ROWS = 200_000;

/** A cell: text, or a date when the spreadsheet stored one. */
export type Cell = string | Date;

/** One data row: its number in the file and its cells by column. */
export type TableRow = { row: number; cells: Record<string, Cell> };

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

// The streamed reader meets a sheet's hyperlinks after its cells, so a linked cell gives its text only.
function cellOf(v: ExcelValue): Cell {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v;
  if (typeof v !== "object") return String(v);
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("hyperlink" in v) return typeof v.text === "string" ? v.text : cellOf(v.text as ExcelValue);
  if ("result" in v) return cellOf(v.result as ExcelValue);
  return "";
}

// Streamed, so that a large sheet is refused at its 200,001st row instead of after loading it all.
async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const input = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: "cache", hyperlinks: "cache", styles: "cache", worksheets: "emit" });
  let columns: string[] | null = null;
  const rows: TableRow[] = [];
  try {
    for await (const sheet of reader) {
      for await (const r of sheet) {
        const values = (r as ExcelJS.Row).values as ExcelValue[]; // 1-based
        const rowNumber = (r as ExcelJS.Row).number;
        if (!columns) {
          if (!values.some((v) => cellOf(v) !== "")) continue;
          const raw: string[] = [];
          for (let i = 1; i < values.length; i++) raw[i - 1] = String(cellOf(values[i]));
          columns = headerNames(Array.from(raw, (x) => x ?? ""));
          continue;
        }
        if (rows.length >= IMPORT_MAX_ROWS) throw new ImportFileError("import.too_many_rows", { max: IMPORT_MAX_ROWS });
        const cells: Record<string, Cell> = {};
        columns.forEach((c, i) => (cells[c] = cellOf(values[i + 1])));
        // Formatted but empty rows are common below a hand-kept sheet's data: not rows at all.
        if (Object.values(cells).every((c) => c === "")) continue;
        rows.push({ row: rowNumber, cells });
      }
      if (columns) break; // the first sheet with a header row
    }
  } catch (e) {
    if (e instanceof ImportFileError) throw e;
    throw new ImportFileError("import.unreadable");
  }
  return { format: "xlsx", columns: columns ?? [], rows, bad: [] };
}
