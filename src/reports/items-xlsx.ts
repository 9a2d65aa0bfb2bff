// XLSX rendering of ledger rows (cell text is stored as strings, never as formulas).
import ExcelJS from "exceljs";
import type { ItemRow } from "../store/items";

const STATUS: Record<string, string> = { new: "未处理", seen: "已读", ignored: "已忽略" };
const fmt = (ms: number | null) => (ms == null ? "" : new Date(ms).toLocaleString("zh-CN", { hour12: false }));
// Excel refuses cells longer than this.
const clip = (s: string | null) => (s ?? "").slice(0, 32_000);

/** One worksheet 台账 with a header row; returns the file bytes. */
export async function writeItemsXlsx(rows: ItemRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Tingfeng";
  const ws = wb.addWorksheet("台账");
  ws.columns = [
    { header: "编号", key: "id", width: 8 },
    { header: "标题", key: "title", width: 40 },
    { header: "信息源", key: "source", width: 16 },
    { header: "作者", key: "author", width: 16 },
    { header: "发布时间", key: "published", width: 20 },
    { header: "采集时间", key: "fetched", width: 20 },
    { header: "状态", key: "status", width: 10 },
    { header: "链接", key: "url", width: 40 },
    { header: "正文", key: "text", width: 80 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    ws.addRow({
      id: r.id, title: clip(r.title), source: clip(r.source_name), author: clip(r.author), published: fmt(r.published_at),
      fetched: fmt(r.fetched_at), status: STATUS[r.status] ?? r.status, url: clip(r.url), text: clip(r.text),
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
