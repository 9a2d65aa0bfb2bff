// Retention of collected items (TINGFENG_RETENTION_DAYS; 0 keeps everything): items older than the period
// are archived to a gzipped JSON Lines file and then deleted, in batches, except the ones a case, an alert,
// a placement or proposal, a sentiment correction or a report points at. The archive batch is on disk
// (fsync) before its deletion commits, so nothing is deleted that is not archived. One audit row per run.
import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Db } from "../db/connection";
import type { Analyser } from "../analyse/pipeline";
import { forgetDeletedItems } from "../monitor/events";
import { refreshEvents } from "../monitor/refresh-events";
import { recordAudit } from "../store/audit";
import { deleteItems } from "../store/item-deletion";
import { archiveRows, itemsOlderThan, itemsReferenced, reportContents } from "../store/retention";

const DAY_MS = 86_400_000;
const BATCH = 2000;

/** What one run did. */
export interface RetentionResult { cutoff: number; deleted: number; kept: number; archive: string | null }

/** Item ids a report (draft or issued version) cites: its quoted items and its /items/ID links. */
export function citedItemIds(contents: readonly string[]): Set<number> {
  const ids = new Set<number>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== "object") return;
    const o = v as Record<string, unknown>;
    if (o.type === "items" && Array.isArray(o.items)) for (const it of o.items) if (typeof (it as { id?: unknown }).id === "number") ids.add((it as { id: number }).id);
    for (const x of Object.values(o)) walk(x);
  };
  for (const c of contents) {
    for (const m of c.matchAll(/"\/items\/(\d+)"/g)) ids.add(Number(m[1]));
    try {
      walk(JSON.parse(c));
    } catch {
      // A damaged content blob cites nothing we can read; its /items/ links were taken above.
    }
  }
  return ids;
}

/** Archives and deletes items older than `days`; `analyser` (the live one) forgets them too. */
export async function runRetention(
  db: Db, opts: { days: number; archiveDir: string; analyser?: Analyser; now?: number },
): Promise<RetentionResult> {
  const now = opts.now ?? Date.now();
  const cutoff = now - opts.days * DAY_MS;
  const keep = itemsReferenced(db);
  for (const id of citedItemIds(reportContents(db))) keep.add(id);
  let deleted = 0;
  let kept = 0;
  let archive: string | null = null;
  let fd: number | null = null;
  try {
    for (let after = 0; ; ) {
      const batch = itemsOlderThan(db, cutoff, after, BATCH);
      if (!batch.length) break;
      after = batch[batch.length - 1]!;
      const doomed = batch.filter((id) => !keep.has(id));
      kept += batch.length - doomed.length;
      if (!doomed.length) continue;
      if (fd === null) {
        mkdirSync(opts.archiveDir, { recursive: true });
        archive = path.join(opts.archiveDir, `items-archive-${new Date(now).toISOString().slice(0, 10).replace(/-/g, "")}-${now}.jsonl.gz`);
        fd = openSync(archive, "a", 0o600);
      }
      // Each batch is its own gzip member (a multi-member file gunzips as one) and is on disk before the delete.
      writeSync(fd, gzipSync(archiveRows(db, doomed).map((r) => `${JSON.stringify(r)}\n`).join("")));
      fsyncSync(fd);
      db.tx(() => {
        const gone = deleteItems(db, doomed);
        refreshEvents(db, [...gone.itemsByEvent.keys()], now);
        forgetDeletedItems(db, opts.analyser, gone);
        deleted += gone.itemIds.length;
      });
      // Let the server answer between batches.
      await new Promise((r) => setImmediate(r));
    }
  } finally {
    if (fd !== null) closeSync(fd);
  }
  recordAudit(db, { actor: null, action: "items.retention", targetType: "items", targetId: null, summary: { days: opts.days, cutoff: new Date(cutoff).toISOString(), deleted, kept, archive } }, now);
  return { cutoff, deleted, kept, archive };
}
