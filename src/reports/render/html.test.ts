// The printable page: collected text is escaped, only http(s) links survive, nothing can be loaded.
import { describe, expect, it } from "vitest";
import { escapeHtml, renderHtml } from "./html";
import { BASE_URL, dailyReport } from "./testdata/daily-report";

describe("report HTML", () => {
  const html = renderHtml(dailyReport(), { baseUrl: BASE_URL, draft: true });

  it("escapes hostile titles and excerpts", () => {
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&#60;script&#62;alert(1)&#60;/script&#62;禾溪镇通报");
    expect(html).toContain("&#60;img src=x onerror=alert(2)&#62;");
    expect(escapeHtml(`"'&<>\u0007`)).toBe("&#34;&#39;&#38;&#60;&#62;");
  });

  it("keeps only http(s) links, app links made absolute", () => {
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1].replace(/&#38;/g, "&"));
    expect(hrefs.length).toBeGreaterThan(8);
    for (const h of hrefs) expect(h).toMatch(/^https?:\/\//);
    expect(hrefs).toContain(`${BASE_URL}/items/101`);
    expect(hrefs).toContain(`${BASE_URL}/items?source=3&sentiment=neg`);
    expect(hrefs).toContain("https://weibo.example/p/103");
    expect(html).not.toMatch(/javascript:/i);
    // The link text of the dropped javascript: link stays as text.
    expect(html).toContain("<td>恶意链接</td>");
  });

  it("is self-contained, printable on A4 and falls back to the CJK font", () => {
    expect(html).toContain("default-src 'none'");
    expect(html).toContain("size: A4");
    expect(html).toMatch(/font-family: [^;]*"Noto Sans CJK SC";/);
    expect(html.match(/<img src="data:image\/png;base64,/g)).toHaveLength(2);
    expect(html).not.toMatch(/(src|href)="(?!data:image\/png;base64,|https?:)/);
    expect(html).toContain("草稿");
    expect(html).toContain("一、总体情况");
    expect(html).toContain("六、研判建议");
  });
});
