// Simplified Chinese strings of Publicity: correspondents, training, recognition, interview requests.

/** Publicity: correspondents, training, recognition, interview requests in Simplified Chinese; merged into the main table in zh-CN.ts. */
export const zhCNPubPeople = {
} as const;
