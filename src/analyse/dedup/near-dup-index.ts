// Incremental near-duplicate grouping. Each post's body (and the text it reposts, when it has a
// comment in front) gets a MinHash signature; LSH bands find candidates; the near-copy rule on
// estimated Jaccard/containment verifies them; union-find joins groups. Short texts skip MinHash and
// only join identical texts. State is flat typed arrays (see `bytesPerItem`) and exports to JSON.
import { BandTable } from "./band-table";
import { Groups } from "./groups";
import { ensure } from "./growable";
import { bandKeys, PERMUTATIONS, shingleHashes, signatureOf } from "./minhash";
import { ShortTexts } from "./short-texts";
import { bodiesMatch, DEFAULT_RULE, type MatchRule } from "./similarity";
import { BODY, PARENT, Slots } from "./slots";
import { matchKeys } from "./views";
import { exportIndexState, importIndexState, type IndexState, type IndexParts } from "./index-state";

/**
 * Index options: the near-copy rule, the LSH banding (bands × rows ≤ 128), and `normalised` when
 * the texts given to `add` are already `normaliseText` output (saves normalising them twice).
 */
export type NearDupOptions = Partial<MatchRule> & { bands?: number; rows?: number; normalised?: boolean };

const MAX_BUCKET = 64;

/** Where an added post landed. */
export type AddResult = { groupId: string; duplicateOf: string | null };

/** Groups posts that are near-copies or reposts of one another, one post at a time. */
export class NearDupIndex {
  private p: IndexParts;
  private readonly normalised: boolean;
  private stamp: Int32Array = new Int32Array(16);
  private adds = 0;
  // Scratch for the post being added: matched items with their best score, and their groups' roots.
  private readonly matches = new Map<number, number>();
  private readonly matchedRoots = new Set<number>();

  /** An empty index. */
  constructor(options: NearDupOptions = {}) {
    const rule: MatchRule = { ...DEFAULT_RULE, ...options };
    const bands = options.bands ?? 32;
    const rows = options.rows ?? 4;
    this.normalised = options.normalised ?? false;
    if (bands * rows > PERMUTATIONS) throw new Error(`dedup: ${bands} bands × ${rows} rows exceed ${PERMUTATIONS} hashes`);
    this.p = {
      rule, bands, rows, ids: [], index: new Map(), groups: new Groups(), slots: new Slots(),
      table: new BandTable(), short: new ShortTexts(),
    };
  }

  /** Adds a post (again: returns where it already is) and returns its group. */
  add(id: string, text: string, publishedAt?: number): AddResult {
    const p = this.p;
    const known = p.index.get(id);
    if (known !== undefined) return { groupId: this.groupOf(id) ?? id, duplicateOf: null };
    const item = p.groups.add(publishedAt);
    p.ids.push(id);
    p.index.set(id, item);
    const keys = matchKeys(text, this.normalised);
    const body = shingleHashes(keys.body, p.rule.shingle);
    const parent = keys.parent === null ? null : shingleHashes(keys.parent, p.rule.shingle);
    this.matches.clear();
    this.matchedRoots.clear();
    const exact = (other: number) => this.found(other, 1);
    if (body.length >= p.rule.minShingles) this.matchLong(item, body, BODY);
    else if (keys.body) p.short.matchBody(keys.body, item, exact);
    if (parent && keys.parent && parent.length < p.rule.minShingles) p.short.matchParent(keys.parent, item, exact);
    else if (parent && body.length >= p.rule.minShingles) this.matchLong(item, parent, PARENT);
    let best: number | null = null;
    let bestScore = -1;
    for (const [other, score] of this.matches) {
      p.groups.union(item, other);
      if (score > bestScore) [best, bestScore] = [other, score];
    }
    return { groupId: p.ids[p.groups.firstOf(item)], duplicateOf: best === null ? null : p.ids[best] };
  }

  private found(item: number, score: number): void {
    if (score > (this.matches.get(item) ?? -1)) this.matches.set(item, score);
    this.matchedRoots.add(this.p.groups.find(item));
  }

  // Looks up the text's LSH buckets, verifies candidates, then files the text under its buckets.
  // Members of a group already matched need no verifying. A bucket is read newest first and stops
  // growing at MAX_BUCKET slots (a band that common says little, like a stop word): this bounds
  // the work per post on templated text and viral reposts.
  private matchLong(item: number, shingles: Uint32Array, kind: number): void {
    const p = this.p;
    const sig = signatureOf(shingles);
    const keys = bandKeys(sig, p.bands, p.rows);
    const tick = ++this.adds;
    this.stamp = ensure(this.stamp, p.slots.count + 1, Int32Array);
    const file: number[] = [];
    for (let b = 0; b < keys.length; b++) {
      let entries = 0;
      p.table.forEach(keys[b], (slot) => {
        const other = p.slots.itemOf(slot);
        if (this.stamp[slot] !== tick && other !== item && !this.matchedRoots.has(p.groups.find(other))) {
          this.stamp[slot] = tick;
          if (this.verify(sig, shingles.length, kind, slot)) this.found(other, p.slots.jaccard(sig, slot));
        }
        return ++entries < MAX_BUCKET;
      });
      if (entries < MAX_BUCKET) file.push(keys[b]);
    }
    const slot = p.slots.add(item, kind, shingles.length, sig);
    for (const key of file) p.table.add(key, slot);
  }

  private verify(sig: Uint16Array, size: number, kind: number, slot: number): boolean {
    const p = this.p;
    const otherKind = p.slots.kindOf(slot);
    if (kind === PARENT && otherKind === PARENT) return false; // two reposts of one post are not copies
    const j = p.slots.jaccard(sig, slot);
    return kind === BODY && otherKind === BODY ? bodiesMatch(j, size, p.slots.sizeOf(slot), p.rule) : j >= p.rule.repost;
  }

  /** The group id of an added post, or null. */
  groupOf(id: string): string | null {
    const i = this.p.index.get(id);
    return i === undefined ? null : this.p.ids[this.p.groups.firstOf(i)];
  }

  /** Ids of a group's members (empty for an unknown group). */
  members(groupId: string): string[] {
    const i = this.p.index.get(groupId);
    return i === undefined ? [] : this.p.groups.members(i).map((m) => this.p.ids[m]);
  }

  /** Number of posts added. */
  get size(): number {
    return this.p.ids.length;
  }

  /** Bytes per post held by the typed arrays, spare capacity included (ids and short texts not). */
  get bytesPerItem(): number {
    return (this.p.groups.bytes + this.p.slots.bytes + this.p.table.bytes) / Math.max(1, this.size);
  }

  /** The whole index as a JSON-serialisable value. */
  exportState(): IndexState {
    return exportIndexState(this.p);
  }

  /** An index restored from `exportState` output (validated; throws on anything else). */
  static importState(state: unknown, options: { normalised?: boolean } = {}): NearDupIndex {
    const index = new NearDupIndex(options);
    index.p = importIndexState(state);
    return index;
  }
}
