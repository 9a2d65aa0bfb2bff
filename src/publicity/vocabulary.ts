// Input normalisation of the publicity vocabularies: the API takes the codes and the Chinese names an office
// writes on its forms (中央/国家级, 报纸, 消息, 头版头条 …) and stores the codes. Pure.
import {
  GENRES, GENRE_NAMES, MEDIA, MEDIUM_NAMES, OUTLET_LEVELS, OUTLET_LEVEL_NAMES, SLOTS, SLOT_NAMES,
  type Genre, type Medium, type OutletLevel, type Slot,
} from "../shared/publicity-types";

function lookup<C extends string>(codes: readonly C[], names: Record<C, string>, extra: Record<string, C> = {}) {
  const table = new Map<string, C>();
  for (const c of codes) {
    table.set(c.toLowerCase(), c);
    table.set(names[c], c);
  }
  for (const [k, c] of Object.entries(extra)) table.set(k, c);
  return (v: string): C | null => table.get(v.trim()) ?? table.get(v.trim().toLowerCase()) ?? null;
}

/** An outlet level code from a code or a Chinese name (中央/国家级, 国家级, 中央, 省级, 市级, 县级, 本单位); null if unknown. */
export const normaliseLevel: (v: string) => OutletLevel | null = lookup(OUTLET_LEVELS, OUTLET_LEVEL_NAMES, {
  国家级: "national", 中央: "national", 中央级: "national", 省: "provincial", 市: "city", 县: "county", 县区级: "county", 内部: "internal",
});

/** A medium code from a code or a Chinese name (报纸, 电视, 广播, 网站, 新媒体); null if unknown. */
export const normaliseMedium: (v: string) => Medium | null = lookup(MEDIA, MEDIUM_NAMES, { 网络: "website", 电台: "radio" });

/** A genre code from a code or a Chinese name (消息, 通讯, 评论, 图片, 视频); null if unknown. */
export const normaliseGenre: (v: string) => Genre | null = lookup(GENRES, GENRE_NAMES, { 新闻: "news", 图片新闻: "photo" });

/** A slot code from a code or a Chinese name (头版, 头条, 头版头条; 一般版面 or empty = none); null if unknown. */
export const normaliseSlot: (v: string) => Slot | null = lookup(SLOTS, SLOT_NAMES, { "": "none", 无: "none", 一般: "none" });

/** Authors' shares: given ones as they are; when all are omitted, an equal split (the last takes the rounding rest). */
export function fillShares(shares: readonly (number | undefined | null)[]): number[] | null {
  if (shares.every((s) => s == null)) {
    const n = shares.length;
    const each = Math.floor((1 / n) * 10000) / 10000;
    return shares.map((_, i) => (i === n - 1 ? Math.round((1 - each * (n - 1)) * 10000) / 10000 : each));
  }
  if (shares.some((s) => s == null)) return null;
  return shares as number[];
}

/** True when shares are each in (0, 1] and sum to 1 within ±0.001. */
export function sharesValid(shares: readonly number[]): boolean {
  if (!shares.length || shares.some((s) => !(s > 0 && s <= 1))) return false;
  return Math.abs(shares.reduce((a, b) => a + b, 0) - 1) <= 0.001;
}
