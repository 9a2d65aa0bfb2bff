// XLSX rendering of ledger rows with their analysis, in the words the Chinese UI uses (cell text is
// stored as strings, never as formulas).
import ExcelJS from "exceljs";
import type { Db } from "../db/connection";
import type { ItemRow } from "../store/items";
import { loadItemContext } from "../store/analysis";
import { ITEM_STATUS_ZH, type ItemStatus } from "../shared/api";
import { SENTIMENT_ZH, type SentimentLabel } from "../shared/analysis-api";

/** What the rows' analysis columns name: watches, events, repost-group sizes and triagers. */
export type ItemsXlsxContext = ReturnType<typeof loadItemContext>;

// Context is read in slices: watch matches are looked up with one bound parameter per item.
const SLICE = 500;

/** The analysis context of export rows (read in slices of 500 items). */
export function loadItemsXlsxContext(db: Db, rows: readonly ItemRow[]): ItemsXlsxContext {
  const all = loadItemContext(db, rows.slice(0, SLICE));
  for (let i = SLICE; i < rows.length; i += SLICE) {
    const part = loadItemContext(db, rows.slice(i, i + SLICE));
    for (const [k, v] of part.triagers) all.triagers.set(k, v);
    for (const [k, v] of part.groupSizes) all.groupSizes.set(k, v);
    for (const [k, v] of part.watches) all.watches.set(k, v);
    for (const [k, v] of part.eventTitles) all.eventTitles.set(k, v);
  }
  return all;
}

/** A time as the office's wall clock shows it (zh-CN style, 24-hour), blank when unknown. */
export function officeDateTime(ms: number | null, timeZone: string): string {
  return ms == null ? "" : new Date(ms).toLocaleString("zh-CN", { hour12: false, timeZone });
}
// Excel refuses cells longer than this.
const clip = (s: string | null | undefined) => (s ?? "").slice(0, 32_000);

/** One worksheet 台账 with a header row and the analysis of each item, times on the office clock; returns the file bytes. */
export async function writeItemsXlsx(rows: ItemRow[], ctx: ItemsXlsxContext, timeZone: string): Promise<Buffer> {
  const fmt = (ms: number | null) => officeDateTime(ms, timeZone);
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
    { header: "情感", key: "sentiment", width: 8 },
    { header: "情感得分", key: "score", width: 10 },
    { header: "监测方案", key: "watches", width: 24 },
    { header: "事件", key: "event", width: 30 },
    { header: "转载组", key: "group", width: 10 },
    { header: "转载数", key: "groupSize", width: 8 },
    { header: "状态", key: "status", width: 10 },
    { header: "处理人", key: "triagedBy", width: 12 },
    { header: "处理时间", key: "triagedAt", width: 20 },
    { header: "链接", key: "url", width: 40 },
    { header: "正文", key: "text", width: 80 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    const groupSize = r.dup_group ? (ctx.groupSizes.get(r.dup_group) ?? 1) : 1;
    ws.addRow({
      id: r.id, title: clip(r.title), source: clip(r.source_name), author: clip(r.author), published: fmt(r.published_at),
      fetched: fmt(r.fetched_at),
      sentiment: r.sentiment ? (SENTIMENT_ZH[r.sentiment as SentimentLabel] ?? r.sentiment) : "",
      score: r.sentiment_score == null ? "" : Math.round(r.sentiment_score * 100) / 100,
      watches: clip((ctx.watches.get(r.id) ?? []).map((w) => w.name).join("、")),
      event: r.event_id ? clip(ctx.eventTitles.get(r.event_id) ?? `#${r.event_id}`) : "",
      group: r.dup_group ? `#${r.dup_group}` : "", groupSize: groupSize > 1 ? groupSize - 1 : 0,
      status: ITEM_STATUS_ZH[r.status as ItemStatus] ?? r.status,
      triagedBy: r.triaged_by ? clip(ctx.triagers.get(r.triaged_by) ?? `#${r.triaged_by}`) : "",
      triagedAt: fmt(r.triaged_at), url: clip(r.url), text: clip(r.text),
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
