// RFC 4180 CSV: quoted fields with "" escapes and line breaks inside, CRLF/LF/CR rows, a UTF-8 BOM.
// Hand-written because the only CSV parser in node_modules (fast-csv) is exceljs's own dependency,
// not ours to import, and this one is ~40 lines that keep each record's first line number.

/** One CSV record with the 1-based file line it starts on. */
export type CsvRecord = { line: number; cells: string[] };

/** Parses CSV text (a leading BOM is dropped); blank lines are skipped. `delimiter` defaults to a comma. */
export function parseCsv(input: string, delimiter = ","): CsvRecord[] {
  const s = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const n = s.length;
  const delim = delimiter.charCodeAt(0);
  const out: CsvRecord[] = [];
  let cells: string[] = [];
  let line = 1; // the line the scanner is on
  let start = 1; // the line the current record began on
  const endRecord = () => {
    if (!(cells.length === 1 && cells[0] === "")) out.push({ line: start, cells });
    cells = [];
  };
  let i = 0;
  while (i < n) {
    let value: string;
    if (s.charCodeAt(i) === 34) {
      // Quoted: whole runs up to the next quote; "" is one quote; line breaks inside count as lines.
      value = "";
      let j = i + 1;
      for (;;) {
        const q = s.indexOf('"', j);
        if (q < 0) {
          value += s.slice(j);
          i = n;
          break;
        }
        value += s.slice(j, q);
        if (s.charCodeAt(q + 1) === 34) {
          value += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      if (value.includes("\n") || value.includes("\r")) line += value.split(/\r\n|\r|\n/).length - 1;
      // Lenient: text after the closing quote belongs to the field.
      const rest = i;
      while (i < n && s.charCodeAt(i) !== delim && s.charCodeAt(i) !== 10 && s.charCodeAt(i) !== 13) i++;
      if (i > rest) value += s.slice(rest, i);
    } else {
      const from = i;
      while (i < n && s.charCodeAt(i) !== delim && s.charCodeAt(i) !== 10 && s.charCodeAt(i) !== 13) i++;
      value = s.slice(from, i);
    }
    cells.push(value);
    if (i >= n) break;
    if (s.charCodeAt(i) === delim) {
      i++;
      if (i >= n) cells.push("");
      continue;
    }
    i += s.charCodeAt(i) === 13 && s.charCodeAt(i + 1) === 10 ? 2 : 1;
    endRecord();
    line++;
    start = line;
  }
  if (cells.length > 0) endRecord();
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
