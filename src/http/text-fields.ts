// Free-text request fields: refused with `field.bad_text` when they hold control characters or lone surrogates.
import { z } from "zod";

// C0 and C1 control characters; multi-line text keeps tab, line feed and carriage return. With the `u` flag,
// \p{Cs} matches only a lone surrogate (a pair is one code point), which SQLite would store as U+FFFD.
const CONTROL_OR_LONE_SURROGATE = /[\u0000-\u001f\u007f-\u009f]|\p{Cs}/u;
const CONTROL_IN_TEXT_OR_LONE_SURROGATE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\p{Cs}/u;

/** True when `v` has no lone surrogate and no control character (but tab/newlines when `multiline`). */
export function isCleanText(v: string, multiline = false): boolean {
  return !(multiline ? CONTROL_IN_TEXT_OR_LONE_SURROGATE : CONTROL_OR_LONE_SURROGATE).test(v);
}

/** Free text of at most `max` characters, refused (field code `field.bad_text`) when it is not clean text. */
export const text = (max: number, opts: { multiline?: boolean } = {}) =>
  z.string().max(max).refine((v) => isCleanText(v, opts.multiline), "field.bad_text");

/** Free text trimmed first, then checked like `text` (a pasted value's trailing newline is not refused). */
export const trimmedText = (max: number, opts: { multiline?: boolean } = {}) =>
  z.string().trim().max(max).refine((v) => isCleanText(v, opts.multiline), "field.bad_text");

/** A trimmed, non-empty one-line name. */
export const name = (max: number) => z.string().trim().min(1).max(max).refine((v) => isCleanText(v), "field.bad_text");
