// Simplified Chinese UI strings: the default language and the source of truth for message keys.
import { zhCNReplies } from "./zh-CN-replies";
import { zhCNDuty } from "./zh-CN-duty";
import { ITEM_STATUS_ZH } from "../../src/shared/api";
import { zhCNAnalysis } from "./zh-CN-analysis";
import { zhCNAlerts } from "./zh-CN-alerts";
import { zhCNCases } from "./zh-CN-cases";
import { zhCNTriage } from "./zh-CN-triage";
import { zhCNIncidents } from "./zh-CN-incidents";
import { zhCNBoard } from "./zh-CN-board";
import { zhCNCaseStats } from "./zh-CN-case-stats";
import { zhCNCaseExtras } from "./zh-CN-case-extras";
import { zhCNReports } from "./zh-CN-reports";
import { zhCNWall } from "./zh-CN-wall";
import { zhCNImport } from "./zh-CN-import";
import { zhCNSources } from "./zh-CN-sources";
import { zhCNOps } from "./zh-CN-ops";
import { zhCNPubProposals } from "./zh-CN-pub-proposals";
import { zhCNPubPeople } from "./zh-CN-pub-people";
import { zhCNPubReview } from "./zh-CN-pub-review";
import { zhCNPubScoring } from "./zh-CN-pub-scoring";
import { zhCNPublicity } from "./zh-CN-publicity";
import { zhCNPubScores } from "./zh-CN-pub-scores";

/** Every UI string in Simplified Chinese, keyed by a stable dotted name; `{x}` marks a parameter. */
export const zhCN = {
  "app.name": "听风",
  "app.tagline": "网络舆情监测工作台",
  "lang.label": "语言",

  "common.actions": "操作",
  "common.add": "新建",
  "common.autoRefresh": "自动刷新",
  "common.backHome": "返回首页",
  "common.cancel": "取消",
  "common.confirmDelete": "确定删除“{name}”？",
  "common.created": "已创建",
  "common.delete": "删除",
  "common.deleted": "已删除",
  "common.edit": "编辑",
  "common.forbidden": "你的角色无权访问此页面。",
  "common.loadFailed": "加载失败",
  "common.networkError": "无法连接服务器，请检查网络后重试。",
  "common.httpError": "服务器返回错误（HTTP {status}），请稍后重试。",
  "common.no": "否",
  "common.notFound": "页面不存在。",
  "common.refresh": "刷新",
  "common.reset": "重置",
  "common.retry": "重试",
  "common.save": "保存",
  "common.saved": "已保存",
  "common.search": "搜索",
  "common.total": "共 {n} 条",
  "common.totalOver": "超过 {n} 条",
  "common.yes": "是",

  "validation.required": "请填写{field}",
  "validation.url": "请输入以 http:// 或 https:// 开头的有效网址",
  "validation.range": "请输入 {min} 到 {max} 之间的整数",
  "validation.minLength": "至少 {n} 个字符",
  "validation.username": "2–32 位字母、数字或 _ . -",

  "menu.dashboard": "首页",
  "menu.items": "台账",
  "menu.watches": "监测方案",
  "menu.events": "舆情事件",
  "menu.sources": "信息源",
  "menu.dictionary": "用户词典",
  "menu.units": "单位",
  "menu.users": "用户与角色",
  "menu.audit": "审计日志",

  "header.logout": "退出",

  "role.admin": "系统管理员",
  "role.monitor": "舆情监测员",
  "role.leader": "领导",
  "role.handler": "承办人",
  "role.spokesperson": "网络新闻发言人",
  "role.contributor": "通讯员",

  "status.new": ITEM_STATUS_ZH.new,
  "status.seen": ITEM_STATUS_ZH.seen,
  "status.ignored": ITEM_STATUS_ZH.ignored,

  "login.title": "登录听风",
  "login.username": "用户名",
  "login.password": "密码",
  "login.submit": "登录",

  "dashboard.itemsToday": "今日信息",
  "dashboard.itemsTotal": "信息总量",
  "dashboard.sourcesTotal": "信息源",
  "dashboard.sourcesFailing": "异常信息源",
  "dashboard.volume7d": "近 7 日信息量",
  "dashboard.volumeSeries": "信息量",
  "dashboard.perSource": "各信息源采集量",
  "dashboard.source": "信息源",
  "dashboard.today": "今日",
  "dashboard.total": "累计",

  "items.searchPlaceholder": "搜索标题和正文",
  "items.allSources": "全部信息源",
  "items.allStatuses": "全部状态",
  "items.export": "导出 Excel",
  "items.col.title": "标题",
  "items.col.source": "来源",
  "items.col.author": "作者",
  "items.col.published": "发布时间",
  "items.col.fetched": "采集时间",
  "items.col.status": "状态",

  "item.back": "返回台账",
  "item.link": "原文链接",
  "item.markSeen": "标为已读",
  "item.ignore": "忽略",
  "item.restore": "恢复",
  "item.statusChanged": "状态已更新",

  "sources.add": "添加信息源",
  "sources.edit": "编辑信息源",
  "sources.name": "名称",
  "sources.kind": "类型",
  "sources.url": "地址",
  "sources.urlHint": "RSS、Atom 或 JSON Feed 地址；任何 RSSHub 路由地址均可使用。",
  "sources.interval": "抓取间隔（秒）",
  "sources.intervalShort": "间隔",
  "sources.priority": "优先级",
  "sources.enabled": "启用",
  "sources.health": "健康状况",
  "sources.health.green": "正常",
  "sources.health.yellow": "注意",
  "sources.health.red": "异常",
  "sources.health.week": "近 7 天每日条数",
  "sources.lastSuccessAt": "最近成功：{time}",
  "sources.lastErrorAt": "最近错误（连续失败 {n} 次）：{error}",
  "sources.nextFetch": "下次抓取",
  "sources.itemCount": "信息数",
  "sources.never": "从未",
  "sources.fetchNow": "立即抓取",
  "sources.fetchResult": "抓取完成，新增 {n} 条",
  "sources.fetchFailed": "抓取失败：{error}",
  "sources.seconds": "{n} 秒",

  "units.add": "新建单位",
  "units.addChild": "添加下级",
  "units.edit": "编辑单位",
  "units.name": "单位名称",
  "units.parent": "上级单位",
  "units.parentNone": "（无，作为顶级单位）",

  "users.add": "新建用户",
  "users.edit": "编辑用户",
  "users.username": "用户名",
  "users.displayName": "姓名",
  "users.role": "角色",
  "users.unit": "所属单位",
  "users.noUnit": "未分配",
  "users.password": "密码",
  "users.newPassword": "新密码",
  "users.passwordKeep": "留空则不修改",
  "users.state": "状态",
  "users.active": "正常",
  "users.disabled": "已停用",
  "users.disableAccount": "停用账号",
  "users.createdAt": "创建时间",

  "audit.at": "时间",
  "audit.actor": "操作人",
  "audit.action": "操作",
  "audit.targetType": "对象类型",
  "audit.target": "对象",
  "audit.summary": "摘要",
  "audit.ip": "IP",
  "audit.system": "系统",
  "audit.export": "导出 CSV",

  ...zhCNAnalysis,
  ...zhCNTriage,
  ...zhCNAlerts,
  ...zhCNCases,
  ...zhCNCaseStats,
  ...zhCNIncidents,
  ...zhCNDuty,
  ...zhCNBoard,
  ...zhCNCaseExtras,
  ...zhCNReplies,
  ...zhCNReports,
  ...zhCNWall,
  ...zhCNImport,
  ...zhCNSources,
  ...zhCNOps,
  ...zhCNPubProposals,
  ...zhCNPubPeople,
  ...zhCNPubReview,
  ...zhCNPubScoring,
  ...zhCNPublicity,
  ...zhCNPubScores,

  "links.created": "新建于 {range}",
  "links.closed": "办结于 {range}",
  "links.overdueAt": "截至 {at} 超期在办",
  "links.overdueNow": "当前超期在办",
  "links.raised": "发出于 {range}",
  "links.severity": "等级：{severity}",
  "links.alertId": "预警 #{id}",
  "links.received": "收到于 {range}",
  "links.answered": "答复于 {range}",
  "links.statuses": "状态：{statuses}",
  "links.judgedAt": "期限按 {at} 判定",
  "links.sentimentNone": "未分析",
  "links.acceptedAt": "截至 {at} 已受理",
  "links.unansweredAt": "截至 {at} 未答复",
} as const;

/** The shape every locale must fill: exactly the keys of the Chinese table, any string values. */
export type Messages = { readonly [K in keyof typeof zhCN]: string };

/** A key of the message tables. */
export type MessageKey = keyof Messages;
