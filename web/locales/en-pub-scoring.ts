// English strings of Publicity: outlets, placements, points rules, quotas, scores, notices.
import type { zhCNPubScoring } from "./zh-CN-pub-scoring";

/** Publicity: outlets, placements, points rules, quotas, scores, notices in English. */
export const enPubScoring: { readonly [K in keyof typeof zhCNPubScoring]: string } = {
};
