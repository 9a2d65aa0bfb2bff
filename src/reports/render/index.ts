// Renders a report's content to a file: DOCX (`docx`), PDF (Debian Chromium via playwright-core) or
// XLSX (`exceljs`), with charts drawn on the server. One entry point for the API, the CLI and schedules.
import type { ReportContent, ReportFormat } from "../../shared/report-types";
import type { RenderOptions } from "./options";
import { renderDocx } from "./docx";
import { renderHtml } from "./html";
import { htmlToPdf } from "./pdf";
import { renderXlsx } from "./xlsx";

export type { RenderOptions } from "./options";
export { closePdfBrowser } from "./pdf";
export { renderHtml } from "./html";

/** MIME types of the formats. */
export const REPORT_MIME: Record<ReportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The file's bytes. */
export async function renderReport(content: ReportContent, format: ReportFormat, opts: RenderOptions): Promise<Buffer> {
  switch (format) {
    case "docx":
      return renderDocx(content, opts);
    case "pdf":
      return htmlToPdf(renderHtml(content, opts), { draft: opts.draft });
    case "xlsx":
      return renderXlsx(content, opts);
  }
}
