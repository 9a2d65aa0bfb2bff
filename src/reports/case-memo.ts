// The escalation memo (抄告单 / 要帖报告单) as DOCX: A4, a numbered title, a table of the case's
// facts, and an empty boxed area for the leader's instruction (领导批示).
import {
  AlignmentType, BorderStyle, Document, HeightRule, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType,
} from "docx";
import type { CaseMemoContent } from "./case-memo-content";
import { A4, BODY_FONT, BODY_SIZE, CONTENT_WIDTH, LABEL_FONT, MARGIN, OFFICIAL_FONT_TABLE, OFFICIAL_RED, TITLE_FONT, type OfficialFont } from "./render/official-style";

const LABEL_WIDTH = 1700;

const run = (text: string, opts: { bold?: boolean; font?: OfficialFont; size?: number } = {}) =>
  new TextRun({ text, bold: opts.bold, font: opts.font ?? BODY_FONT, size: opts.size ?? BODY_SIZE });
const para = (text: string, opts: Parameters<typeof run>[1] & { align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new Paragraph({ alignment: opts.align, spacing: { line: 400 }, children: [run(text, opts)] });

function row(label: string, body: Paragraph[], minHeight?: number): TableRow {
  return new TableRow({
    height: minHeight ? { value: minHeight, rule: HeightRule.ATLEAST } : undefined,
    cantSplit: true,
    children: [
      new TableCell({ width: { size: LABEL_WIDTH, type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER, children: [para(label, { font: LABEL_FONT, align: AlignmentType.CENTER })] }),
      new TableCell({ width: { size: CONTENT_WIDTH - LABEL_WIDTH, type: WidthType.DXA }, children: body.length ? body : [para("")] }),
    ],
  });
}

const lines = (text: string | null, empty = "（无）") => (text?.trim() ? text.trim().split(/\r?\n/).map((l) => para(l)) : [para(empty)]);

/** The memo's DOCX bytes. */
export async function writeCaseMemoDocx(m: CaseMemoContent, issuedAt: string): Promise<Buffer> {
  const sources = m.items.map((i, n) => para(
    `${n + 1}. ${i.title}（${i.sourceName}${i.publishedAt ? `，${i.publishedAt}` : ""}${i.reposts ? `，转载 ${i.reposts} 次` : ""}）${i.url ? ` ${i.url}` : ""}`,
  ));
  const facts = [m.severity ? `等级：${m.severity}` : null, m.category ? `类别：${m.category}` : null].filter(Boolean).join("　");
  const table = new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [LABEL_WIDTH, CONTENT_WIDTH - LABEL_WIDTH],
    rows: [
      row("标　　题", [para(m.title)]),
      row("来源及链接", sources.length ? sources : [para("（无关联信息）")]),
      row("时　　间", [...(m.firstPublishedAt ? [para(`首发时间：${m.firstPublishedAt}`)] : []), para(`发现时间：${m.openedAt}`)]),
      row("内容摘要", lines(m.summary)),
      row("传播情况", [para(m.spread.text)]),
      row("研判意见", [...lines(m.triageOpinion, "（尚未研判）"), ...(facts ? [para(facts)] : [])]),
      row("处置建议", [para(m.proposedHandling)]),
      // Left empty for the leader's hand (the phone page records an instruction on the timeline).
      row("领导批示", [para("")], 4200),
    ],
  });
  const doc = new Document({
    creator: "Tingfeng", title: `舆情抄告单 ${m.number ?? ""}`.trim(),
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [{
      properties: { page: { size: A4, margin: MARGIN } },
      children: [
        para("舆情抄告单", { font: TITLE_FONT, size: 44, align: AlignmentType.CENTER }),
        para(m.number ?? "", { align: AlignmentType.CENTER }),
        new Paragraph({
          alignment: AlignmentType.RIGHT, spacing: { after: 120 },
          border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: OFFICIAL_RED, space: 4 } },
          children: [run(`工单编号：${m.caseId}　印发时间：${issuedAt}`, { size: 24 })],
        }),
        table,
      ],
    }],
  });
  return Packer.toBuffer(doc, false, [OFFICIAL_FONT_TABLE]);
}
