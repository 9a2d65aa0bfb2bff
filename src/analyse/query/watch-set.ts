// Many watches matched together. All their terms go into one Aho–Corasick automaton, each field
// of a document is scanned once, and only the watches whose anchor terms (one of which must occur
// for the watch to match) turned up are evaluated, so cost grows with what a post mentions rather
// than with the number of watches.
import { AhoCorasick, type MatchSink } from "./aho-corasick";
import { QueryError } from "./ast";
import { anchorPatterns, compileQuery, PatternTable, type Compiled } from "./compile";
import { collectSpans, evaluate, type FieldName, type Hits, type NormalSpan } from "./evaluate";
import { parseQuery } from "./parser";
import { asPrepared, toOriginalSpans, type MatchSpan, type PreparedDoc, type QueryDoc } from "./prepared-doc";
import { onBoundaries } from "./word-chars";

/** A watch's query as stored. */
export type WatchInput = { id: number; query: string };

/** A watch that matched a document, with highlight spans on the original title and text. */
export type WatchMatch = { watchId: number; spans: MatchSpan[] };

/** Watches compiled together; queries that do not parse are left out and listed in `errors`. */
export class WatchSet {
  /** The watches left out, with why. */
  readonly errors: ReadonlyArray<{ id: number; error: QueryError }>;
  private readonly watches: { id: number; node: Compiled }[] = [];
  private readonly lengths: number[];
  private readonly edges: number[];
  private readonly automaton: AhoCorasick;
  private readonly triggers: number[][]; // pattern id → indexes of watches anchored on it
  private readonly seen: Int32Array; // watch index → the last match call that queued it
  private calls = 0;

  /** Parses and compiles every watch; throws only for errors that are not QueryErrors. */
  constructor(watches: ReadonlyArray<WatchInput>) {
    const table = new PatternTable();
    const errors: { id: number; error: QueryError }[] = [];
    const anchors: number[][] = [];
    for (const { id, query } of watches) {
      try {
        const parsed = parseQuery(query);
        this.watches.push({ id, node: compileQuery(parsed, table) });
        anchors.push(anchorPatterns(parsed, table));
      } catch (error) {
        if (!(error instanceof QueryError)) throw error;
        errors.push({ id, error });
      }
    }
    this.errors = errors;
    this.lengths = table.texts.map((t) => t.length);
    this.edges = table.edges;
    this.automaton = new AhoCorasick(table.texts);
    this.triggers = table.texts.map(() => []);
    anchors.forEach((patterns, w) => patterns.forEach((p) => this.triggers[p].push(w)));
    this.seen = new Int32Array(this.watches.length);
  }

  /** How many watches compiled. */
  get size(): number {
    return this.watches.length;
  }

  /** The watches `doc` matches, in the order they were given. */
  match(doc: QueryDoc | PreparedDoc): WatchMatch[] {
    if (!this.watches.length) return [];
    const prepared = asPrepared(doc);
    const hits = this.scan(prepared);
    if (++this.calls === 0x7fffffff) {
      this.seen.fill(0); // the stamps would overflow Int32Array; start again
      this.calls = 1;
    }
    const stamp = this.calls;
    const candidates: number[] = [];
    for (const field of ["title", "text", "source"] as FieldName[])
      for (const pattern of hits[field].keys())
        for (const w of this.triggers[pattern])
          if (this.seen[w] !== stamp) {
            this.seen[w] = stamp;
            candidates.push(w);
          }
    candidates.sort((a, b) => a - b);
    const out: WatchMatch[] = [];
    for (const w of candidates) {
      const { id, node } = this.watches[w];
      if (!evaluate(node, hits, this.lengths)) continue;
      const spans: NormalSpan[] = [];
      collectSpans(node, hits, this.lengths, spans);
      out.push({ watchId: id, spans: toOriginalSpans(prepared, spans) });
    }
    return out;
  }

  private scan(doc: PreparedDoc): Hits {
    const hits: Hits = { title: new Map(), text: new Map(), source: new Map() };
    for (const field of FIELDS) {
      const text = doc[field].text;
      this.automaton.scan(text, new FieldHits(text, hits[field], this.lengths, this.edges));
    }
    return hits;
  }
}

const FIELDS: readonly FieldName[] = ["title", "text", "source"];

/** Notes the occurrences in one field that lie on word boundaries (pattern → start offsets). */
class FieldHits implements MatchSink {
  constructor(
    private readonly text: string,
    private readonly found: Map<number, number[]>,
    private readonly lengths: readonly number[],
    private readonly edges: readonly number[],
  ) {}

  hit(pattern: number, end: number): void {
    const start = end - this.lengths[pattern];
    if (!onBoundaries(this.text, start, end, this.edges[pattern])) return;
    const starts = this.found.get(pattern);
    if (starts) starts.push(start);
    else this.found.set(pattern, [start]);
  }
}
