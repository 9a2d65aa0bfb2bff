// Signatures kept for verifying LSH candidates. A slot is one matchable text of an item: its body,
// or the text it reposts (its parent). Stored: the low 8 bits of each of the 128 MinHash values
// (b-bit MinHash: two different minima agree by chance 1 time in 256, which the estimate corrects
// for; on the development set this scores the same as 16 bits), the distinct-shingle count (to
// estimate containment from Jaccard) and the owner: 135 bytes per slot.
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
  private item = new Int32Array(16);
  private kind = new Uint8Array(16);
  private sizes = new Uint16Array(16);
  private sig: Uint8Array = new Uint8Array(16 * PERMUTATIONS);
  // The same bytes four to a word, for comparing four signature values at once.
  private words: Uint32Array = new Uint32Array(this.sig.buffer, 0, this.sig.length >>> 2);
  private n = 0;

  /** Number of slots. */
  get count(): number {
    return this.n;
  }

  /** Bytes held by the arrays, spare capacity included. */
  get bytes(): number {
    return this.item.byteLength + this.kind.byteLength + this.sizes.byteLength + this.sig.byteLength;
  }

  /** Stores a signature and returns its slot number. */
  add(item: number, kind: number, size: number, signature: Uint16Array): number {
    const s = this.n++;
    this.item = ensure(this.item, this.n, Int32Array);
    this.kind = ensure(this.kind, this.n, Uint8Array);
    this.sizes = ensure(this.sizes, this.n, Uint16Array);
    const grown = ensure(this.sig, this.n * PERMUTATIONS, Uint8Array);
    if (grown !== this.sig) this.setSig(grown);
    this.item[s] = item;
    this.kind[s] = kind;
    this.sizes[s] = Math.min(size, 0xffff);
    const base = s * PERMUTATIONS;
    for (let i = 0; i < PERMUTATIONS; i++) this.sig[base + i] = signature[i] & 0xff;
    return s;
  }

  /** Appends a copy of another table's slot, owned by `item` here. */
  copySlot(from: Slots, slot: number, item: number): number {
    const s = this.n++;
    this.item = ensure(this.item, this.n, Int32Array);
    this.kind = ensure(this.kind, this.n, Uint8Array);
    this.sizes = ensure(this.sizes, this.n, Uint16Array);
    const grown = ensure(this.sig, this.n * PERMUTATIONS, Uint8Array);
    if (grown !== this.sig) this.setSig(grown);
    this.item[s] = item;
    this.kind[s] = from.kind[slot];
    this.sizes[s] = from.sizes[slot];
    this.sig.set(from.sig.subarray(slot * PERMUTATIONS, (slot + 1) * PERMUTATIONS), s * PERMUTATIONS);
    return s;
  }

  /** The item owning the slot. */
  itemOf(slot: number): number {
    return this.item[slot];
  }

  /** BODY or PARENT. */
  kindOf(slot: number): number {
    return this.kind[slot];
  }

  /** Distinct shingles of the slot's text. */
  sizeOf(slot: number): number {
    return this.sizes[slot];
  }

  private setSig(sig: Uint8Array): void {
    this.sig = sig;
    this.words = new Uint32Array(sig.buffer, sig.byteOffset, sig.length >>> 2);
  }

  /** A signature's stored form (its values' low bytes) packed four to a word, for `jaccardPacked`. */
  static pack(signature: Uint16Array): Uint32Array {
    const bytes = new Uint8Array(PERMUTATIONS);
    for (let i = 0; i < PERMUTATIONS; i++) bytes[i] = signature[i] & 0xff;
    return new Uint32Array(bytes.buffer);
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
    return {
      count: n,
      item: toBase64(this.item, n),
      kind: toBase64(this.kind, n),
      size: toBase64(this.sizes, n),
      sigs: toBase64(this.sig, n * PERMUTATIONS),
    };
  }

  /** Slots restored from `toState` output. */
  static fromState(state: SlotsState): Slots {
    const s = new Slots();
    s.n = state.count;
    s.item = fromBase64(state.item, Int32Array);
    s.kind = fromBase64(state.kind, Uint8Array);
    s.sizes = fromBase64(state.size, Uint16Array);
    s.setSig(fromBase64(state.sigs, Uint8Array));
    return s;
  }
}
