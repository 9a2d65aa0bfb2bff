// Prepared items travel from the analysis thread to the main thread as a few flat values per batch
// instead of ~40 small objects per item. Structured clone rebuilt every object on arrival, and they
// all stayed alive until their turn in the commit, so the main thread's scavenges copied them twice
// (2.9 kB per item, the most of anything that survived there). Here one item is unpacked only when
// it is committed, and what it unpacks to dies young. Sentiment reasons are left out: the server
// stores a label and a score (saveAnalysis), and the thread is the server's.
import type { PreparedItem } from "../analyse/pipeline";
import type { DupSketch, SketchPart } from "../analyse/dedup";
import type { SentimentLabel } from "../analyse/sentiment";
import type { Entity, EntityKind } from "../analyse/keywords";

/** A batch of prepared items in transfer form (its buffers can be transferred, not copied). */
export type PackedBatch = {
  count: number;
  /** Per item, its strings back to back: keyword words, entity words, simhash, spans, short texts. */
  text: string[];
  /** Per item a record of numbers (lengths, weights, ids, codes; laid out by packPrepared), from `starts[i]`. */
  nums: Float64Array;
  starts: Int32Array;
  /** Sketch parts' signature bytes, and their band keys, one part after another. */
  low: Uint8Array;
  keys: Int32Array;
};

const LABELS: readonly SentimentLabel[] = ["neg", "neu", "pos"];
const KINDS: readonly EntityKind[] = ["place", "org", "term"];
// How a sketch side (body or parent) is stored.
const NONE = 0;
const SHORT = 1;
const PART = 2;

/**
 * Packs prepared items for posting to another thread (`unpackPrepared` reads them back). An item's
 * record: label, score; keyword count, then (word length, weight) each; entity count, then (word
 * length, kind) each; place-name count, then each one's length; simhash length, spans length,
 * watch count, then the ids; then body and parent each as NONE, SHORT with the text's length, or
 * PART with size, offset and length in `low`, offset and count in `keys`. Lengths are in UTF-16 code units of the item's `text` entry.
 */
export function packPrepared(items: readonly PreparedItem[]): PackedBatch {
  const out: Packing = { nums: [], parts: [], lowUsed: 0, keysUsed: 0 };
  const { nums } = out;
  const starts = new Int32Array(items.length);
  const text: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const p = items[i];
    starts[i] = nums.length;
    const strings: string[] = [];
    nums.push(LABELS.indexOf(p.sentiment.label), p.sentiment.score, p.keywords.length);
    for (const k of p.keywords) {
      nums.push(k.word.length, k.weight);
      strings.push(k.word);
    }
    nums.push(p.entities.length);
    for (const e of p.entities) {
      nums.push(e.word.length, KINDS.indexOf(e.kind));
      strings.push(e.word);
    }
    nums.push(p.places.length);
    for (const name of p.places) {
      nums.push(name.length);
      strings.push(name);
    }
    nums.push(p.simhash.length, p.watches.spans.length, p.watches.ids.length, ...p.watches.ids);
    strings.push(p.simhash, p.watches.spans);
    packSide(p.dup.body, strings, out);
    packSide(p.dup.parent, strings, out);
    text.push(strings.join(""));
  }
  const low = new Uint8Array(out.lowUsed);
  const keys = new Int32Array(out.keysUsed);
  let lowUsed = 0;
  let keysUsed = 0;
  for (const part of out.parts) {
    low.set(part.low, lowUsed);
    lowUsed += part.low.length;
    keys.set(part.keys, keysUsed);
    keysUsed += part.keys.length;
  }
  return { count: items.length, text, nums: Float64Array.from(nums), starts, low, keys };
}

// What packPrepared has written so far. The helpers are module functions and a class, not closures
// made per call (see docs/ARCHITECTURE.md, "No closures made per call on hot paths").
type Packing = { nums: number[]; parts: SketchPart[]; lowUsed: number; keysUsed: number };

function packSide(s: SketchPart | string | null, strings: string[], out: Packing): void {
  if (s === null) out.nums.push(NONE);
  else if (typeof s === "string") {
    out.nums.push(SHORT, s.length);
    strings.push(s);
  } else {
    out.nums.push(PART, s.size, out.lowUsed, s.low.length, out.keysUsed, s.keys.length);
    out.lowUsed += s.low.length;
    out.keysUsed += s.keys.length;
    out.parts.push(s);
  }
}

/** The buffers of a packed batch, to transfer with it. */
export function transferList(b: PackedBatch): ArrayBuffer[] {
  return [b.nums.buffer, b.starts.buffer, b.low.buffer, b.keys.buffer] as ArrayBuffer[];
}

/** Item `i` of a packed batch, as `packPrepared` was given it (without sentiment reasons). */
export function unpackPrepared(b: PackedBatch, i: number): PreparedItem {
  if (!(i >= 0 && i < b.count)) throw new RangeError(`prepared batch: no item ${i} of ${b.count}`);
  const { nums } = b;
  const r = new Reader(b, i);
  const label = LABELS[nums[r.n++]];
  const score = nums[r.n++];
  const keywords = new Array<{ word: string; weight: number }>(nums[r.n++]);
  for (let k = 0; k < keywords.length; k++) {
    const length = nums[r.n];
    const weight = nums[r.n + 1];
    r.n += 2;
    keywords[k] = { word: r.take(length), weight };
  }
  const entities = new Array<Entity>(nums[r.n++]);
  for (let k = 0; k < entities.length; k++) {
    const length = nums[r.n];
    const kind = KINDS[nums[r.n + 1]];
    r.n += 2;
    entities[k] = { word: r.take(length), kind };
  }
  const places = new Array<string>(nums[r.n++]);
  for (let k = 0; k < places.length; k++) places[k] = r.take(nums[r.n++]);
  const simhash = r.take(nums[r.n++]);
  const spans = r.take(nums[r.n++]);
  const ids = Array.from(nums.subarray(r.n + 1, r.n + 1 + nums[r.n]));
  r.n += 1 + ids.length;
  const body = r.side();
  const dup: DupSketch = { body, parent: r.side() };
  return { dup, sentiment: { label, score }, keywords, entities, places, simhash, watches: { ids, spans } };
}

/** Reads one item's record: `n` is the next index in `nums`; `take` reads on in the item's string. */
class Reader {
  n: number;
  private c = 0;
  private readonly s: string;

  constructor(private readonly b: PackedBatch, i: number) {
    this.n = b.starts[i];
    this.s = b.text[i];
  }

  take(length: number): string {
    return this.s.slice(this.c, (this.c += length));
  }

  side(): SketchPart | string | null {
    const { nums } = this.b;
    const kind = nums[this.n++];
    if (kind === NONE) return null;
    if (kind === SHORT) return this.take(nums[this.n++]);
    const n = this.n;
    const [size, lowAt, lowLength, keysAt, keyCount] = [nums[n], nums[n + 1], nums[n + 2], nums[n + 3], nums[n + 4]];
    this.n += 5;
    return { size, low: this.b.low.subarray(lowAt, lowAt + lowLength), keys: this.b.keys.subarray(keysAt, keysAt + keyCount) };
  }
}
