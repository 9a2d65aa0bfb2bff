// Simplified Chinese strings of ledger triage (selection, bulk actions, shortcuts) and the phone header.

/** Triage and layout strings in Simplified Chinese; merged into the main table in zh-CN.ts. */
export const zhCNTriage = {
  "header.menu": "菜单",
  "item.triaged": "处理情况",
  "items.moreFilters": "筛选",

  "triage.selected": "已选 {n} 条",
  "triage.markSeen": "标记已读",
  "triage.ignore": "忽略",
  "triage.restore": "恢复未读",
  "triage.clear": "取消选择",
  "triage.done": "已更新 {n} 条",
  "triage.unchanged": "所选信息已是该状态",
  "triage.by": "{user} 于 {time} 处理",
  "triage.byUnknown": "于 {time} 处理",
  "triage.untouched": "尚未处理",
  "triage.shortcuts": "快捷键",
  "triage.key.next": "下一条",
  "triage.key.prev": "上一条",
  "triage.key.toggle": "选中 / 取消选中当前条",
  "triage.key.ignore": "忽略所选条目（未选时为当前条）",
  "triage.key.seen": "将所选条目标为已读（未选时为当前条）",
  "triage.key.open": "打开当前条",
  "triage.key.help": "显示或隐藏本帮助",
  "triage.keysHint": "在输入框外按 j/k 移动、x 选中、e 忽略、s 已读，? 查看全部快捷键",
} as const;
