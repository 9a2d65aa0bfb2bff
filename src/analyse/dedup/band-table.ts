// LSH buckets in typed arrays. A JavaScript Map of arrays costs ~100 bytes per entry and one Map
// holds at most 2^24 entries, while a million posts with 32 bands make 32 million entries. Here
// each distinct band key takes one open-addressing cell (key + cell, 8 bytes; the table grows by
// half when 80% full, so it stays 53–80% full); most keys have one slot, kept in the cell itself.
// A key's second slot moves the bucket into a block of a shared pool: a header word, the bucket's
// kin word (below), then the slots in insertion order, with room for 2, 4, 8 … slots (a full block
// moves to one twice its size and the old one is reused by the next bucket of that size). One
// bucket's slots are contiguous, so reading a bucket touches a few cache lines rather than one per
// slot as a linked list would.
//
// The kin word tells how many of the bucket's newest slots (up to KIN_RUN_MAX) were, as they were
// filed, in the near-duplicate group of the newest one: slot × 64 + run (read back with >>> 6, so
// slots up to 2^26). Groups only merge, so those slots stay in one group and need no reading once
// that group is known to match (the buckets of a viral post fill up with its copies).
import { ensure } from "./growable";

const MAX_LOAD = 0.8;
// A block's header word: slot count × 32 + log2(capacity). Free blocks chain through the word after the header.
const CLASS_BITS = 5;
const CLASS_MASK = (1 << CLASS_BITS) - 1;

const KIN_RUN_MAX = 63;

/** Whether a filed slot is in the same near-duplicate group as an item. */
export type SameGroup = (slot: number, item: number) => boolean;

// Whether a filed slot is in the group of the item being filed (not known: no).
const inGroup = (same: SameGroup | undefined, filed: number, item: number) => same !== undefined && item >= 0 && same(filed, item);

/** A multimap from 32-bit band keys to slot numbers. */
export class BandTable {
  // Cells as pairs of words, so that a probe reads one place: the key, then 0 (empty), n > 0 (the
  // single slot n - 1) or n < 0 (the block at pool offset -n - 1).
  private cells: Int32Array;
  private pool = new Int32Array(64);
  private poolUsed = 0;
  // Per capacity class, the offset of a freed block + 1 (0: none).
  private readonly free = new Int32Array(1 << CLASS_BITS);
  private distinct = 0;
  /** After `slotsOf`: the bucket's newest slot, and how many of the newest slots are in its group (the kin word). */
  lastKin = -1;
  lastKinRun = 0;
  // What `touch` read, kept so that its reads are not dropped as unused.
  private touched = 0;

  /** An empty table with room for about `capacity` distinct keys before it grows. */
  constructor(capacity = 1024) {
    const size = Math.max(16, Math.ceil(capacity / MAX_LOAD));
    this.cells = new Int32Array(size * 2);
  }

  /** Bytes held by the table's arrays, spare capacity included. */
  get bytes(): number {
    return this.cells.byteLength + this.pool.byteLength;
  }

  /** Number of distinct keys. */
  get distinctKeys(): number {
    return this.distinct;
  }

  /**
   * Adds one slot under `key`; a key may hold many slots. `item` is the slot's owner and `same`
   * tells whether a filed slot is in its group (without them the bucket counts as mixed).
   */
  add(key: number, slot: number, item = -1, same?: SameGroup): void {
    if (this.distinct + 1 > (this.cells.length >>> 1) * MAX_LOAD) this.grow();
    const i = this.find(key);
    const cell = this.cells[i + 1];
    if (cell === 0) {
      this.cells[i] = key | 0;
      this.cells[i + 1] = slot + 1;
      this.distinct++;
      return;
    }
    if (cell > 0) {
      const block = this.allocate(1);
      this.pool[block] = (2 << CLASS_BITS) | 1;
      this.pool[block + 1] = slot * 64 + (inGroup(same, cell - 1, item) ? 2 : 1);
      this.pool[block + 2] = cell - 1;
      this.pool[block + 3] = slot;
      this.cells[i + 1] = -block - 1;
      return;
    }
    let block = -cell - 1;
    const header = this.pool[block];
    const count = header >>> CLASS_BITS;
    const cls = header & CLASS_MASK;
    if (count === 1 << cls) {
      const bigger = this.allocate(cls + 1);
      this.pool.copyWithin(bigger + 1, block + 1, block + 2 + count);
      this.release(block, cls);
      block = bigger;
      this.cells[i + 1] = -block - 1;
    }
    this.pool[block] = ((count + 1) << CLASS_BITS) | (count === 1 << cls ? cls + 1 : cls);
    const kin = this.pool[block + 1];
    const run = inGroup(same, kin >>> 6, item) ? Math.min((kin & 63) + 1, KIN_RUN_MAX) : 1;
    this.pool[block + 1] = slot * 64 + run;
    this.pool[block + 2 + count] = slot;
  }

  /** Calls `visit` with every slot stored under `key`, newest first; stops when it returns false. */
  forEach(key: number, visit: (slot: number) => boolean | void): void {
    const cell = this.cells[this.find(key) + 1];
    if (cell > 0) visit(cell - 1);
    else if (cell < 0) {
      const block = -cell - 1;
      for (let k = this.pool[block] >>> CLASS_BITS; k >= 1; k--) if (visit(this.pool[block + 1 + k]) === false) return;
    }
  }

  /**
   * Reads the home cells of these keys, then the blocks they point to, before `slotsOf` reads them
   * one by one: the reads here do not wait for one another, so their cache misses overlap.
   */
  touch(keys: Int32Array): void {
    const cells = this.cells;
    let sum = 0;
    for (let b = 0; b < keys.length; b++) sum += cells[this.home(keys[b]) + 1];
    for (let b = 0; b < keys.length; b++) {
      const cell = cells[this.home(keys[b]) + 1];
      if (cell < 0) sum += this.pool[-cell]; // the block's kin word, beside its header
    }
    this.touched = sum;
  }

  /** Copies up to `out.length` slots stored under `key` into `out`, newest first; returns how many. */
  slotsOf(key: number, out: Int32Array): number {
    const cell = this.cells[this.find(key) + 1];
    if (cell > 0) {
      out[0] = this.lastKin = cell - 1;
      this.lastKinRun = 1;
      return 1;
    }
    if (cell === 0) {
      this.lastKin = -1;
      this.lastKinRun = 0;
      return 0;
    }
    const block = -cell - 1;
    const count = this.pool[block] >>> CLASS_BITS;
    const kin = this.pool[block + 1];
    this.lastKin = kin >>> 6;
    this.lastKinRun = kin & 63;
    const n = Math.min(count, out.length);
    for (let k = 0; k < n; k++) out[k] = this.pool[block + 1 + count - k];
    return n;
  }

  /**
   * A table of this one's slots numbered `first` or above, renumbered from 0 (what compaction
   * keeps), built bucket by bucket: each bucket's kept slots are copied as one block, and its kin
   * run carries over, capped at the slots kept (groups only merge, so slots that were in one group
   * still are). Filing the kept slots one at a time, with a group test each, made compaction 1.8 times as slow.
   */
  keepFrom(first: number): BandTable {
    let keys = 0;
    for (let i = 1; i < this.cells.length; i += 2) {
      const cell = this.cells[i];
      if (cell > 0 ? cell - 1 >= first : cell < 0 && this.newestOf(-cell - 1) >= first) keys++;
    }
    const out = new BandTable(keys);
    let kept = new Int32Array(64);
    for (let i = 0; i < this.cells.length; i += 2) {
      const cell = this.cells[i + 1];
      if (cell > 0) {
        if (cell - 1 >= first) {
          kept[0] = cell - 1 - first;
          out.putBucket(this.cells[i], kept, 1, 1);
        }
        continue;
      }
      if (cell === 0) continue;
      const block = -cell - 1;
      const count = this.pool[block] >>> CLASS_BITS;
      if (count > kept.length) kept = new Int32Array(count);
      let n = 0;
      for (let k = 2; k < 2 + count; k++) if (this.pool[block + k] >= first) kept[n++] = this.pool[block + k] - first;
      if (n === 0) continue;
      const kin = this.pool[block + 1];
      // The kin run counts back from the bucket's newest slot; it holds while that slot is kept.
      const run = (kin >>> 6) === this.newestOf(block) && kept[n - 1] === (kin >>> 6) - first ? Math.min(kin & 63, n) : 1;
      out.putBucket(this.cells[i], kept, n, run);
    }
    return out;
  }

  // The newest slot of a block.
  private newestOf(block: number): number {
    return this.pool[block + 1 + (this.pool[block] >>> CLASS_BITS)];
  }

  // Files a bucket of a key not in the table: its n slots in filing order and its kin run.
  private putBucket(key: number, slots: Int32Array, n: number, run: number): void {
    if (this.distinct + 1 > (this.cells.length >>> 1) * MAX_LOAD) this.grow();
    const i = this.find(key);
    this.cells[i] = key | 0;
    this.distinct++;
    if (n === 1) {
      this.cells[i + 1] = slots[0] + 1;
      return;
    }
    const cls = Math.max(1, Math.ceil(Math.log2(n)));
    const block = this.allocate(cls);
    this.pool[block] = (n << CLASS_BITS) | cls;
    this.pool[block + 1] = slots[n - 1] * 64 + run;
    this.pool.set(slots.subarray(0, n), block + 2);
    this.cells[i + 1] = -block - 1;
  }

  /** Calls `visit` with every entry; each key's slots come in insertion order. Allocates nothing. */
  forEachEntry(visit: (key: number, slot: number) => void): void {
    for (let i = 0; i < this.cells.length; i += 2) {
      const cell = this.cells[i + 1];
      if (cell > 0) visit(this.cells[i], cell - 1);
      else if (cell < 0) {
        const block = -cell - 1;
        const count = this.pool[block] >>> CLASS_BITS;
        for (let k = 1; k <= count; k++) visit(this.cells[i], this.pool[block + 1 + k]);
      }
    }
  }

  /** Every entry as alternating key, slot numbers, in `forEachEntry` order (for persisting). */
  entries(): Int32Array {
    let total = 0;
    for (let i = 1; i < this.cells.length; i += 2) {
      const cell = this.cells[i];
      total += cell > 0 ? 1 : cell < 0 ? this.pool[-cell - 1] >>> CLASS_BITS : 0;
    }
    const out = new Int32Array(total * 2);
    let w = 0;
    this.forEachEntry((key, slot) => {
      out[w++] = key;
      out[w++] = slot;
    });
    return out;
  }

  // A block with room for 2^cls slots: a freed one of that size, else new space at the pool's end.
  private allocate(cls: number): number {
    const freed = this.free[cls];
    if (freed !== 0) {
      this.free[cls] = this.pool[freed]; // freed - 1 is the block; its first slot word links the next
      return freed - 1;
    }
    const block = this.poolUsed;
    this.poolUsed += 2 + (1 << cls);
    this.pool = ensure(this.pool, this.poolUsed, Int32Array);
    return block;
  }

  private release(block: number, cls: number): void {
    this.pool[block + 1] = this.free[cls];
    this.free[cls] = block + 1;
  }

  // Where the key's cell is (the offset of its key word), or the empty cell where it belongs. Keys
  // are mixed hashes, so scaling one to the table size picks a uniform home cell for any size (not
  // only powers of two).
  private find(key: number): number {
    key |= 0; // stored keys are int32; compare like with like
    const size = this.cells.length >>> 1;
    let i = this.home(key);
    while (this.cells[i + 1] !== 0 && this.cells[i] !== key) i = i + 2 === size * 2 ? 0 : i + 2;
    return i;
  }

  // The offset of the key's home cell.
  private home(key: number): number {
    return Math.floor(((key >>> 0) * (this.cells.length >>> 1)) / 0x100000000) * 2;
  }

  private grow(): void {
    const old = this.cells;
    this.cells = new Int32Array(Math.ceil((old.length >>> 1) * 1.5) * 2);
    for (let i = 0; i < old.length; i += 2)
      if (old[i + 1] !== 0) {
        const j = this.find(old[i]);
        this.cells[j] = old[i];
        this.cells[j + 1] = old[i + 1];
      }
  }
}
