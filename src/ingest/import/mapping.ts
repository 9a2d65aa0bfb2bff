// Which column feeds which item field: suggested from common header names, or given as
// `title=标题,url=链接` on the command line.
import { z } from "zod";
import { isCleanText } from "../../shared/clean-text";

/** The item fields a column can feed. */
export const MAPPING_KEYS = ["title", "url", "text", "time", "author"] as const;

/** Field → column name. */
export type ColumnMapping = Partial<Record<(typeof MAPPING_KEYS)[number], string>>;

/** A mapping as it arrives from outside (HTTP body). */
const column = z.string().max(200).refine((v) => isCleanText(v), "field.bad_text").optional();
export const columnMappingSchema = z.object({ title: column, url: column, text: column, time: column, author: column }).strict();

// Header names as they appear in exports and hand-kept 台账, most specific first.
const COMMON: Record<(typeof MAPPING_KEYS)[number], string[]> = {
  title: ["标题", "title", "主题", "题目", "名称", "headline", "subject"],
  url: ["链接", "网址", "url", "link", "原文链接", "地址", "href"],
  text: ["内容", "正文", "text", "content", "body", "摘要", "summary", "description"],
  time: ["时间", "发布时间", "time", "date", "publishedat", "published_at", "published", "日期", "发布日期", "pubdate"],
  author: ["作者", "author", "发布者", "发布人", "来源账号", "用户名", "by"],
};

const norm = (s: string): string => s.trim().toLowerCase().replace(/[\s_-]+/g, "");

/** Suggests a column for each field from the header names; each column is used at most once. */
export function suggestMapping(columns: readonly string[]): ColumnMapping {
  const out: ColumnMapping = {};
  const used = new Set<string>();
  for (const key of MAPPING_KEYS) {
    for (const name of COMMON[key]) {
      const hit = columns.find((c) => !used.has(c) && norm(c) === norm(name));
      if (hit) {
        out[key] = hit;
        used.add(hit);
        break;
      }
    }
  }
  return out;
}

/**
 * Parses `title=标题,url=链接`; with `allowEmpty`, `url=` (no column) is kept as "" to mean "no column".
 * Throws on an unknown field or a part that is not field=column.
 */
export function parseMapArg(arg: string, opts: { allowEmpty?: boolean } = {}): ColumnMapping {
  const out: ColumnMapping = {};
  for (const part of arg.split(",").map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf("=");
    const key = part.slice(0, eq).trim();
    const column = part.slice(eq + 1).trim();
    if (eq < 1 || (!column && !opts.allowEmpty) || !(MAPPING_KEYS as readonly string[]).includes(key)) {
      throw new Error(`--map: "${part}" is not field=column (fields: ${MAPPING_KEYS.join(", ")})`);
    }
    out[key as keyof ColumnMapping] = column;
  }
  return out;
}

/**
 * The suggested mapping with `overrides` laid over it: a field given a column takes it (and a
 * suggestion that used that column for another field is dropped); a field given "" is left unmapped.
 */
export function mergeMapping(suggested: ColumnMapping, overrides: ColumnMapping): ColumnMapping {
  const out: ColumnMapping = { ...suggested };
  for (const key of MAPPING_KEYS) {
    const column = overrides[key];
    if (column === undefined) continue;
    for (const other of MAPPING_KEYS) if (other !== key && column !== "" && out[other] === column && overrides[other] === undefined) delete out[other];
    if (column === "") delete out[key];
    else out[key] = column;
  }
  return out;
}

/** Columns named in a mapping that the file does not have. */
export function missingColumns(mapping: ColumnMapping, columns: readonly string[]): string[] {
  return Object.values(mapping).filter((c): c is string => !!c && !columns.includes(c));
}
