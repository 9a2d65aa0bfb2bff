// Renders a report's content to a file: DOCX (`docx`), PDF (Debian Chromium via playwright-core) or
// XLSX (`exceljs`), with charts drawn on the server. One entry point for the API, the CLI and schedules.
import type { ReportContent, ReportFormat } from "../../shared/report-types";

/** What every renderer needs besides the content. */
export interface RenderOptions {
  /** TINGFENG_PUBLIC_URL without a trailing slash: app links (`/items/12`) become absolute hyperlinks. */
  baseUrl: string;
  /** A draft prints 草稿 (draft) in its header. */
  draft?: boolean;
}

/** MIME types of the formats. */
export const REPORT_MIME: Record<ReportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The file's bytes. */
export async function renderReport(content: ReportContent, format: ReportFormat, opts: RenderOptions): Promise<Buffer> {
  void content; void opts;
  throw new Error(`rendering ${format} is not built yet`);
}

/** Closes the PDF renderer's browser, if one runs (the CLI calls it before exiting). */
export async function closePdfBrowser(): Promise<void> {}
