// `tingfeng import FILE --source NAME [--map title=标题,url=链接,…]`: imports a CSV, XLSX or JSONL
// file into a source (created as kind "import" when no source has that name). Columns are matched
// from common header names; --map overrides some of them. Stdout is exactly one line,
// `imported N, skipped M (duplicates), rejected K`; each refused row's number and reason go to
// stderr. Exit 0 when any row was imported.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  IMPORT_MAX_BYTES, ImportFileError, importItems, mapRows, mergeMapping, missingColumns, parseMapArg, readTable, rejectedLine,
  sourceForImport, suggestMapping, type ColumnMapping,
} from "../ingest/import";
import { formatMessage } from "../shared/messages";
import { openRuntime } from "./runtime";

const USAGE = [
  "usage: tingfeng import FILE --source NAME [--map title=标题,url=链接,text=内容,time=时间,author=作者]",
  "  Columns are matched from common header names (标题, 链接, 正文, 时间, 作者, title, url, …);",
  "  --map overrides only the fields it names, e.g. --map title=事项 keeps the matched url/time columns;",
  "  field= (no column) leaves that field unmapped, e.g. --map time=.",
].join("\n");

/** Runs the import; `out` and `err` receive whole lines (stdout and stderr by default). */
export async function importCommand(
  args: string[], out: (line: string) => void = (l) => console.log(l), err: (line: string) => void = (l) => console.error(l),
): Promise<number> {
  let values: { source?: string; map?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args, allowPositionals: true, options: { source: { type: "string" }, map: { type: "string" } } }));
  } catch (e) {
    err(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const file = positionals[0];
  if (!file || !values.source || positionals.length > 1) {
    err(USAGE);
    return 2;
  }
  let mapping: ColumnMapping | null = null;
  try {
    mapping = values.map ? parseMapArg(values.map, { allowEmpty: true }) : null;
  } catch (e) {
    err((e as Error).message);
    return 2;
  }
  let bytes: Buffer;
  try {
    if (statSync(file).size > IMPORT_MAX_BYTES) throw new ImportFileError("import.too_large", { mb: IMPORT_MAX_BYTES / 1048576 });
    bytes = readFileSync(file);
  } catch (e) {
    err(e instanceof ImportFileError ? fileMessage(e) : `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return 2;
  }
  const { db, config } = await openRuntime();
  try {
    const table = await readTable(path.basename(file), bytes);
    const map = mergeMapping(suggestMapping(table.columns), mapping ?? {});
    const missing = missingColumns(map, table.columns);
    if (missing.length) {
      err(`${formatMessage("zh-CN", "import.unknown_column", { column: missing[0] })} (columns: ${table.columns.join(", ")})`);
      return 2;
    }
    if (!map.title && !map.text) {
      err(`${formatMessage("zh-CN", "import.no_title_column")} (columns: ${table.columns.join(", ")}; use --map title=…)`);
      return 2;
    }
    const now = Date.now();
    const { items, rejected } = mapRows(table, map, config.timeZone, now);
    const source = db.tx(() => sourceForImport(db, values.source!, "import", null, null));
    const r = await importItems(db, source, items, rejected.length, { actor: null, ip: null, file: path.basename(file) }, now);
    for (const row of rejected) err(rejectedLine(row));
    out(`imported ${r.imported}, skipped ${r.skipped} (duplicates), rejected ${r.rejected}`);
    return r.imported > 0 ? 0 : 1;
  } catch (e) {
    if (e instanceof ImportFileError) {
      err(fileMessage(e));
      return 2;
    }
    throw e;
  } finally {
    db.close();
  }
}

function fileMessage(e: ImportFileError): string {
  return formatMessage("zh-CN", e.code, e.params) ?? e.code;
}
