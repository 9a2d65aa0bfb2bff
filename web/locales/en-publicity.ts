// English strings of Publicity work: menu entries (新闻宣传).
import type { zhCNPublicity } from "./zh-CN-publicity";

/** Publicity work: menu entries (新闻宣传) in English. */
export const enPublicity: { readonly [K in keyof typeof zhCNPublicity]: string } = {
  "menu.publicity": "Publicity",
  "menu.submissions": "Submissions",
  "menu.bulletins": "Bulletins",
  "menu.placements": "Placements",
  "menu.placementProposals": "Proposed placements",
  "menu.publicityScores": "Scores and rankings",
  "menu.correspondents": "Correspondents",
  "menu.interviews": "Interview requests",
  "menu.publicitySettings": "Publicity settings",
};
