// Posts too short for shingles to mean anything (a few characters: 加油, 收到, 转发) match only an
// identical text, looked up by hash. One post per text is kept: the others are in its group.
import { z } from "zod";
import { mix32 } from "./minhash";

// A 52-bit key: with 32 bits, a million short posts would collide about a hundred times.
function exactKey(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (mix32(a) & 0x1fffff) * 0x100000000 + mix32(b ^ text.length);
}

const pairs = z.array(z.tuple([z.number(), z.number().int().nonnegative()]));
/** Validates ShortTexts state. */
export const shortTextsSchema = z.object({ bodies: pairs, parents: pairs });
/** Short texts as JSON-safe values. */
export type ShortTextsState = z.infer<typeof shortTextsSchema>;

/** Exact-match lookup for short bodies and short reposted texts. */
export class ShortTexts {
  private readonly bodies: Map<number, number>;
  private readonly parents: Map<number, number>;

  /** Empty, or restored from `toState` output. */
  constructor(state?: ShortTextsState) {
    this.bodies = new Map(state?.bodies);
    this.parents = new Map(state?.parents);
  }

  /** Items an identical short body or a repost of it belongs to; files the item. */
  matchBody(text: string, item: number, found: (other: number) => void): void {
    const key = exactKey(text);
    const same = this.bodies.get(key);
    if (same !== undefined) found(same);
    else this.bodies.set(key, item);
    const repost = this.parents.get(key);
    if (repost !== undefined) found(repost);
  }

  /** The item whose body is this short reposted text; two reposts of one post are not copies. */
  matchParent(text: string, item: number, found: (other: number) => void): void {
    const key = exactKey(text);
    const original = this.bodies.get(key);
    if (original !== undefined) found(original);
    if (!this.parents.has(key)) this.parents.set(key, item);
  }

  /** The lookups as JSON-safe values. */
  toState(): ShortTextsState {
    return { bodies: [...this.bodies], parents: [...this.parents] };
  }
}
