// Atom 1.0 (and 0.3, whose namespace folds to the same prefix). The prefix is "atom:" when
// the document declares the namespace, "" for the sloppy feeds that forget it.
import { escapePlain, makeItem, resolveUrl, MAX_ITEMS, type ParsedFeed, type ParsedItem } from "./feed-item";
import { htmlToText } from "./html-text";
import { child, children, firstText, innerHtml, text } from "./xml-query";
import type { XNode } from "./xml-tree";

type Prefix = "atom:" | "";

/** An Atom text construct as HTML source (type text | html | xhtml). */
function constructHtml(node: XNode | null): { html: string | null; plain: string | null } {
  if (!node || node.attrs.src) return { html: null, plain: null }; // out-of-line content lives elsewhere
  const type = (node.attrs.type ?? "text").toLowerCase();
  if (type === "xhtml" || type === "application/xhtml+xml") return { html: innerHtml(node, true), plain: null };
  if (type === "html" || type === "text/html") return { html: innerHtml(node), plain: null };
  if (type === "text" || type.startsWith("text/")) return { html: null, plain: text(node) };
  return { html: null, plain: null }; // base64 media types are not text
}

function asHtml(c: { html: string | null; plain: string | null }): string | null {
  return c.html ?? (c.plain === null ? null : escapePlain(c.plain));
}

function isEmpty(c: { html: string | null; plain: string | null }): boolean {
  return !(c.html?.trim() || c.plain?.trim());
}

// Prefer rel=alternate (the default rel) and, among those, an HTML page.
function alternateLink(entry: XNode, p: Prefix): string | null {
  const links = children(entry, `${p}link`).filter((l) => (l.attrs.rel ?? "alternate") === "alternate" && l.attrs.href);
  const html = links.find((l) => !l.attrs.type || /html/i.test(l.attrs.type));
  return (html ?? links[0])?.attrs.href ?? null;
}

function readEntry(entry: XNode, p: Prefix, feedBase: string | null): ParsedItem | null {
  const base = resolveUrl(entry.attrs["xml:base"], feedBase) ?? feedBase;
  const content = constructHtml(child(entry, `${p}content`));
  const body = isEmpty(content) ? constructHtml(child(entry, `${p}summary`)) : content;
  const title = constructHtml(child(entry, `${p}title`));
  const author = child(entry, `${p}author`);
  return makeItem({
    guid: firstText(entry, `${p}id`),
    link: alternateLink(entry, p),
    base,
    titleHtml: asHtml(title),
    bodyHtml: body.html,
    bodyPlain: body.plain,
    author: firstText(author, `${p}name`) ?? firstText(entry, "dc:creator"),
    date: firstText(entry, `${p}published`, `${p}issued`, `${p}updated`, `${p}modified`, "dc:date"),
  });
}

/** Reads an Atom <feed>; `baseUrl` (the document URL) resolves relative links. */
export function readAtom(root: XNode, baseUrl: string | null): ParsedFeed {
  const p: Prefix = root.name === "atom:feed" ? "atom:" : "";
  const base = resolveUrl(root.attrs["xml:base"], baseUrl) ?? baseUrl;
  const items: ParsedItem[] = [];
  for (const entry of children(root, `${p}entry`)) {
    if (items.length >= MAX_ITEMS) break;
    const item = readEntry(entry, p, base);
    if (item) items.push(item);
  }
  const title = constructHtml(child(root, `${p}title`));
  const feedTitle = htmlToText(asHtml(title) ?? "").replace(/\n/g, " ");
  return { title: feedTitle === "" ? null : feedTitle, items };
}
