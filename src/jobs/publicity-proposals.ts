// The 疑似已刊发 scan: compares analysed ledger items with the news drafts approved in the last 90 days
// and files a proposal (the first item per outlet) or spread (reposts) for each match. Incremental: a
// checkpoint keeps the last item compared; a draft approved since the last scan is also compared with
// the items fetched in the 14 days before its approval (an outlet can be quicker than the review).
// Runs on a timer in the server and on demand (POST /api/placement-proposals/scan).
import type { Db } from "../db/connection";
import { recordAudit, type Actor } from "../store/audit";
import {
  approvedDraftsSince, draftKnowledge, idBeforeFetchedSince, insertProposal, itemsToScan, outletsForGuess, saveScanCheckpoint, scanCheckpoint, scannableCeiling,
  type ApprovedDraft, type ScanItem,
} from "../store/placement-proposals";
import { classifyMatch, guessOutlet, matchText, sameArticle, type MatchText } from "../publicity/proposals";
import { localMidnight } from "../shared/working-calendar";

const DAY = 86_400_000;
/** Drafts approved this long ago or less are looked for. */
export const PROPOSAL_WINDOW_DAYS = 90;
// How far before its approval a newly approved draft is looked for.
const BACKSCAN_MS = 14 * DAY;
const BATCH = 500;

/** What one scan did. */
export type ScanResult = { scanned: number; proposed: number; spread: number };

type Draft = ApprovedDraft & { match: MatchText; from: number };

// An item is compared with a draft when it was published (fetched, when unknown) no earlier than the
// day before the draft's event day: a day's slack for a wrong zone in a feed.
const itemTime = (i: ScanItem) => i.published_at ?? i.fetched_at;

function scanBatch(db: Db, drafts: readonly Draft[], items: readonly ScanItem[], now: number, tally: ScanResult): void {
  const outlets = outletsForGuess(db);
  const matches: { draft: number; item: ScanItem; score: number; outletId: number | null }[] = [];
  for (const item of items) {
    let target: MatchText | null = null;
    for (const d of drafts) {
      if (itemTime(item) < d.from) continue;
      target ??= matchText(item.title, item.text);
      const score = sameArticle(d.match, target);
      if (score !== null) matches.push({ draft: d.id, item, score, outletId: guessOutlet(outlets, item.source_id, item.url) });
    }
  }
  // Items in a known outlet first, each outlet's earliest first: a repost fetched before the piece it
  // copies must not take the piece's place as the proposal.
  matches.sort((a, b) => Number(a.outletId === null) - Number(b.outletId === null) || itemTime(a.item) - itemTime(b.item) || a.item.id - b.item.id);
  const known = new Map<number, ReturnType<typeof draftKnowledge>>();
  for (const { draft, item, score, outletId } of matches) {
    let k = known.get(draft);
    if (!k) known.set(draft, (k = draftKnowledge(db, draft)));
    if (k.items.has(item.id)) continue;
    k.items.add(item.id);
    const state = classifyMatch(k, outletId, item.dup_group);
    if (insertProposal(db, { submissionId: draft, itemId: item.id, similarity: Math.round(score * 1000) / 1000, outletId, state }, now)) {
      if (state === "pending") tally.proposed++;
      else tally.spread++;
    }
  }
  tally.scanned += items.length;
}

// Lets requests and timers run between batches: a first scan or a back-scan can read many items.
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

// Compares drafts with the items in (afterId, upTo] fetched since `fetchedFrom`, a batch per
// transaction; `done` runs in each batch's transaction with the last id it reached.
async function scanRange(
  db: Db, drafts: readonly Draft[], range: { afterId: number; upTo: number; fetchedFrom: number }, now: number, tally: ScanResult, done: (lastId: number) => void,
): Promise<void> {
  let after = range.afterId;
  for (;;) {
    const items = itemsToScan(db, after, range.upTo, range.fetchedFrom, BATCH);
    const last = items.length ? items[items.length - 1]!.id : range.upTo;
    db.tx(() => {
      scanBatch(db, drafts, items, now, tally);
      done(last);
    });
    if (items.length < BATCH) return;
    after = last;
    await yieldToLoop();
  }
}

async function scan(db: Db, opts: { timeZone: string; now?: number; actor?: Actor | null }): Promise<ScanResult> {
  const now = opts.now ?? Date.now();
  const tally: ScanResult = { scanned: 0, proposed: 0, spread: 0 };
  const checkpoint = scanCheckpoint(db);
  const ceiling = Math.max(checkpoint.lastItemId, scannableCeiling(db));
  const drafts: Draft[] = approvedDraftsSince(db, now - PROPOSAL_WINDOW_DAYS * DAY).map((d) => ({
    ...d, match: matchText(d.title, d.body), from: safeMidnight(d.event_date, opts.timeZone) - DAY,
  }));
  const newest = drafts.reduce((m, d) => Math.max(m, d.approved_at), checkpoint.lastApprovedAt);
  // Drafts approved since the last scan, against the items the checkpoint has already passed.
  for (const d of drafts.filter((x) => x.approved_at > checkpoint.lastApprovedAt)) {
    const fetchedFrom = Math.max(d.from, d.approved_at - BACKSCAN_MS);
    const afterId = idBeforeFetchedSince(db, fetchedFrom);
    if (afterId < checkpoint.lastItemId) await scanRange(db, [d], { afterId, upTo: checkpoint.lastItemId, fetchedFrom }, now, tally, () => {});
  }
  // Items fetched before every draft's event day cannot carry one (and with no drafts, none can): skipped.
  const earliest = drafts.reduce((m, d) => Math.min(m, d.from), Number.MAX_SAFE_INTEGER);
  const start = Math.min(ceiling, Math.max(checkpoint.lastItemId, idBeforeFetchedSince(db, earliest)));
  let at = start;
  await scanRange(db, drafts, { afterId: start, upTo: ceiling, fetchedFrom: 0 }, now, tally, (last) => {
    at = last;
    saveScanCheckpoint(db, { lastItemId: last, lastApprovedAt: checkpoint.lastApprovedAt }, now);
  });
  db.tx(() => {
    saveScanCheckpoint(db, { lastItemId: at, lastApprovedAt: newest }, now);
    if (tally.proposed || tally.spread || opts.actor)
      recordAudit(db, { actor: opts.actor ?? null, action: "placement_proposal.scan", targetType: "placement_proposal", summary: { ...tally }, ip: null }, now);
  });
  return tally;
}

// One scan at a time per database: the timer and "scan now" would otherwise both move the checkpoint.
const running = new WeakMap<Db, Promise<unknown>>();

/** Runs a scan now (after the one running, if any); returns how many items it compared and what it filed. */
export function runProposalScan(db: Db, opts: { timeZone: string; now?: number; actor?: Actor | null }): Promise<ScanResult> {
  const next = (running.get(db) ?? Promise.resolve()).catch(() => {}).then(() => scan(db, opts));
  running.set(db, next);
  return next;
}

function safeMidnight(date: string, timeZone: string): number {
  const t = localMidnight(date, timeZone);
  return Number.isFinite(t) ? t : 0;
}

/** The running timer job. */
export interface ProposalJob {
  /** Scans now. */
  tick(): Promise<ScanResult>;
  stop(): void;
}

/** Starts the scan on a timer (every 5 minutes by default; `autostart: false` only scans on tick()). */
export function createProposalJob(db: Db, opts: { timeZone: string; intervalMs?: number; log?: (m: string) => void; autostart?: boolean }): ProposalJob {
  const log = opts.log ?? (() => {});
  const tick = () => runProposalScan(db, { timeZone: opts.timeZone });
  const timer = opts.autostart !== false
    ? setInterval(() => {
        tick().then(
          (r) => r.proposed && log(`placement proposals: ${r.proposed} new, ${r.spread} reposts`),
          (err: unknown) => log(`placement proposals: ${err instanceof Error ? err.message : String(err)}`),
        );
      }, opts.intervalMs ?? 5 * 60_000)
    : null;
  timer?.unref?.();
  return { tick, stop: () => timer && clearInterval(timer) };
}
