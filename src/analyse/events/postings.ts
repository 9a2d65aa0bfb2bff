// An inverted index from words to the open events holding them, so that an item is compared with
// the few events sharing its words instead of with every open event.

/** Word → set of values, with empty lists removed. */
export class Postings<T> {
  private readonly lists = new Map<string, Set<T>>();

  /** Adds `value` under `word`. */
  add(word: string, value: T): void {
    let list = this.lists.get(word);
    if (!list) this.lists.set(word, (list = new Set()));
    list.add(value);
  }

  /** Removes `value` from `word`'s list. */
  remove(word: string, value: T): void {
    const list = this.lists.get(word);
    if (!list) return;
    list.delete(value);
    if (!list.size) this.lists.delete(word);
  }

  /** The values under `word` (undefined when none). */
  get(word: string): ReadonlySet<T> | undefined {
    return this.lists.get(word);
  }

  /** Forgets everything. */
  clear(): void {
    this.lists.clear();
  }
}

/** A value that remembers where it sits in its one list, for O(1) removal. */
export type Positioned = { word: string; pos: number };

/**
 * Word → array of values that each belong to exactly one list (centroid cells). Arrays instead of
 * sets: most words belong to one short-lived event, and an array is the cheapest list to create
 * and to walk.
 */
export class CellPostings<T extends Positioned> {
  private readonly lists = new Map<string, T[]>();

  /** Lists a value under its word. */
  add(value: T): void {
    let list = this.lists.get(value.word);
    if (!list) this.lists.set(value.word, (list = []));
    value.pos = list.length;
    list.push(value);
  }

  /** Unlists a value (the last one takes its place). */
  remove(value: T): void {
    const list = this.lists.get(value.word);
    if (!list || list[value.pos] !== value) return;
    const last = list.pop() as T;
    if (last !== value) {
      list[value.pos] = last;
      last.pos = value.pos;
    }
    value.pos = -1;
    if (!list.length) this.lists.delete(value.word);
  }

  /** The values under a word (undefined when none). */
  get(word: string): readonly T[] | undefined {
    return this.lists.get(word);
  }

  /** Forgets everything. */
  clear(): void {
    this.lists.clear();
  }
}
