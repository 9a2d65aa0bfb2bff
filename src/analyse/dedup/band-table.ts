// LSH buckets in typed arrays. A JavaScript Map of arrays costs ~100 bytes per entry and one Map
// holds at most 2^24 entries, while a million posts with 32 bands make 32 million entries. Here
// each distinct band key takes one open-addressing cell (key + cell, 8 bytes; the table grows by
// half when 80% full, so it stays 53–80% full); most keys have one slot, kept in the cell itself. A key's second slot moves the bucket
// into a linked list of entries (8 bytes each), newest first, so duplicates never lengthen probes.
import { ensure } from "./growable";

const MAX_LOAD = 0.8;

/** A multimap from 32-bit band keys to slot numbers. */
export class BandTable {
  private keys: Int32Array;
  // 0: empty; n > 0: the single slot n - 1; n < 0: a list starting at entry -n - 1.
  private cells: Int32Array;
  private entrySlot = new Int32Array(16);
  private entryNext = new Int32Array(16);
  private entryCount = 0;
  private distinct = 0;

  /** An empty table with room for about `capacity` distinct keys before it grows. */
  constructor(capacity = 1024) {
    const size = Math.max(16, Math.ceil(capacity / MAX_LOAD));
    this.keys = new Int32Array(size);
    this.cells = new Int32Array(size);
  }

  /** Bytes held by the table's arrays, spare capacity included. */
  get bytes(): number {
    return this.keys.byteLength + this.cells.byteLength + this.entrySlot.byteLength + this.entryNext.byteLength;
  }

  /** Number of distinct keys. */
  get distinctKeys(): number {
    return this.distinct;
  }

  /** Adds one slot under `key`; a key may hold many slots. */
  add(key: number, slot: number): void {
    if (this.distinct + 1 > this.keys.length * MAX_LOAD) this.grow();
    const i = this.find(key);
    const cell = this.cells[i];
    if (cell === 0) {
      this.keys[i] = key | 0;
      this.cells[i] = slot + 1;
      this.distinct++;
    } else if (cell > 0) this.cells[i] = -this.push(slot, this.push(cell - 1, -1)) - 1;
    else this.cells[i] = -this.push(slot, -cell - 1) - 1;
  }

  /** Calls `visit` with every slot stored under `key`, newest first; stops when it returns false. */
  forEach(key: number, visit: (slot: number) => boolean | void): void {
    const cell = this.cells[this.find(key)];
    if (cell > 0) visit(cell - 1);
    else if (cell < 0) for (let e = -cell - 1; e !== -1; e = this.entryNext[e]) if (visit(this.entrySlot[e]) === false) return;
  }

  /** Copies up to `out.length` slots stored under `key` into `out`, newest first; returns how many. */
  slotsOf(key: number, out: Int32Array): number {
    const cell = this.cells[this.find(key)];
    if (cell > 0) {
      out[0] = cell - 1;
      return 1;
    }
    let n = 0;
    if (cell < 0) for (let e = -cell - 1; e !== -1 && n < out.length; e = this.entryNext[e]) out[n++] = this.entrySlot[e];
    return n;
  }

  /** Calls `visit` with every entry; each key's slots come in insertion order. Allocates nothing per entry. */
  forEachEntry(visit: (key: number, slot: number) => void): void {
    let chain = new Int32Array(16); // one key's slots, grown as needed
    for (let i = 0; i < this.cells.length; i++) {
      const cell = this.cells[i];
      if (cell > 0) visit(this.keys[i], cell - 1);
      else if (cell < 0) {
        let n = 0;
        for (let e = -cell - 1; e !== -1; e = this.entryNext[e]) {
          if (n === chain.length) chain = ensure(chain, n + 1, Int32Array);
          chain[n++] = this.entrySlot[e];
        }
        for (let k = n - 1; k >= 0; k--) visit(this.keys[i], chain[k]);
      }
    }
  }

  /** Every entry as alternating key, slot numbers, in `forEachEntry` order (for persisting). */
  entries(): Int32Array {
    let singles = 0;
    for (let i = 0; i < this.cells.length; i++) if (this.cells[i] > 0) singles++;
    const out = new Int32Array((singles + this.entryCount) * 2);
    let w = 0;
    this.forEachEntry((key, slot) => {
      out[w++] = key;
      out[w++] = slot;
    });
    return out;
  }

  private push(slot: number, next: number): number {
    const e = this.entryCount++;
    this.entrySlot = ensure(this.entrySlot, this.entryCount, Int32Array);
    this.entryNext = ensure(this.entryNext, this.entryCount, Int32Array);
    this.entrySlot[e] = slot;
    this.entryNext[e] = next;
    return e;
  }

  // The key's cell, or the empty cell where it belongs. Keys are mixed hashes, so scaling one to the
  // table size picks a uniform home cell for any size (not only powers of two).
  private find(key: number): number {
    key |= 0; // stored keys are int32; compare like with like
    const size = this.keys.length;
    let i = Math.floor(((key >>> 0) * size) / 0x100000000);
    while (this.cells[i] !== 0 && this.keys[i] !== key) i = i + 1 === size ? 0 : i + 1;
    return i;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldCells = this.cells;
    this.keys = new Int32Array(Math.ceil(oldKeys.length * 1.5));
    this.cells = new Int32Array(this.keys.length);
    for (let i = 0; i < oldCells.length; i++)
      if (oldCells[i] !== 0) {
        const j = this.find(oldKeys[i]);
        this.keys[j] = oldKeys[i];
        this.cells[j] = oldCells[i];
      }
  }
}
