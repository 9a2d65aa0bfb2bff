// CSV for Excel: UTF-8 BOM, quoted cells, and spreadsheet-formula injection neutralised.

const FORMULA = /^[=+\-@\t\r]/;

/** One CSV cell: quoted, with a leading apostrophe when Excel would treat it as a formula. */
export function csvCell(v: string): string {
  const safe = FORMULA.test(v) ? `'${v}` : v;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** A whole CSV document with a header row. */
export function toCsv(header: string[], rows: string[][]): string {
  return "\uFEFF" + [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
