// How much of a long text sentiment reads: its head and tail (normalisation itself is the shared
// ../normalise.ts, so sentiment and keywords read the same text and share its segmentation).
import { normaliseText } from "../normalise";
import { isHighSurrogate, isLowSurrogate } from "../segment";

/** Longest input sentiment reads (its head and tail): a 1 MB post must not cost more than a long article. */
export const SENTIMENT_MAX_CHARS = 6_000;
const HEAD_CHARS = 5_000;
const TAIL_CHARS = 1_000;

/** Cuts text to the head and tail we analyse, never splitting a surrogate pair. */
export function capLength(text: string): string {
  if (text.length <= SENTIMENT_MAX_CHARS) return text;
  let head = HEAD_CHARS;
  if (isHighSurrogate(text.charCodeAt(head - 1))) head -= 1;
  let tail = text.length - TAIL_CHARS;
  if (isLowSurrogate(text.charCodeAt(tail))) tail += 1;
  return `${text.slice(0, head)} ${text.slice(tail)}`;
}

/** Raw text as sentiment reads it: capped (before normalising, so a 1 MB post costs little), normalised, capped. */
export function normaliseForSentiment(text: string): string {
  return capLength(normaliseText(capLength(text)));
}
