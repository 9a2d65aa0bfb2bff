// Burst figures of watches and events (突增): the hourly series from the store on the shared hour
// grid (burstEnd), judged only over the hours the watch or event has been observed.
import type { Db } from "../db/connection";
import { burstEnd, detectBurst, HOUR_MS, type Burst } from "../analyse/bursts";
import { eventFirstAt, eventHourlyCounts } from "../store/events";
import { watchHourlyCounts, watchObservedSince } from "../store/watches";

/** Hours of history a burst is judged against (8 days: the previous 12 hours and 7 same-hours). */
export const BURST_HOURS = 24 * 8;

/** Fewest items in the last hour for a burst flag unless configured (TINGFENG_BURST_MIN_ITEMS). */
export const DEFAULT_BURST_MIN_ITEMS = 5;

// Set once at start-up from the configuration (configureBursts); every reader of bursts (routes,
// event refresh from the worker, item and source routes) shares it without passing it around.
let minItems = DEFAULT_BURST_MIN_ITEMS;

/** Sets the least volume in the last hour for a burst flag (from TINGFENG_BURST_MIN_ITEMS). */
export function configureBursts(options: { minItems: number }): void {
  minItems = Number.isFinite(options.minItems) && options.minItems >= 1 ? Math.floor(options.minItems) : DEFAULT_BURST_MIN_ITEMS;
}

/** Whole hours observed before the last hour of a series ending at `end`. */
function observedHours(since: number | null, end: number): number {
  return since === null ? 0 : Math.max(0, Math.floor((end - HOUR_MS - since) / HOUR_MS));
}

/** A watch's burst figures for the hour before `end` (on the burstEnd grid), from its match counts. */
export function watchBurstAt(db: Db, watchId: number, end: number): Burst {
  const history = observedHours(watchObservedSince(db, watchId), end);
  return detectBurst({ hourly: watchHourlyCounts(db, watchId, end, BURST_HOURS), history }, { minCount: minItems });
}

/** An event's burst figures for the hour before `end` (on the burstEnd grid), from its members' times. */
export function eventBurstAt(db: Db, id: number, end: number): Burst {
  const history = observedHours(eventFirstAt(db, id), end);
  return detectBurst({ hourly: eventHourlyCounts(db, id, end, BURST_HOURS), history }, { minCount: minItems });
}

/** A watch's burst figures at `now`: the last hour is the one an event chart drawn at `now` ends with. */
export function watchBurst(db: Db, watchId: number, now: number): Burst {
  return watchBurstAt(db, watchId, burstEnd(now));
}

/** An event's burst figures at `now`, on the hour edges of its volume chart at `now` (eventVolume). */
export function eventBurst(db: Db, id: number, now: number): Burst {
  return eventBurstAt(db, id, burstEnd(now));
}
