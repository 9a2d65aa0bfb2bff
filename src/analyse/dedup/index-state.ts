// The index's parts and their JSON form, so the server can persist the index and load it at start
// instead of re-reading every post. Typed arrays travel as base64; the LSH table as its entries.
import { z } from "zod";
import { BandTable } from "./band-table";
import { Groups } from "./groups";
import { fromBase64, toBase64 } from "./growable";
import type { MatchRule } from "./similarity";
import { ShortTexts, shortTextsSchema } from "./short-texts";
import { Slots } from "./slots";

/** Everything a NearDupIndex holds. */
export type IndexParts = {
  rule: MatchRule;
  bands: number;
  rows: number;
  ids: string[];
  index: Map<string, number>;
  groups: Groups;
  slots: Slots;
  table: BandTable;
  short: ShortTexts;
  /** Ids of posts deleted since they were added: they still match, but never name a group. */
  gone: Set<string>;
};

/** Whether a slot's owner is in `item`'s group (BandTable's SameGroup over these parts). */
export function sameGroupOf(p: Pick<IndexParts, "groups" | "slots">, slot: number, item: number): boolean {
  return p.groups.find(p.slots.groupHintOf(slot)) === p.groups.find(item);
}

const base64 = z.string();
const stateSchema = z.object({
  version: z.literal(1),
  rule: z.object({
    shingle: z.number().int().positive(),
    jaccard: z.number(),
    containment: z.number(),
    minRatio: z.number(),
    repost: z.number(),
    minShingles: z.number().int().nonnegative(),
  }),
  bands: z.number().int().positive(),
  rows: z.number().int().positive(),
  ids: z.array(z.string()),
  groups: z.object({ count: z.number().int(), parent: base64, next: base64, first: base64, rank: base64, time: base64 }),
  slots: z.object({ count: z.number().int(), item: base64, kind: base64, size: base64, sigs: base64 }),
  // The LSH entries by slot: how many band keys each slot filed, then the keys in slot order.
  table: z.object({ counts: base64, keys: base64 }),
  short: shortTextsSchema,
  gone: z.array(z.string()).optional(),
});

/** A NearDupIndex as a JSON-serialisable value. */
export type IndexState = z.infer<typeof stateSchema>;

// Counting sort of (key, slot) pairs by slot; a slot files at most one key per band (≤ 128).
function bySlot(entries: Int32Array, slots: number): { counts: Uint8Array; keys: Int32Array } {
  const counts = new Uint8Array(slots);
  for (let i = 1; i < entries.length; i += 2) counts[entries[i]]++;
  const start = new Int32Array(slots + 1);
  for (let s = 0; s < slots; s++) start[s + 1] = start[s] + counts[s];
  const keys = new Int32Array(entries.length / 2);
  for (let i = 0; i < entries.length; i += 2) keys[start[entries[i + 1]]++] = entries[i];
  return { counts, keys };
}

/** The parts as JSON-safe values. */
export function exportIndexState(p: IndexParts): IndexState {
  const { counts, keys } = bySlot(p.table.entries(), p.slots.count);
  return {
    version: 1,
    rule: { ...p.rule },
    bands: p.bands,
    rows: p.rows,
    ids: [...p.ids],
    groups: p.groups.toState(),
    slots: p.slots.toState(),
    table: { counts: toBase64(counts, counts.length), keys: toBase64(keys, keys.length) },
    short: p.short.toState(),
    gone: [...p.gone],
  };
}

/** Parts rebuilt from an exported state; throws when it is not one. */
export function importIndexState(value: unknown): IndexParts {
  const parsed = stateSchema.safeParse(value);
  if (!parsed.success) throw new Error("dedup: not a near-duplicate index state", { cause: parsed.error });
  const s = parsed.data;
  if (s.groups.count !== s.ids.length) throw new Error("dedup: index state has mismatched item counts");
  const counts = fromBase64(s.table.counts, Uint8Array);
  const keys = fromBase64(s.table.keys, Int32Array);
  if (counts.length !== s.slots.count) throw new Error("dedup: index state has mismatched slot counts");
  // Re-filing in slot order rebuilds every bucket in its original newest-first order.
  const parts = { groups: Groups.fromState(s.groups), slots: Slots.fromState(s.slots) };
  const same = (slot: number, item: number) => sameGroupOf(parts, slot, item);
  const table = new BandTable(keys.length);
  for (let slot = 0, k = 0; slot < counts.length; slot++) {
    for (let n = 0; n < counts[slot]; n++) table.add(keys[k++], slot, parts.slots.itemOf(slot), same);
  }
  return {
    rule: s.rule,
    bands: s.bands,
    rows: s.rows,
    ids: s.ids,
    index: new Map(s.ids.map((id, i) => [id, i])),
    ...parts,
    table,
    short: new ShortTexts(s.short),
    gone: new Set(s.gone ?? []),
  };
}
