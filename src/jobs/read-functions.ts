// The reads that may be slow, by name: what the read pool runs on its threads (arguments and results
// are structured-cloned). Each is a store or monitor function taking the connection first, so the SQL
// stays in src/store/ and a read gives the same answer inline and on a thread.
import type { Db } from "../db/connection";
import { searchItems, type ItemFilter } from "../store/item-search";
import { loadItemContext } from "../store/analysis";
import { dashboardStats } from "../store/stats";
import { listAudit, type AuditFilter } from "../store/audit";
import { countRows } from "../store/read-probe";
import { findWatchMatches, previewQuery } from "../monitor/watches";
import { eventDetailView, eventListView } from "../monitor/event-views";
import { loadItemsXlsxContext, writeItemsXlsx } from "../reports/items-xlsx";
import { alertLatency } from "../store/alert-latency";
import { buildReportContent as reportContent } from "../reports/generate";
import { renderReport, type RenderOptions } from "../reports/render";
import type { ReportContent, ReportFormat } from "../shared/report-types";

/**
 * A report rendered to DOCX, PDF or XLSX: drawing the charts and the PDF hold a thread for a second or
 * more, so the server renders on a read thread (the connection is not used).
 */
async function reportFile(_db: Db, content: ReportContent, format: ReportFormat, opts: RenderOptions): Promise<Uint8Array> {
  return renderReport(content, format, opts);
}
import { wallSnapshot } from "../displays/snapshot";

/** A ledger page with what its rows' analysis views show. */
function ledgerPage(db: Db, f: ItemFilter, limit: number, offset: number) {
  const page = searchItems(db, f, limit, offset);
  return { ...page, ctx: loadItemContext(db, page.rows) };
}

/** An export's rows (no count). */
function ledgerExport(db: Db, f: ItemFilter, limit: number) {
  return searchItems(db, f, limit, 0, { count: false }).rows;
}

/**
 * An export's rows rendered as XLSX, with their count (rendering 50k rows held the event loop for
 * seconds, so it runs on the thread too; the rows are read before the first await, under the budget).
 */
async function ledgerXlsx(db: Db, f: ItemFilter, limit: number, timeZone: string): Promise<{ rows: number; file: Uint8Array }> {
  const rows = ledgerExport(db, f, limit);
  const ctx = loadItemsXlsxContext(db, rows);
  return { rows: rows.length, file: await writeItemsXlsx(rows, ctx, timeZone) };
}

/** Every function a read thread may run. */
export const readFunctions = {
  ledgerPage, ledgerExport, ledgerXlsx, dashboardStats, listAudit, previewQuery, findWatchMatches, eventListView, eventDetailView, countRows,
  alertLatency, reportContent, reportFile, wallSnapshot,
};

/** The name of a registered read. */
export type ReadName = keyof typeof readFunctions;
/** The arguments of a read after the connection. */
export type ReadArgs<K extends ReadName> = (typeof readFunctions)[K] extends (db: Db, ...args: infer A) => unknown ? A : never;
/** What a read returns. */
export type ReadResult<K extends ReadName> = Awaited<ReturnType<(typeof readFunctions)[K]>>;
export type { AuditFilter };
