// Keeps the near-duplicate index to a bounded size: drops the oldest posts, so that memory stays
// flat however long the server runs (about 0.8 kB per post in typed arrays, plus its id).
import { Groups } from "./groups";
import type { IndexParts } from "./index-state";
import { ShortTexts } from "./short-texts";
import { Slots } from "./slots";

/**
 * The parts with only the newest `keep` posts matchable. A kept group whose first post is dropped
 * keeps that post as a "ghost" (its id and time, no signature), so the group keeps its id and later
 * copies still join it under that id. Buckets keep their newest-first order.
 */
export function compactParts(p: IndexParts, keep: number): IndexParts {
  const n = p.ids.length;
  const cut = n - keep;
  if (keep < 0 || cut <= 0) return p;
  const renumber = new Int32Array(n).fill(-1);
  const ghosts: number[] = [];
  for (let i = cut; i < n; i++) {
    const first = p.groups.firstOf(i);
    if (first < cut && renumber[first] === -1) {
      renumber[first] = -2; // marked; numbered below, in their original order
      ghosts.push(first);
    }
  }
  ghosts.sort((a, b) => a - b);
  const kept = [...ghosts];
  for (let i = cut; i < n; i++) kept.push(i);
  const groups = new Groups();
  const ids: string[] = [];
  for (const old of kept) {
    renumber[old] = groups.add(p.groups.timeOf(old));
    ids.push(p.ids[old]);
  }
  // Rejoin the kept members of each old group (the ghost, being the earliest, stays its first).
  const rep = new Map<number, number>();
  for (const old of kept) {
    const root = p.groups.find(old);
    const other = rep.get(root);
    if (other === undefined) rep.set(root, renumber[old]);
    else groups.union(other, renumber[old]);
  }
  // Slots are filed in item order, so the kept posts' slots are the last ones.
  let firstSlot = p.slots.count;
  while (firstSlot > 0 && p.slots.itemOf(firstSlot - 1) >= cut) firstSlot--;
  const slots = new Slots(p.slots.count - firstSlot);
  for (let s = firstSlot; s < p.slots.count; s++) slots.copySlot(p.slots, s, renumber[p.slots.itemOf(s)]);
  // Built from the old table in place: a copy of a table of millions of entries would add tens of MB to the peak.
  const table = p.table.keepFrom(firstSlot);
  const short = p.short.toState();
  const keepPairs = (pairs: [number, number][]): [number, number][] =>
    pairs.filter(([, item]) => renumber[item] >= 0).map(([key, item]) => [key, renumber[item]]);
  const index = new Map(ids.map((id, i) => [id, i]));
  return {
    ...p, ids, index, groups, slots, table,
    short: new ShortTexts({ bodies: keepPairs(short.bodies), parents: keepPairs(short.parents) }),
    gone: new Set([...p.gone].filter((id) => index.has(id))),
  };
}
