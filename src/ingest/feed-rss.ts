// RSS 0.9x/2.0 (<rss><channel><item>) and RSS 1.0/0.90 (<rdf:RDF> with items beside the channel).
import { makeItem, resolveUrl, MAX_ITEMS, type ParsedFeed, type ParsedItem } from "./feed-item";
import { htmlToText } from "./html-text";
import { child, children, firstText, innerHtml, text } from "./xml-query";
import type { XNode } from "./xml-tree";

// Richest body first: content:encoded carries the full post, description often a teaser.
function bodyHtml(item: XNode): string | null {
  for (const name of ["content:encoded", "description", "dc:description"]) {
    const node = child(item, name);
    const html = innerHtml(node).trim();
    if (html !== "") return html;
  }
  return null;
}

function readItem(item: XNode, base: string | null, rdfAbout: boolean): ParsedItem | null {
  const guidNode = child(item, "guid");
  const guid = rdfAbout ? (item.attrs["rdf:about"] ?? null) : text(guidNode) || null;
  // A guid marked as permalink is the post URL when <link> is missing (RSS 2.0 §guid).
  const permalink = guidNode && guidNode.attrs.isPermaLink !== "false" ? text(guidNode) : null;
  return makeItem({
    guid,
    link: firstText(item, "link") ?? (permalink && /^https?:/i.test(permalink) ? permalink : null),
    base,
    titleHtml: innerHtml(child(item, "title")) || firstText(item, "dc:title"),
    bodyHtml: bodyHtml(item),
    author: firstText(item, "dc:creator", "author"),
    date: firstText(item, "pubDate", "dc:date", "dcterms:modified", "dcterms:created"),
  });
}

function collect(nodes: XNode[], base: string | null, rdfAbout: boolean): ParsedItem[] {
  const items: ParsedItem[] = [];
  for (const node of nodes) {
    if (items.length >= MAX_ITEMS) break;
    const item = readItem(node, base, rdfAbout);
    if (item) items.push(item);
  }
  return items;
}

function feedTitle(channel: XNode | null): string | null {
  const title = htmlToText(innerHtml(child(channel, "title"))).replace(/\n/g, " ");
  return title === "" ? null : title;
}

/** Reads an <rss> document (0.91, 0.92, 2.0); `baseUrl` resolves relative links. */
export function readRss(root: XNode, baseUrl: string | null): ParsedFeed {
  const channel = child(root, "channel");
  // Relative item links are relative to the site, which the channel link names.
  const base = resolveUrl(firstText(channel, "link"), baseUrl) ?? baseUrl;
  // Some generators put items directly under <rss>; accept them rather than lose the feed.
  const nodes = [...children(channel, "item"), ...children(root, "item")];
  return { title: feedTitle(channel), items: collect(nodes, base, false) };
}

/** Reads an <rdf:RDF> document (RSS 1.0 and 0.90). */
export function readRdf(root: XNode, baseUrl: string | null): ParsedFeed {
  const channel = child(root, "channel");
  const base = resolveUrl(firstText(channel, "link"), baseUrl) ?? baseUrl;
  const nodes = [...children(root, "item"), ...children(channel, "item")];
  return { title: feedTitle(channel), items: collect(nodes, base, true) };
}
