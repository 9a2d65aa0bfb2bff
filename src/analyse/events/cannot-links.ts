// Pairs of events an analyst split apart. The clusterer never merges events on its own; the pairs
// are kept (through merges and restarts) so that nothing built on top, such as merge suggestions,
// can glue an analyst's split back together.

/** Symmetric "keep apart" relation between event ids. */
export class CannotLinks {
  private readonly pairs = new Map<number, Set<number>>();

  /** Records that `a` and `b` must stay apart. */
  link(a: number, b: number): void {
    if (a === b) return;
    this.side(a).add(b);
    this.side(b).add(a);
  }

  /** Whether `a` and `b` were split apart. */
  apart(a: number, b: number): boolean {
    return this.pairs.get(a)?.has(b) ?? false;
  }

  /** Events kept apart from `id`, ascending. */
  partners(id: number): number[] {
    return [...(this.pairs.get(id) ?? [])].sort((x, y) => x - y);
  }

  /** After `from` was merged into `into`: `into` inherits `from`'s partners; an explicit merge ends their own pair. */
  merged(into: number, from: number): void {
    for (const p of this.partners(from)) {
      this.pairs.get(p)?.delete(from);
      if (p !== into) this.link(into, p);
    }
    this.pairs.get(into)?.delete(from);
    this.pairs.delete(from);
  }

  /** Forgets every pair. */
  clear(): void {
    this.pairs.clear();
  }

  private side(id: number): Set<number> {
    let s = this.pairs.get(id);
    if (!s) this.pairs.set(id, (s = new Set()));
    return s;
  }
}
