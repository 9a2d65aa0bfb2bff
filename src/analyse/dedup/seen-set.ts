// A small set of int32 values for one pass of work (the candidate slots of one text, the shingle
// hashes of one key), emptied by moving to the next tick instead of by clearing: it stays in the
// CPU cache, where a mark per slot cost a cache miss per candidate and sorting cost four times as much.

/** An open-addressing set of int32 values, emptied in O(1) by `clear`. */
export class SeenSet {
  private readonly values: Int32Array;
  private readonly ticks: Int32Array;
  private readonly shift: number;
  private tick = 1;
  /** Number of cells: keep a pass to at most half as many values. */
  readonly size: number;

  /** A set of 2^bits cells. */
  constructor(bits: number) {
    this.size = 1 << bits;
    this.shift = 32 - bits;
    this.values = new Int32Array(this.size);
    this.ticks = new Int32Array(this.size);
  }

  /** Empties the set. */
  clear(): void {
    if (++this.tick === 0x7fffffff) {
      this.ticks.fill(0);
      this.tick = 1;
    }
  }

  /** Adds `value`; whether it was not in the set yet. */
  add(value: number): boolean {
    const mask = this.size - 1;
    let h = Math.imul(value, 0x9e3779b1) >>> this.shift;
    while (this.ticks[h] === this.tick) {
      if (this.values[h] === value) return false;
      h = (h + 1) & mask;
    }
    this.ticks[h] = this.tick;
    this.values[h] = value;
    return true;
  }
}
