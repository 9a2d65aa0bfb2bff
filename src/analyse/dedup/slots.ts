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
  private sig = new Uint8Array(16 * PERMUTATIONS);
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
    this.sig = ensure(this.sig, this.n * PERMUTATIONS, Uint8Array);
    this.item[s] = item;
    this.kind[s] = kind;
    this.sizes[s] = Math.min(size, 0xffff);
    const base = s * PERMUTATIONS;
    for (let i = 0; i < PERMUTATIONS; i++) this.sig[base + i] = signature[i] & 0xff;
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
    s.sig = fromBase64(state.sigs, Uint8Array);
    return s;
  }
}
