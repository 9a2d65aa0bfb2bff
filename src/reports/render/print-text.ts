// What every format prints the same way. Links: app paths made absolute with the public URL, and
// http(s) addresses of collected pages; anything else (javascript:, data:, file:, junk) is dropped.
// Text: collected titles stay plain text, stripped of what XML cannot hold.
import { resolveUrl } from "../../ingest/feed-item";
import { SENTIMENT_ZH } from "../../shared/analysis-api";
import type { CitedItem } from "../../shared/report-types";

/** An app href (`/items/12`) as an absolute link under `baseUrl`; an absolute http(s) href as is; else null. */
export function appLink(baseUrl: string, href: string | null | undefined): string | null {
  if (!href) return null;
  const h = href.trim();
  // Concatenated rather than resolved, so a public URL with a path prefix (https://host/tingfeng) keeps it.
  if (/^\/(?![/\\])/.test(h)) {
    const url = resolveUrl(baseUrl + h, null);
    return url && url.startsWith(new URL(baseUrl).origin) ? url : null;
  }
  return resolveUrl(h, null);
}

/** A collected page's address if it is http(s); else null. */
export function pageLink(url: string | null | undefined): string | null {
  return resolveUrl(url, null);
}

/** "一", "二", … "九十九": section numbers as official documents print them. */
export function chineseNumber(n: number): string {
  const d = "零一二三四五六七八九";
  if (n < 10) return d[n];
  const tens = Math.floor(n / 10), ones = n % 10;
  return `${tens > 1 ? d[tens] : ""}十${ones ? d[ones] : ""}`;
}


// Characters XML 1.0 cannot carry (C0 controls but tab and newlines, lone surrogates, U+FFFE/U+FFFF):
// one in a collected title would make the whole DOCX or XLSX unreadable.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Collected text with the characters XML documents cannot hold removed. */
export function printable(text: string | null | undefined): string {
  return (text ?? "").replace(NOT_XML, "");
}

const NUMBER = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2 });
/** A figure's value as printed (1,284; 12.6). */
export function formatValue(value: number): string {
  return Number.isFinite(value) ? NUMBER.format(value) : "—";
}

/** "2026-07-02 08:30" or "2026-07-02" → "2026年7月2日"; other text as is. */
export function zhDate(text: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : text;
}

/** A cited item's facts as one printed line: "青禾论坛，2026-07-01 09:30，负面，转载 12 次". */
export function itemFacts(item: CitedItem): string {
  return [
    printable(item.source), item.publishedAt ?? "时间不详", item.sentiment ? SENTIMENT_ZH[item.sentiment] : null,
    item.reposts ? `转载 ${item.reposts} 次` : null,
  ].filter(Boolean).join("，");
}

/** Section headings as official documents number them: "一、总体情况". */
export function sectionHeading(index: number, title: string): string {
  return `${chineseNumber(index + 1)}、${printable(title)}`;
}
