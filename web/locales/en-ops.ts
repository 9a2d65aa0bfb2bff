// English strings of the backups page.
import type { zhCNOps } from "./zh-CN-ops";

/** Backup strings in English. */
export const enOps: { readonly [K in keyof typeof zhCNOps]: string } = {
  "menu.backups": "Backups",
  "backups.now": "Back up now",
  "backups.done": "Backup written: {name}",
  "backups.name": "File",
  "backups.scheduled": "Scheduled",
  "backups.manual": "Manual",
  "backups.createdAt": "Taken",
  "backups.size": "Size",
  "backups.items": "Items",
  "backups.attachments": "Attachments",
  "backups.schema": "Schema",
  "backups.noManifest": "No manifest (not made by Tingfeng)",
  "backups.staleSince": "The last good backup was taken {time}, more than a day ago. Check the schedule or back up now.",
  "backups.none": "No good backup yet. Back up now and make sure the daily backup is on.",
  "backups.dir": "Folder",
  "backups.at": "Daily at",
  "backups.off": "Off",
  "backups.keep": "Kept",
  "backups.restoreHint": "Restoring is done on the server: stop the service, then run tingfeng restore FILE. The key that encrypts channel secrets and report contacts (secret.key or TINGFENG_SECRET_KEY) is not in the backup: keep it safe separately.",
};
