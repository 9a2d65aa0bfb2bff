// Risk level suggestion for an event (一般 / 较大 / 重大). Points per factor, each with a reason
// naming its evidence ("中文 / English", the UI shows the half of its language), so that an analyst
// can see why and overrule; same input, same output.
import type { RiskLevel } from "../../shared/analysis-api";
import type { Burst } from "../bursts";
import { bilingual } from "../../shared/bilingual";
import { findHarms, HARM_CATEGORY_EN, HARM_POINTS, SUBJECT_CATEGORIES, type HarmCategory } from "./harm-terms";

/** 一般 / 较大 / 重大: the same union the API types use. */
export type { RiskLevel };

/** What the assessment looks at. */
export type RiskInput = {
  size: number;
  /** The burst figures of the hour up to the event's latest item (they do not age while it is quiet). */
  growth: Burst | null;
  /** Share of negative items, 0..1. */
  negativeShare: number;
  /** Best (lowest) priority among the event's sources, 1 (highest) to 5. */
  maxSourcePriority: number;
  /** Titles and keywords of the event. */
  text: string;
};

/** The suggested level, its score and one reason per scoring factor. */
export type RiskAssessment = { level: RiskLevel; score: number; reasons: string[] };

/** Least score for each level above general. */
export const RISK_THRESHOLDS = { significant: 4, major: 7 } as const;
/** Most points the harm categories give together. */
export const MAX_HARM_POINTS = 4;
/**
 * Below this negative share, and with no harm found, volume, growth and source priority add
 * nothing: a big, fast, well-covered event that people like is not a risk.
 */
export const CONCERN_NEGATIVE_SHARE = 0.3;

const pct = (x: number): string => `${Math.round(x * 100)}%`;

function clamp(x: number, lo: number, hi: number, fallback: number): number {
  return Number.isFinite(x) ? Math.min(hi, Math.max(lo, x)) : fallback;
}

/** Scores an event; see the constants above for the rules. */
export function assessRisk(input: RiskInput): RiskAssessment {
  const size = clamp(Math.floor(input.size), 0, Number.MAX_SAFE_INTEGER, 0);
  const negative = clamp(input.negativeShare, 0, 1, 0);
  const priority = clamp(Math.round(input.maxSourcePriority), 1, 5, 3);
  const reasons: string[] = [];
  let score = 0;
  const add = (points: number, zh: string, en: string): void => {
    score += points;
    reasons.push(bilingual(`${zh}（+${points}）`, `${en} (+${points})`));
  };

  const harms = findHarms(typeof input.text === "string" ? input.text : "");
  const concern = negative >= CONCERN_NEGATIVE_SHARE || harms.some((h) => !SUBJECT_CATEGORIES.has(h.category));
  let harmLeft = MAX_HARM_POINTS;
  const beyondCap: HarmCategory[] = [];
  for (const h of harms) {
    if (SUBJECT_CATEGORIES.has(h.category) && !concern) continue;
    const points = Math.min(HARM_POINTS[h.category], harmLeft);
    if (points <= 0) beyondCap.push(h.category);
    else {
      harmLeft -= points;
      const terms = h.terms.slice(0, 3).join("、");
      add(points, `涉及${h.category}：${terms}`, `${HARM_CATEGORY_EN[h.category]}: ${terms}`);
    }
  }
  // Shown without points, so that the analyst still sees everything the text touches.
  if (beyondCap.length) {
    const en = beyondCap.map((c) => HARM_CATEGORY_EN[c]).join(", ");
    reasons.push(bilingual(`另涉及${beyondCap.join("、")}（风险词加分已达上限 ${MAX_HARM_POINTS}）`, `Also ${en} (harm points already at the cap of ${MAX_HARM_POINTS})`));
  }

  const negativeShare = (points: number) => add(points, `负面占比 ${pct(negative)}`, `${pct(negative)} negative`);
  if (negative >= 0.7) negativeShare(2);
  else if (negative >= 0.4) negativeShare(1);

  if (concern) {
    const volume = (points: number) => add(points, `信息量 ${size} 条`, `${size} items`);
    if (size >= 200) volume(3);
    else if (size >= 50) volume(2);
    else if (size >= 10) volume(1);

    // The counts are quoted, not just a ratio, so that the reason can be checked against the chart.
    const g = input.growth;
    const growth = (points: number, zh: string, en: string) =>
      g && add(points, `截至最新一条，1小时内 ${g.lastHour} 条，前12小时平均每小时 ${g.baseline.toFixed(1)} 条（${zh}）`,
        `${g.lastHour} in the hour up to the latest item, ${g.baseline.toFixed(1)} an hour in the 12 hours before (${en})`);
    if (g?.flag) growth(2, "突增", "burst");
    else if (g?.observed && g.ratio !== null && g.ratio >= 2 && g.lastHour >= 5) growth(1, `${g.ratio.toFixed(1)} 倍`, `${g.ratio.toFixed(1)}×`);

    if (priority === 1) add(2, "来源优先级高（1级）", "high-priority source (level 1)");
    else if (priority === 2) add(1, "来源优先级较高（2级）", "higher-priority source (level 2)");
  }

  const level: RiskLevel = score >= RISK_THRESHOLDS.major ? "major" : score >= RISK_THRESHOLDS.significant ? "significant" : "general";
  return { level, score, reasons };
}
