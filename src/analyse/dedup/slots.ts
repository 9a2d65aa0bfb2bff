// Signatures kept for verifying LSH candidates. A slot is one matchable text of an item: its body,
// or the text it reposts (its parent). Stored: the low 8 bits of each of the 128 MinHash values
// (b-bit MinHash: two different minima agree by chance 1 time in 256, which the estimate corrects
// for; on the development set this scores the same as 16 bits), the distinct-shingle count (to
// estimate containment from Jaccard), the owner, and a member of the owner's group that was its
// root when last looked at: 144 bytes per slot. The owner, kind, count and group hint share one
// 16-byte entry, so a candidate's checks read one place besides its signature.
import { PERMUTATIONS } from "./minhash";
import { ensure, fromBase64, toBase64 } from "./growable";

const CHANCE = 1 / 256;

/** Slots as JSON-safe strings. */
export type SlotsState = { count: number; item: string; kind: string; size: string; sigs: string };

/** Which text of an item a slot holds. */
export const BODY = 0;
/** A slot holding the text an item reposts. */
export const PARENT = 1;

/** Flat storage of slot signatures. */
export class Slots {
  // Four words per slot: the owner, size << 8 | kind, the group hint, and one spare (alignment).
  private meta: Int32Array;
  private sig: Uint8Array;
  // The same bytes four to a word, for comparing four signature values at once.
  private words: Uint32Array;
  private n = 0;

  /** Empty slots with room for `capacity` before the arrays grow. */
  constructor(capacity = 16) {
    this.meta = new Int32Array(Math.max(16, capacity) * 4);
    this.sig = new Uint8Array(Math.max(16, capacity) * PERMUTATIONS);
    this.words = new Uint32Array(this.sig.buffer, 0, this.sig.length >>> 2);
  }

  /** Number of slots. */
  get count(): number {
    return this.n;
  }

  /** Bytes held by the arrays, spare capacity included. */
  get bytes(): number {
    return this.meta.byteLength + this.sig.byteLength;
  }

  /** Stores a signature in its stored form (`lowBytes`) and returns its slot number. */
  add(item: number, kind: number, size: number, low: Uint8Array): number {
    const s = this.grow();
    this.setMeta(s, item, kind, size);
    this.sig.set(low.subarray(0, PERMUTATIONS), s * PERMUTATIONS);
    return s;
  }

  /** A signature's stored form: the low byte of each value (into `out` when given). */
  static lowBytes(signature: Uint16Array, out = new Uint8Array(PERMUTATIONS)): Uint8Array {
    for (let i = 0; i < PERMUTATIONS; i++) out[i] = signature[i] & 0xff;
    return out;
  }

  /** Appends a copy of another table's slot, owned by `item` here. */
  copySlot(from: Slots, slot: number, item: number): number {
    const s = this.grow();
    this.setMeta(s, item, from.kindOf(slot), from.sizeOf(slot));
    this.sig.set(from.sig.subarray(slot * PERMUTATIONS, (slot + 1) * PERMUTATIONS), s * PERMUTATIONS);
    return s;
  }

  // Makes room for one more slot and returns its number.
  private grow(): number {
    const s = this.n++;
    this.meta = ensure(this.meta, this.n * 4, Int32Array);
    const grown = ensure(this.sig, this.n * PERMUTATIONS, Uint8Array);
    if (grown !== this.sig) this.setSig(grown);
    return s;
  }

  private setMeta(slot: number, item: number, kind: number, size: number): void {
    this.meta[slot * 4] = item;
    this.meta[slot * 4 + 1] = (Math.min(size, 0xffff) << 8) | kind;
    this.meta[slot * 4 + 2] = item;
  }

  /** The item owning the slot. */
  itemOf(slot: number): number {
    return this.meta[slot * 4];
  }

  /**
   * A member of the owner's group (the owner itself, or the group's root when last looked at):
   * groups only ever merge, so finding its root finds the owner's, usually from a root still in cache.
   */
  groupHintOf(slot: number): number {
    return this.meta[slot * 4 + 2];
  }

  /** Records the owner's current group root as the slot's hint. */
  setGroupHint(slot: number, root: number): void {
    this.meta[slot * 4 + 2] = root;
  }

  /** BODY or PARENT. */
  kindOf(slot: number): number {
    return this.meta[slot * 4 + 1] & 0xff;
  }

  /** Distinct shingles of the slot's text. */
  sizeOf(slot: number): number {
    return this.meta[slot * 4 + 1] >>> 8;
  }

  private setSig(sig: Uint8Array): void {
    this.sig = sig;
    this.words = new Uint32Array(sig.buffer, sig.byteOffset, sig.length >>> 2);
  }

  /** A stored form (`lowBytes`) four values to a word, for `jaccardPacked`: a view when it is aligned. */
  static pack(low: Uint8Array): Uint32Array {
    const aligned = low.byteOffset % 4 === 0 ? low : low.slice(0, PERMUTATIONS);
    return new Uint32Array(aligned.buffer, aligned.byteOffset, PERMUTATIONS >>> 2);
  }

  /** `jaccard` of a packed signature: counts equal bytes four at a time (the hot loop of matching). */
  jaccardPacked(packed: Uint32Array, slot: number): number {
    const words = this.words;
    const base = slot * (PERMUTATIONS >>> 2);
    let same = 0;
    for (let i = 0; i < PERMUTATIONS >>> 2; i++) {
      const x = words[base + i] ^ packed[i];
      // High bit of each byte of t is set unless that byte of x is 0; ~t keeps only the equal bytes.
      const t = ((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x | 0x7f7f7f7f;
      same += Math.imul(~t >>> 7, 0x01010101) >>> 24;
    }
    return Math.max(0, (same / PERMUTATIONS - CHANCE) / (1 - CHANCE));
  }

  /** Estimated Jaccard similarity of a full signature and a stored slot. */
  jaccard(signature: Uint16Array, slot: number): number {
    const sig = this.sig;
    const base = slot * PERMUTATIONS;
    let same = 0;
    for (let i = 0; i < PERMUTATIONS; i++) if (sig[base + i] === (signature[i] & 0xff)) same++;
    return Math.max(0, (same / PERMUTATIONS - CHANCE) / (1 - CHANCE));
  }

  /** The slots as JSON-safe strings. */
  toState(): SlotsState {
    const n = this.n;
    const item = new Int32Array(n);
    const kind = new Uint8Array(n);
    const size = new Uint16Array(n);
    for (let s = 0; s < n; s++) [item[s], kind[s], size[s]] = [this.itemOf(s), this.kindOf(s), this.sizeOf(s)];
    return { count: n, item: toBase64(item, n), kind: toBase64(kind, n), size: toBase64(size, n), sigs: toBase64(this.sig, n * PERMUTATIONS) };
  }

  /** Slots restored from `toState` output. */
  static fromState(state: SlotsState): Slots {
    const s = new Slots();
    const item = fromBase64(state.item, Int32Array);
    const kind = fromBase64(state.kind, Uint8Array);
    const size = fromBase64(state.size, Uint16Array);
    if (Math.min(item.length, kind.length, size.length) < state.count) throw new Error("dedup: index state has too few slots");
    s.n = state.count;
    s.meta = new Int32Array(Math.max(64, s.n * 4));
    for (let i = 0; i < s.n; i++) s.setMeta(i, item[i], kind[i], size[i]);
    s.setSig(fromBase64(state.sigs, Uint8Array));
    return s;
  }
}
