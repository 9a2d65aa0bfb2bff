// RFC 4180 CSV: quoted fields with "" escapes and line breaks inside, CRLF/LF/CR rows, a UTF-8 BOM.
// Hand-written because the only CSV parser in node_modules (fast-csv) is exceljs's own dependency,
// not ours to import, and this one is ~40 lines that keep each record's first line number.

/** One CSV record with the 1-based file line it starts on. */
export type CsvRecord = { line: number; cells: string[] };

/** Parses CSV text (a leading BOM is dropped); blank lines are skipped. `delimiter` defaults to a comma. */
export function parseCsv(input: string, delimiter = ","): CsvRecord[] {
  const s = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const out: CsvRecord[] = [];
  let cells: string[] = [];
  let field = "";
  let quoted = false; // inside a quoted field
  let line = 1;
  let start = 1;
  const endRecord = () => {
    cells.push(field);
    if (!(cells.length === 1 && cells[0] === "")) out.push({ line: start, cells });
    cells = [];
    field = "";
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else {
        if (c === "\n" || (c === "\r" && s[i + 1] !== "\n")) line++;
        field += c;
      }
    } else if (c === '"' && field === "") {
      quoted = true;
    } else if (c === delimiter) {
      cells.push(field);
      field = "";
    } else if (c === "\r" || c === "\n") {
      if (c === "\r" && s[i + 1] === "\n") i++;
      endRecord();
      line++;
      start = line;
    } else {
      field += c;
    }
  }
  if (field !== "" || cells.length > 0) endRecord();
  return out;
}

/** Guesses the delimiter from the first line: a tab or semicolon when either outnumbers commas. */
export function sniffDelimiter(input: string): string {
  const end = input.search(/[\r\n]/);
  const first = end < 0 ? input : input.slice(0, end);
  const count = (ch: string) => first.split(ch).length - 1;
  const [tab, semi, comma] = [count("\t"), count(";"), count(",")];
  if (tab > comma && tab >= semi) return "\t";
  if (semi > comma) return ";";
  return ",";
}
