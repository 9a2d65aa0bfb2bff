// rss sources (RSS, Atom, JSON Feed; any RSSHub route): one conditional GET, then the feed parser.
import { parseFeed } from "../parse-feed";
import type { KindContext, KindResult, KindSource, SourceKindModule } from "./types";

/** Fetches and parses a feed. */
export async function fetchFeedEntries(source: KindSource, ctx: KindContext): Promise<KindResult> {
  const res = await ctx.fetch(source.url, { etag: source.etag, lastModified: source.lastModified });
  if (res.kind === "not-modified") return res;
  const feed = parseFeed(res.body, res.contentType, res.finalUrl);
  return { kind: "ok", items: feed.items, pages: 1, warnings: [], etag: res.etag, lastModified: res.lastModified };
}

/** The rss kind. */
export const rssKind: SourceKindModule = { fetchEntries: fetchFeedEntries };
