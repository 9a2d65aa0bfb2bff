// Simplified Chinese strings of Publicity: submissions, review, approval form, bulletin, adoptions.

/** Publicity: submissions, review, approval form, bulletin, adoptions in Simplified Chinese; merged into the main table in zh-CN.ts. */
export const zhCNPubReview = {
} as const;
