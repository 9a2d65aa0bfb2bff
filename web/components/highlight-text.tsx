// Renders text with query matches wrapped in <mark>; everything stays a React text node.
import { Fragment } from "react";
import { splitHighlight } from "../lib/highlight";

/** `text` with each occurrence of `terms` marked. */
export function HighlightText({ text, terms }: { text: string; terms: readonly string[] }) {
  return (
    <>
      {splitHighlight(text, terms).map((part, index) =>
        part.match ? <mark key={index}>{part.text}</mark> : <Fragment key={index}>{part.text}</Fragment>,
      )}
    </>
  );
}
