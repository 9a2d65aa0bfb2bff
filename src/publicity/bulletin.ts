// The internal bulletin (《宣传信息》) as A4 DOCX: the red masthead, 第N期, the editor and date over a
// red rule, each adopted information report's title and text, and the 报送/抄送 line at the end.
import { AlignmentType, BorderStyle, Paragraph, TextRun } from "docx";
import { BODY_FONT, BODY_SIZE, CONTENT_WIDTH, LABEL_FONT, OFFICIAL_RED, TITLE_FONT, type OfficialFont } from "../reports/render/official-style";
import { officialDocx } from "./score-docx";

/** What an issue shows. */
export interface BulletinContent {
  masthead: string; number: string; editor: string; date: string; forwardedTo: string; copiedTo: string;
  entries: { title: string; unitName: string; body: string }[];
}

const run = (text: string, opts: { bold?: boolean; font?: OfficialFont; size?: number; color?: string } = {}) =>
  new TextRun({ text, bold: opts.bold, font: opts.font ?? BODY_FONT, size: opts.size ?? BODY_SIZE, color: opts.color });

/** 第N期 (a draft has no number yet). */
export function bulletinNumber(year: number, seq: number | null): string {
  return seq == null ? `${year}年（草稿）` : `${year}年第${seq}期`;
}

/** The DOCX bytes. */
export async function writeBulletinDocx(b: BulletinContent): Promise<Buffer> {
  const body: Paragraph[] = [];
  b.entries.forEach((e, i) => {
    body.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: i ? 360 : 240, after: 120 }, children: [run(e.title, { font: TITLE_FONT, size: 32 })] }));
    for (const l of e.body.trim().split(/\r?\n/).filter((x) => x.trim()))
      body.push(new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560 }, children: [run(l.trim())] }));
    body.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(`（${e.unitName}）`)] }));
  });
  return officialDocx(`${b.masthead} ${b.number}`, [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [run(b.masthead, { font: TITLE_FONT, size: 80, color: OFFICIAL_RED })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [run(b.number)] }),
    new Paragraph({
      spacing: { after: 240 }, border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: OFFICIAL_RED, space: 4 } },
      children: [run(`编辑：${b.editor || "宣传办"}`), run("\t"), run(b.date)],
      tabStops: [{ type: "right", position: CONTENT_WIDTH }],
    }),
    ...(body.length ? body : [new Paragraph({ children: [run("（本期无内容）")] })]),
    new Paragraph({
      spacing: { before: 480 }, border: { top: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 4 }, bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 4 } },
      children: [run("报送：", { font: LABEL_FONT }), run(b.forwardedTo || "（未填）")],
    }),
    new Paragraph({ children: [run("抄送：", { font: LABEL_FONT }), run(b.copiedTo || "各单位")] }),
  ]);
}
