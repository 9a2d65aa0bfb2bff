// What the notice (通报) and the annual assessment (年度考核) share as DOCX: the official A4 page, a title,
// body paragraphs, headings and a bordered table with a bold header row.
import {
  AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType,
} from "docx";
import { A4, BODY_FONT, BODY_SIZE, CONTENT_WIDTH, LABEL_FONT, MARGIN, OFFICIAL_RED, TITLE_FONT, type OfficialFont } from "../reports/render/official-style";
import { printable } from "../reports/render/print-text";

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
const TABLE_SIZE = 21; // 10.5 pt (五号): wide ranking tables fit the page

const run = (text: string, font: OfficialFont = BODY_FONT, size = BODY_SIZE, bold = false) => new TextRun({ text: printable(text), font, size, bold });

/** A body paragraph with the first line indented two characters, as official documents print them. */
export const bodyPara = (text: string) => new Paragraph({ spacing: { line: 560 }, indent: { firstLine: BODY_SIZE * 20 }, children: [run(text)] });

/** A first-level heading (黑体). */
export const headingPara = (text: string) => new Paragraph({ spacing: { before: 240, after: 120, line: 560 }, indent: { firstLine: BODY_SIZE * 20 }, children: [run(text, LABEL_FONT)] });

/** The centred title (方正小标宋, 二号) with a red rule and the issuing line under it. */
export function titleParas(title: string, issued: string): Paragraph[] {
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240, line: 700 }, children: [run(title, TITLE_FONT, 44)] }),
    new Paragraph({
      alignment: AlignmentType.RIGHT, spacing: { after: 240 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: OFFICIAL_RED, space: 4 } },
      children: [run(issued, BODY_FONT, 24)],
    }),
  ];
}

const cell = (text: string, width: number, opts: { bold?: boolean; align?: Align } = {}) => new TableCell({
  width: { size: width, type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER,
  children: [new Paragraph({ alignment: opts.align ?? AlignmentType.CENTER, children: [run(text, opts.bold ? LABEL_FONT : BODY_FONT, TABLE_SIZE)] })],
});

/** A table across the text width: `weights` share it between columns; the first row repeats on each page. */
export function gridTable(header: string[], rows: string[][], weights: number[]): Table {
  const total = weights.reduce((s, w) => s + w, 0);
  const widths = weights.map((w) => Math.floor((CONTENT_WIDTH * w) / total));
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, widths[i]!, { bold: true })) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, widths[i]!, { align: i === 1 ? AlignmentType.LEFT : AlignmentType.CENTER })) })),
    ],
  });
}

/** The document's bytes: one A4 section with the house fonts. */
export async function officialDocx(title: string, children: (Paragraph | Table)[]): Promise<Buffer> {
  const doc = new Document({
    creator: "Tingfeng", title,
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [{ properties: { page: { size: A4, margin: MARGIN } }, children }],
  });
  return Packer.toBuffer(doc);
}

/** 0.835 → "83.5%", null → "—". */
export const percent = (r: number | null): string => (r == null ? "—" : `${(Math.round(r * 1000) / 10).toFixed(1)}%`);
/** A figure without trailing zeros (12, 4.5, 0.25); null → "—". */
export const figure = (n: number | null): string => (n == null ? "—" : String(Math.round(n * 100) / 100));
