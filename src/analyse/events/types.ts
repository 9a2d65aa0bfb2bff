// What the event clusterer takes and gives back.

/** One analysed item as the clusterer needs it (publishedAt in epoch ms). */
export type EventItem = {
  id: number;
  publishedAt: number;
  title: string;
  keywords: readonly { word: string; weight: number }[];
  /** Places and organisations named in the item, most telling first; events anchor on the fine ones (anchors.ts). */
  entities: readonly string[];
  /** Near-duplicate group id: copies of one post share it. */
  dupGroup: string | null;
  sentiment: "neg" | "neu" | "pos";
};

/** Where an item went: `created` when it opened a new event; `score` is the match score (1 for a repost). */
export type Assignment = { eventId: number; created: boolean; score: number };

/** Clusterer settings. */
export type ClustererOptions = {
  /** An event takes new items while its last item is at most this old (ms); default 72 h. */
  windowMs?: number;
  /** Least score for an item to join an event; default DEFAULT_THRESHOLD. */
  threshold?: number;
  /** Most events held open; the least recently active are closed first; default DEFAULT_MAX_OPEN_EVENTS. */
  maxOpenEvents?: number;
  /** Allocates new event ids (so they can be database ids); default a counter from 1. */
  nextId?: () => number;
};
