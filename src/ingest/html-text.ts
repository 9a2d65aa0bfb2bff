// Feed bodies are HTML of unknown quality; monitoring needs their words, not their markup.
import { Parser } from "htmlparser2";

// Content a reader never sees; keeping it would put code and tracking junk into search.
const HIDDEN = new Set(["script", "style", "noscript", "iframe", "template", "svg", "math", "object", "select"]);

const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "fieldset",
  "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
  "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tr", "ul", "title", "caption",
]);

const CELL = new Set(["td", "th"]);

// Tags in the input mean HTML (source newlines are spaces); none means plain text (keep them).
const LOOKS_LIKE_MARKUP = /<[a-zA-Z!/?]/;

/** Collapses runs of spaces inside each line, trims lines and drops empty ones. */
export function tidyLines(text: string): string {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    const tidy = line.replace(/\s+/g, " ").trim();
    if (tidy !== "") out.push(tidy);
  }
  return out.join("\n");
}

/** Reduces HTML (or plain text) to readable plain text: no hidden content, blocks on their own lines, entities decoded. */
export function htmlToText(html: string): string {
  if (html === "") return "";
  const markup = LOOKS_LIKE_MARKUP.test(html);
  if (!markup && !html.includes("&")) return tidyLines(html.replace(/\r\n?/g, "\n"));
  const parts: string[] = [];
  let hidden = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (HIDDEN.has(name)) hidden++;
        else if (BLOCK.has(name)) parts.push("\n");
        else if (CELL.has(name)) parts.push(" ");
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
        else if (BLOCK.has(name) && name !== "br") parts.push("\n");
      },
      ontext(text) {
        if (hidden === 0) parts.push(markup ? text.replace(/\s+/g, " ") : text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.end(html);
  return tidyLines(parts.join("").replace(/\r\n?/g, "\n"));
}
