// Simplified Chinese strings of case attachments, notices and "立案" from the ledger, events and alerts.

/** Merged into the main table in zh-CN.ts. */
export const zhCNCaseExtras = {
  "cases.openCase": "立案",
  "cases.openCaseHint": "以所选信息立案",
  "cases.openFromItems": "{title} 等 {n} 条信息",
  "cases.step.attachment": "上传附件",
  "cases.step.reminder": "临期提醒",
  "cases.step.overdue_notice": "超期通知",
  "cases.attachments": "附件",
  "cases.attachments.upload": "上传附件",
  "cases.attachments.empty": "暂无附件",
  "cases.attachments.uploaded": "已上传「{name}」",
  "cases.attachments.hint": "可上传 PDF、Word、Excel、图片（JPG/PNG/GIF/WebP）或 txt 文件",
  "cases.attachments.by": "{user} · {time}",
};
