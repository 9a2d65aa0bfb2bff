// Exact-duplicate key for items that reach us under different URLs (reposts, mirrors).
import { createHash } from "node:crypto";

function collapse(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** sha256 hex of title and text with whitespace collapsed, so reflowed copies hash alike. */
export function contentHash(title: string, text: string): string {
  // The newline cannot occur in a collapsed title, so ("ab","c") and ("a","bc") differ.
  return createHash("sha256").update(collapse(title)).update("\n").update(collapse(text)).digest("hex");
}
