// A report as DOCX in the official-document style: A4, 仿宋/小标宋/黑体 with Latin fallbacks, a red
// header (红头) when asked, numbered sections, figures and citations as hyperlinks into Tingfeng,
// charts as PNG pictures, page numbers in the footer. Table widths are in DXA so WPS lays them out as Word does.
import {
  AlignmentType, BorderStyle, Document, ExternalHyperlink, Footer, Header, ImageRun, LevelFormat, Packer, PageNumber, Paragraph,
  ShadingType, Tab, TabStopType, Table, TableCell, TableRow, TextRun, WidthType,
} from "docx";
import type { CitedItem, ReportBlock, ReportContent } from "../../shared/report-types";
import type { RenderOptions } from "./options";
import { A4, BODY_FONT, BODY_SIZE, CONTENT_WIDTH, LABEL_FONT, MARGIN, OFFICIAL_FONT_TABLE, OFFICIAL_RED, TITLE_FONT, type OfficialFont } from "./official-style";
import { CHART_SIZE, renderChartPng } from "./charts";
import { appLink, formatValue, itemFacts, pageLink, printable, sectionHeading, zhDate } from "./print-text";

const LINK_COLOR = "0563C1";
const SMALL = 24; // 12 pt (小四)
const ITEMS_NUMBERING = "report-items";
// Charts span the text column: CONTENT_WIDTH twips at 96 px per inch (1440 twips).
const CHART_PX = Math.floor((CONTENT_WIDTH / 1440) * 96);

type Inline = TextRun | ExternalHyperlink | ImageRun;
interface RunOpts { bold?: boolean; font?: OfficialFont; size?: number; color?: string; superScript?: boolean }

const run = (text: string, o: RunOpts = {}) =>
  new TextRun({ text: printable(text), bold: o.bold, font: o.font ?? BODY_FONT, size: o.size ?? BODY_SIZE, color: o.color, superScript: o.superScript });

/** A run linked to `url`, or plain when there is no acceptable link. */
function link(text: string, url: string | null, o: RunOpts = {}): Inline {
  if (!url) return run(text, o);
  return new ExternalHyperlink({
    link: url,
    children: [new TextRun({
      text: printable(text), font: o.font ?? BODY_FONT, size: o.size ?? BODY_SIZE, color: LINK_COLOR, underline: {},
      bold: o.bold, superScript: o.superScript,
    })],
  });
}

const para = (children: Inline[], o: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean } = {}) =>
  new Paragraph({ alignment: o.align, spacing: { line: 440 }, indent: o.indent ? { firstLine: 2 * BODY_SIZE * 10 } : undefined, children });

function masthead(c: ReportContent, opts: RenderOptions): Paragraph[] {
  const red = c.redHeader;
  const out: Paragraph[] = [];
  if (opts.draft) out.push(para([run("草稿", { font: LABEL_FONT, bold: true, color: OFFICIAL_RED, size: 32 })], { align: AlignmentType.RIGHT }));
  out.push(new Paragraph({
    alignment: AlignmentType.CENTER, spacing: { before: red ? 480 : 0, after: 240 },
    children: [run(c.title, { font: TITLE_FONT, size: red ? 72 : 44, color: red ? OFFICIAL_RED : undefined })],
  }));
  if (c.number) out.push(para([run(c.number)], { align: AlignmentType.CENTER }));
  out.push(new Paragraph({
    tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH }],
    spacing: { before: 120, after: 360 },
    border: { bottom: { style: BorderStyle.SINGLE, size: red ? 18 : 6, color: red ? OFFICIAL_RED : "000000", space: 6 } },
    children: [
      run(c.issuingUnit),
      new TextRun({ children: [new Tab(), printable(c.issuedAt ? zhDate(c.issuedAt) : "")], font: BODY_FONT, size: BODY_SIZE }),
    ],
  }));
  out.push(para([run(`统计时段：${c.period.label}`, { size: SMALL })]));
  return out;
}

const cell = (children: Inline[], width: number, header = false) => new TableCell({
  width: { size: width, type: WidthType.DXA },
  shading: header ? { type: ShadingType.CLEAR, fill: "E7E6E6", color: "auto" } : undefined,
  children: [new Paragraph({ alignment: header ? AlignmentType.CENTER : undefined, children })],
});

function table(columns: string[], rows: { text: string; href?: string }[][], baseUrl: string): Table {
  const n = Math.max(1, columns.length);
  const width = Math.floor(CONTENT_WIDTH / n);
  return new Table({
    width: { size: width * n, type: WidthType.DXA },
    columnWidths: Array.from({ length: n }, () => width),
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((h) => cell([run(h, { font: LABEL_FONT, size: SMALL })], width, true)) }),
      ...rows.map((r) => new TableRow({
        cantSplit: true,
        children: Array.from({ length: n }, (_, i) => cell([link(r[i]?.text ?? "", appLink(baseUrl, r[i]?.href), { size: SMALL })], width)),
      })),
    ],
  });
}

function itemParagraphs(items: CitedItem[], instance: number, baseUrl: string): Paragraph[] {
  return items.flatMap((it) => {
    const url = pageLink(it.url);
    const out = [new Paragraph({
      numbering: { reference: ITEMS_NUMBERING, level: 0, instance }, spacing: { line: 440 },
      children: [link(it.title, appLink(baseUrl, it.href), { bold: true }), run(`（${itemFacts(it)}）`)],
    })];
    if (it.excerpt.trim()) out.push(new Paragraph({ indent: { left: 640 }, children: [run(it.excerpt, { size: SMALL })] }));
    if (url) out.push(new Paragraph({ indent: { left: 640 }, children: [run("原文：", { size: SMALL }), link(url, url, { size: SMALL })] }));
    return out;
  });
}

function blockChildren(b: ReportBlock, baseUrl: string, counters: { chart: number; items: number }): (Paragraph | Table)[] {
  switch (b.type) {
    case "figures": {
      const line: Inline[] = [];
      b.figures.forEach((f, i) => {
        if (i) line.push(run("；"));
        line.push(link(`${f.label} ${formatValue(f.value)}${f.unit}`, appLink(baseUrl, f.href)));
      });
      const notes = b.figures.filter((f) => f.note).map((f) => `${f.label}：${f.note}`);
      return [para(line, { indent: true }), ...(notes.length ? [para([run(`注：${notes.join("；")}`, { size: SMALL })], { indent: true })] : [])];
    }
    case "chart": {
      counters.chart += 1;
      const height = Math.round((CHART_PX * CHART_SIZE.height) / CHART_SIZE.width);
      return [
        para([new ImageRun({
          type: "png", data: renderChartPng(b.chart), transformation: { width: CHART_PX, height },
          altText: { name: `chart${counters.chart}`, title: printable(b.chart.title), description: printable(b.chart.title) },
        })], { align: AlignmentType.CENTER }),
        para([link(`图${counters.chart}　${b.chart.title}`, appLink(baseUrl, b.chart.href), { size: SMALL })], { align: AlignmentType.CENTER }),
      ];
    }
    case "table":
      return [
        ...(b.title ? [para([run(b.title, { font: LABEL_FONT, size: SMALL })], { align: AlignmentType.CENTER })] : []),
        table(b.columns, b.rows, baseUrl),
        para([]),
      ];
    case "items":
      counters.items += 1;
      return itemParagraphs(b.items, counters.items, baseUrl);
    case "sentence":
      return [para([
        run(b.text),
        ...b.citations.map((c, i) => link(`[${i + 1}]`, appLink(baseUrl, c.href), { superScript: true })),
      ], { indent: true })];
  }
}

/** The report's DOCX bytes. */
export async function renderDocx(c: ReportContent, opts: RenderOptions): Promise<Buffer> {
  const counters = { chart: 0, items: 0 };
  const body = c.sections.flatMap((s, i) => [
    new Paragraph({ spacing: { before: 240, after: 120 }, keepNext: true, children: [run(sectionHeading(i, s.title), { font: LABEL_FONT, size: 32 })] }),
    ...s.text.split(/\r?\n/).filter((l) => l.trim()).map((l) => para([run(l.trim())], { indent: true })),
    ...s.blocks.flatMap((b) => blockChildren(b, opts.baseUrl, counters)),
  ]);
  const doc = new Document({
    creator: "Tingfeng",
    title: printable([c.title, c.number].filter(Boolean).join(" ")),
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    numbering: { config: [{
      reference: ITEMS_NUMBERING,
      levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 640, hanging: 420 } } } }],
    }] },
    sections: [{
      properties: { page: { size: A4, margin: MARGIN } },
      headers: opts.draft ? { default: new Header({ children: [para([run("草稿", { color: OFFICIAL_RED, size: SMALL })], { align: AlignmentType.RIGHT })] }) } : undefined,
      footers: { default: new Footer({ children: [new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: BODY_FONT, size: SMALL })],
      })] }) },
      children: [...masthead(c, opts), ...body],
    }],
  });
  return Packer.toBuffer(doc, false, [OFFICIAL_FONT_TABLE]);
}
