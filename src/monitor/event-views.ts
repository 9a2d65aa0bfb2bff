// What the event list and an event's page show, read from the store (run on a read thread).
import type { Db } from "../db/connection";
import type { EventsTable } from "../db/schema";
import { RISK_LEVELS, type EventDetailView, type EventSummaryView, type RiskLevel, type SentimentLabel } from "../shared/analysis-api";
import { eventMembers, eventSources, eventVolume, getEvent, listEvents } from "../store/events";
import { burstEnd } from "../analyse/bursts";
import { eventBurst } from "./refresh-events";
import { iso } from "../shared/iso";


function parse<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

function summary(db: Db, e: EventsTable, now: number): EventSummaryView {
  const keywords = parse<{ word: string }[]>(e.keywords, []);
  const b = eventBurst(db, e.id, now);
  const suggested = e.risk_level as RiskLevel;
  return {
    id: e.id, title: e.title || keywords.slice(0, 3).map((k) => k.word).join("·") || `#${e.id}`,
    firstAt: iso(e.first_at), lastAt: iso(e.last_at), size: e.size,
    sentimentMix: { neg: e.neg, neu: e.neu, pos: e.pos }, topKeywords: keywords.slice(0, 5).map((k) => k.word),
    risk: {
      level: (e.risk_override as RiskLevel | null) ?? suggested, suggested, overridden: e.risk_override !== null,
      score: e.risk_score, reasons: parse<string[]>(e.risk_reasons, []),
    },
    burst: { flag: b.flag, lastHour: b.lastHour, baseline: b.baseline, ratio: b.ratio, z: b.z, reasons: b.reasons },
  };
}

/** A page of the event list, most recently active first, as the API shows it. */
export function eventListView(
  db: Db, f: { limit: number; offset: number; risk?: (typeof RISK_LEVELS)[number]; q?: string }, now: number,
): { events: EventSummaryView[]; total: number } {
  const { rows, total } = listEvents(db, f);
  return { events: rows.map((e) => summary(db, e, now)), total };
}

/** One event's page (null when it does not exist or was merged away). */
export function eventDetailView(db: Db, id: number, now: number): EventDetailView | null {
  const e = getEvent(db, id);
  if (!e || e.merged_into) return null;
  const members = eventMembers(db, id, 1000);
  return {
    ...summary(db, e, now),
    sources: eventSources(db, id),
    // On the burst's hour edges at the same moment, so the badge's figures are the chart's points.
    volume: eventVolume(db, id, burstEnd(now)).map((v) => ({ hour: iso(v.hour), count: v.count })),
    keywords: parse<{ word: string; weight: number }[]>(e.keywords, []),
    items: members.map((m) => ({
      id: m.id, title: m.title, sourceName: m.source_name, publishedAt: iso(m.t),
      sentiment: (m.sentiment as SentimentLabel | null) ?? null, dupGroup: m.dup_group, url: m.url,
    })),
  };
}
