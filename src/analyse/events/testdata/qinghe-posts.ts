// Fictional posts from the demo's 青禾县 as the keyword extractor would describe them: two
// unrelated incidents and a few strays. Written for these tests; no text comes from any dataset.
import type { EventItem } from "../types";

/** An incident: the words its posts draw on, strongest first, and the entities they name. */
type Incident = { title: string; words: readonly string[]; entities: readonly string[] };

/** 禾溪镇中心小学 charging parents for uniforms. */
export const SCHOOL_FEE: Incident = {
  title: "禾溪镇中心小学被指强制收取校服费，家长质疑",
  words: ["校服费", "禾溪镇", "中心小学", "收费", "家长", "强制", "退费", "学校", "教育局", "质疑"],
  entities: ["禾溪镇", "禾溪镇中心小学"],
};

/** 城西 bus route 12 being cut back. */
export const BUS_ROUTE: Incident = {
  title: "城西12路公交线路调整，部分站点取消",
  words: ["公交", "线路", "12路", "城西", "调整", "站点", "取消", "通勤", "市民", "换乘"],
  entities: ["城西", "青禾县公交公司"],
};

/**
 * Lunch fees at the same school: close enough to the uniform fees (收费, 家长, 强制) that the
 * clusterer joins them, a second story an analyst may want apart from the fee one.
 */
export const SCHOOL_LUNCH: Incident = {
  title: "禾溪镇中心小学强制收取午餐费，分量却不足",
  words: ["禾溪镇", "中心小学", "午餐费", "收费", "家长", "强制", "分量", "学校", "食堂", "退费"],
  entities: ["禾溪镇", "禾溪镇中心小学"],
};

/** A school sports day in another town: shares only 学校 (and a ceremony word) with SCHOOL_FEE. */
export const SPORTS_DAY: Incident = {
  title: "城东实验学校举行秋季运动会",
  words: ["学校", "运动会", "秋季", "比赛", "城东", "实验"],
  entities: ["城东实验学校"],
};

const HOUR = 3_600_000;
/** A fixed start time (2025-03-03 08:00 +08:00) so that tests never read the clock. */
export const T0 = Date.UTC(2025, 2, 3, 0, 0, 0);
/** Hours after T0, in ms. */
export const at = (hours: number): number => T0 + hours * HOUR;

/**
 * Post number `variant` about an incident: seven of its words, rotated by the variant so that
 * posts overlap without being identical, with weights falling off as an extractor's would.
 */
export function post(incident: Incident, id: number, publishedAt: number, variant = id, dupGroup: string | null = String(id)): EventItem {
  const n = incident.words.length;
  const picked = [0, 1, 2].concat([3, 4, 5, 6].map((k) => 3 + ((k - 3 + variant) % (n - 3))));
  const keywords = [...new Set(picked)].map((i, rank) => ({ word: incident.words[i], weight: 1 - rank * 0.1 }));
  return {
    id, publishedAt, title: `${incident.title}（${variant}）`, keywords, entities: incident.entities.slice(0, 1 + (variant % 2)),
    dupGroup, sentiment: "neg",
  };
}

/** A repost of `original`: same words and group, later time, new id. */
export function repost(original: EventItem, id: number, publishedAt: number): EventItem {
  return { ...original, id, publishedAt, title: `转发：${original.title}` };
}
