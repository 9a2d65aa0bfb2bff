// json sources: any JSON API, read through a field mapping of dot paths ("data.items", "user.name").
import { decodeFeedBody } from "../decode-body";
import { FeedError } from "../errors";
import { capChars, MAX_ITEMS, MAX_TEXT_CHARS, resolveUrl } from "../feed-item";
import { htmlToText } from "../html-text";
import type { ParsedItem } from "../parse-feed";
import { parseListTime } from "../relative-time";
import { jsonSettings } from "./config";
import { requireRobots } from "./robots-gate";
import type { KindContext, KindResult, KindSource, SourceKindModule } from "./types";

/** The value at a dot path with array indexes ("data.items[0].title"); "" is the value itself. */
export function valueAt(root: unknown, path: string): unknown {
  if (path === "") return root;
  let cur: unknown = root;
  for (const seg of path.split(".")) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(seg);
    if (!m || cur === null || typeof cur !== "object" || Array.isArray(cur)) return undefined;
    cur = Object.prototype.hasOwnProperty.call(cur, m[1]) ? (cur as Record<string, unknown>)[m[1]] : undefined;
    for (const idx of m[2].match(/\d+/g) ?? []) cur = Array.isArray(cur) ? cur[Number(idx)] : undefined;
  }
  return cur;
}

function str(v: unknown): string {
  return typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : "";
}

function timeOf(v: unknown, ctx: KindContext, format: string | undefined): Date | null {
  // Epoch numbers: seconds below 10^11 (until year 5138), else milliseconds.
  if (typeof v === "number" && Number.isFinite(v) && v > 0) return new Date(v < 1e11 ? v * 1000 : v);
  return parseListTime(str(v), { timeZone: ctx.timeZone, now: ctx.now, format });
}

/** Fetches a JSON API and maps its list to entries. */
export async function fetchJsonEntries(source: KindSource, ctx: KindContext): Promise<KindResult> {
  const parsed = jsonSettings.safeParse(source.config);
  if (!parsed.success) throw new FeedError("source.bad_config", "json source settings are invalid");
  const { mapping, timeFormat, ignoreRobots } = parsed.data;
  if (!ignoreRobots) await requireRobots(ctx, source.url);
  const res = await ctx.fetch(source.url, { etag: source.etag, lastModified: source.lastModified });
  if (res.kind === "not-modified") return res;
  let root: unknown;
  try {
    root = JSON.parse(decodeFeedBody(res.body, res.contentType));
  } catch (cause) {
    throw new FeedError("json.malformed", "the response is not JSON", { cause });
  }
  const list = valueAt(root, mapping.list);
  if (!Array.isArray(list)) throw new FeedError("json.not_array", `"${mapping.list}" is not an array`);
  const items: ParsedItem[] = [];
  for (const el of list.slice(0, MAX_ITEMS)) {
    const title = capChars(htmlToText(str(valueAt(el, mapping.title))).replace(/\n/g, " "), 1000);
    const url = mapping.link ? resolveUrl(str(valueAt(el, mapping.link)), res.finalUrl) : null;
    const text = mapping.text ? capChars(htmlToText(str(valueAt(el, mapping.text))), MAX_TEXT_CHARS) : "";
    if (title === "" && text === "" && url === null) continue;
    const author = mapping.author ? str(valueAt(el, mapping.author)).trim().slice(0, 200) || null : null;
    const publishedAt = mapping.time ? timeOf(valueAt(el, mapping.time), ctx, timeFormat) : null;
    items.push({ guid: null, url, title, text, author, publishedAt });
  }
  return { kind: "ok", items, pages: 1, warnings: [], etag: res.etag, lastModified: res.lastModified };
}

/** The json kind. */
export const jsonKind: SourceKindModule = { fetchEntries: fetchJsonEntries };
