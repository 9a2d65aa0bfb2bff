// The figures an event page shows: title, time span, sources, sentiment mix, keywords and the
// hourly volume curve. Pure: the caller passes the member items.
import { HOUR_MS } from "../bursts";
import { eventTitle } from "./event-title";
import { byWeight, itemVector } from "./term-vector";
import type { EventItem } from "./types";

/** Keywords listed in a summary. */
export const SUMMARY_KEYWORDS = 10;
/** Beyond this many hours between first and last item, the curve lists only hours with items. */
export const MAX_VOLUME_HOURS = 24 * 92;

/** An event's summary; times in epoch ms, null for an empty event. */
export type EventSummary = {
  title: string;
  firstAt: number | null;
  lastAt: number | null;
  size: number;
  sources: { name: string; count: number }[];
  sentimentMix: { neg: number; neu: number; pos: number };
  /** Summed unit keyword weights of the items, relative to the top word (1). */
  topKeywords: { word: string; weight: number }[];
  /** Items per hour from the first item's hour to the last's, empty hours included. */
  volume: { hour: number; count: number }[];
};

function volumeCurve(times: readonly number[], hourMs: number): { hour: number; count: number }[] {
  const counts = new Map<number, number>();
  for (const t of times) {
    const hour = Math.floor(t / hourMs) * hourMs;
    counts.set(hour, (counts.get(hour) ?? 0) + 1);
  }
  const hours = [...counts.keys()].sort((a, b) => a - b);
  if (!hours.length) return [];
  const first = hours[0];
  const last = hours[hours.length - 1];
  // A stray timestamp years off would otherwise make a curve of millions of empty hours.
  if ((last - first) / hourMs > MAX_VOLUME_HOURS) return hours.map((hour) => ({ hour, count: counts.get(hour) ?? 0 }));
  const out: { hour: number; count: number }[] = [];
  for (let hour = first; hour <= last; hour += hourMs) out.push({ hour, count: counts.get(hour) ?? 0 });
  return out;
}

/** Summarises an event's items; `hourMs` sets the volume buckets (default one hour, epoch-aligned). */
export function summariseEvent(items: readonly (EventItem & { source: string })[], hourMs = HOUR_MS): EventSummary {
  if (!(hourMs > 0)) throw new RangeError("events: hourMs must be positive");
  const times = items.map((it) => it.publishedAt).filter(Number.isFinite);
  const sources = new Map<string, number>();
  const mix = { neg: 0, neu: 0, pos: 0 };
  const weights = new Map<string, number>();
  const groupSize = new Map<string, number>();
  for (const it of items) {
    sources.set(it.source, (sources.get(it.source) ?? 0) + 1);
    if (it.sentiment in mix) mix[it.sentiment]++;
    for (const [word, w] of itemVector(it.keywords)) weights.set(word, (weights.get(word) ?? 0) + w);
    if (it.dupGroup) groupSize.set(it.dupGroup, (groupSize.get(it.dupGroup) ?? 0) + 1);
  }
  const top = [...weights].sort(byWeight).slice(0, SUMMARY_KEYWORDS);
  const max = top[0]?.[1] ?? 1;
  const topKeywords = top.map(([word, w]) => ({ word, weight: Math.round((w / max) * 1000) / 1000 }));
  const title = eventTitle(
    items.map((it) => ({ title: it.title, publishedAt: it.publishedAt, dupGroupSize: it.dupGroup ? groupSize.get(it.dupGroup) : 1 })),
    topKeywords.map((k) => k.word),
  );
  return {
    title,
    firstAt: times.length ? times.reduce((a, b) => Math.min(a, b)) : null,
    lastAt: times.length ? times.reduce((a, b) => Math.max(a, b)) : null,
    size: items.length,
    sources: [...sources].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    sentimentMix: mix,
    topKeywords,
    volume: volumeCurve(times, hourMs),
  };
}
