// A small Aho–Corasick automaton over UTF-16 code units: one pass over a text reports which of
// many patterns occur in it (used to skip watches none of whose required terms appear).

/** Finds which patterns occur in a text, in one scan. */
export class AhoCorasick {
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  private readonly out: number[][] = [[]];

  /** Builds the automaton; pattern i is reported as i. Empty patterns are ignored. */
  constructor(patterns: readonly string[]) {
    patterns.forEach((p, id) => {
      if (!p) return;
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        let t = this.next[s].get(c);
        if (t === undefined) {
          t = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.out.push([]);
          this.next[s].set(c, t);
        }
        s = t;
      }
      this.out[s].push(id);
    });
    const queue: number[] = [];
    for (const t of this.next[0].values()) queue.push(t);
    for (let h = 0; h < queue.length; h++) {
      const s = queue[h];
      for (const [c, t] of this.next[s]) {
        queue.push(t);
        let f = this.fail[s];
        while (f !== 0 && !this.next[f].has(c)) f = this.fail[f];
        const g = this.next[f].get(c);
        this.fail[t] = g !== undefined && g !== t ? g : 0;
        if (this.out[this.fail[t]].length) this.out[t] = this.out[t].concat(this.out[this.fail[t]]);
      }
    }
  }

  /** Marks in `seen` (indexed by pattern id) every pattern occurring in `text`. */
  scan(text: string, seen: Uint8Array): void {
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let t = this.next[s].get(c);
      while (t === undefined && s !== 0) {
        s = this.fail[s];
        t = this.next[s].get(c);
      }
      s = t ?? 0;
      const o = this.out[s];
      for (let k = 0; k < o.length; k++) seen[o[k]] = 1;
    }
  }
}
