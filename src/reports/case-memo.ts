// The escalation memo (抄告单 / 要帖报告单) as DOCX: A4, a numbered title, a table of the case's
// facts, and an empty boxed area for the leader's instruction (领导批示).
import {
  AlignmentType, BorderStyle, Document, HeightRule, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType,
} from "docx";
import type { CaseMemoContent } from "./case-memo-content";

// Word picks the East Asian font for Chinese characters and the ASCII one for the rest; a machine
// without the GB2312 fonts (most outside government offices) falls back to the second names.
const BODY_FONT = { eastAsia: "仿宋_GB2312", ascii: "FangSong", hAnsi: "FangSong", cs: "FangSong" };
const TITLE_FONT = { eastAsia: "方正小标宋简体", ascii: "SimSun", hAnsi: "SimSun", cs: "SimSun" };
const LABEL_FONT = { eastAsia: "黑体", ascii: "SimHei", hAnsi: "SimHei", cs: "SimHei" };
/** A4 in twentieths of a point, margins as in official documents (37 mm top, 28 mm sides). */
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1587 };
const BODY_SIZE = 28; // 14 pt (四号)
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const LABEL_WIDTH = 1700;

const run = (text: string, opts: { bold?: boolean; font?: typeof BODY_FONT; size?: number } = {}) =>
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
          border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: "C00000", space: 4 } },
          children: [run(`工单编号：${m.caseId}　印发时间：${issuedAt}`, { size: 24 })],
        }),
        table,
      ],
    }],
  });
  return Packer.toBuffer(doc);
}
