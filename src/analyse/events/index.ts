// Event clustering (舆情事件): the public surface of src/analyse/events.
export { EventClusterer, DEFAULT_MAX_OPEN_EVENTS, DEFAULT_THRESHOLD, DEFAULT_WINDOW_MS } from "./clusterer";
export type { Assignment, ClustererOptions, EventItem } from "./types";
export { parseEventSnapshot, type EventSnapshot } from "./snapshot";
export { requiredScore, type Evidence } from "./scoring";
export { eventTitle, MAX_TITLE_CHARS } from "./event-title";
export { summariseEvent, type EventSummary } from "./summarise-event";
export { placeNames } from "./place-names";
