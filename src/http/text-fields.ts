// Free-text request fields: refused with `field.bad_text` when they hold control characters or lone surrogates.
import { z } from "zod";

import { isCleanText } from "../shared/clean-text";

export { isCleanText };

/** Free text of at most `max` characters, refused (field code `field.bad_text`) when it is not clean text. */
export const text = (max: number, opts: { multiline?: boolean } = {}) =>
  z.string().max(max).refine((v) => isCleanText(v, opts.multiline), "field.bad_text");

/** Free text trimmed first, then checked like `text` (a pasted value's trailing newline is not refused). */
export const trimmedText = (max: number, opts: { multiline?: boolean } = {}) =>
  z.string().trim().max(max).refine((v) => isCleanText(v, opts.multiline), "field.bad_text");

/** A trimmed, non-empty one-line name. */
export const name = (max: number) => z.string().trim().min(1).max(max).refine((v) => isCleanText(v), "field.bad_text");
