// Incremental near-duplicate grouping. Each post's body (and the text it reposts, when it has a
// comment in front) gets a MinHash signature; LSH bands find candidates; the near-copy rule on
// estimated Jaccard/containment verifies them; union-find joins groups. Short texts skip MinHash and
// only join identical texts. State is flat typed arrays (see `bytesPerItem`) and exports to JSON.
import { BandTable, type SameGroup } from "./band-table";
import { compactParts } from "./compact";
import { Groups } from "./groups";
import { bandKeys, distinctShingles, PERMUTATIONS, signatureOf } from "./minhash";
import { ShortTexts } from "./short-texts";
import { simhashHex } from "./simhash";
import { bodiesMatch, DEFAULT_RULE, type MatchRule } from "./similarity";
import { BODY, PARENT, Slots } from "./slots";
import { matchKeys } from "./views";
import { SeenSet } from "./seen-set";
import { exportIndexState, importIndexState, sameGroupOf, type IndexState, type IndexParts } from "./index-state";

/**
 * Index options: the near-copy rule, the LSH banding (bands × rows ≤ 128), and `normalised` when
 * the texts given to `add` are already `normaliseText` output (saves normalising them twice).
 */
export type NearDupOptions = Partial<MatchRule> & { bands?: number; rows?: number; normalised?: boolean };

const MAX_BUCKET = 64;

/**
 * Where an added post landed: its group, the post it copies most closely, and the ids of groups
 * that are now part of its group (joined through it, or whose first post it now is).
 */
export type AddResult = { groupId: string; duplicateOf: string | null; relabelled: string[] };

/**
 * A text's MinHash signature in its stored form (the low byte of each value, see Slots), its LSH
 * band keys and its number of distinct shingles.
 */
export type SketchPart = { size: number; low: Uint8Array; keys: Int32Array };

/**
 * What `addSketch` needs of a post, computed without the index (so on any thread): for its body
 * and for the text it reposts, a MinHash sketch when the text is long enough, the text itself when
 * it is short (short texts only join identical ones), or null when there is none.
 */
export type DupSketch = { body: SketchPart | string | null; parent: SketchPart | string | null };

/** A repost group renamed after its first post was deleted: its old id, and the post and time it is named by now. */
export type GroupRename = { from: string; to: string; publishedAt: number };

/** Computes sketches with an index's rule and banding; pure, so it may run on another thread. */
export class Sketcher {
  private readonly rule: MatchRule;
  private readonly normalised: boolean;
  private readonly signature = new Uint16Array(PERMUTATIONS);
  /** LSH bands and rows per band. */
  readonly bands: number;
  readonly rows: number;

  /** A sketcher with the same options as the index it feeds. */
  constructor(options: NearDupOptions = {}) {
    this.rule = { ...DEFAULT_RULE, ...options };
    this.bands = options.bands ?? 32;
    this.rows = options.rows ?? 4;
    this.normalised = options.normalised ?? false;
    if (this.bands * this.rows > PERMUTATIONS) throw new Error(`dedup: ${this.bands} bands × ${this.rows} rows exceed ${PERMUTATIONS} hashes`);
  }

  /** The sketch of a post's text. */
  sketch(text: string): DupSketch {
    return this.sketchAndFingerprint(text).sketch;
  }

  /** The sketch and the 64-bit simhash (`simhash64`) of a post's text, sharing one shingling. */
  sketchAndFingerprint(text: string): { sketch: DupSketch; simhash: string } {
    const { shingle, minShingles } = this.rule;
    const keys = matchKeys(text, this.normalised);
    const bodyShingles = distinctShingles(keys.body, shingle);
    const simhash = simhashHex(bodyShingles);
    const long = bodyShingles.length >= minShingles;
    const body = long ? this.part(bodyShingles) : keys.body || null;
    let parent: DupSketch["parent"] = null;
    if (keys.parent) {
      const parentShingles = distinctShingles(keys.parent, shingle);
      // A long reposted text is only sketched under a long body; a short one is matched exactly.
      if (parentShingles.length < minShingles) parent = keys.parent;
      else if (long) parent = this.part(parentShingles);
    }
    return { sketch: { body, parent }, simhash };
  }

  // The stored form of the signature and the band keys share one buffer (posting a sketch to the
  // main thread copies one buffer); the full signature is only needed for the band keys.
  private part(shingles: Uint32Array): SketchPart {
    const buffer = new ArrayBuffer(PERMUTATIONS + this.bands * 4);
    const sig = signatureOf(shingles, this.signature);
    return {
      size: shingles.length,
      low: Slots.lowBytes(sig, new Uint8Array(buffer, 0, PERMUTATIONS)),
      keys: bandKeys(sig, this.bands, this.rows, new Int32Array(buffer, PERMUTATIONS, this.bands)),
    };
  }
}

/** Groups posts that are near-copies or reposts of one another, one post at a time. */
export class NearDupIndex {
  private p: IndexParts;
  /** The sketcher matching this index's options. */
  readonly sketcher: Sketcher;
  // Slots already looked at for the text being matched.
  private readonly seen: SeenSet;
  // Scratch for the post being added: matched items with their best score, and their groups' roots.
  private readonly matches = new Map<number, number>();
  private readonly matchedRoots = new Set<number>();
  private readonly bucket = new Int32Array(MAX_BUCKET);
  // Band keys and slots of the post being added, as pairs, filed once it has joined its group.
  private readonly filing: number[] = [];
  private readonly sameGroup: SameGroup = (slot, item) => sameGroupOf(this.p, slot, item);

  /** An empty index. */
  constructor(options: NearDupOptions = {}) {
    this.sketcher = new Sketcher(options);
    const most = this.sketcher.bands * MAX_BUCKET; // candidates of one text at most
    this.seen = new SeenSet(Math.ceil(Math.log2(most * 4))); // at most a quarter full
    const rule: MatchRule = { ...DEFAULT_RULE, ...options };
    this.p = {
      rule, bands: this.sketcher.bands, rows: this.sketcher.rows, ids: [], index: new Map(), groups: new Groups(), slots: new Slots(),
      table: new BandTable(), short: new ShortTexts(), gone: new Set(),
    };
  }

  /** Adds a post (again: returns where it already is) and returns its group. */
  add(id: string, text: string, publishedAt?: number): AddResult {
    if (this.p.index.has(id)) return { groupId: this.groupOf(id) ?? id, duplicateOf: null, relabelled: [] };
    return this.addSketch(id, this.sketcher.sketch(text), publishedAt);
  }

  /** Adds a post by its sketch (from `sketcher`, maybe computed on another thread). */
  addSketch(id: string, sketch: DupSketch, publishedAt?: number): AddResult {
    const p = this.p;
    const known = p.index.get(id);
    if (known !== undefined) return { groupId: this.groupOf(id) ?? id, duplicateOf: null, relabelled: [] };
    const item = p.groups.add(publishedAt);
    p.ids.push(id);
    p.index.set(id, item);
    this.matches.clear();
    this.matchedRoots.clear();
    const exact = (other: number) => this.found(other, 1);
    const { body, parent } = sketch;
    if (typeof body === "string") p.short.matchBody(body, item, exact);
    else if (body) this.matchLong(item, body, BODY);
    if (typeof parent === "string") p.short.matchParent(parent, item, exact);
    else if (parent) this.matchLong(item, parent, PARENT);
    let best: number | null = null;
    let bestScore = -1;
    const before = new Set<string>();
    for (const root of this.matchedRoots) {
      const name = p.ids[p.groups.firstOf(root)];
      if (p.gone.size === 0 || !p.gone.has(name)) before.add(name); // a group of deleted posts has no items to relabel
    }
    for (const [other, score] of this.matches) {
      p.groups.union(item, other);
      if (score > bestScore) [best, bestScore] = [other, score];
    }
    // Filed once the post is in its group, so that a bucket of one group's copies stays one group's.
    for (let k = 0; k < this.filing.length; k += 2) p.table.add(this.filing[k], this.filing[k + 1], item, this.sameGroup);
    this.filing.length = 0;
    if (p.gone.size > 0 && p.gone.has(p.ids[p.groups.firstOf(item)])) this.nameByLiving(item);
    const groupId = p.ids[p.groups.firstOf(item)];
    before.delete(groupId);
    return { groupId, duplicateOf: best === null ? null : p.ids[best], relabelled: [...before] };
  }

  private found(item: number, score: number): void {
    if (score > (this.matches.get(item) ?? -1)) this.matches.set(item, score);
    this.matchedRoots.add(this.p.groups.find(item));
  }

  // Looks up the text's LSH buckets, verifies candidates, then notes the buckets to file the text
  // under (filed by addSketch). Members of a group already matched need no verifying, and a bucket
  // whose slots are all of such a group needs no reading (BandTable's kin word). A bucket is read
  // newest first and stops growing at MAX_BUCKET slots: a band that common says little, like a stop
  // word, so a full bucket is read only when the text's other buckets found no copy. This bounds the
  // work per post on templated text and viral reposts (on the benchmark's stream it halves the candidates).
  private matchLong(item: number, { size, low, keys }: SketchPart, kind: number): void {
    const p = this.p;
    const packed = Slots.pack(low);
    this.seen.clear();
    const before = this.matches.size;
    const full: number[] = [];
    const slot = p.slots.add(item, kind, size, low);
    p.table.touch(keys);
    for (let b = 0; b < keys.length; b++) {
      const n = p.table.slotsOf(keys[b], this.bucket);
      if (n === MAX_BUCKET) full.push(keys[b]);
      else {
        this.verify(item, packed, size, kind, this.kinToSkip(), n);
        this.filing.push(keys[b], slot);
      }
    }
    if (this.matches.size === before) {
      for (const key of full) {
        const n = p.table.slotsOf(key, this.bucket);
        this.verify(item, packed, size, kind, this.kinToSkip(), n);
      }
    }
  }

  // How many of the newest slots of the bucket just read are members of a group already matched
  // (BandTable's kin word: its newest slots that were in one group).
  private kinToSkip(): number {
    const { lastKin, lastKinRun } = this.p.table;
    if (lastKinRun === 0 || this.matchedRoots.size === 0) return 0;
    const p = this.p;
    const root = p.groups.find(p.slots.groupHintOf(lastKin));
    p.slots.setGroupHint(lastKin, root);
    return this.matchedRoots.has(root) ? lastKinRun : 0;
  }

  // Verifies slots [from, n) of `bucket` against a text of the post being added (once per slot).
  // Members of a group already matched need no verifying; a slot's group is found from its hint
  // (see Slots.groupHintOf), which is then brought up to date.
  private verify(item: number, packed: Uint32Array, size: number, kind: number, from: number, n: number): void {
    const p = this.p;
    for (let k = from; k < n; k++) {
      const slot = this.bucket[k];
      if (!this.seen.add(slot)) continue; // looked at already for this text
      const other = p.slots.itemOf(slot);
      if (other === item) continue;
      if (this.matchedRoots.size > 0) {
        const root = p.groups.find(p.slots.groupHintOf(slot));
        p.slots.setGroupHint(slot, root);
        if (this.matchedRoots.has(root)) continue;
      }
      const otherKind = p.slots.kindOf(slot);
      if (kind === PARENT && otherKind === PARENT) continue; // two reposts of one post are not copies
      const j = p.slots.jaccardPacked(packed, slot);
      const copy = kind === BODY && otherKind === BODY ? bodiesMatch(j, size, p.slots.sizeOf(slot), p.rule) : j >= p.rule.repost;
      if (copy) this.found(other, j);
    }
  }

  /**
   * Forgets deleted posts: they stay matchable (a new copy of a deleted post still joins its
   * surviving copies) but never name a group again; a group named by one is renamed after its
   * earliest surviving post here (see `rename` for the name the database chose). A group whose posts
   * are all deleted is named by the next post that joins it.
   */
  forget(ids: Iterable<string>): void {
    const p = this.p;
    const named: number[] = [];
    for (const id of ids) {
      const i = p.index.get(id);
      if (i === undefined || p.gone.has(id)) continue;
      p.gone.add(id);
      if (p.groups.firstOf(i) === i) named.push(i);
    }
    for (const i of named) this.nameByLiving(i);
  }

  /**
   * Names the group of the post `from` (whose first post was deleted) after the post `to`, published
   * at `publishedAt`, as the stored items now are. `to` joins the group, as a member without a
   * signature when this index does not hold it (it was compacted away).
   */
  rename(from: string, to: string, publishedAt: number): void {
    const m = this.addMember(from, to, publishedAt);
    if (m !== undefined) this.p.groups.setFirst(m);
  }

  /**
   * Records that the stored post `id`, published at `publishedAt`, is in the group of the post
   * `of` (as a member without a signature when this index does not hold it): the group then takes
   * its name when it is the earliest. A restart uses it for the first posts of groups that are older
   * than the posts the index is rebuilt from. Returns the member's number (undefined: `of` unknown).
   */
  addMember(of: string, id: string, publishedAt: number): number | undefined {
    const p = this.p;
    const i = p.index.get(of);
    if (i === undefined) return undefined;
    let m = p.index.get(id);
    if (m === undefined) {
      m = p.groups.add(publishedAt);
      p.ids.push(id);
      p.index.set(id, m);
    }
    p.groups.union(i, m);
    return m;
  }

  // Names the item's group after its earliest member that is not deleted (if it has one).
  private nameByLiving(item: number): void {
    const p = this.p;
    let best = -1;
    for (const m of p.groups.members(item)) {
      if (p.gone.has(p.ids[m])) continue;
      const t = p.groups.timeOf(m);
      if (best < 0 || t < p.groups.timeOf(best) || (t === p.groups.timeOf(best) && m < best)) best = m;
    }
    if (best >= 0) p.groups.setFirst(best);
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

  /**
   * Forgets all but the newest `keep` posts (a group whose first post is forgotten keeps its id).
   * Callers bound memory with it: compacting from N to N·2/3 costs about as much as ~N/10 adds.
   */
  compact(keep: number): void {
    this.p = compactParts(this.p, keep);
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
    const p = importIndexState(state);
    const index = new NearDupIndex({ ...p.rule, bands: p.bands, rows: p.rows, normalised: options.normalised });
    index.p = p;
    return index;
  }
}
