// English strings of Publicity: submissions, review, approval form, bulletin, adoptions.
import type { zhCNPubReview } from "./zh-CN-pub-review";

/** Publicity: submissions, review, approval form, bulletin, adoptions in English. */
export const enPubReview: { readonly [K in keyof typeof zhCNPubReview]: string } = {
};
