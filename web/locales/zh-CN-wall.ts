// Simplified Chinese strings of the wall display tokens page (值班大屏).

/** Wall display strings in Simplified Chinese; merged into the main table in zh-CN.ts. */
export const zhCNWall = {
  "menu.displays": "值班大屏",
  "displays.intro": "为值班室大屏生成只读显示令牌：打开大屏地址无需登录，只能查看大屏数据。地址只在生成时显示一次；大屏不再使用时请吊销。",
  "displays.add": "生成大屏地址",
  "displays.name": "名称",
  "displays.namePlaceholder": "如：值班室大屏",
  "displays.createdBy": "创建人",
  "displays.createdAt": "创建时间",
  "displays.lastSeenAt": "最近使用",
  "displays.status": "状态",
  "displays.active": "有效",
  "displays.revoked": "已吊销",
  "displays.revoke": "吊销",
  "displays.confirmRevoke": "确定吊销“{name}”？使用该地址的大屏将立即失效。",
  "displays.revokedDone": "已吊销",
  "displays.created": "大屏地址已生成",
  "displays.urlOnce": "此地址只显示这一次，请现在复制，在大屏电脑的浏览器中打开（建议全屏显示）。",
  "displays.never": "从未使用",
  "displays.done": "完成",
};
