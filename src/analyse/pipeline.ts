// The analysis pipeline for one item at a time: normalise, keywords and entities, sentiment,
// near-duplicate group, watch matches and event assignment. Pure and in-memory: the server worker
// (src/jobs/analyse-items.ts) and `tingfeng analyze` both drive this same class.
import { normaliseText } from "./normalise";
import { analyseSentiment, type SentimentResult, type TrainedModel } from "./sentiment";
import { NearDupIndex, simhash64 } from "./dedup";
import { KeywordExtractor, type Entity, type Keyword, type UserWord } from "./keywords";
import { WatchSet, type MatchSpan } from "./watch-query";
import { EventClusterer, type Assignment, type EventSnapshot } from "./events";

/** Analysis looks at this many characters at most; the stored original is never cut. */
export const MAX_ANALYSED_CHARS = 20_000;

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
  event: Assignment;
  watches: { watchId: number; spans: MatchSpan[] }[];
};

/** Pipeline settings; everything can be replaced later at run time. */
export type AnalyserOptions = {
  watches?: ReadonlyArray<{ id: number; query: string }>;
  userWords?: readonly UserWord[];
  model?: TrainedModel | null;
  nextEventId?: () => number;
  eventWindowMs?: number;
};

/** The text a post is judged by: its body, with a title in front when the title is not just the body's opening. */
export function analysedText(title: string, text: string): string {
  const t = title.trim();
  const body = text.trim();
  const joined = !t || body.startsWith(t.replace(/[.…]+$/u, "")) ? body || t : `${t}。${body}`;
  return joined.length > MAX_ANALYSED_CHARS ? joined.slice(0, MAX_ANALYSED_CHARS) : joined;
}

/** Stateful analyser: holds the near-duplicate index, open events and compiled watches. */
export class Analyser {
  readonly dedup = new NearDupIndex({ normalised: true });
  readonly events: EventClusterer;
  private readonly keywordsOf: KeywordExtractor;
  private watchSet: WatchSet;
  private model: TrainedModel | null;

  /** A fresh analyser (empty near-duplicate index, no open events). */
  constructor(options: AnalyserOptions = {}) {
    this.keywordsOf = new KeywordExtractor({ userWords: options.userWords ?? [] });
    this.watchSet = new WatchSet(options.watches ?? []);
    this.model = options.model ?? null;
    this.events = new EventClusterer({ nextId: options.nextEventId, windowMs: options.eventWindowMs });
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

  /** Restores open events from stored snapshots (at process start). */
  restoreEvents(snapshots: readonly EventSnapshot[]): void {
    this.events.restore(snapshots);
  }

  /** Restores the near-duplicate index with an already analysed item (no event, no watches). */
  rememberCopy(id: number, title: string, text: string, publishedAt: number): void {
    this.dedup.add(String(id), normaliseText(analysedText(title, text)), publishedAt);
  }

  /** Analyses one item and updates the index and events. */
  analyse(item: PipelineItem): PipelineResult {
    const raw = analysedText(item.title, item.text);
    const normalised = normaliseText(raw);
    const sentiment = analyseSentiment(raw, this.model);
    const { keywords, entities } = this.keywordsOf.analyse(normalised, 10);
    const dup = this.dedup.add(String(item.id), normalised, item.publishedAt);
    const watches = this.watchSet.match({
      title: item.title.slice(0, MAX_ANALYSED_CHARS), text: item.text.slice(0, MAX_ANALYSED_CHARS), source: item.source,
    });
    const event = this.events.assign({
      id: item.id, publishedAt: item.publishedAt, title: item.title, keywords,
      entities: entities.map((e) => e.word), dupGroup: dup.groupId, sentiment: sentiment.label,
    });
    return {
      sentiment, keywords, entities, simhash: simhash64(normalised, 3, true), dupGroup: dup.groupId,
      duplicateOf: dup.duplicateOf, event, watches,
    };
  }
}
