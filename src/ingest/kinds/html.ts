// html sources: a list page (and up to 9 more) read with CSS selectors; entries without a body
// selector get their linked article fetched and extracted, a bounded number per poll.
import { parseHTML } from "linkedom";
import { extractArticle } from "../article";
import { canonicalUrl } from "../canonical-url";
import { FeedError } from "../errors";
import { capChars, MAX_ITEMS, MAX_TEXT_CHARS, resolveUrl } from "../feed-item";
import { htmlToText } from "../html-text";
import type { ParsedItem } from "../parse-feed";
import { parseListTime } from "../relative-time";
import { htmlSettings, type HtmlSettings } from "./config";
import { decodeHtmlBody } from "./decode-html";
import { requireRobots } from "./robots-gate";
export { isValidSelector } from "./selector";
import type { KindContext, KindResult, KindSource, SourceKindModule } from "./types";

type El = { querySelector(s: string): El | null; querySelectorAll(s: string): Iterable<El> & { length: number }; matches(s: string): boolean; getAttribute(n: string): string | null; textContent: string | null; innerHTML: string };

function pick(node: El, selector: string): El | null {
  return node.querySelector(selector) ?? (node.matches(selector) ? node : null);
}

const oneLine = (s: string | null | undefined): string => (s ?? "").replace(/\s+/g, " ").trim();

/** Reads one list page's entries; `base` resolves relative links. */
export function readListPage(html: string, base: string, s: HtmlSettings, ctx: Pick<KindContext, "timeZone" | "now">): { items: ParsedItem[]; next: string | null } {
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<html><body>${html}</body></html>`);
  const items: ParsedItem[] = [];
  for (const node of document.querySelectorAll(s.selectors.item) as unknown as Iterable<El>) {
    const titleEl = pick(node, s.selectors.title);
    const linkEl = pick(node, s.selectors.link);
    const url = resolveUrl(linkEl?.getAttribute("href"), base);
    const title = capChars(oneLine(titleEl?.textContent), 1000);
    const timeEl = s.selectors.time ? pick(node, s.selectors.time) : null;
    const timeText = timeEl?.getAttribute("datetime") || oneLine(timeEl?.textContent);
    const bodyEl = s.selectors.body ? pick(node, s.selectors.body) : null;
    const text = bodyEl ? capChars(htmlToText(bodyEl.innerHTML), MAX_TEXT_CHARS) : "";
    // The link is required: an item without an http(s) link (javascript:, none) is not an entry.
    if (url === null) continue;
    items.push({ guid: null, url, title, text, author: null, publishedAt: parseListTime(timeText, { ...ctx, format: s.timeFormat }) });
  }
  const nextEl = s.nextPage ? document.querySelector(s.nextPage) as unknown as El | null : null;
  return { items, next: resolveUrl(nextEl?.getAttribute("href"), base) };
}

// Fills in the text of entries without a body from their linked pages, at most ctx.maxArticles;
// returns the entries left for the next poll (stored now, they would never get their text).
async function fillArticles(items: ParsedItem[], ctx: KindContext, warnings: string[], ignoreRobots: boolean): Promise<Set<ParsedItem>> {
  const keyOf = (it: ParsedItem): string => canonicalUrl(it.url!) ?? it.url!;
  const wanted = items.filter((it) => it.text === "" && it.url);
  const known = ctx.knownUrls(wanted.map(keyOf));
  const fresh = wanted.filter((it) => !known.has(keyOf(it)));
  const todo = fresh.slice(0, ctx.maxArticles);
  const later = new Set(fresh.slice(ctx.maxArticles));
  if (later.size) warnings.push(`本次只抓取前 ${ctx.maxArticles} 篇正文，其余 ${later.size} 条下次抓取`);
  // Two at a time: polite to one host, and article pages are where the time goes.
  for (let i = 0; i < todo.length; i += 2) {
    await Promise.all(todo.slice(i, i + 2).map(async (it) => {
      try {
        const robots = ignoreRobots ? "allowed" : await ctx.robots(it.url!);
        if (robots === "disallowed") return void warnings.push(`robots.txt 不允许抓取正文页：${it.url}`);
        if (robots === "unreachable") return void warnings.push(`无法读取 robots.txt，未抓取正文页：${it.url}`);
        const res = await ctx.fetch(it.url!);
        if (res.kind !== "ok") return;
        const a = extractArticle(decodeHtmlBody(res.body, res.contentType), res.finalUrl);
        it.text = a.text;
        if (it.title === "") it.title = a.title;
        it.publishedAt ??= a.publishedAt ?? null;
      } catch {
        // Kept with its title: a page that keeps failing must not hold the entry back for ever.
        warnings.push(`正文页抓取失败：${it.url}`);
      }
    }));
  }
  return later;
}

/** Fetches the list pages and, where needed, the article pages of an html source. */
export async function fetchHtmlEntries(source: KindSource, ctx: KindContext): Promise<KindResult> {
  const parsed = htmlSettings.safeParse(source.config);
  if (!parsed.success) throw new FeedError("source.bad_config", "html source settings are invalid");
  const s = parsed.data;
  const items: ParsedItem[] = [];
  const seen = new Set<string>();
  const warnings: string[] = [];
  let url: string | null = source.url;
  let pages = 0;
  let validators: { etag: string | null; lastModified: string | null } = { etag: null, lastModified: null };
  const visited = new Set<string>();
  while (url && pages < s.pages && !visited.has(url)) {
    visited.add(url);
    let res: Awaited<ReturnType<KindContext["fetch"]>>;
    try {
      if (!s.ignoreRobots) await requireRobots(ctx, url);
      res = await ctx.fetch(url, pages === 0 ? { etag: source.etag, lastModified: source.lastModified } : undefined);
    } catch (err) {
      // The first page decides the poll; a later one that fails only ends the pagination.
      if (pages === 0) throw err;
      warnings.push(`第 ${pages + 1} 页抓取失败，已停止翻页`);
      break;
    }
    if (res.kind === "not-modified") {
      if (pages === 0) return { kind: "not-modified" };
      break;
    }
    if (pages === 0) validators = { etag: res.etag, lastModified: res.lastModified };
    pages++;
    const page = readListPage(decodeHtmlBody(res.body, res.contentType), res.finalUrl, s, ctx);
    if (page.items.length === 0) {
      if (pages === 1) throw new FeedError("html.no_items", `item selector ${s.selectors.item} matched nothing`);
      warnings.push(`第 ${pages} 页未匹配到任何条目`);
      break;
    }
    for (const it of page.items) {
      const key = it.url ?? `t:${it.title}`;
      if (seen.has(key) || items.length >= MAX_ITEMS) continue;
      seen.add(key);
      items.push(it);
    }
    url = s.pageUrlPattern ? resolveUrl(s.pageUrlPattern.replace("{page}", String(pages + 1)), source.url) : page.next;
  }
  const later = await fillArticles(items, ctx, warnings, s.ignoreRobots === true);
  // Entries left for the next poll need the list again, not "not modified".
  const next = later.size ? { etag: null, lastModified: null } : validators;
  return { kind: "ok", items: items.filter((it) => !later.has(it)), pages, warnings, ...next };
}

/** The html kind. */
export const htmlKind: SourceKindModule = { fetchEntries: fetchHtmlEntries };
