// English strings of case attachments, notices and opening cases from the ledger, events and alerts.
import type { zhCNCaseExtras } from "./zh-CN-case-extras";

/** Merged into the main table in en.ts. */
export const enCaseExtras: { readonly [K in keyof typeof zhCNCaseExtras]: string } = {
  "cases.openCase": "Open case",
  "cases.openCaseHint": "Open a case from the selected items",
  "cases.openFromItems": "{title} and {n} items",
  "cases.step.attachment": "Attachment",
  "cases.step.reminder": "Deadline reminder",
  "cases.step.overdue_notice": "Overdue notice",
  "cases.attachments": "Attachments",
  "cases.attachments.upload": "Upload",
  "cases.attachments.empty": "No attachments",
  "cases.attachments.uploaded": "Uploaded \"{name}\"",
  "cases.attachments.hint": "PDF, Word, Excel, images (JPG/PNG/GIF/WebP) or txt files",
  "cases.attachments.by": "{user} · {time}",
};
