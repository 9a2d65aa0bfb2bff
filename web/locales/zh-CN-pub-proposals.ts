// Simplified Chinese strings of Publicity: placements proposed by monitoring (疑似已刊发).

/** Publicity: placements proposed by monitoring (疑似已刊发) in Simplified Chinese; merged into the main table in zh-CN.ts. */
export const zhCNPubProposals = {
} as const;
