// Article extraction for HTML sources and manual entry: Mozilla's Readability over a linkedom
// document (a maintained extractor, not a hand-written one); falls back to the page's text.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { capChars, MAX_TEXT_CHARS } from "./feed-item";
import { htmlToText } from "./html-text";
import { parseFeedDate } from "./parse-date";

/** What a page's article reduces to: plain text only. */
export interface ExtractedArticle { title: string; text: string; publishedAt?: Date }

// Where CMSs put a machine-readable publication time, best first.
const TIME_META = [
  'meta[property="article:published_time"]', 'meta[name="pubdate"]', 'meta[name="PubDate"]',
  'meta[name="publishdate"]', 'meta[itemprop="datePublished"]', 'meta[name="date"]',
];

function publishedFrom(doc: Document): Date | undefined {
  for (const sel of TIME_META) {
    const v = doc.querySelector(sel)?.getAttribute("content");
    const d = v ? parseFeedDate(v) : null;
    if (d) return d;
  }
  const t = doc.querySelector("time[datetime]")?.getAttribute("datetime");
  return (t ? parseFeedDate(t) : null) ?? undefined;
}

/** Extracts the main article of `html` (fetched from `url`): title, plain text, publication time if the page states one. */
export function extractArticle(html: string, url: string): ExtractedArticle {
  const { document } = parseHTML(html);
  const publishedAt = publishedFrom(document as unknown as Document);
  const pageTitle = (document.querySelector("title")?.textContent ?? "").replace(/\s+/g, " ").trim();
  let title = pageTitle;
  let text = "";
  try {
    // Readability resolves relative links against the document URL; linkedom has none, so give a base.
    if (!document.querySelector("base")) {
      const base = document.createElement("base");
      base.setAttribute("href", url);
      document.head?.appendChild(base);
    }
    const article = new Readability(document as unknown as Document, { charThreshold: 50 }).parse();
    if (article) {
      title = (article.title ?? "").replace(/\s+/g, " ").trim() || pageTitle;
      text = htmlToText(article.content ?? "");
    }
  } catch {
    // Malformed pages: fall back to the whole body's text below.
  }
  if (text === "") text = htmlToText(document.querySelector("body")?.innerHTML ?? html);
  const h1 = document.querySelector("h1")?.textContent?.replace(/\s+/g, " ").trim();
  if (title === "" && h1) title = h1;
  const out: ExtractedArticle = { title: capChars(title, 1000), text: capChars(text, MAX_TEXT_CHARS) };
  if (publishedAt) out.publishedAt = publishedAt;
  return out;
}
