// What the database keeps of an open event so that a restarted process clusters exactly as the
// one it replaces: centroid terms in order, entities, owned repost groups, the remembered items,
// merge aliases and cannot-links. Snapshots are JSON; they are checked when read back.
import { z } from "zod";
import type { LoadedEvent } from "./event-store";
import type { Member, OpenEvent } from "./open-event";

const weighted = z.array(z.tuple([z.string(), z.number()]));
const id = z.number().int();

const memberSchema = z.object({
  id, at: z.number(), terms: weighted, entities: z.array(z.string()), dupGroup: z.string().nullable(),
});

/** Validates a stored snapshot (format version 1). */
export const eventSnapshotSchema = z.discriminatedUnion("kind", [
  z.object({
    v: z.literal(1), kind: z.literal("open"), id, firstAt: z.number(), lastAt: z.number(), refAt: z.number(), size: z.number().int().nonnegative(),
    complete: z.boolean(), terms: weighted, entities: weighted, groups: weighted, members: z.array(memberSchema),
    aliases: z.array(id), cannotLink: z.array(id),
  }),
  // An event merged into another: only the alias, so that old ids keep pointing at the survivor.
  z.object({ v: z.literal(1), kind: z.literal("merged"), id, mergedInto: id }),
]);

/** One event's clusterer state as stored by the caller (JSON-safe). */
export type EventSnapshot = z.infer<typeof eventSnapshotSchema>;

/** A snapshot of an open event, with its cannot-link partners. */
export function openSnapshot(ev: OpenEvent, cannotLink: readonly number[]): EventSnapshot {
  return {
    v: 1, kind: "open", id: ev.id, firstAt: ev.firstAt, lastAt: ev.lastAt, refAt: ev.refAt, size: ev.size, complete: ev.complete,
    terms: [...ev.terms.values()].map((c): [string, number] => [c.word, c.raw]), entities: [...ev.entities], groups: [...ev.groups],
    members: ev.members.map(storedMember),
    aliases: [...ev.aliases].sort((a, b) => a - b), cannotLink: [...cannotLink],
  };
}

function storedMember(m: Member): z.infer<typeof memberSchema> {
  const terms: [string, number][] = [];
  for (let i = 0; i < m.words.length; i++) terms.push([m.words[i], m.weights[i]]);
  return { id: m.id, at: m.at, terms, entities: [...m.entities], dupGroup: m.dupGroup };
}

/** Reads a stored value back; null when it is not a snapshot this version understands. */
export function parseEventSnapshot(value: unknown): EventSnapshot | null {
  const parsed = eventSnapshotSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The part of an open snapshot that the store loads. */
export function loadedEvent(s: Extract<EventSnapshot, { kind: "open" }>): LoadedEvent {
  return {
    id: s.id, firstAt: s.firstAt, lastAt: s.lastAt, refAt: s.refAt, size: s.size, complete: s.complete, terms: s.terms,
    entities: s.entities, groups: s.groups, members: s.members, aliases: s.aliases,
  };
}
