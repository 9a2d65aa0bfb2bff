// Entry point from fetched bytes to items: decode, recognise the format, read it, or say
// precisely why the body is not a feed.
import { decodeFeedBody } from "./decode-body";
import { findAlternateFeedLinks } from "./discover-feed";
import { FeedError } from "./errors";
import { readAtom } from "./feed-atom";
import type { ParsedFeed } from "./feed-item";
import { readJsonFeed } from "./feed-json";
import { readRdf, readRss } from "./feed-rss";
import { sniffBinary } from "./sniff";
import { parseXml } from "./xml-tree";

export type { ParsedFeed, ParsedItem } from "./feed-item";

// Characters XML 1.0 forbids; Chinese CMS output is full of stray \x08 and \x1b.
const ILLEGAL_XML_CHARS = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;
const LEADING_JUNK = /^(?:\s|<!--[\s\S]*?-->)*/;

function notAFeedFromHtml(source: string, baseUrl: string | null): FeedError {
  const links = findAlternateFeedLinks(source, baseUrl);
  const hint = links.length > 0
    ? ` The page advertises a feed at ${links.slice(0, 3).join(", ")}; use that URL instead.`
    : " Find the site's RSS/Atom link (often an RSS icon or /feed, /rss.xml) and use that URL instead.";
  return new FeedError("feed.not_a_feed", `The URL returned an HTML web page, not a feed.${hint}`);
}

function readXmlFeed(source: string, baseUrl: string | null): ParsedFeed {
  const root = parseXml(source);
  switch (root.name) {
    case "rss":
      return readRss(root, baseUrl);
    case "rdf:RDF":
      return readRdf(root, baseUrl);
    case "feed":
    case "atom:feed":
      return readAtom(root, baseUrl);
    case "html":
      throw notAFeedFromHtml(source, baseUrl);
    default:
      throw new FeedError(
        "feed.not_a_feed",
        `The response is XML but not a feed: its root element is <${root.name}>, expected <rss>, <feed> or <rdf:RDF>. Check that the URL points at the feed itself.`,
      );
  }
}

/**
 * Parses an RSS 0.9x/1.0/2.0, Atom or JSON Feed body. `contentType` is the HTTP header (for
 * its charset); `baseUrl`, the URL the body came from, resolves relative links. Throws
 * FeedError with code feed.empty, feed.not_a_feed or feed.malformed.
 */
export function parseFeed(body: Buffer, contentType: string | null, baseUrl: string | null = null): ParsedFeed {
  if (body.length === 0) throw new FeedError("feed.empty", "The server returned an empty response; the feed may be temporarily unavailable.");
  const binary = sniffBinary(body);
  if (binary) throw new FeedError("feed.not_a_feed", `The URL returned ${binary}, not a feed. Check that the URL is the feed address.`);
  const decoded = decodeFeedBody(body, contentType).replace(ILLEGAL_XML_CHARS, "");
  const start = decoded.replace(LEADING_JUNK, "");
  if (start === "") throw new FeedError("feed.empty", "The server returned only whitespace; the feed may be temporarily unavailable.");
  if (start.startsWith("{") || start.startsWith("[")) return readJsonFeed(start, baseUrl);
  if (/^<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(start)) throw notAFeedFromHtml(start, baseUrl);
  if (start.startsWith("<")) return readXmlFeed(start, baseUrl);
  throw new FeedError(
    "feed.not_a_feed",
    `The response is neither XML nor JSON (it begins "${start.slice(0, 40).replace(/\s+/g, " ")}"). Check that the URL is the feed address.`,
  );
}
