// Aho–Corasick over UTF-16 code units: finds every occurrence of many patterns in one pass. The
// alphabet is large (Chinese) and sparse, so the root keeps a direct 64K table (most transitions
// leave the root) and deeper transitions live in one open-addressing hash table keyed by
// (state, unit). Units that occur in no pattern reset the scan without a lookup, which is most
// characters of most posts.

const EMPTY = -1;

/**
 * Receives the matches of a scan: an object rather than a callback, so that a caller need not make
 * a closure per text (see docs/ARCHITECTURE.md, "No closures made per call on hot paths").
 */
export interface MatchSink {
  /** Pattern `pattern` ends at offset `end` (exclusive). */
  hit(pattern: number, end: number): void;
}

/** A multi-pattern matcher built once over distinct, non-empty patterns. */
export class AhoCorasick {
  private readonly rootNext = new Int32Array(0x10000); // 0 = stay at the root
  private readonly used = new Uint8Array(0x10000);
  private keyState: Int32Array;
  private keyUnit: Uint16Array;
  private value: Int32Array;
  private mask: number;
  private readonly fail: Int32Array;
  private readonly out: Int32Array; // pattern ending at a state, or -1
  private readonly dict: Int32Array; // nearest state on the fail chain with an output, or 0

  /** Builds the automaton; pattern i is reported as i. */
  constructor(patterns: readonly string[]) {
    const units = patterns.reduce((n, p) => n + p.length, 0);
    let capacity = 16;
    while (capacity < units * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.keyState = new Int32Array(capacity).fill(EMPTY);
    this.keyUnit = new Uint16Array(capacity);
    this.value = new Int32Array(capacity);
    const out: number[] = [-1];
    const children: number[][] = [[]];
    const edgeUnit: number[] = [0];
    patterns.forEach((pattern, id) => {
      if (pattern === "") throw new Error("aho-corasick: empty pattern");
      let s = 0;
      for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charCodeAt(i);
        this.used[c] = 1;
        let t = this.step(s, c);
        if (t === 0) {
          t = out.length;
          out.push(-1);
          children.push([]);
          edgeUnit.push(c);
          children[s].push(t);
          if (s === 0) this.rootNext[c] = t;
          else this.put(s, c, t);
        }
        s = t;
      }
      if (out[s] >= 0) throw new Error("aho-corasick: duplicate pattern");
      out[s] = id;
    });
    this.out = Int32Array.from(out);
    this.fail = new Int32Array(out.length);
    this.dict = new Int32Array(out.length);
    const queue = [...children[0]];
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q];
      for (const t of children[s]) {
        const c = edgeUnit[t];
        let f = this.fail[s];
        while (f !== 0 && this.step(f, c) === 0) f = this.fail[f];
        const g = s === 0 ? 0 : this.step(f, c);
        this.fail[t] = g;
        this.dict[t] = this.out[g] >= 0 ? g : this.dict[g];
        queue.push(t);
      }
    }
  }

  private slot(s: number, c: number): number {
    let h = Math.imul(s, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b);
    h ^= h >>> 15;
    return h & this.mask;
  }

  private put(s: number, c: number, t: number): void {
    let h = this.slot(s, c);
    while (this.keyState[h] !== EMPTY) h = (h + 1) & this.mask;
    this.keyState[h] = s;
    this.keyUnit[h] = c;
    this.value[h] = t;
  }

  /** The goto transition from `s` on unit `c`, or 0 when there is none. */
  private step(s: number, c: number): number {
    if (s === 0) return this.rootNext[c];
    for (let h = this.slot(s, c); this.keyState[h] !== EMPTY; h = (h + 1) & this.mask)
      if (this.keyState[h] === s && this.keyUnit[h] === c) return this.value[h];
    return 0;
  }

  /** Calls `sink.hit(pattern, end)` for every occurrence (end exclusive), in order of `end`. */
  scan(text: string, sink: MatchSink): void {
    const { used, fail, out, dict } = this;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (used[c] === 0) {
        s = 0;
        continue;
      }
      let t = this.step(s, c);
      while (t === 0 && s !== 0) {
        s = fail[s];
        t = this.step(s, c);
      }
      s = t;
      for (let o = out[s] >= 0 ? s : dict[s]; o !== 0; o = dict[o]) sink.hit(out[o], i + 1);
    }
  }
}
