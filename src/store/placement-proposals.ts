// 疑似已刊发: placements proposed by monitoring, the scan's checkpoint, and what the scan reads (approved
// news drafts, analysed ledger items, outlets). Proposals are never written twice for one item and
// draft (UNIQUE (submission_id, item_id), INSERT OR IGNORE).
import type { Db } from "../db/connection";

/** The scan's checkpoint: the last item compared, and the newest approval seen. */
export type ScanCheckpoint = { lastItemId: number; lastApprovedAt: number };

/** Where the scan stopped (0, 0 before the first scan). */
export function scanCheckpoint(db: Db): ScanCheckpoint {
  const r = db.prepare("SELECT last_item_id, last_approved_at FROM placement_proposal_scans WHERE id = 1").get() as
    { last_item_id: number; last_approved_at: number } | undefined;
  return { lastItemId: r?.last_item_id ?? 0, lastApprovedAt: r?.last_approved_at ?? 0 };
}

/** Moves the checkpoint. */
export function saveScanCheckpoint(db: Db, c: ScanCheckpoint, now: number): void {
  db.prepare(
    `INSERT INTO placement_proposal_scans (id, last_item_id, last_approved_at, scanned_at) VALUES (1, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET last_item_id = excluded.last_item_id, last_approved_at = excluded.last_approved_at, scanned_at = excluded.scanned_at`,
  ).run(c.lastItemId, c.lastApprovedAt, now);
}

/** An approved news draft as the scan compares it. */
export type ApprovedDraft = { id: number; title: string; body: string; event_date: string; approved_at: number };

/** News drafts approved since `since`, oldest approval first. */
export function approvedDraftsSince(db: Db, since: number): ApprovedDraft[] {
  return db
    .prepare(
      `SELECT id, title, body, event_date, approved_at FROM submissions
       WHERE state = 'approved' AND kind = 'news' AND approved_at >= ? ORDER BY approved_at, id`,
    )
    .all(since) as ApprovedDraft[];
}

/**
 * The highest item id the scan may reach: items are analysed in id order, so every item up to the
 * first one still waiting has its repost group.
 */
export function scannableCeiling(db: Db): number {
  const waiting = db.prepare("SELECT min(id) FROM items WHERE analysed_at IS NULL").pluck().get() as number | null;
  if (waiting !== null) return waiting - 1;
  return (db.prepare("SELECT coalesce(max(id), 0) FROM items").pluck().get() as number);
}

/** The id just before the first item fetched at or after `t` (through the fetch-time index, not the table). */
export function idBeforeFetchedSince(db: Db, t: number): number {
  const first = db.prepare("SELECT min(id) FROM items INDEXED BY items_fetched WHERE fetched_at >= ?").pluck().get(t) as number | null;
  return first === null ? Number.MAX_SAFE_INTEGER : first - 1;
}

/** A ledger item as the scan reads it. */
export type ScanItem = {
  id: number; source_id: number; url: string | null; title: string; text: string; published_at: number | null; fetched_at: number; dup_group: string | null;
};

/** Items with afterId < id ≤ upTo fetched at or after `fetchedFrom`, in id order, that are no placement yet. */
export function itemsToScan(db: Db, afterId: number, upTo: number, fetchedFrom: number, limit: number): ScanItem[] {
  return db
    .prepare(
      `SELECT i.id, i.source_id, i.url, i.title, i.text, i.published_at, i.fetched_at, i.dup_group FROM items i
       WHERE i.id > ? AND i.id <= ? AND i.fetched_at >= ?
         AND NOT EXISTS (SELECT 1 FROM placements p WHERE p.item_id = i.id)
       ORDER BY i.id LIMIT ?`,
    )
    .all(afterId, upTo, fetchedFrom, limit) as ScanItem[];
}

/** Every outlet with its hosts and source, for the guess. */
export function outletsForGuess(db: Db): { id: number; hosts: string[]; sourceId: number | null; active: boolean }[] {
  const rows = db.prepare("SELECT id, hosts, source_id, active FROM outlets ORDER BY id").all() as
    { id: number; hosts: string; source_id: number | null; active: number }[];
  return rows.map((r) => {
    let hosts: string[] = [];
    try {
      const parsed: unknown = JSON.parse(r.hosts);
      if (Array.isArray(parsed)) hosts = parsed.filter((h): h is string => typeof h === "string");
    } catch {
      // A malformed list guesses nothing for that outlet.
    }
    return { id: r.id, hosts, sourceId: r.source_id, active: r.active === 1 };
  });
}

/**
 * What a draft already has: outlets of its pending and confirmed proposals and of its placements,
 * the repost groups of the items proposed or confirmed, and every item already filed for it.
 */
export function draftKnowledge(db: Db, submissionId: number): { outlets: Set<number>; groups: Set<string>; items: Set<number> } {
  const live = db
    .prepare(
      `SELECT p.item_id, p.state, p.outlet_id, i.dup_group FROM placement_proposals p LEFT JOIN items i ON i.id = p.item_id
       WHERE p.submission_id = ?`,
    )
    .all(submissionId) as { item_id: number; state: string; outlet_id: number | null; dup_group: string | null }[];
  const placed = db.prepare("SELECT outlet_id FROM placements WHERE submission_id = ?").pluck().all(submissionId) as number[];
  const outlets = new Set<number>(placed);
  const groups = new Set<string>();
  for (const r of live) {
    if (r.state !== "pending" && r.state !== "confirmed") continue;
    if (r.outlet_id !== null) outlets.add(r.outlet_id);
    if (r.dup_group !== null) groups.add(r.dup_group);
  }
  return { outlets, groups, items: new Set(live.map((r) => r.item_id)) };
}

/** A proposal to write. */
export type NewProposal = { submissionId: number; itemId: number; similarity: number; outletId: number | null; state: "pending" | "spread" };

/** Writes a proposal unless one exists for the draft and item; returns whether it was written. */
export function insertProposal(db: Db, p: NewProposal, now: number): boolean {
  return db
    .prepare(
      `INSERT OR IGNORE INTO placement_proposals (submission_id, item_id, similarity, outlet_id, state, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(p.submissionId, p.itemId, p.similarity, p.outletId, p.state, now).changes > 0;
}

/** A proposal with its draft, item and guessed outlet. */
export type ProposalRow = {
  id: number; submission_id: number; item_id: number; similarity: number; outlet_id: number | null; state: string;
  placement_id: number | null; decided_by: number | null; decided_at: number | null; created_at: number;
  submission_title: string; submission_unit_id: number; unit_name: string | null; author_id: number | null; author_name: string;
  item_title: string | null; item_url: string | null; item_published_at: number | null; item_fetched_at: number | null;
  source_name: string | null; outlet_name: string | null;
};

const PROPOSAL_SELECT = `
  SELECT p.*, s.title AS submission_title, s.unit_id AS submission_unit_id, u.name AS unit_name, s.author_id, s.author_name,
    i.title AS item_title, i.url AS item_url, i.published_at AS item_published_at, i.fetched_at AS item_fetched_at,
    src.name AS source_name, o.name AS outlet_name
  FROM placement_proposals p
  JOIN submissions s ON s.id = p.submission_id
  LEFT JOIN units u ON u.id = s.unit_id
  LEFT JOIN items i ON i.id = p.item_id
  LEFT JOIN sources src ON src.id = i.source_id
  LEFT JOIN outlets o ON o.id = p.outlet_id`;

/** Proposals in a state, newest first (optionally of one draft). */
export function listProposals(db: Db, state: string, limit: number, submissionId?: number): ProposalRow[] {
  return db
    .prepare(`${PROPOSAL_SELECT} WHERE p.state = ? AND (? IS NULL OR p.submission_id = ?) ORDER BY p.id DESC LIMIT ?`)
    .all(state, submissionId ?? null, submissionId ?? null, limit) as ProposalRow[];
}

/** One proposal. */
export function getProposal(db: Db, id: number): ProposalRow | undefined {
  return db.prepare(`${PROPOSAL_SELECT} WHERE p.id = ?`).get(id) as ProposalRow | undefined;
}

/** Spread (reposts) per draft: how many, and the latest item time, most spread first. */
export function spreadCounts(db: Db, limit: number): { submission_id: number; title: string; unit_name: string | null; n: number; last_at: number | null }[] {
  return db
    .prepare(
      `SELECT p.submission_id, s.title, u.name AS unit_name, count(*) AS n, max(coalesce(i.published_at, i.fetched_at)) AS last_at
       FROM placement_proposals p JOIN submissions s ON s.id = p.submission_id LEFT JOIN units u ON u.id = s.unit_id
       LEFT JOIN items i ON i.id = p.item_id
       WHERE p.state = 'spread' GROUP BY p.submission_id ORDER BY n DESC, p.submission_id DESC LIMIT ?`,
    )
    .all(limit) as { submission_id: number; title: string; unit_name: string | null; n: number; last_at: number | null }[];
}

/** Settles a pending proposal (confirmed with its placement, or dismissed); false when it was no longer pending. */
export function decideProposal(db: Db, id: number, state: "confirmed" | "dismissed", userId: number, placementId: number | null, now: number): boolean {
  return db
    .prepare("UPDATE placement_proposals SET state = ?, placement_id = ?, decided_by = ?, decided_at = ? WHERE id = ? AND state = 'pending'")
    .run(state, placementId, userId, now, id).changes > 0;
}
