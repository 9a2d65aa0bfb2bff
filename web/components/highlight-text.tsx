// Renders text with query matches and server spans wrapped in <mark>; everything stays a React text node.
import { Fragment } from "react";
import { splitHighlight, termSpans } from "../lib/highlight";
import { excerptAround, splitSpans, type Range } from "../lib/spans";

/** Props of HighlightText: search `terms` to find, and/or `spans` (UTF-16 offsets) the server matched. */
export interface HighlightTextProps {
  text: string;
  terms?: readonly string[];
  spans?: readonly Range[];
}

/** `text` with each occurrence of `terms` and each of `spans` marked. */
export function HighlightText({ text, terms = [], spans }: HighlightTextProps) {
  const parts = spans?.length ? splitSpans(text, [...termSpans(text, terms), ...spans]) : splitHighlight(text, terms);
  return (
    <>
      {parts.map((part, index) =>
        part.match ? <mark key={index}>{part.text}</mark> : <Fragment key={index}>{part.text}</Fragment>,
      )}
    </>
  );
}

/** A short excerpt of a long `text` around its first span, marked, with ellipses where it was cut. */
export function HighlightExcerpt({ text, spans, radius }: { text: string; spans: readonly Range[]; radius?: number }) {
  const excerpt = excerptAround(text, spans, radius);
  return (
    <>
      {excerpt.cutStart && "…"}
      <HighlightText text={excerpt.text} spans={excerpt.spans} />
      {excerpt.cutEnd && "…"}
    </>
  );
}
