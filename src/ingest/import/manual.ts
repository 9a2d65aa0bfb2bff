// Manual entry (手工录入): a monitor pastes a text seen elsewhere, or a link that is fetched through
// the one guarded fetcher and reduced to its article. Stored like any item, deduplicated as usual.
import type { Config } from "../../config";
import type { Db } from "../../db/connection";
import { politenessFor, USER_AGENT } from "../../jobs/poll-source";
import { recordAudit, type Actor } from "../../store/audit";
import { listSources } from "../../store/sources";
import { findExistingItem, FUTURE_SLACK_MS, insertItems, type NewItem } from "../../store/items";
import { extractArticle } from "../article";
import { canonicalUrl } from "../canonical-url";
import { contentHash } from "../content-hash";
import { decodeHtmlBody } from "../kinds/decode-html";
import { describeFailure } from "../failure";
import { fetchFeedUrl } from "../fetcher";
import { sourceForImport } from "./commands";
import { ImportFileError } from "./table";

/** The source manual entries go to unless another name is given. */
export const MANUAL_SOURCE_NAME = "手工录入";

/** What a monitor entered. */
export type ManualInput = { text?: string; url?: string; title?: string; sourceName?: string };

/** The stored item's id, and whether it was new or already in the ledger. */
export type ManualOutcome = { itemId: number; created: boolean };

/**
 * Title, text and time of a link's page; throws ImportFileError("manual.fetch_failed" | "manual.nothing_extracted").
 * The fetch waits its turn behind the same per-host limit as polling; robots.txt is not asked, since a
 * person asked for this one page, as in a browser.
 */
export async function fetchArticle(config: Config, url: string): Promise<{ title: string; text: string; publishedAt: number | null; finalUrl: string }> {
  let res;
  try {
    const { limiter } = politenessFor(config);
    res = await limiter.run(new URL(url).host, () => fetchFeedUrl(url, {
      timeoutMs: config.fetchTimeoutMs, maxBytes: config.fetchMaxBytes, userAgent: USER_AGENT, allowHosts: config.fetchAllowHosts,
    }));
  } catch (err) {
    // The reason in Chinese; the fetch's own error rides along so the API can say it in the reader's language.
    throw Object.assign(new ImportFileError("manual.fetch_failed", { reason: describeFailure(err).message }), { cause: err });
  }
  if (res.kind !== "ok") throw new ImportFileError("manual.nothing_extracted");
  const article = extractArticle(decodeHtmlBody(res.body, res.contentType), res.finalUrl);
  if (!article.text.trim()) throw new ImportFileError("manual.nothing_extracted");
  return { title: article.title, text: article.text, publishedAt: article.publishedAt?.getTime() ?? null, finalUrl: res.finalUrl };
}

/**
 * Whether adding to the source named `name` needs sources.write: items.triage covers the default
 * 手工录入 source and other existing manual sources; naming a polled or import source, or creating a
 * new one, changes sources.
 */
export function manualSourceNeedsWrite(db: Db, name: string | undefined): boolean {
  const trimmed = name?.trim() || MANUAL_SOURCE_NAME;
  if (trimmed === MANUAL_SOURCE_NAME) return false;
  const found = listSources(db).find((s) => s.name === trimmed);
  return !found || found.kind !== "manual";
}

/** Builds the ledger row: the title is the one given, else the text's first line (at most 100 characters). */
export function manualItem(input: { title?: string; text: string; url: string | null; publishedAt: number | null }, now: number): NewItem {
  const text = input.text.trim();
  const firstLine = text.split(/\r?\n/).map((l) => l.trim()).find(Boolean) ?? "";
  const title = (input.title?.trim() || Array.from(firstLine).slice(0, 100).join("") || "(无标题)").replace(/\s+/g, " ");
  const published = input.publishedAt !== null && input.publishedAt > now + FUTURE_SLACK_MS ? now : input.publishedAt;
  return {
    guid: null, url: input.url, canonicalUrl: input.url ? canonicalUrl(input.url) : null, contentHash: contentHash(title, text),
    author: null, title: title.slice(0, 1000), text, publishedAt: published ?? now,
  };
}

/** Stores a manual entry (fetching the link when no text was pasted); returns the new or the existing item. */
export async function addManualItem(db: Db, config: Config, input: ManualInput, actor: Actor, ip: string | null, now = Date.now()): Promise<ManualOutcome> {
  const url = input.url?.trim() || null;
  let text = input.text?.trim() ?? "";
  let title = input.title?.trim();
  let publishedAt: number | null = null;
  let link = url;
  if (!text && !url) throw new ImportFileError("manual.empty");
  if (!text && url) {
    // A link already in the ledger (from any source) is not fetched again.
    const known = canonicalUrl(url);
    const existing = known ? findExistingItem(db, 0, { guid: null, canonicalUrl: known, contentHash: "" }) : undefined;
    if (existing) return { itemId: existing.id, created: false };
    const page = await fetchArticle(config, url);
    text = page.text;
    title ||= page.title;
    publishedAt = page.publishedAt;
    link = page.finalUrl;
  }
  const item = manualItem({ title, text, url: link, publishedAt }, now);
  return db.tx(() => {
    const source = sourceForImport(db, input.sourceName?.trim() || MANUAL_SOURCE_NAME, "manual", actor, ip);
    const [id] = insertItems(db, source.id, [item], now);
    if (id === undefined) {
      const existing = findExistingItem(db, source.id, item);
      if (existing) return { itemId: existing.id, created: false };
      throw new Error("manual: item neither inserted nor found");
    }
    recordAudit(db, { actor, action: "item.manual", targetType: "item", targetId: id, summary: { source: source.name, url: link, fetched: !input.text?.trim() }, ip });
    return { itemId: id, created: true };
  });
}
