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
 * length, kind) each; simhash length, spans length, watch count, then the ids; then body and parent
 * each as NONE, SHORT with the text's length, or PART with size, offset and length in `low`, offset
 * and count in `keys`. Lengths are in UTF-16 code units of the item's `text` entry.
 */
export function packPrepared(items: readonly PreparedItem[]): PackedBatch {
  const nums: number[] = [];
  const starts = new Int32Array(items.length);
  const text: string[] = [];
  const parts: SketchPart[] = [];
  let lowUsed = 0;
  let keysUsed = 0;
  const side = (s: SketchPart | string | null, strings: string[]) => {
    if (s === null) nums.push(NONE);
    else if (typeof s === "string") {
      nums.push(SHORT, s.length);
      strings.push(s);
    } else {
      nums.push(PART, s.size, lowUsed, s.low.length, keysUsed, s.keys.length);
      lowUsed += s.low.length;
      keysUsed += s.keys.length;
      parts.push(s);
    }
  };
  items.forEach((p, i) => {
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
    nums.push(p.simhash.length, p.watches.spans.length, p.watches.ids.length, ...p.watches.ids);
    strings.push(p.simhash, p.watches.spans);
    side(p.dup.body, strings);
    side(p.dup.parent, strings);
    text.push(strings.join(""));
  });
  const low = new Uint8Array(lowUsed);
  const keys = new Int32Array(keysUsed);
  lowUsed = keysUsed = 0;
  for (const part of parts) {
    low.set(part.low, lowUsed);
    lowUsed += part.low.length;
    keys.set(part.keys, keysUsed);
    keysUsed += part.keys.length;
  }
  return { count: items.length, text, nums: Float64Array.from(nums), starts, low, keys };
}

/** The buffers of a packed batch, to transfer with it. */
export function transferList(b: PackedBatch): ArrayBuffer[] {
  return [b.nums.buffer, b.starts.buffer, b.low.buffer, b.keys.buffer] as ArrayBuffer[];
}

/** Item `i` of a packed batch, as `packPrepared` was given it (without sentiment reasons). */
export function unpackPrepared(b: PackedBatch, i: number): PreparedItem {
  if (!(i >= 0 && i < b.count)) throw new RangeError(`prepared batch: no item ${i} of ${b.count}`);
  const { nums } = b;
  const s = b.text[i];
  let n = b.starts[i];
  let c = 0;
  const take = (length: number) => s.slice(c, (c += length));
  const label = LABELS[nums[n++]];
  const score = nums[n++];
  const keywords = new Array<{ word: string; weight: number }>(nums[n++]);
  for (let k = 0; k < keywords.length; k++, n += 2) keywords[k] = { word: take(nums[n]), weight: nums[n + 1] };
  const entities = new Array<Entity>(nums[n++]);
  for (let k = 0; k < entities.length; k++, n += 2) entities[k] = { word: take(nums[n]), kind: KINDS[nums[n + 1]] };
  const simhash = take(nums[n++]);
  const spans = take(nums[n++]);
  const ids = Array.from(nums.subarray(n + 1, n + 1 + nums[n]));
  n += 1 + ids.length;
  const side = (): SketchPart | string | null => {
    const kind = nums[n++];
    if (kind === NONE) return null;
    if (kind === SHORT) return take(nums[n++]);
    const [size, lowAt, lowLength, keysAt, keyCount] = [nums[n], nums[n + 1], nums[n + 2], nums[n + 3], nums[n + 4]];
    n += 5;
    return { size, low: b.low.subarray(lowAt, lowAt + lowLength), keys: b.keys.subarray(keysAt, keysAt + keyCount) };
  };
  const body = side();
  const dup: DupSketch = { body, parent: side() };
  return { dup, sentiment: { label, score }, keywords, entities, simhash, watches: { ids, spans } };
}
