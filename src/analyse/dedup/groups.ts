// Union-find over item numbers. Each group also keeps its members in a circular list (so listing
// them does not scan every item) and, at its root, the member that names it: the earliest by
// publication time, then by insertion. Items without a time sort after those with one.
import { ensure, fromBase64, toBase64 } from "./growable";

/** Groups as JSON-safe strings. */
export type GroupsState = { count: number; parent: string; next: string; first: string; rank: string; time: string };

/** Disjoint groups of items numbered 0, 1, 2 … in insertion order. */
export class Groups {
  private parent = new Int32Array(16);
  private next = new Int32Array(16);
  private first = new Int32Array(16);
  private rank = new Uint8Array(16);
  private time = new Float64Array(16);
  private n = 0;

  /** Number of items. */
  get count(): number {
    return this.n;
  }

  /** Bytes held per item by the arrays (17 bytes each, before spare capacity). */
  get bytes(): number {
    return this.parent.byteLength * 3 + this.rank.byteLength + this.time.byteLength;
  }

  /** Adds an item in a group of its own and returns its number. */
  add(publishedAt: number | undefined): number {
    const i = this.n++;
    this.parent = ensure(this.parent, this.n, Int32Array);
    this.next = ensure(this.next, this.n, Int32Array);
    this.first = ensure(this.first, this.n, Int32Array);
    this.rank = ensure(this.rank, this.n, Uint8Array);
    this.time = ensure(this.time, this.n, Float64Array);
    this.parent[i] = i;
    this.next[i] = i;
    this.first[i] = i;
    this.time[i] = publishedAt ?? Number.POSITIVE_INFINITY;
    return i;
  }

  /** The item's publication time (+Infinity when unknown). */
  timeOf(i: number): number {
    return this.time[i];
  }

  /** The root of the item's group. */
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }

  /** Merges the groups of `a` and `b`. */
  union(a: number, b: number): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if (this.rank[ra] < this.rank[rb]) [ra, rb] = [rb, ra];
    if (this.rank[ra] === this.rank[rb]) this.rank[ra]++;
    this.parent[rb] = ra;
    [this.next[ra], this.next[rb]] = [this.next[rb], this.next[ra]]; // splices the two circles
    const fa = this.first[ra];
    const fb = this.first[rb];
    this.first[ra] = this.time[fb] < this.time[fa] || (this.time[fb] === this.time[fa] && fb < fa) ? fb : fa;
  }

  /** The member that names the item's group. */
  firstOf(i: number): number {
    return this.first[this.find(i)];
  }

  /** Makes `member` the one that names its group (when the group's first post is deleted). */
  setFirst(member: number): void {
    this.first[this.find(member)] = member;
  }

  /** Every member of the item's group, in list order. */
  members(i: number): number[] {
    const out = [i];
    for (let j = this.next[i]; j !== i; j = this.next[j]) out.push(j);
    return out;
  }

  /** The groups as JSON-safe strings. */
  toState(): GroupsState {
    const n = this.n;
    return {
      count: n,
      parent: toBase64(this.parent, n),
      next: toBase64(this.next, n),
      first: toBase64(this.first, n),
      rank: toBase64(this.rank, n),
      time: toBase64(this.time, n),
    };
  }

  /** Groups restored from `toState` output. */
  static fromState(state: GroupsState): Groups {
    const g = new Groups();
    g.n = state.count;
    g.parent = fromBase64(state.parent, Int32Array);
    g.next = fromBase64(state.next, Int32Array);
    g.first = fromBase64(state.first, Int32Array);
    g.rank = fromBase64(state.rank, Uint8Array);
    g.time = fromBase64(state.time, Float64Array);
    return g;
  }
}
