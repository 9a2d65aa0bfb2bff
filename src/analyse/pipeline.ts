// The analysis pipeline for a batch of items: normalise, keywords and entities, sentiment,
// near-duplicate group, watch matches and event assignment. Pure and in-memory: the server worker
// (src/jobs/analyse-items.ts) and `tingfeng analyze` both drive this same class.
import { normaliseText } from "./normalise";
import { MAX_ANALYSED_CHARS, segment, type Segmentation } from "./segment";
import { sentimentOfNormalised, type SentimentResult, type TrainedModel } from "./sentiment";
import { NearDupIndex, Sketcher, type DupSketch, type GroupRename } from "./dedup";
import { KeywordExtractor, type Entity, type Keyword, type UserWord } from "./keywords";
import { encodeWatchSpans, WatchSet } from "./query";
import { EventClusterer, placeNames, type Assignment, type EventSnapshot } from "./events";
import { loadEngine } from "./keywords/engine";

/**
 * The near-duplicate index holds at most DEDUP_MAX_ITEMS posts; beyond that it forgets all but the
 * newest DEDUP_KEEP_ITEMS (about 0.5 kB each in typed arrays plus ~0.15 kB of id and map entry), so
 * memory stays flat on a long run: ~130 MB at the bound, and a compaction briefly adds ~75 MB.
 * Copies of posts older than the newest 130k–200k start their own group.
 */
export const DEDUP_MAX_ITEMS = 200_000;
export const DEDUP_KEEP_ITEMS = 130_000;

// The index is fed normaliseText output (the preparer sketches normalised text).
const DEDUP_OPTIONS = { normalised: true } as const;

/** One item as the pipeline needs it (publishedAt in epoch ms). */
export type PipelineItem = { id: number; title: string; text: string; source: string; publishedAt: number };

/** Everything the pipeline found about one item. */
export type PipelineResult = {
  sentiment: SentimentResult;
  keywords: Keyword[];
  entities: Entity[];
  simhash: string;
  /** Near-duplicate group id (the id, as a string, of the group's first post). */
  dupGroup: string;
  duplicateOf: string | null;
  /** Earlier near-duplicate group ids now part of `dupGroup`. */
  relabelled: string[];
  event: Assignment;
  watches: WatchHits;
};

/**
 * Matched watches: their ids and all their highlight spans in the form they are stored in
 * (encodeWatchSpans); flat so that posting a prepared item between threads copies little.
 */
export type WatchHits = { ids: number[]; spans: string };

/** Pipeline settings; everything can be replaced later at run time. */
export type AnalyserOptions = {
  watches?: ReadonlyArray<{ id: number; query: string }>;
  userWords?: readonly UserWord[];
  model?: TrainedModel | null;
  nextEventId?: () => number;
  eventWindowMs?: number;
  /** Most posts the near-duplicate index holds (default DEDUP_MAX_ITEMS). */
  dedupMax?: number;
};

/** The text a post is judged by: its body, with a title in front when the title is not just the body's opening. */
export function analysedText(title: string, text: string): string {
  const t = title.trim();
  const body = text.trim();
  const joined = !t || body.startsWith(t.replace(/[.…]+$/u, "")) ? body || t : `${t}。${body}`;
  return joined.length > MAX_ANALYSED_CHARS ? joined.slice(0, MAX_ANALYSED_CHARS) : joined;
}

/** The stateless part of an item's analysis (what can run on another thread). */
export type PreparedItem = {
  /** The near-duplicate sketch (signatures and band keys), so the index only looks up and files. */
  dup: DupSketch;
  sentiment: SentimentResult;
  keywords: Keyword[];
  entities: Entity[];
  /** Place and institution names glued from the cut (石桥乡初级中学), which tell events apart. */
  places: string[];
  simhash: string;
  watches: WatchHits;
};

/** Computes the stateless part of the analysis: normalisation, sentiment, keywords, simhash, watch matches. */
export class Preparer {
  private readonly keywordsOf: KeywordExtractor;
  private readonly sketcher = new Sketcher(DEDUP_OPTIONS);
  private watchSet: WatchSet;
  private model: TrainedModel | null;

  /** A preparer with the given settings. */
  constructor(options: Pick<AnalyserOptions, "watches" | "userWords" | "model"> = {}) {
    this.keywordsOf = new KeywordExtractor({ userWords: options.userWords ?? [] });
    this.watchSet = new WatchSet(options.watches ?? []);
    this.model = options.model ?? null;
  }

  /** Replaces the compiled watches (invalid queries are skipped and listed in `watchErrors`). */
  setWatches(watches: ReadonlyArray<{ id: number; query: string }>): void {
    this.watchSet = new WatchSet(watches);
  }

  /** Watches whose query did not compile. */
  get watchErrors(): ReadonlyArray<{ id: number; error: Error }> {
    return this.watchSet.errors;
  }

  /** Replaces the user dictionary. */
  setUserWords(words: readonly UserWord[]): void {
    this.keywordsOf.setUserWords(words);
  }

  /** Replaces the trained sentiment model (null: lexicon only). */
  setModel(model: TrainedModel | null): void {
    this.model = model;
  }

  /** The stateless analysis of one item. */
  prepare(item: PipelineItem): PreparedItem {
    return this.prepareBatch([item])[0];
  }

  /**
   * The stateless analysis of several items, one step at a time over all of them: each step's
   * tables (jieba's dictionary, the sentiment lexicon, the watch automaton) then stay in the CPU
   * caches across items instead of evicting one another on every item. Plain loops, not `map` with
   * arrows made per batch (see docs/ARCHITECTURE.md, "No closures made per call on hot paths").
   */
  prepareBatch(items: readonly PipelineItem[]): PreparedItem[] {
    const n = items.length;
    const normalised = new Array<string>(n);
    for (let i = 0; i < n; i++) normalised[i] = normaliseText(analysedText(items[i].title, items[i].text));
    // One segmentation for keywords and sentiment (each cut costs about a tenth of the analysis).
    const segs = new Array<Segmentation>(n);
    for (let i = 0; i < n; i++) segs[i] = segment(normalised[i]);
    const words = new Array<ReturnType<KeywordExtractor["analyseSegmentation"]>>(n);
    for (let i = 0; i < n; i++) words[i] = this.keywordsOf.analyseSegmentation(segs[i], 10);
    const sentiments = new Array<SentimentResult>(n);
    for (let i = 0; i < n; i++) sentiments[i] = sentimentOfNormalised(normalised[i], this.model, segs[i]);
    const sketches = new Array<ReturnType<Sketcher["sketchAndFingerprint"]>>(n);
    for (let i = 0; i < n; i++) sketches[i] = this.sketcher.sketchAndFingerprint(normalised[i]);
    const { tagOfEntry } = loadEngine();
    const out = new Array<PreparedItem>(n);
    for (let i = 0; i < n; i++) {
      out[i] = {
        dup: sketches[i].sketch,
        sentiment: sentiments[i],
        keywords: words[i].keywords,
        entities: words[i].entities,
        places: placeNames(segs[i].words, segs[i].entries, tagOfEntry),
        simhash: sketches[i].simhash,
        watches: this.watchHits(items[i]),
      };
    }
    return out;
  }

  private watchHits(item: PipelineItem): WatchHits {
    const matches = this.watchSet.match({
      title: item.title.slice(0, MAX_ANALYSED_CHARS), text: item.text.slice(0, MAX_ANALYSED_CHARS), source: item.source,
    });
    return { ids: matches.map((m) => m.watchId), spans: encodeWatchSpans(matches) };
  }
}

/**
 * Stateful analyser: holds the near-duplicate index and open events (`commit`), and a Preparer for
 * the stateless part (`analyse` = prepare + commit on this thread).
 */
export class Analyser {
  readonly dedup = new NearDupIndex(DEDUP_OPTIONS);
  readonly events: EventClusterer;
  readonly preparer: Preparer;
  private readonly dedupMax: number;

  /** A fresh analyser (empty near-duplicate index, no open events). */
  constructor(options: AnalyserOptions = {}) {
    this.preparer = new Preparer(options);
    this.dedupMax = options.dedupMax ?? DEDUP_MAX_ITEMS;
    this.events = new EventClusterer({ nextId: options.nextEventId, windowMs: options.eventWindowMs });
  }

  /** Restores open events from stored snapshots (at process start). */
  restoreEvents(snapshots: readonly EventSnapshot[]): void {
    this.events.restore(snapshots);
  }

  /** Restores the near-duplicate index with an already analysed item (no event, no watches). */
  rememberCopy(id: number, title: string, text: string, publishedAt: number): void {
    this.dedup.add(String(id), normaliseText(analysedText(title, text)), publishedAt);
    this.boundDedup();
  }

  /**
   * Forgets deleted items in the near-duplicate index (they still match, but name no group) and
   * names the groups they named as the stored items now are, in the index and in the open events.
   */
  forgetDeletedPosts(itemIds: readonly number[], renamed: readonly GroupRename[]): void {
    this.dedup.forget(itemIds.map(String));
    for (const r of renamed) {
      this.dedup.rename(r.from, r.to, r.publishedAt);
      this.events.renameGroup(r.from, r.to);
    }
  }

  private boundDedup(): void {
    if (this.dedup.size > this.dedupMax) this.dedup.compact(Math.floor((this.dedupMax * DEDUP_KEEP_ITEMS) / DEDUP_MAX_ITEMS));
  }

  /** The stateful part: near-duplicate group and event, in arrival order. */
  commit(item: PipelineItem, p: PreparedItem): PipelineResult {
    const dup = this.dedup.addSketch(String(item.id), p.dup, item.publishedAt);
    this.boundDedup();
    // Copies of one post share an event, also when their group was just renamed after this item.
    for (const old of dup.relabelled) this.events.renameGroup(old, dup.groupId);
    const entities = p.places.slice();
    for (const e of p.entities) entities.push(e.word);
    const event = this.events.assign({
      id: item.id, publishedAt: item.publishedAt, title: item.title, keywords: p.keywords, entities, dupGroup: dup.groupId,
      sentiment: p.sentiment.label,
    });
    return {
      sentiment: p.sentiment, keywords: p.keywords, entities: p.entities, simhash: p.simhash, dupGroup: dup.groupId,
      duplicateOf: dup.duplicateOf, relabelled: dup.relabelled, event, watches: p.watches,
    };
  }

  /** Analyses one item on this thread and updates the index and events. */
  analyse(item: PipelineItem): PipelineResult {
    return this.commit(item, this.preparer.prepare(item));
  }

  /** Analyses several items in arrival order (faster than one at a time; see Preparer.prepareBatch). */
  analyseBatch(items: readonly PipelineItem[]): PipelineResult[] {
    const prepared = this.preparer.prepareBatch(items);
    return items.map((item, i) => this.commit(item, prepared[i]));
  }
}
