// Simplified Chinese strings of Publicity: outlets, placements, points rules, quotas, scores, notices.

/** Publicity: outlets, placements, points rules, quotas, scores, notices in Simplified Chinese; merged into the main table in zh-CN.ts. */
export const zhCNPubScoring = {
} as const;
