// What a repost group looks like over time: who posted first, which sources carried it and how
// copies spread hour by hour. Pure: the caller passes the members with their source and time.
import { HOUR_MS } from "../bursts";

/** One member of a group as the summary needs it (publishedAt in epoch milliseconds). */
export type GroupMember = { id: string; source: string; publishedAt: number };

/** Copies per source in one clock hour (hourStart in epoch milliseconds, UTC-aligned). */
export type SpreadHour = { hourStart: number; total: number; bySource: Record<string, number> };

/** A group's first poster, size, sources and hourly spread. */
export type GroupSummary = {
  first: GroupMember | null;
  size: number;
  sources: { source: string; copies: number; firstAt: number }[];
  timeline: SpreadHour[];
};

/** Summarises a repost group; the first poster is the earliest publication (ties: lowest id). */
export function summariseGroup(members: readonly GroupMember[]): GroupSummary {
  const valid = members.filter((m) => Number.isFinite(m.publishedAt));
  const ordered = [...valid].sort((a, b) => a.publishedAt - b.publishedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const sources = new Map<string, { source: string; copies: number; firstAt: number }>();
  const hours = new Map<number, SpreadHour>();
  for (const m of ordered) {
    const s = sources.get(m.source) ?? { source: m.source, copies: 0, firstAt: m.publishedAt };
    s.copies++;
    sources.set(m.source, s);
    const hourStart = Math.floor(m.publishedAt / HOUR_MS) * HOUR_MS;
    const h = hours.get(hourStart) ?? { hourStart, total: 0, bySource: {} };
    h.total++;
    h.bySource[m.source] = (h.bySource[m.source] ?? 0) + 1;
    hours.set(hourStart, h);
  }
  return {
    first: ordered[0] ?? null,
    size: members.length,
    // Sources in the order they picked the story up: the spread path.
    sources: [...sources.values()].sort((a, b) => a.firstAt - b.firstAt || b.copies - a.copies),
    timeline: [...hours.values()].sort((a, b) => a.hourStart - b.hourStart),
  };
}
