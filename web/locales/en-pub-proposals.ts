// English strings of Publicity: placements proposed by monitoring (疑似已刊发).
import type { zhCNPubProposals } from "./zh-CN-pub-proposals";

/** Publicity: placements proposed by monitoring (疑似已刊发) in English. */
export const enPubProposals: { readonly [K in keyof typeof zhCNPubProposals]: string } = {
};
