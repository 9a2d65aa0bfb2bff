// Table rows → ledger rows: each row validated, with the reason (a message code) it was refused.
import { canonicalUrl } from "../canonical-url";
import { contentHash } from "../content-hash";
import { parseFeedDate } from "../parse-date";
import { localTime } from "../../shared/working-calendar";
import { FUTURE_SLACK_MS, type NewItem } from "../../store/items";
import type { ColumnMapping } from "./mapping";
import type { Cell, Table, TableRow } from "./table";

/** A refused row: its number in the file and why (a message code with parameters). */
export type RejectedRow = { row: number; code: string; params?: Record<string, string> };

/** Valid rows as items (in file order) and the refused ones. */
export type MappedRows = { items: NewItem[]; rejected: RejectedRow[] };

// Zone-less local forms: 2024-05-01 08:30[:00], 2024/5/1, 2024.5.1, 2024年5月1日 8时30分, 20240501.
const LOCAL = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T\s]*(\d{1,2})[:时](\d{1,2})分?(?::(\d{1,2})秒?)?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

// A zone's offset holds within an hour (transitions fall on whole hours), so the start of each local
// hour is computed once: Intl per row made a 200k-row import spend seconds on times alone.
const hourCache = new Map<string, number>();
function hourStart(date: string, hour: number, timeZone: string): number {
  const key = `${timeZone}|${date}|${hour}`;
  let t = hourCache.get(key);
  if (t === undefined) {
    if (hourCache.size > 50_000) hourCache.clear();
    t = localTime(date, hour * 60, timeZone);
    hourCache.set(key, t);
  }
  return t;
}

/** Parses an import time: zone-less local forms in the office zone, else ISO/RFC forms with their zone; null when unknown. */
export function parseImportTime(cell: Cell, timeZone: string): number | null {
  if (cell instanceof Date) {
    // exceljs gives the wall-clock time written in the sheet as if it were UTC.
    const t = cell.getTime();
    if (Number.isNaN(t)) return null;
    const iso = cell.toISOString();
    return localTime(iso.slice(0, 10), cell.getUTCHours() * 60 + cell.getUTCMinutes(), timeZone) + cell.getUTCSeconds() * 1000;
  }
  const s = cell.trim().replace(/\s+/g, " ");
  if (!s) return null;
  const m = LOCAL.exec(s) ?? COMPACT.exec(s);
  if (m) {
    const [y, mo, d, h, mi, sec] = [m[1], m[2], m[3], m[4] ?? "0", m[5] ?? "0", m[6] ?? "0"].map(Number);
    const check = new Date(Date.UTC(y, mo - 1, d));
    if (mo < 1 || mo > 12 || check.getUTCDate() !== d || h > 23 || mi > 59 || sec > 59) return null;
    const date = `${m[1]}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    return hourStart(date, h, timeZone) + mi * 60_000 + sec * 1000;
  }
  // Epoch seconds or milliseconds, as JSON exports carry them.
  if (/^\d{10}(\d{3})?$/.test(s)) return s.length === 10 ? Number(s) * 1000 : Number(s);
  return parseFeedDate(s)?.getTime() ?? null;
}

const text = (row: TableRow, column: string | undefined): string => {
  if (!column) return "";
  const v = row.cells[column];
  return v === undefined ? "" : v instanceof Date ? v.toISOString() : v.trim();
};

function httpUrl(raw: string): string | null {
  try {
    const u = new URL(raw);
    return (u.protocol === "http:" || u.protocol === "https:") && !u.username && !u.password ? u.toString() : null;
  } catch {
    return null;
  }
}

/** Maps every row; a row needs a title or a text, a usable link when it has one, and a readable time when it has one. */
export function mapRows(table: Table, mapping: ColumnMapping, timeZone: string, now: number): MappedRows {
  const items: NewItem[] = [];
  const rejected: RejectedRow[] = table.bad.map((b) => ({ row: b.row, code: b.code }));
  for (const row of table.rows) {
    const body = text(row, mapping.text);
    let title = text(row, mapping.title).replace(/\s+/g, " ");
    if (!title && !body) {
      rejected.push({ row: row.row, code: "import.row.no_title" });
      continue;
    }
    const rawUrl = text(row, mapping.url);
    const url = rawUrl ? httpUrl(rawUrl) : null;
    if (rawUrl && !url) {
      rejected.push({ row: row.row, code: "import.row.bad_url", params: { value: rawUrl.slice(0, 80) } });
      continue;
    }
    const timeCell = mapping.time ? row.cells[mapping.time] : undefined;
    const hasTime = timeCell instanceof Date || (typeof timeCell === "string" && timeCell.trim() !== "");
    const published = hasTime ? parseImportTime(timeCell!, timeZone) : null;
    if (hasTime && published === null) {
      rejected.push({ row: row.row, code: "import.row.bad_time", params: { value: String(timeCell).slice(0, 40) } });
      continue;
    }
    title ||= Array.from(body.replace(/\s+/g, " ")).slice(0, 40).join("");
    items.push({
      guid: null, url, canonicalUrl: url ? canonicalUrl(url) : null,
      contentHash: contentHash(title, body), author: text(row, mapping.author).slice(0, 200) || null,
      title: title.slice(0, 1000), text: body,
      // Sheets sometimes carry future dates (typos); never let them sort above genuinely new items.
      publishedAt: published !== null && published > now + FUTURE_SLACK_MS ? now : published,
    });
  }
  rejected.sort((a, b) => a.row - b.row);
  return { items, rejected };
}
