// A min-heap of open events by last activity, so that closing expired events and enforcing
// maxOpenEvents costs a logarithm per event instead of a scan of all open events.
import type { OpenEvent } from "./open-event";

/** A heap entry. `key` is the event's last time when pushed: a lower bound, since times only grow between pushes. */
export type HeapEntry = { ev: OpenEvent; key: number; id: number; ver: number };

function less(a: HeapEntry, b: HeapEntry): boolean {
  return a.key < b.key || (a.key === b.key && a.id < b.id);
}

/** Binary min-heap ordered by (key, id); entries whose version is stale are skipped lazily. */
export class ExpiryHeap {
  private items: HeapEntry[] = [];

  /** Pushes a fresh entry for `ev` and makes its older entries stale. */
  push(ev: OpenEvent): void {
    ev.heapVer++;
    const a = this.items;
    a.push({ ev, key: ev.lastAt, id: ev.id, ver: ev.heapVer });
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!less(a[i], a[p])) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }

  /** The smallest entry still current, or undefined. */
  top(): HeapEntry | undefined {
    while (this.items.length) {
      const t = this.items[0];
      if (t.ev.live && t.ver === t.ev.heapVer) return t;
      this.pop();
    }
    return undefined;
  }

  /** Removes the smallest entry. */
  pop(): void {
    const a = this.items;
    const last = a.pop();
    if (!a.length || !last) return;
    a[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < a.length && less(a[l], a[m])) m = l;
      if (r < a.length && less(a[r], a[m])) m = r;
      if (m === i) break;
      [a[i], a[m]] = [a[m], a[i]];
      i = m;
    }
  }

  /** Forgets everything. */
  clear(): void {
    this.items = [];
  }
}
