// Simplified Chinese strings of the backups page (数据备份).

/** Backup strings in Simplified Chinese; merged into the main table in zh-CN.ts. */
export const zhCNOps = {
  "menu.backups": "数据备份",
  "backups.now": "立即备份",
  "backups.done": "备份完成：{name}",
  "backups.name": "文件",
  "backups.scheduled": "定时",
  "backups.manual": "手动",
  "backups.createdAt": "备份时间",
  "backups.size": "大小",
  "backups.items": "信息条数",
  "backups.attachments": "附件",
  "backups.schema": "数据库版本",
  "backups.noManifest": "无清单（非本系统生成）",
  "backups.staleSince": "最近一次成功备份在 {time}，已超过一天。请检查定时备份或立即备份。",
  "backups.none": "尚无成功的备份。请立即备份，并确认定时备份已开启。",
  "backups.dir": "备份目录",
  "backups.at": "每日备份时间",
  "backups.off": "已关闭",
  "backups.keep": "保留份数",
  "backups.restoreHint": "恢复需在服务器上操作：停止服务后运行 tingfeng restore 备份文件。加密渠道密钥和举报联系方式的密钥（secret.key 或 TINGFENG_SECRET_KEY）不在备份中，请另行妥善保管。",
} as const;
