// The media release approval form (媒体信息发布审批表) as A4 DOCX: the submission's facts, the text
// of the approved (or current) version, and the review trail as a table.
import { AlignmentType, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from "docx";
import { BODY_FONT, BODY_SIZE, CONTENT_WIDTH, LABEL_FONT, TITLE_FONT, type OfficialFont } from "../reports/render/official-style";
import { officialDocx } from "./score-docx";

/** What the form shows, in words. */
export interface ApprovalFormContent {
  title: string; unitName: string; author: string; kindName: string; eventDate: string; outlets: string[]; version: number; body: string;
  stateName: string; trail: { step: string; reviewer: string; decision: string; comment: string; at: string }[];
}

const run = (text: string, opts: { bold?: boolean; font?: OfficialFont; size?: number } = {}) =>
  new TextRun({ text, bold: opts.bold, font: opts.font ?? BODY_FONT, size: opts.size ?? BODY_SIZE });
const para = (text: string, opts: Parameters<typeof run>[1] & { align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new Paragraph({ alignment: opts.align, spacing: { line: 360 }, children: [run(text, opts)] });
const lines = (text: string, size?: number) => (text.trim() ? text.trim().split(/\r?\n/).map((l) => para(l, { size })) : [para("（无）", { size })]);
const cell = (children: Paragraph[], width: number, columnSpan?: number) =>
  new TableCell({ width: { size: width, type: WidthType.DXA }, columnSpan, verticalAlign: VerticalAlign.CENTER, children });

const LABEL = 1600;
const HALF = (CONTENT_WIDTH - 2 * LABEL) / 2;

/** The form's DOCX bytes. */
export async function writeApprovalFormDocx(f: ApprovalFormContent): Promise<Buffer> {
  const label = (t: string) => cell([para(t, { font: LABEL_FONT, align: AlignmentType.CENTER, size: 24 })], LABEL);
  const value = (t: string, span?: number) => cell([para(t, { size: 24 })], span ? CONTENT_WIDTH - LABEL : HALF, span);
  const facts = new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [LABEL, HALF, LABEL, HALF],
    rows: [
      new TableRow({ children: [label("标　　题"), value(f.title, 3)] }),
      new TableRow({ children: [label("报送单位"), value(f.unitName), label("撰　　稿"), value(f.author)] }),
      new TableRow({ children: [label("稿件类型"), value(f.kindName), label("事件日期"), value(f.eventDate)] }),
      new TableRow({ children: [label("拟投媒体"), value(f.outlets.join("、") || "（未填）", 3)] }),
      new TableRow({ children: [label("当前状态"), value(`${f.stateName}（第${f.version}稿）`, 3)] }),
      new TableRow({ children: [label("稿件正文"), cell(lines(f.body, 24), CONTENT_WIDTH - LABEL, 3)] }),
    ],
  });
  const widths = [1900, 1500, 1100, CONTENT_WIDTH - 1900 - 1500 - 1100 - 2000, 2000];
  const head = ["审核环节", "审核人", "意见", "审核意见", "时间"];
  const trail = new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h, i) => cell([para(h, { font: LABEL_FONT, align: AlignmentType.CENTER, size: 24 })], widths[i]!)) }),
      ...(f.trail.length ? f.trail : [{ step: "（尚无审核记录）", reviewer: "", decision: "", comment: "", at: "" }]).map((t) =>
        new TableRow({ cantSplit: true, children: [t.step, t.reviewer, t.decision, t.comment, t.at].map((v, i) => cell([para(v, { size: 22 })], widths[i]!)) })),
    ],
  });
  return officialDocx(`媒体信息发布审批表 ${f.title}`, [
    para("媒体信息发布审批表", { font: TITLE_FONT, size: 40, align: AlignmentType.CENTER }),
    para(""),
    facts,
    para(""),
    para("审核记录", { font: LABEL_FONT, size: 28 }),
    trail,
  ]);
}
