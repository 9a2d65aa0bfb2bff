// A report as one self-contained printable HTML page (the source of the PDF): inline CSS, charts as
// PNG data: URLs, no script, and a Content-Security-Policy that forbids loading anything. Every text
// is escaped (item titles come from the internet) and links are http(s) only.
import type { CitedItem, ReportBlock, ReportContent, ReportFigure } from "../../shared/report-types";
import type { RenderOptions } from "./options";
import { renderChartPng } from "./charts";
import { appLink, formatValue, itemFacts, pageLink, printable, sectionHeading, zhDate } from "./print-text";
import { REPORT_CSS } from "./html-style";
import { escapeHtml as escapeText } from "../../shared/escape-html";

/** Text escaped for HTML element content and attribute values (characters XML cannot hold dropped first). */
export function escapeHtml(text: string): string {
  return escapeText(printable(text));
}

/** `<a>` around escaped `text` when `url` is acceptable, else the escaped text alone. */
function a(text: string, url: string | null, attrs = ""): string {
  return url ? `<a href="${escapeHtml(url)}"${attrs}>${escapeHtml(text)}</a>` : escapeHtml(text);
}

function figures(list: ReportFigure[], baseUrl: string): string {
  const line = list.map((f) => a(`${f.label} ${formatValue(f.value)}${f.unit}`, appLink(baseUrl, f.href))).join("；");
  const notes = list.filter((f) => f.note).map((f) => `${f.label}：${f.note}`);
  return `<p class="text figures">${line}</p>${notes.length ? `<p class="text note">注：${escapeHtml(notes.join("；"))}</p>` : ""}`;
}

function items(list: CitedItem[], baseUrl: string): string {
  return `<ol class="items">${list.map((it) => {
    const url = pageLink(it.url);
    return `<li><span class="item-title">${a(it.title, appLink(baseUrl, it.href))}</span>（${escapeHtml(itemFacts(it))}）`
      + (it.excerpt.trim() ? `<div class="excerpt">${escapeHtml(it.excerpt)}</div>` : "")
      + (url ? `<div class="origin">原文：${a(url, url)}</div>` : "")
      + "</li>";
  }).join("")}</ol>`;
}

function block(b: ReportBlock, baseUrl: string, counters: { chart: number }): string {
  switch (b.type) {
    case "figures":
      return figures(b.figures, baseUrl);
    case "chart": {
      counters.chart += 1;
      const png = renderChartPng(b.chart).toString("base64");
      return `<figure class="chart"><img src="data:image/png;base64,${png}" alt="${escapeHtml(b.chart.title)}">`
        + `<figcaption>${a(`图${counters.chart}　${b.chart.title}`, appLink(baseUrl, b.chart.href))}</figcaption></figure>`;
    }
    case "table":
      return `<table>${b.title ? `<caption>${escapeHtml(b.title)}</caption>` : ""}`
        + `<thead><tr>${b.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join("")}</tr></thead>`
        + `<tbody>${b.rows.map((r) => `<tr>${b.columns.map((_, i) => `<td>${a(r[i]?.text ?? "", appLink(baseUrl, r[i]?.href))}</td>`).join("")}</tr>`).join("")}</tbody></table>`;
    case "items":
      return items(b.items, baseUrl);
    case "sentence":
      return `<p class="text">${escapeHtml(b.text)}${b.citations.map((c, i) => {
        const url = appLink(baseUrl, c.href);
        return url ? `<sup>${a(`[${i + 1}]`, url, ` title="${escapeHtml(c.label)}"`)}</sup>` : "";
      }).join("")}</p>`;
  }
}

function masthead(c: ReportContent, opts: RenderOptions): string {
  return `<header class="masthead${c.redHeader ? " red" : ""}">`
    + (opts.draft ? `<div class="draft-mark">草稿</div>` : "")
    + `<h1>${escapeHtml(c.title)}</h1>`
    + (c.number ? `<div class="number">${escapeHtml(c.number)}</div>` : "")
    + `<div class="issuer"><span>${escapeHtml(c.issuingUnit)}</span><span>${escapeHtml(c.issuedAt ? zhDate(c.issuedAt) : "")}</span></div>`
    + `</header><p class="period">统计时段：${escapeHtml(c.period.label)}</p>`;
}

/** The report as a complete HTML document. */
export function renderHtml(c: ReportContent, opts: RenderOptions): string {
  const counters = { chart: 0 };
  const sections = c.sections.map((s, i) => `<section><h2>${escapeHtml(sectionHeading(i, s.title))}</h2>`
    + s.text.split(/\r?\n/).filter((l) => l.trim()).map((l) => `<p class="text">${escapeHtml(l.trim())}</p>`).join("")
    + s.blocks.map((b) => block(b, opts.baseUrl, counters)).join("")
    + "</section>").join("\n");
  const title = [c.title, c.number].filter(Boolean).join(" ");
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title><style>${REPORT_CSS}</style></head>
<body>${masthead(c, opts)}
${sections}
</body></html>`;
}
