// Simplified Chinese strings of Publicity work: menu entries (新闻宣传).

/** Publicity work: menu entries (新闻宣传) in Simplified Chinese; merged into the main table in zh-CN.ts. */
export const zhCNPublicity = {
  "menu.publicity": "新闻宣传",
  "menu.submissions": "稿件报送",
  "menu.bulletins": "信息简报",
  "menu.placements": "刊发记录",
  "menu.placementProposals": "疑似已刊发",
  "menu.publicityScores": "考核排名",
  "menu.correspondents": "通讯员队伍",
  "menu.interviews": "采访申请",
  "menu.publicitySettings": "宣传设置",
} as const;
