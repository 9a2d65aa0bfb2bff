// Imports mapped rows into a source (an existing one, or a new source of kind "import"), in chunks
// so that a 200k-row file never holds the write lock for long. Re-importing adds nothing twice: the
// ledger's own dedup (guid/URL/content hash per source) decides.
import type { Db } from "../../db/connection";
import type { SourcesTable } from "../../db/schema";
import { formatMessage, type MessageLang } from "../../shared/messages";
import { recordAudit, type Actor } from "../../store/audit";
import { insertItems, type NewItem } from "../../store/items";
import { insertSource, listSources } from "../../store/sources";
import { ImportFileError } from "./table";
import type { RejectedRow } from "./rows";

/** Placeholder URL of an import source: not fetchable, and the scheduler never polls kind "import". */
export const importSourceUrl = (name: string): string => `import:${name}`;

/** What an import did. */
export type ImportOutcome = { sourceId: number; imported: number; skipped: number; rejected: number };

const CHUNK = 2000;

/**
 * The source named `name` (of any kind: rows from an export of a site we also poll may join it; the
 * dedup by URL keeps them apart from what the feed brings), created as kind `kind` when missing.
 * Call inside a transaction.
 */
export function sourceForImport(db: Db, name: string, kind: "import" | "manual", actor: Actor | null, ip: string | null): SourcesTable {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 100) throw new ImportFileError("import.bad_source_name");
  const found = listSources(db).find((s) => s.name === trimmed);
  if (found) return found;
  const created = insertSource(db, {
    name: trimmed, kind, url: importSourceUrl(trimmed), intervalSeconds: 86400, priority: 3, enabled: true, config: {},
  });
  recordAudit(db, { actor, action: "source.create", targetType: "source", targetId: created.id, summary: { name: trimmed, kind }, ip });
  return created;
}

/**
 * Stores valid rows (oldest first, so ids follow publication order) and records one audit row; yields
 * between chunks and reports the rows handled so far to `onProgress`.
 */
export async function importItems(
  db: Db, source: SourcesTable, items: NewItem[], rejected: number, audit: { actor: Actor | null; ip: string | null; file: string }, now = Date.now(),
  onProgress: (done: number, total: number) => void = () => {},
): Promise<ImportOutcome> {
  const ordered = items.map((it, i) => ({ it, i })).sort((a, b) => (a.it.publishedAt ?? now) - (b.it.publishedAt ?? now) || a.i - b.i).map((x) => x.it);
  let imported = 0;
  for (let i = 0; i < ordered.length; i += CHUNK) {
    // Between chunks the server answers other requests: a 200k-row file takes tens of seconds to store.
    if (i > 0) await new Promise((r) => setImmediate(r));
    imported += insertItems(db, source.id, ordered.slice(i, i + CHUNK), now).length;
    onProgress(Math.min(i + CHUNK, ordered.length), ordered.length);
  }
  const outcome = { sourceId: source.id, imported, skipped: items.length - imported, rejected };
  db.tx(() => recordAudit(db, {
    actor: audit.actor, action: "source.import", targetType: "source", targetId: source.id,
    summary: { file: audit.file.slice(0, 200), imported, skipped: outcome.skipped, rejected }, ip: audit.ip,
  }));
  return outcome;
}

/** A refused row's reason in a language, e.g. "缺少标题和内容". */
export function rejectedReason(r: RejectedRow, lang: MessageLang = "zh-CN"): string {
  return formatMessage(lang, r.code, r.params ?? {}) ?? r.code;
}

/** The line printed for a refused row: "第 12 行：缺少标题和内容". */
export function rejectedLine(r: RejectedRow): string {
  return `第 ${r.row} 行：${rejectedReason(r)}`;
}
