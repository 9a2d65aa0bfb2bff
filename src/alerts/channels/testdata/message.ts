// AlertMessage factories for channel tests, including hostile collected text.
import type { AlertItem, AlertMessage } from "../types";

/** One item; override what the test is about. */
export function makeItem(over: Partial<AlertItem> = {}): AlertItem {
  return {
    id: 1, title: "某区供水管网改造工程延期引发居民不满", url: "https://news.example.cn/a/1", source: "本地论坛",
    publishedAt: "2026-12-06T01:30:00Z", fetchedAt: "2026-12-06T01:35:00Z", sentiment: "neg", repostCount: 128, ...over,
  };
}

/** One alert with `n` items. */
export function makeMessage(over: Partial<AlertMessage> = {}, n = 2): AlertMessage {
  return {
    id: 42, severity: "significant", title: "供水问题负面舆情升温", reason: "监测方案「供水」命中负面信息",
    url: "https://tingfeng.example.gov.cn/alerts/42",
    items: Array.from({ length: n }, (_, i) => makeItem({ id: i + 1, title: `供水管网改造延期 第${i + 1}篇报道`, url: `https://news.example.cn/a/${i + 1}` })),
    createdAt: "2026-12-06T02:00:00Z", count: 1, ...over,
  };
}

/** Titles written to break out of markdown, HTML and mention syntax. */
export const HOSTILE_TITLES = [
  "[点我领奖](https://evil.example/phish) <font color=\"warning\">紧急</font>",
  "@all 大家注意 <@all> <at user_id=\"all\">所有人</at> @所有人",
  "# 标题\n> 引用\n- 列表 **粗体** `code` <script>alert(1)</script>",
];
