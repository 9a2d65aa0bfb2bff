import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { MemoryRouter } from "react-router-dom";
import { describe, expect, it } from "vitest";
import type { ReportBlock } from "../../src/shared/report-types";
import { I18nProvider } from "../locales/i18n";
import { ReportBlocks } from "./report-blocks";

const HOSTILE = "<img src=x onerror=alert(1)>";

function render(blocks: ReportBlock[], phone = false): string {
  return renderToStaticMarkup(createElement(I18nProvider, null, createElement(MemoryRouter, null, createElement(ReportBlocks, { blocks, phone }))));
}

describe("ReportBlocks", () => {
  it("prints collected text as text and links only inside the app", () => {
    const html = render([
      { type: "items", items: [{ id: 12, title: HOSTILE, source: "论坛", publishedAt: null, url: "javascript:alert(1)", sentiment: "neg", reposts: 3, excerpt: HOSTILE, href: "/items/12" }] },
      { type: "sentence", text: HOSTILE, citations: [{ label: "a", href: "/items/12" }, { label: "b", href: "javascript:alert(1)" }, { label: "c", href: "//evil.example/" }] },
      { type: "table", columns: ["来源"], rows: [[{ text: HOSTILE, href: "https://evil.example/" }]] },
    ]);
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toMatch(/href="(javascript:|\/\/|https:)/);
    expect(html).toContain('href="/items/12"');
    expect(html).toContain("[1]");
    expect(html).toContain("[3]");
    expect(html).toContain("负面");
    expect(html).toContain("转载 3");
  });

  it("links each figure to its ledger query and leaves charts out on the phone", () => {
    const blocks: ReportBlock[] = [
      { type: "figures", figures: [{ key: "neg", label: "负面信息", value: 7, unit: "条", href: "/items?sentiment=neg" }] },
      { type: "chart", chart: { kind: "bar", title: "来源分布图", labels: ["论坛"], series: [{ name: "条数", data: [7] }] } },
    ];
    const desk = render(blocks);
    expect(desk).toContain('href="/items?sentiment=neg"');
    expect(desk).toContain("负面信息");
    expect(desk).toContain("来源分布图");
    expect(render(blocks, true)).not.toContain("来源分布图");
  });
});
